import type { Finding } from "../model";
import { checksSheet } from "./checksSheet";

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: "target.missing", severity: "error", message: "STT 5 không có mục tiêu.", messageEn: "No. 5 has no target.",
  ref: { appendix: "Phụ lục II", stt: "5", field: "target", sheet: "Chỉ tiêu", cell: "J7" }, ...over,
});

describe("checksSheet", () => {
  it("lists each finding once with a hyperlink to its cell", () => {
    const sheet = checksSheet([finding(), finding({ severity: "info", rule: "agency.variant", ref: { appendix: "Phụ lục I" } })]);
    expect(sheet.name).toBe("Kiểm tra");
    const table = sheet.tables[0];
    expect(table?.columns.map((c) => c.header)).toEqual(["Mức độ", "Quy tắc", "Thông báo", "Phụ lục", "STT", "Mã", "Trường", "Ô"]);
    expect(table?.rows[0]).toEqual(["Lỗi", "target.missing", "STT 5 không có mục tiêu.", "Phụ lục II", "5", null, "target",
      { formula: `=HYPERLINK("#'Chỉ tiêu'!J7","'Chỉ tiêu'!J7")` }]);
    expect(table?.rows[1]?.[7]).toBeNull();
  });
  it("colours severities with one rule per severity on the severity column", () => {
    const sheet = checksSheet([finding()]);
    expect(sheet.conditionalFormats.map((c) => c.formula)).toEqual(['=$A2="Lỗi"', '=$A2="Cảnh báo"', '=$A2="Thông tin"']);
    expect(new Set(sheet.conditionalFormats.map((c) => c.range))).toEqual(new Set(["A2:A2"]));
  });
  it("is the same sheet on a re-run, so writing it again replaces the list", () => {
    expect(checksSheet([finding()])).toEqual(checksSheet([finding()]));
    expect(checksSheet([finding(), finding()]).tables[0]?.rows).toHaveLength(2);
  });
  it("says there is nothing to report in one row when there are no findings", () => {
    expect(checksSheet([]).tables[0]?.rows).toEqual([[null, null, "Không phát hiện vấn đề nào.", null, null, null, null, null]]);
  });
  it("writes English headers, labels and messages in an English UI", () => {
    const sheet = checksSheet([finding()], { lang: "en" });
    expect(sheet.name).toBe("Checks");
    expect(sheet.tables[0]?.rows[0]?.slice(0, 3)).toEqual(["Error", "target.missing", "No. 5 has no target."]);
  });
  it("quotes sheet names with apostrophes in the link", () => {
    const sheet = checksSheet([finding({ ref: { sheet: "Bob's", cell: "A1" } })]);
    expect(sheet.tables[0]?.rows[0]?.[7]).toEqual({ formula: `=HYPERLINK("#'Bob''s'!A1","'Bob''s'!A1")` });
  });
});
