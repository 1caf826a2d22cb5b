import { documentToPlan } from ".";
import type { RawDocument, RawTable } from "../rawTable";

const table = (header: string[][], rows: string[][], caption: string | null = "Phụ lục I\nCHỈ TIÊU"): RawTable => ({
  caption,
  header,
  rows: rows.map((cells, i) => ({ cells, ref: { row: i + 1 } })),
  source: {},
});
const doc = (...tables: RawTable[]): RawDocument => ({ file: "t.docx", bodyText: "KẾ HOẠCH\nNâng cao chỉ số năm 2023", tables });

describe("documentToPlan", () => {
  it("reads a table from a Word or Excel reader the same way as pasted text", () => {
    const r = documentToPlan(doc(table(
      [["STT", "Chỉ số thành phần", "Điểm 2022", "Xếp hạng 2022", "Mục tiêu 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"]],
      [
        ["III", "CSTP 3: TÍNH MINH BẠCH", "6,30", "19", "Trên hoặc\nbằng\n6,35", "Sở Thông tin và Truyền thông – ĐV đầu mối", ""],
        ["3.5", "Số ngày chờ đợi để nhận được thông tin (Trung vị)*", "5", "30", "Dưới hoặc bằng 1,00", "Sở Kế hoạch và Đầu tư", "Sở Tư pháp"],
      ],
    )));
    const [component, ind] = r.plan.appendices[0]?.indicators ?? [];
    expect(component).toMatchObject({ stt: "III", code: "III", level: "component", baseline: { value: 6.3, year: 2022 }, rank: { value: 19 } });
    expect(ind).toMatchObject({
      key: "PL-I/3.5", stt: "3.5", code: "3.5", name: "Số ngày chờ đợi để nhận được thông tin (Trung vị)", lowerIsBetter: true,
      target: { op: "<=", value: 1, year: 2023 }, extra: { "*": expect.stringContaining("*") },
    });
    expect(r.plan.appendices[0]?.title).toBe("Phụ lục I — CHỈ TIÊU");
  });

  it("joins a target split over an operator and a value sub-column", () => {
    const r = documentToPlan(doc(table(
      [["STT", "Chỉ tiêu", "Mục tiêu 2023", "Mục tiêu 2023"], ["STT", "Chỉ tiêu", "Toán tử", "Giá trị"]],
      [["1", "Tỷ lệ A", "Dưới hoặc bằng", "21,0%"]],
    )));
    expect(r.plan.appendices[0]?.indicators[0]?.target).toMatchObject({ op: "<=", value: 21, percent: true, year: 2023 });
  });

  it("keeps the cells of an unknown column in extra and says so", () => {
    const r = documentToPlan(doc(table([["STT", "Chỉ tiêu", "Ghi chú"]], [["1", "Tỷ lệ A", "số liệu ước"]])));
    expect(r.plan.appendices[0]?.indicators[0]?.extra).toEqual({ "Ghi chú": "số liệu ước" });
    expect(r.warnings.map((w) => w.code)).toContain("column.unknown");
  });

  it("takes the unit from the name's last parenthesis only when no unit column exists, with a warning", () => {
    const r = documentToPlan(doc(table([["STT", "Chỉ tiêu"]], [["1", "Minh bạch trong đấu thầu (% Đồng ý)"], ["2", "Tiếp cận tài liệu (1=Không thể; 5=Rất dễ)"]])));
    expect(r.plan.appendices[0]?.indicators.map((i) => i.unit)).toEqual(["% Đồng ý", null]);
    expect(r.warnings.filter((w) => w.code === "unit.fromName")).toHaveLength(1);
  });

  it("attaches continuation rows of a tasks table to the indicator above", () => {
    const r = documentToPlan(doc(table(
      [["STT", "Chỉ tiêu", "Nhiệm vụ, giải pháp trọng tâm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"]],
      [
        ["1", "Tiếp cận tài liệu quy hoạch (trên hoặc bằng 3,4)", "1.1. Công bố quy hoạch", "Sở Xây dựng", "Sở Tư pháp", "Thường xuyên"],
        ["", "", "1.2. Tiếp nhận phản ánh", "Sở Tư pháp", "", "Trước 30/11/2023"],
        ["", "Vai trò của hiệp hội (trên hoặc bằng 82%)", "", "", "", ""],
        ["", "", "16.1. Nâng cao vai trò", "Hiệp hội doanh nghiệp tỉnh", "", "Thường xuyên"],
      ],
      "Phụ lục II",
    )));
    const a = r.plan.appendices[0];
    expect(a?.kind).toBe("tasks");
    expect(a?.indicators.map((i) => [i.stt, i.name, i.target?.value, i.tasks.map((t) => t.code)])).toEqual([
      ["1", "Tiếp cận tài liệu quy hoạch", 3.4, ["1.1", "1.2"]],
      [null, "Vai trò của hiệp hội", 82, ["16.1"]],
    ]);
    expect(a?.indicators[0]?.tasks[1]).toMatchObject({ text: "Tiếp nhận phản ánh", lead: [{ name: "Sở Tư pháp" }], deadline: { raw: "Trước 30/11/2023" } });
    expect(a?.indicators[0]?.lead).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toContain("row.missingStt");
  });

  it("reads the PII code 'Chỉ số: 1.1.1.' as the indicator's code and the paragraphs below the name as its tasks", () => {
    const r = documentToPlan(doc(table(
      [["STT", "Nhiệm vụ, giải pháp", "Mức điểm số năm 2023", "Mục tiêu phấn đấu năm 2024", "Đơn vị chủ trì"]],
      [["1", "Chỉ số: 1.1.1. Chính sách thúc đẩy KH,CN&ĐMST\n- Triển khai kịp thời\n- Nâng cao hiệu lực", "12.76", "≥ 20", "Sở Khoa học và Công nghệ"]],
      "Phụ lục",
    )));
    const ind = r.plan.appendices[0]?.indicators[0];
    expect(ind).toMatchObject({ key: "PL/1.1.1", stt: "1", code: "1.1.1", name: "Chính sách thúc đẩy KH,CN&ĐMST", baseline: { value: 12.76, year: 2023 }, target: { op: ">=", value: 20, year: 2024 } });
    expect(ind?.tasks.map((t) => [t.text, t.lead.map((a) => a.name)])).toEqual([["Triển khai kịp thời", ["Sở Khoa học và Công nghệ"]], ["Nâng cao hiệu lực", ["Sở Khoa học và Công nghệ"]]]);
  });

  it("warns about an unreadable target and keeps its text", () => {
    const r = documentToPlan(doc(table([["STT", "Chỉ tiêu", "Mục tiêu 2025"]], [["1", "Tỷ lệ A", "phấn đấu cải thiện"]])));
    expect(r.plan.appendices[0]?.indicators[0]?.target).toMatchObject({ op: null, raw: "phấn đấu cải thiện" });
    expect(r.warnings.map((w) => w.code)).toContain("target.unreadable");
  });

  it("skips a table without a name column, saying so, and reports a document without tables", () => {
    expect(documentToPlan(doc(table([["STT", "Ghi chú"]], [["1", "x"]]))).warnings.map((w) => w.code)).toContain("table.noNameColumn");
    expect(documentToPlan(doc()).warnings.map((w) => w.code)).toEqual(["document.noAppendix"]);
  });

  it("throws when misused without a document", () => {
    expect(() => documentToPlan(null as unknown as RawDocument)).toThrow(TypeError);
  });
});

