/**
 * Seed 004 (Bắc Giang, PII 2024): one "Phụ lục" of 17 indicators whose name
 * cell starts "Chỉ số: 1.1.1. …" and holds the tasks below it; one row has no
 * STT (5.2.3); page numbers "4" and "12" sit between rows; the body text has
 * lost glyphs ("Ch số", "tnh", "B�c").
 */
import { expectRow, importSeed, warningCodes, type ExpectedRow } from "./support";

const result = importSeed("004-pii-2024.txt");
const appendix = result.plan.appendices.find((a) => a.kind === "indicators");

const ROWS: ExpectedRow[] = [
    {stt: "1",code: "1.1.1",name: "Chính sách thúc đẩy KH,CN&ĐMST phục vụ phát triển kinh tế xã hội (STI)",unit: null,baseline: [12.76,2023],rank: null,target: [">=",20,2024],lower: false,lead: ["Các sở, ngành","UBND cấp huyện","Các cơ quan, đơn vị liên quan"],co: [],deadline: "Thường xuyên"},
    {stt: "2",code: "2.2.3",name: "Chi cho nghiên cứu khoa học và phát triển công nghệ/GRDP (%)",unit: "%",baseline: [2.43,2023],rank: null,target: [">=",10,2024],lower: false,lead: ["Sở Khoa học và Công nghệ"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Hằng năm"},
    {stt: "3",code: "2.2.4",name: "Số tổ chức khoa học và công nghệ/10.000 dân",unit: null,baseline: [14.72,2023],rank: null,target: [">=",20,2024],lower: false,lead: ["Sở Khoa học và Công nghệ"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "4",code: "6.1.1",name: "Đơn đăng ký bảo hộ sáng chế và giải pháp hữu ích/10.000 dân",unit: null,baseline: [18.31,2023],rank: null,target: [">=",20,2024],lower: false,lead: ["Sở Khoa học và Công nghệ"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "5",code: "6.2.3",name: "Đơn đăng ký kiểu dáng công nghiệp/10.000 dân",unit: null,baseline: [2.81,2023],rank: null,target: [">=",5,2024],lower: false,lead: ["Sở Khoa học và Công nghệ"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "6",code: "6.3.3",name: "Tỉ lệ doanh nghiệp khởi nghiệp sáng tạo/tổng số doanh nghiệp mới thành lập ở địa phương",unit: null,baseline: [0,2023],rank: null,target: [">=",10,2024],lower: false,lead: ["Sở Khoa học và Công nghệ"],co: ["Sở Kế hoạch và Đầu tư","Ban Quản lý các Khu công nghiệp tỉnh","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "7",code: "1.2.1",name: "Chi phí gia nhập thị trường",unit: null,baseline: [20.34,2023],rank: null,target: [">=",30,2024],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "8",code: "4.2.1",name: "Số doanh nghiệp ngành dịch vụ chuyên môn, KH&CN/1.000 doanh nghiệp đang hoạt động",unit: null,baseline: [18.9,2023],rank: null,target: [">=",25,2024],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Sở Khoa học và Công nghệ","Cục Thống kê tỉnh","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "9",code: "4.2.2",name: "Mật độ doanh nghiệp doanh nghiệp đang hoạt động bình quân/1.000 dân",unit: null,baseline: [21.05,2023],rank: null,target: [">=",30,2024],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "10",code: "2.1.2",name: "Tỉ lệ học sinh trung học tham gia các cuộc thi nghiên cứu khoa học và kỹ thuật",unit: null,baseline: [1.64,2023],rank: null,target: [">=",10,2024],lower: false,lead: ["Sở Giáo dục và Đào tạo"],co: ["Sở Khoa học và Công nghệ","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "11",code: "2.2.1",name: "Nhân lực nghiên cứu và phát triển/10.000 dân",unit: null,baseline: [6.31,2023],rank: null,target: [">=",10,2024],lower: false,lead: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],co: [],deadline: "Thường xuyên"},
    {stt: "12",code: "2.2.2",name: "Tỉ lệ chi cho khoa học và công nghệ từ ngân sách địa phương/GRDP (%)",unit: "%",baseline: [17.07,2023],rank: null,target: [">=",25,2024],lower: false,lead: ["Sở Tài chính"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Hằng năm"},
    {stt: "13",code: "3.1.1",name: "Hạ tầng số",unit: null,baseline: [46.75,2023],rank: null,target: [">=",55,2024],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "14",code: "4.1.1",name: "Tín dụng cho khu vực tư nhân/1.000 lao động có việc làm (tỷ đồng).",unit: "tỷ đồng",baseline: [7.57,2023],rank: null,target: [">=",15,2024],lower: false,lead: ["Ngân hàng Nhà nước chi nhánh tỉnh"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "15",code: "5.2.2",name: "Tỉ lệ dự án đầu tư đang hoạt động trong các khu công nghiệp/1.000 doanh nghiệp đang hoạt động",unit: null,baseline: [20,2023],rank: null,target: [">=",25,2024],lower: false,lead: ["Ban Quản lý các Khu công nghiệp tỉnh"],co: ["Sở Kế hoạch và Đầu tư","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: null,code: "5.2.3",name: "Tỉ lệ các dự án đang hoạt động trong các cụm công nghiệp/1.000 doanh nghiệp đang hoạt động",unit: null,baseline: [4.46,2023],rank: null,target: [">=",10,2024],lower: false,lead: ["Sở Công Thương"],co: ["Sở Kế hoạch và Đầu tư","UBND cấp huyện","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
    {stt: "17",code: "7.1.2",name: "Số sản phẩm OCOP 4 sao trở lên/tổng số đơn vị hành chính cấp xã",unit: null,baseline: [18.79,2023],rank: null,target: [">=",25,2024],lower: false,lead: ["Sở Nông nghiệp và Phát triển nông thôn"],co: ["Các sở, ngành","Các cơ quan, đơn vị liên quan"],deadline: "Thường xuyên"},
];
/** Tasks ("- …" paragraphs) under each indicator's name, counted in the document. */
const TASKS = [6, 1, 2, 1, 1, 2, 7, 2, 5, 4, 4, 1, 6, 2, 2, 2, 6];

describe("seed 004: Bắc Giang, Phụ lục of the PII 2024 plan", () => {
  it("reads one appendix of 17 indicators with the seven header columns", () => {
    expect(result.plan.appendices.filter((a) => a.kind !== "body" && a.id !== "VB")).toHaveLength(1);
    expect(appendix?.indicators).toHaveLength(17);
    expect(appendix?.headers).toEqual([
      "STT",
      "Nhiệm vụ, giải pháp cải thiện, nâng cao các chỉ số thành phần của Chỉ số đổi mới sáng tạo cấp địa phương (PII)",
      "Mức điểm số năm 2023",
      "Mục tiêu phấn đấu năm 2024",
      "Đơn vị chủ trì",
      "Đơn vị phối hợp",
      "Thời gian thực hiện",
    ]);
  });

  it.each(ROWS.map((r, i) => [r.code, r.stt ?? "—", i, r] as const))("reads indicator %s (STT %s) field by field", (_code, _stt, i, want) => {
    expectRow(appendix?.indicators[i], want);
  });

  it("keeps each indicator's tasks attached to it, with the row's agencies and deadline", () => {
    expect(appendix?.indicators.map((i) => i.tasks.length)).toEqual(TASKS);
    const first = appendix?.indicators[0]?.tasks[0];
    expect(first?.text).toMatch(/^Triển khai kịp thời các cơ chế, chính sách của các cấp/);
    expect(first?.lead.map((a) => a.name)).toEqual(["Các sở, ngành", "UBND cấp huyện", "Các cơ quan, đơn vị liên quan"]);
    expect(first?.deadline).toMatchObject({ raw: "Thường xuyên", kind: "ongoing" });
    expect(appendix?.indicators[1]?.deadline).toMatchObject({ raw: "Hằng năm", kind: "annual" });
    expect(appendix?.indicators[1]?.tasks[0]?.text).toMatch(/^Căn cứ nguồn cấp kinh phí/);
  });

  it("warns about the row without STT and strips the page numbers 4 and 12 with a warning each", () => {
    const missing = result.warnings.filter((w) => w.code === "row.missingStt");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toContain("5.2.3");
    const pages = result.warnings.filter((w) => w.code === "text.pageNumberStripped").map((w) => w.message);
    expect(pages).toHaveLength(2);
    expect(pages.join(" ")).toMatch(/"4".*"12"/);
    expect(appendix?.indicators[3]?.tasks[0]?.text).not.toMatch(/^4 /);
  });

  it("takes the units written in the names' last parentheses, with a warning each", () => {
    expect(result.warnings.filter((w) => w.code === "unit.fromName")).toHaveLength(3);
    expect(warningCodes(result)).not.toContain("target.unreadable");
  });

  it("records the lost-glyph repairs made in the body text", () => {
    expect(result.repairs.some((r) => r.kind === "lostGlyph")).toBe(true);
  });

  it("reads the issuer, a month-only date and the plan year", () => {
    expect(result.plan.issuer).toBe("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG");
    expect(result.plan.number).toBeNull();
    expect(result.plan.date).toBe("2024-07-01");
    expect(result.plan.dateRaw).toBe("ngày tháng 7 năm 2024");
    expect(result.plan.period).toEqual({ from: 2024, to: 2024 });
    expect(result.plan.title).toBe("Duy trì, cải thiện và nâng cao Chỉ số đổi mới sáng tạo cấp địa phương (PII) tỉnh Bắc Giang năm 2024 và những năm tiếp theo");
  });
});
