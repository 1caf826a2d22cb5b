/**
 * Seed 002 (Bắc Giang, PCI "Tính minh bạch" 2023): Phụ lục I has the
 * component row III and 17 indicators (3.1–3.17) with baseline, rank, target
 * and agencies, repeated headers after page breaks and lower-is-better `*`
 * markers; Phụ lục II groups tasks under 16 indicators whose targets sit in
 * their names, with one indicator row without STT (the 16th).
 */
import { expectRow, importSeed, type ExpectedRow } from "./support";

const result = importSeed("002-pci-minh-bach-2023.txt");
const [pl1, pl2] = result.plan.appendices.filter((a) => a.kind !== "body");

const PL1: ExpectedRow[] = [
    {stt: "III",code: "III",name: "CSTP 3: TÍNH MINH BẠCH",unit: null,baseline: [6.3,2022],rank: 19,target: [">=",6.35,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: [],deadline: null},
    {stt: "3.1",code: "3.1",name: "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)",unit: null,baseline: [3.33,2022],rank: 4,target: [">=",3.4,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Sở Tài nguyên và Môi trường","Sở Xây dựng","Sở Công Thương","UBND cấp huyện"],deadline: null},
    {stt: "3.2",code: "3.2",name: "Tiếp cận tài liệu pháp lý (1=Không thể; 5=Rất dễ)",unit: null,baseline: [3.42,2022],rank: 7,target: [">=",3.5,2023],lower: false,lead: ["Sở Tư pháp"],co: ["Sở Kế hoạch và Đầu tư","Sở Xây dựng","Sở Tài nguyên và Môi trường","Sở Lao động - Thương binh và Xã hội","Sở Công Thương","Sở Nông nghiệp và Phát triển nông thôn","Ban Quản lý các Khu công nghiệp tỉnh","Sở Giáo dục và Đào tạo","Sở Giao thông vận tải","Sở Y tế","Sở Khoa học và Công nghệ","Sở Văn hóa, Thể thao và Du lịch","Công an tỉnh","Cục Thuế tỉnh","Chi cục Hải quan quản lý các Khu công nghiệp","UBND cấp huyện"],deadline: null},
    {stt: "3.3",code: "3.3",name: "Minh bạch trong đấu thầu (% Đồng ý)",unit: "% Đồng ý",baseline: [13.93,2022],rank: 58,target: [">=",92,2023],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Các sở, ngành","UBND cấp huyện"],deadline: null},
    {stt: "3.4",code: "3.4",name: "Tỷ lệ DN nhận được thông tin, văn bản cần khi yêu cầu cơ quan trong tỉnh cung cấp (%)",unit: "%",baseline: [80,2022],rank: 25,target: [">=",83,2023],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Sở Nội vụ","Sở Tài chính","Sở Kế hoạch và Đầu tư","Sở Công Thương","Sở Xây dựng","Sở Tài nguyên và Môi trường","Sở Lao động - Thương binh và Xã hội","Sở Nông nghiệp và Phát triển nông thôn","Sở Y tế","Sở Văn hóa, Thể thao và Du lịch","Sở Khoa học và Công nghệ","Văn phòng UBND tỉnh","Ban Quản lý các Khu công nghiệp tỉnh","Cục Thuế tỉnh","Công an tỉnh","UBND cấp huyện"],deadline: null},
    {stt: "3.5",code: "3.5",name: "Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu (Trung vị)",unit: null,baseline: [5,2022],rank: 30,target: ["<=",1,2023],lower: true,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Sở Nội vụ","Sở Tài chính","Sở Kế hoạch và Đầu tư","Sở Công Thương","Sở Xây dựng","Sở Tài nguyên và Môi trường","Sở Lao động - Thương binh và Xã hội","Sở Nông nghiệp và Phát triển nông thôn","Sở Y tế","Sở Văn hóa, Thể thao và Du lịch","Sở Khoa học và Công nghệ","Văn phòng UBND tỉnh","Ban Quản lý các Khu công nghiệp tỉnh","Cục Thuế tỉnh","Công an tỉnh","UBND cấp huyện"],deadline: null},
    {stt: "3.6",code: "3.6",name: "Thông tin trên website của tỉnh về các ưu đãi/khuyến khích/hỗ trợ đầu tư của tỉnh là hữu ích (% Đồng ý)",unit: "% Đồng ý",baseline: [28.21,2022],rank: 37,target: [">=",50,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Các sở, ngành","UBND cấp huyện"],deadline: null},
    {stt: "3.7",code: "3.7",name: "Thông tin trên website của tỉnh về các quy định về thủ tục hành chính là hữu ích (% Đồng ý)",unit: "% Đồng ý",baseline: [76.92,2022],rank: 6,target: [">=",77.2,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Văn phòng UBND tỉnh","Sở Nội vụ"],deadline: null},
    {stt: "3.8",code: "3.8",name: "Thông tin trên website của tỉnh về các văn bản điều hành, chỉ đạo của lãnh đạo tỉnh là hữu ích (% Đồng ý)",unit: "% Đồng ý",baseline: [23.08,2022],rank: 56,target: [">=",50.6,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Văn phòng UBND tỉnh","Các sở, ngành","UBND cấp huyện"],deadline: null},
    {stt: "3.9",code: "3.9",name: "Thông tin trên các website của tỉnh về các văn bản pháp luật của tỉnh là hữu ích (% Đồng ý)",unit: "% Đồng ý",baseline: [43.59,2022],rank: 29,target: [">=",58.4,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Sở Tư pháp","Văn phòng UBND tỉnh","UBND cấp huyện"],deadline: null},
    {stt: "3.10",code: "3.10",name: "Cần có \"mối quan hệ\" để có được các tài liệu của tỉnh (% Quan trọng hoặc Rất quan trọng)",unit: "% Quan trọng hoặc Rất quan trọng",baseline: [21.19,2022],rank: 8,target: ["<=",21,2023],lower: true,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Sở Nội vụ","Sở Tài chính","Sở Kế hoạch và Đầu tư","Sở Công Thương","Sở Xây dựng","Sở Tài nguyên và Môi trường","Sở Lao động - Thương binh và Xã hội","Sở Nông nghiệp và Phát triển nông thôn","Sở Y tế","Sở Văn hóa, Thể thao và Du lịch","Sở Khoa học và Công nghệ","Văn phòng UBND tỉnh","Ban Quản lý các Khu công nghiệp tỉnh","Cục Thuế tỉnh","Công an tỉnh","UBND cấp huyện"],deadline: null},
    {stt: "3.11",code: "3.11",name: "Thương lượng với cán bộ thuế là phần thiết yếu trong hoạt động kinh doanh (% Đồng ý)",unit: "% Đồng ý",baseline: [33.88,2022],rank: 5,target: ["<=",33.5,2023],lower: true,lead: ["Cục Thuế tỉnh"],co: [],deadline: null},
    {stt: "3.12",code: "3.12",name: "Thỏa thuận về các khoản thuế phải nộp với cán bộ thuế giúp doanh nghiệp giảm được số thuế phải nộp (% Đồng ý)",unit: "% Đồng ý",baseline: [21.49,2022],rank: 2,target: ["<=",20,2023],lower: true,lead: ["Cục Thuế tỉnh"],co: [],deadline: null},
    {stt: "3.13",code: "3.13",name: "Vai trò của các hiệp hội DN địa phương trong việc xây dựng và phản biện chính sách, quy định của tỉnh là quan trọng (% DN)",unit: "% DN",baseline: [79.66,2022],rank: 8,target: [">=",82,2023],lower: false,lead: ["Hiệp hội doanh nghiệp tỉnh"],co: ["Các tổ chức hội doanh nghiệp"],deadline: null},
    {stt: "3.14",code: "3.14",name: "Khả năng dự liệu được việc thực thi của tỉnh với quy định pháp luật của Trung ương (% Có thể)",unit: "% Có thể",baseline: [32.2,2022],rank: 25,target: [">=",38,2023],lower: false,lead: ["Sở Kế hoạch và Đầu tư"],co: ["Các sở, ngành"],deadline: null},
    {stt: "3.15",code: "3.15",name: "Khả năng dự liệu được thay đổi quy định pháp luật của tỉnh (% Có thể)",unit: "% Có thể",baseline: [30.51,2022],rank: 29,target: [">=",35,2023],lower: false,lead: ["Sở Tư pháp"],co: ["Các sở, ngành","UBND cấp huyện"],deadline: null},
    {stt: "3.16",code: "3.16",name: "Chất lượng website của tỉnh",unit: null,baseline: [55.15,2022],rank: 18,target: [">=",57,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Các sở, ngành","UBND cấp huyện"],deadline: null},
    {stt: "3.17",code: "3.17",name: "Tỷ lệ DN thường xuyên truy cập vào website của UBND tỉnh (%)",unit: "%",baseline: [33.05,2022],rank: 47,target: [">=",53.2,2023],lower: false,lead: ["Sở Thông tin và Truyền thông"],co: ["Các sở, ngành","UBND cấp huyện"],deadline: null},
];

const PL2: ExpectedRow[] = [
    {stt: "1",code: "1",name: "Tiếp cận tài liệu quy hoạch",unit: null,baseline: null,rank: null,target: [">=",3.4,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "2",code: "2",name: "Thông tin trên website của tỉnh về các ưu đãi/khuyến khích/hỗ trợ đầu tư của tỉnh là hữu ích",unit: null,baseline: null,rank: null,target: [">=",50,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "3",code: "3",name: "Thông tin trên website của tỉnh về các quy định về thủ tục hành chính là hữu ích",unit: null,baseline: null,rank: null,target: [">=",77.2,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "4",code: "4",name: "Thông tin trên website của tỉnh về các văn bản điều hành, chỉ đạo của lãnh đạo tỉnh là hữu ích",unit: null,baseline: null,rank: null,target: [">=",50.6,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "5",code: "5",name: "Thông tin trên các website của tỉnh về các văn bản pháp luật của tỉnh là hữu ích",unit: null,baseline: null,rank: null,target: null,lower: false,lead: [],co: [],deadline: null},
    {stt: "6",code: "6",name: "Chất lượng website của tỉnh",unit: null,baseline: null,rank: null,target: [">=",57,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "7",code: "7",name: "Tỷ lệ DN thường xuyên truy cập vào website của UBND tỉnh",unit: null,baseline: null,rank: null,target: null,lower: false,lead: [],co: [],deadline: null},
    {stt: "8",code: "8",name: "Tiếp cận tài liệu pháp lý (1 = không dễ; 5 = rất dễ)",unit: null,baseline: null,rank: null,target: [">=",3.5,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "9",code: "9",name: "Khả năng dự liệu được thay đổi quy định pháp luật của tỉnh (% Có thể)",unit: "% Có thể",baseline: null,rank: null,target: [">=",35,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "10",code: "10",name: "Minh bạch trong đấu thầu",unit: null,baseline: null,rank: null,target: [">=",92,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "11",code: "11",name: "Tỷ lệ DN nhận được thông tin, văn bản cần khi yêu cầu cơ quan trong tỉnh cung cấp",unit: null,baseline: null,rank: null,target: [">=",83,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "12",code: "12",name: "Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu",unit: null,baseline: null,rank: null,target: ["<=",1,null],lower: true,lead: [],co: [],deadline: null},
    {stt: "13",code: "13",name: "Cần có \"mối quan hệ\" để có được các tài liệu của tỉnh",unit: null,baseline: null,rank: null,target: ["<=",21,null],lower: true,lead: [],co: [],deadline: null},
    {stt: "14",code: "14",name: "Khả năng dự liệu được việc thực thi của tỉnh với quy định pháp luật của Trung ương",unit: null,baseline: null,rank: null,target: [">=",38,null],lower: false,lead: [],co: [],deadline: null},
    {stt: "15",code: "15",name: "Thương lượng với cán bộ thuế là phần thiết yếu trong hoạt động kinh doanh (dưới hoặc bằng 33,5%); Thỏa thuận về các khoản thuế phải nộp với cán bộ thuế giúp doanh nghiệp giảm được số thuế phải nộp (dưới hoặc bằng 20%)",unit: null,baseline: null,rank: null,target: null,lower: false,lead: [],co: [],deadline: null},
    {stt: null,code: null,name: "Vai trò của các hiệp hội DN địa phương trong việc xây dựng và phản biện chính sách, quy định của tỉnh là quan trọng”",unit: null,baseline: null,rank: null,target: [">=",82,null],lower: false,lead: [],co: [],deadline: null},
];

/** Tasks under each Phụ lục II indicator: numbered tasks and "- " items, counted in the document. */
const PL2_TASKS = [2, 2, 3, 1, 2, 10, 3, 5, 12, 3, 3, 1, 1, 1, 5, 3];

describe("seed 002: Bắc Giang, PCI Tính minh bạch 2023", () => {
  it("finds Phụ lục I (indicators) and Phụ lục II (tasks grouped by indicator)", () => {
    expect(pl1?.id).toBe("PL-I");
    expect(pl1?.kind).toBe("indicators");
    expect(pl1?.headers).toEqual(["STT", "Chỉ số thành phần", "Điểm 2022", "Xếp hạng 2022", "Mục tiêu 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"]);
    expect(pl2?.id).toBe("PL-II");
    expect(pl2?.kind).toBe("tasks");
    expect(pl2?.headers).toEqual(["STT", "Chỉ tiêu", "Nhiệm vụ, giải pháp trọng tâm", "Cơ quan chủ trì thực hiện", "Cơ quan phối hợp thực hiện", "Thời gian thực hiện"]);
  });

  it("reads the component row III and 17 indicators in Phụ lục I", () => {
    expect(pl1?.indicators).toHaveLength(18);
    expect(pl1?.indicators[0]?.level).toBe("component");
    expect(pl1?.indicators.slice(1).every((i) => i.level === "indicator")).toBe(true);
  });

  it.each(PL1.map((r, i) => [r.stt, i, r] as const))("reads Phụ lục I row %s field by field", (_stt, i, want) => {
    expectRow(pl1?.indicators[i], want);
  });

  it("keeps the `*` marker as a recorded fact on the four marked rows", () => {
    expect(pl1?.indicators.filter((i) => i.extra["*"] !== undefined).map((i) => i.code)).toEqual(["3.5", "3.10", "3.11", "3.12"]);
  });

  it("keeps the role note of the lead agency ('– ĐV đầu mối')", () => {
    expect(pl1?.indicators[0]?.lead[0]?.note).toMatch(/đầu mối/);
  });

  it("skips the three repeated header rows of Phụ lục I and the eleven of Phụ lục II, with a warning each", () => {
    expect(result.warnings.filter((w) => w.code === "text.headerRepeated")).toHaveLength(14);
  });

  it("reads 16 indicators in Phụ lục II, the last one without STT", () => {
    expect(pl2?.indicators).toHaveLength(16);
    expect(pl2?.indicators[15]?.stt).toBeNull();
    expect(result.warnings.some((w) => w.code === "row.missingStt" && w.message.includes("16"))).toBe(true);
  });

  it.each(PL2.map((r, i) => [r.stt ?? "—", r.name, i, r] as const))("reads Phụ lục II indicator %s '%s' with the target from its name", (_stt, _name, i, want) => {
    expectRow(pl2?.indicators[i], want);
  });

  it("does not pick one of the two targets written in indicator 15's name, and says so", () => {
    const w = result.warnings.find((x) => x.code === "target.severalInName");
    expect(w?.message).toContain("33,5%");
    expect(w?.message).toContain("20%");
  });

  it("keeps every task attached to its indicator", () => {
    expect(pl2?.indicators.map((i) => i.tasks.length)).toEqual(PL2_TASKS);
    expect(pl2?.indicators.flatMap((i) => i.tasks.map((t) => t.code)).filter((c) => c !== null)).toEqual([
      "1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "5.1", "5.2", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6",
      "7.1", "7.2", "7.3", "8.1", "8.2", "9.1", "9.2", "9.3", "10.1", "10.2", "10.3", "11.1", "11.2", "11.3",
      "15.1", "15.2", "15.3", "15.4", "15.5", "16.1", "16.2", "16.3",
    ]);
  });

  it("reads each task's lead, coordinating agencies and deadline", () => {
    const task = (code: string) => pl2?.indicators.flatMap((i) => i.tasks).find((t) => t.code === code);
    const t11 = task("1.1");
    expect(t11?.lead.map((a) => a.name)).toEqual(["Các sở, ngành", "UBND cấp huyện"]);
    expect(t11?.coordinating.map((a) => a.name)).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(t11?.deadline?.raw).toBe("Thường xuyên (Sau khi văn bản ban hành)");
    expect(task("3.1")?.deadline?.raw).toBe("Trước 30/7/2023");
    expect(task("6.4")?.lead.map((a) => a.name)).toEqual(["Sở Thông tin và Truyền thông"]);
    expect(task("10.3")?.deadline).toMatchObject({ raw: "Quý III+IV/2023", kind: "quarters", quarters: [3, 4], year: 2023 });
    expect(t11?.deadline?.kind).toBe("ongoing");
    expect(task("3.1")?.deadline).toMatchObject({ kind: "byDate", date: "2023-07-30" });
    expect(task("15.1")?.lead.map((a) => a.name)).toEqual(["Cục Thuế tỉnh"]);
    expect(task("16.3")?.lead.map((a) => a.name)).toEqual(["Hiệp hội doanh nghiệp tỉnh"]);
    expect(task("16.3")?.deadline?.raw).toBe("Trước 30/11/2023");
    const nine = pl2?.indicators[8]?.tasks ?? [];
    expect(nine.find((t) => t.text.startsWith("Kiểm tra việc chỉ đạo"))?.deadline?.raw).toBe("Theo tiến độ nêu tại Kế hoạch số 6424/KH-UBND");
    const eight = pl2?.indicators[7]?.tasks ?? [];
    const leaflet = eight.find((t) => t.text.startsWith("Biên soạn"));
    expect(leaflet?.deadline).toMatchObject({ raw: "Xong trong tháng 6/2023", kind: "month", month: 6, year: 2023 });
    expect(nine.find((t) => t.text.startsWith("Thực hiện tốt nhiệm vụ tham gia ý kiến"))?.deadline).toMatchObject({ raw: "Khi có đề nghị của các cơ quan", kind: "event" });
    expect(leaflet?.lead).toEqual([]);
  });

  it("leaves the tasks of merged cells without agencies rather than guessing them", () => {
    const t62 = pl2?.indicators[5]?.tasks.find((t) => t.code === "6.2");
    expect(t62?.lead).toEqual([]);
    expect(t62?.deadline).toBeNull();
  });

  it("reads the plan's title, the month-only appendix date is not the plan date, and the plan year", () => {
    expect(result.plan.title).toBe("Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh đối với chỉ số thành phần “Tính minh bạch” năm 2023");
    expect(result.plan.number).toBeNull();
    expect(result.plan.period).toEqual({ from: 2023, to: 2023 });
  });
});
