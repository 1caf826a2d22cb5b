import { buildLayout, locateCell, sanitizeSheetName, indexLayout, PERCENT_FORMAT, INDICATOR_COLUMNS } from ".";
import type { SheetSpec, TableSpec } from "./types";
import { agency, indicator, plan, target, task } from "./_test/plan";

const sheet = (layout: ReturnType<typeof buildLayout>, role: SheetSpec["role"]): SheetSpec => {
  const s = layout.sheets.find((x) => x.role === role);
  if (!s) throw new Error(`no ${role} sheet`);
  return s;
};
const table = (s: SheetSpec, i = 0): TableSpec => {
  const t = s.tables[i];
  if (!t) throw new Error("no table");
  return t;
};
const col = (t: TableSpec, key: string): number => t.columns.findIndex((c) => c.key === key);

describe("buildLayout", () => {
  const p = plan([
    indicator("1", { target: target(">=", 6.35), baseline: { value: 6, percent: false, year: 2023, raw: "6,00" }, tasks: [task("Rà soát thủ tục"), task("=HYPERLINK(\"x\")")] }),
    indicator("2", { target: target("<=", 21, { percent: true }), lowerIsBetter: true, unit: "%" }),
    indicator("3", { target: target("range", 5, { max: 7 }) }),
  ]);
  const layout = buildLayout(p, { lang: "vi" });

  it("writes the five sheets in Vietnamese, in order", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Nhiệm vụ", "Cơ quan", "Tổng hợp", "Kiểm tra"]);
  });

  it("names the Chỉ tiêu columns exactly as the issue lists them", () => {
    const headers = table(sheet(layout, "indicators")).columns.map((c) => c.header);
    expect(headers).toEqual([
      "STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Năm gốc", "Xếp hạng gốc", "Chiều", "Toán tử", "Mục tiêu",
      "Mục tiêu tối đa", "Năm mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả 6 tháng", "Kết quả cả năm",
      "Trạng thái", "Chênh lệch so với mục tiêu", "% hoàn thành", "Ghi chú", "Trạng thái nguồn", "Khóa", "Phụ lục", "Nguồn",
    ]);
    const hidden = table(sheet(layout, "indicators")).columns.filter((c) => c.hidden).map((c) => c.key);
    expect(hidden).toEqual(["key", "appendix", "source"]);
  });

  it("stores percent targets as fractions with a percent format on the row's number cells", () => {
    const t = table(sheet(layout, "indicators"));
    expect(t.rows[1]?.[col(t, "target")]).toBeCloseTo(0.21);
    expect(t.cellFormats).toContainEqual({ row: 1, column: "resultYear", numberFormat: PERCENT_FORMAT });
    expect(t.cellFormats.some((f) => f.row === 0)).toBe(false);
  });

  it("writes numbers as numbers and operators as sheet symbols", () => {
    const t = table(sheet(layout, "indicators"));
    expect(t.rows[0]?.[col(t, "target")]).toBe(6.35);
    expect(t.rows[0]?.[col(t, "baseline")]).toBe(6);
    expect(t.rows[0]?.[col(t, "op")]).toBe("≥");
    expect(t.rows[1]?.[col(t, "direction")]).toBe("Thấp hơn là tốt");
    expect(t.rows[2]?.[col(t, "op")]).toBe("khoảng");
    expect(t.rows[2]?.[col(t, "targetMax")]).toBe(7);
  });

  it("keeps the raw source texts in the hidden Nguồn column", () => {
    const t = table(sheet(layout, "indicators"));
    expect(t.rows[0]?.[col(t, "source")]).toContain("Gốc: 6,00");
  });

  it("puts the status formula on the column, with stored-form structured references", () => {
    const status = table(sheet(layout, "indicators")).columns.find((c) => c.key === "status");
    expect(status?.formula).toContain("ChiTieu[[#This Row],[Kết quả cả năm]]");
    expect(status?.formula).not.toContain("[@");
  });

  it("keeps text that looks like a formula as a plain string", () => {
    const t = table(sheet(layout, "tasks"));
    expect(t.rows[1]?.[col(t, "text")]).toBe("=HYPERLINK(\"x\")");
  });

  it("validates agencies against the Cơ quan list with a warning, and results as decimals", () => {
    const t = table(sheet(layout, "indicators"));
    const lead = t.columns.find((c) => c.key === "lead")?.validation;
    expect(lead).toMatchObject({ type: "list", errorStyle: "warning", source: { formula: "=DanhSachCoQuan" } });
    expect(t.columns.find((c) => c.key === "resultYear")?.validation).toMatchObject({ type: "decimal" });
    expect(layout.names.map((n) => n.name).sort()).toEqual(["DanhSachCoQuan", "SaiSoChoPhep"]);
  });

  it("colours statuses with four rules (and findings with three more) whatever the number of indicators", () => {
    const many = plan(Array.from({ length: 500 }, (_, i) => indicator(`k${i}`)));
    const count = (l: ReturnType<typeof buildLayout>): number => l.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
    // Four status rules on Chỉ tiêu plus three severity rules on Kiểm tra, whatever N.
    expect(count(layout)).toBe(7);
    expect(count(buildLayout(many, { lang: "vi" }))).toBe(7);
    expect(sheet(buildLayout(many, { lang: "vi" }), "indicators").conditionalFormats[0]?.range).toBe("A2:Y501");
  });

  it("lists directory agencies first, then the plan's other agencies, each with count formulas", () => {
    const l = buildLayout(plan([indicator("1", { lead: [agency("Sở Lạ", "unknown")] })]), { lang: "vi", directory: [{ name: "Sở Y tế" }] });
    const t = table(sheet(l, "agencies"));
    expect(t.rows.map((r) => r[0])).toEqual(["Sở Y tế", "Sở Lạ", "Sở Tài chính"]);
    expect(t.columns.find((c) => c.key === "leadIndicators")?.formula).toContain("COUNTIF(ChiTieu[Đơn vị chủ trì]");
  });

  it("summarises by status and by lead agency with formulas and a stacked bar chart", () => {
    const s = sheet(layout, "summary");
    expect(s.tables.map((t) => t.name)).toEqual(["TongHopTrangThai", "TongHopDonVi"]);
    expect(s.charts[0]).toMatchObject({ type: "barStacked" });
    expect(s.tables[1]?.rows.map((r) => r[0])).toEqual(["Sở Kế hoạch và Đầu tư"]);
  });

  it("reserves the Kiểm tra sheet with a findings table", () => {
    expect(table(sheet(layout, "checks")).columns.map((c) => c.header)).toContain("Ô");
  });

  it("writes English names and statuses only when asked", () => {
    const en = buildLayout(p, { lang: "en" });
    expect(en.sheets.map((s) => s.name)).toEqual(["Indicators", "Tasks", "Agencies", "Summary", "Checks"]);
    expect(sheet(en, "indicators").conditionalFormats.map((c) => c.formula)).toContain('=$R2="Not met"');
  });

  it("uses the sheet names it is given", () => {
    const l = buildLayout(p, { lang: "vi", sheetNames: { indicators: "Chỉ tiêu (2)" } });
    expect(l.sheets[0]?.name).toBe("Chỉ tiêu (2)");
    expect(locateCell(l, "1", "target")?.sheet).toBe("Chỉ tiêu (2)");
  });

  it("has one column definition per Chỉ tiêu column, keys unique", () => {
    expect(new Set(INDICATOR_COLUMNS.map((c) => c.key)).size).toBe(INDICATOR_COLUMNS.length);
  });
});

