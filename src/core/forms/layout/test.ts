import { fixtureSource, formSnapshot, ISSUED, PERIODS } from "../_test/fixture";
import { formRecipients } from "../recipients";
import { readIdentity } from "../identity";
import { FORM_SHEET, FORM_TABLES, formLayout } from ".";

describe("formLayout", () => {
  const source = fixtureSource({ "1.1": { "2024-H1": 0.9 } });
  const recipient = formRecipients(source).find((r) => r.agency === "Sở Tư pháp");
  if (!recipient) throw new Error("fixture");
  const period = PERIODS[1] ?? PERIODS[0]!;
  const layout = formLayout({ source, recipient, period, issued: ISSUED });
  const sheet = layout.sheets.find((s) => s.name === FORM_SHEET);
  const table = sheet?.tables.find((t) => t.name === FORM_TABLES.indicators);
  const col = (key: string) => table?.columns.find((c) => c.key === key);

  it("names the plan, the period and the agency in the title block, then instructs in Vietnamese", () => {
    const text = sheet?.cells.map((c) => String(c.value)).join("\n") ?? "";
    expect(text).toContain("Kế hoạch: Kế hoạch thử");
    expect(text).toContain("Kỳ báo cáo: Năm 2024");
    expect(text).toContain("Đơn vị báo cáo: Sở Tư pháp");
    expect(text).toMatch(/Hướng dẫn/);
  });

  it("lays out the indicator table with read-only context and two input columns", () => {
    expect(table?.columns.map((c) => c.header)).toEqual(["Mã", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả kỳ trước", "Kết quả kỳ này", "Giải trình", "Khóa"]);
    expect(table?.columns.filter((c) => c.input).map((c) => c.key)).toEqual(["current", "explanation"]);
    expect(col("current")?.validation?.type).toBe("decimal");
    expect(col("key")?.hidden).toBe(true);
    expect(sheet?.protect).toBe(true);
  });

  it("shows the previous period's result and formats percent rows as the main workbook does", () => {
    expect(table?.rows[0]).toEqual(["1.1", "Tỷ lệ hồ sơ đúng hạn", "%", "≥ 92%", 0.9, null, null, "1.1"]);
    expect(table?.cellFormats).toEqual([{ row: 0, column: "previous", numberFormat: "0.0%" }, { row: 0, column: "current", numberFormat: "0.0%" }]);
  });

  it("lists the agency's tasks with a status list", () => {
    const tasks = sheet?.tables.find((t) => t.name === FORM_TABLES.tasks);
    const status = tasks?.columns.find((c) => c.key === "status");
    expect(tasks?.rows).toHaveLength(1);
    expect(status?.validation).toMatchObject({ type: "list", source: { items: ["Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện"] } });
  });

  it("stores its identity in a hidden, protected sheet that reads back", () => {
    const hidden = layout.sheets.find((s) => s.hidden);
    expect(hidden?.protect).toBe(true);
    const id = readIdentity(formSnapshot(source, "Sở Tư pháp", "2024"));
    expect(id.ok && id.identity).toMatchObject({
      formVersion: 1, planTitle: "Kế hoạch thử", planFingerprint: source.fingerprint, periodId: "2024", periodLabel: "Năm 2024",
      agency: "Sở Tư pháp", agencyKind: "agency", issued: ISSUED,
    });
    expect(id.ok && id.identity.rows.map((r) => [r.kind, r.key, r.percent])).toEqual([["indicator", "1.1", true], ["indicator", "1.5", false], ["task", expect.stringContaining("1.1|"), false]]);
  });

  it("says plainly when a file is not one of our forms", () => {
    expect(readIdentity({ sheetNames: ["Sheet1"], tables: [] })).toMatchObject({ ok: false, code: "notAForm" });
  });
});