describe("documentToPlan on a Word table whose tasks sit in the row below the indicator", () => {
  it("attaches the task row (STT cell merged, so empty) to the indicator above, with its agencies and deadline", () => {
    const r = documentToPlan(doc(table(
      [["STT", "Nhiệm vụ, giải pháp", "Mức điểm số năm 2023", "Mục tiêu phấn đấu năm 2024", "Đơn vị chủ trì", "Thời gian thực hiện"]],
      [
        ["2", "Chỉ số: 2.2.3. Chi cho nghiên cứu khoa học/GRDP (%)", "2.43", "≥ 10", "Sở Khoa học và Công nghệ", "Hằng năm"],
        ["", "Căn cứ nguồn cấp kinh phí từ ngân sách Nhà nước", "", "", "", ""],
        ["", "Chỉ số: 5.2.3. Tỉ lệ các dự án", "4.46", "≥ 10%", "Sở Công Thương", "Thường xuyên"],
      ],
      "Phụ lục",
    )));
    const a = r.plan.appendices[0];
    expect(a?.indicators.map((i) => [i.stt, i.code, i.tasks.length])).toEqual([["2", "2.2.3", 1], [null, "5.2.3", 0]]);
    expect(a?.indicators[0]?.tasks[0]).toMatchObject({ text: "Căn cứ nguồn cấp kinh phí từ ngân sách Nhà nước", lead: [{ name: "Sở Khoa học và Công nghệ" }], deadline: { raw: "Hằng năm" } });
  });
});