describe("locateCell", () => {
  const layout = buildLayout(plan([indicator("a"), indicator("b")]), { lang: "vi" });
  it("gives the sheet and address of an indicator's column", () => {
    expect(locateCell(layout, "b", "target")).toEqual({ sheet: "Chỉ tiêu", address: "J3" });
    expect(locateCell(layout, "a", "lead")).toEqual({ sheet: "Chỉ tiêu", address: "M2" });
  });
  it("returns null for an unknown key or column", () => {
    expect(locateCell(layout, "zz", "target")).toBeNull();
    expect(locateCell(layout, "a", "nope")).toBeNull();
  });
  it("builds its index once per layout", () => {
    expect(indexLayout(layout)).toBe(indexLayout(layout));
  });
});

describe("sanitizeSheetName", () => {
  it("removes characters Excel forbids", () => {
    expect(sanitizeSheetName("Phụ lục I: chỉ tiêu/2024 [a]*?\\", [])).toBe("Phụ lục I chỉ tiêu 2024 a");
  });
  it("cuts names to 31 characters", () => {
    expect(sanitizeSheetName("x".repeat(40), [])).toHaveLength(31);
  });
  it("suffixes a taken name instead of reusing it, ignoring case", () => {
    expect(sanitizeSheetName("Chỉ tiêu", ["chỉ tiêu"])).toBe("Chỉ tiêu (2)");
    expect(sanitizeSheetName("Chỉ tiêu", ["Chỉ tiêu", "Chỉ tiêu (2)"])).toBe("Chỉ tiêu (3)");
    expect(sanitizeSheetName("y".repeat(31), ["y".repeat(31)])).toBe(`${"y".repeat(27)} (2)`);
  });
  it("never returns an empty name", () => {
    expect(sanitizeSheetName("[]", [])).toBe("Sheet");
  });
});
