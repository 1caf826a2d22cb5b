import type { Finding } from "../model";
import { checksSheet, findingIds, seenIds, SEEN_MARK } from "./checksSheet";

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: "target.missing", severity: "error", message: "STT 5 không có mục tiêu.", messageEn: "No. 5 has no target.",
  ref: { appendix: "Phụ lục II", stt: "5", field: "target", sheet: "Chỉ tiêu", cell: "J7" }, ...over,
});

describe("checksSheet", () => {
  it("lists each finding once with a hyperlink to its cell", () => {
    const sheet = checksSheet([finding(), finding({ severity: "info", rule: "agency.variant", ref: { appendix: "Phụ lục I" } })]);
    expect(sheet.name).toBe("Kiểm tra");
    const table = sheet.tables[0];
    expect(table?.columns.map((c) => c.header)).toEqual(["Mức độ", "Quy tắc", "Thông báo", "Phụ lục", "STT", "Mã", "Trường", "Ô", "Căn cứ pháp lý", "Chưa xác minh", "Đã xem", "Mã phát hiện"]);
    expect(table?.rows[0]?.slice(0, 11)).toEqual(["Lỗi", "target.missing", "STT 5 không có mục tiêu.", "Phụ lục II", "5", null, "target",
      { formula: `=HYPERLINK("#'Chỉ tiêu'!J7","'Chỉ tiêu'!J7")` }, null, null, null]);
    expect(table?.rows[0]?.[11]).toMatch(/^[0-9a-z]{7}$/);
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
    expect(checksSheet([]).tables[0]?.rows).toEqual([[null, null, "Không phát hiện vấn đề nào.", null, null, null, null, null, null, null, null, null]]);
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
  it("puts the legal basis and what is unverified in their own columns, the message staying one sentence", () => {
    const f = finding({ rule: "agency.reorganized", message: 'STT 3.4: đơn vị chủ trì "Sở KH&ĐT" → Sở Tài chính (từ 1/3/2025).',
      basis: { vi: "Nghị định 45/2025/NĐ-CP", en: "Decree 45/2025/NĐ-CP" }, notes: { vi: "ngày chưa đối chiếu.", en: "date not checked." } });
    const row = checksSheet([f]).tables[0]?.rows[0];
    expect(row?.slice(8, 10)).toEqual(["Nghị định 45/2025/NĐ-CP", "ngày chưa đối chiếu."]);
    expect(checksSheet([f], { lang: "en" }).tables[0]?.rows[0]?.slice(8, 10)).toEqual(["Decree 45/2025/NĐ-CP", "date not checked."]);
  });
  it("gives each finding an id that survives a re-check on another day and rows moving, and keeps its Đã xem mark", () => {
    const a = finding();
    const b = finding({ rule: "unit.missing", ref: { appendix: "Phụ lục II", stt: "6", field: "unit", sheet: "Chỉ tiêu", cell: "F8" } });
    const first = findingIds([a, b]);
    const later = findingIds([{ ...b, message: "khác", ref: { ...b.ref, cell: "F30" } }, a]);
    expect(later).toEqual([first[1], first[0]]);
    expect(new Set(first).size).toBe(2);
    expect(findingIds([a, a])).toEqual([first[0], `${first[0]}#2`]);
    const sheet = checksSheet([a, b], { lang: "vi", seen: new Set([first[1] as string]) });
    const table = sheet.tables[0];
    expect(table?.rows.map((r) => r[10])).toEqual([null, SEEN_MARK]);
    // Read back (as either reader returns the table), the mark is found by header, also when typed by hand.
    const headers = table?.columns.map((c) => c.header) ?? [];
    const values = (table?.rows ?? []).map((r) => r.map((v) => (v && typeof v === "object" ? null : v)));
    expect(seenIds({ headers, rows: values })).toEqual(new Set([first[1]]));
    expect(seenIds({ headers, rows: values.map((r) => r.map((v, k) => (k === 10 ? "đã xử lý" : v))) })).toEqual(new Set(first));
    expect(seenIds({ headers: headers.slice(0, 8), rows: values.map((r) => r.slice(0, 8)) })).toEqual(new Set());
  });
});
