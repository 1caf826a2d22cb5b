import { buildLayout, exactCriterion, locateCell, sanitizeSheetName, indexLayout, PERCENT_FORMAT, INDICATOR_COLUMNS } from ".";
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

  it("writes the seven sheets in Vietnamese, in order", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Kết quả theo kỳ", "Nhiệm vụ", "Cơ quan", "Tổng hợp", "Kiểm tra", "Thông tin báo cáo"]);
  });

  it("names the Chỉ tiêu columns exactly as the issue lists them", () => {
    const headers = table(sheet(layout, "indicators")).columns.map((c) => c.header);
    expect(headers).toEqual([
      "STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Giá trị gốc", "Năm gốc", "Tính chất số gốc", "Xếp hạng gốc", "Chiều", "Loại chỉ tiêu", "Toán tử", "Mục tiêu",
      "Mục tiêu tối đa", "Năm mục tiêu", "Mục tiêu theo văn bản", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Kết quả kỳ báo cáo", "Giá trị đánh giá", "Giá trị theo lộ trình",
      "Trạng thái", "Chênh lệch so với mục tiêu", "% so với kế hoạch", "Cùng kỳ năm trước", "% so với cùng kỳ", "Ghi chú", "Trạng thái nguồn", "Khóa", "Phụ lục", "Nguồn",
    ]);
    const hidden = table(sheet(layout, "indicators")).columns.filter((c) => c.hidden).map((c) => c.key);
    expect(hidden).toEqual(["key", "appendix", "source"]);
  });

  it("stores percent targets as fractions with a percent format on the row's number cells", () => {
    const t = table(sheet(layout, "indicators"));
    expect(t.rows[1]?.[col(t, "target")]).toBeCloseTo(0.21);
    expect(t.cellFormats).toContainEqual({ row: 1, column: "result", numberFormat: PERCENT_FORMAT });
    expect(t.cellFormats).toContainEqual({ row: 1, column: "expected", numberFormat: PERCENT_FORMAT });
    const grid = table(sheet(layout, "results"));
    expect(grid.cellFormats).toContainEqual({ row: 1, column: "period:2024-H1", numberFormat: PERCENT_FORMAT });
    expect(grid.cellFormats.some((f) => f.row === 0)).toBe(false);
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

  it("puts the status formula on the column, with stored-form structured references, following KyBaoCao", () => {
    const cols = table(sheet(layout, "indicators")).columns;
    const status = cols.find((c) => c.key === "status");
    expect(status?.formula).toContain("ChiTieu[[#This Row],[Giá trị đánh giá]]");
    expect(cols.find((c) => c.key === "judged")?.formula).toContain("ChiTieu[[#This Row],[Kết quả kỳ báo cáo]]");
    expect(status?.formula).toContain("KyBaoCaoKetThuc");
    expect(status?.formula).not.toContain("[@");
    const result = cols.find((c) => c.key === "result")?.formula;
    expect(result).toContain("MATCH(KyBaoCao,KetQuaTheoKy[[#Headers],[Mã]:[Khóa]],0)");
    expect(result).toContain("MATCH(ChiTieu[[#This Row],[Khóa]],KetQuaTheoKy[Khóa],0)");
    for (const f of cols.map((c) => c.formula ?? "")) expect(f).not.toMatch(/XLOOKUP|LET\(|FILTER\(|SEQUENCE\(/);
  });

  it("lays out Kết quả theo kỳ: Mã, Chỉ tiêu, Đơn vị tính, one input column per period headed by its label, hidden key", () => {
    const grid = table(sheet(layout, "results"));
    expect(grid.name).toBe("KetQuaTheoKy");
    // The year before's periods come first: the same periods a year earlier ("so với cùng kỳ").
    expect(grid.columns.map((c) => c.header)).toEqual(["Mã", "Chỉ tiêu", "Đơn vị tính", "6 tháng đầu năm 2023", "Năm 2023", "6 tháng đầu năm 2024", "Ước cả năm 2024 (kỳ 6 tháng)", "Năm 2024", "Khóa"]);
    expect(grid.columns.filter((c) => c.hidden).map((c) => c.key)).toEqual(["key"]);
    expect(grid.columns[3]?.validation).toMatchObject({ type: "decimal" });
    expect(grid.rows.map((r) => r.at(-1))).toEqual(["1", "2", "3"]);
  });

  it("names KyBaoCao on Tổng hợp, lists the periods for it, and counts the five statuses", () => {
    const summary = sheet(layout, "summary");
    const names = Object.fromEntries(layout.names.map((n) => [n.name, n.formula]));
    expect(names.KyBaoCao).toBe("='Tổng hợp'!$B$5");
    expect(names.KyBaoCaoKetThuc).toBe("='Tổng hợp'!$B$6");
    const cell = summary.cells.find((c) => c.address === "B5");
    expect(cell?.value).toBe("6 tháng đầu năm 2024");
    expect(cell?.validation).toMatchObject({ type: "list", source: { formula: "=DanhSachKyBaoCao" } });
    const list = summary.tables.find((t) => t.name === "DanhSachKy");
    expect(list?.rows?.slice(2)).toEqual([["6 tháng đầu năm 2024", "2024-H1", { formula: "=DATE(2024,6,30)" }, "6 tháng đầu năm 2023"], ["Năm 2024", "2024", { formula: "=DATE(2024,12,31)" }, "Năm 2023"]]);
    expect(names.DanhSachKyBaoCao).toMatch(/^='Tổng hợp'!\$([A-Z]+)\$8:\$\1\$11$/);
    expect(summary.tables[0]?.rows.map((r) => r[0])).toEqual(["Vượt", "Đạt", "Đúng tiến độ", "Có nguy cơ", "Không đạt", "Chưa có số liệu"]);
  });

  it("starts KyBaoCao on the latest period with a result", () => {
    const l = buildLayout(p, { lang: "vi", results: { indicators: {}, tasks: {}, goneIndicators: [], goneTasks: [], periodResults: { "2": { "2024": 0.2 } } } });
    expect(sheet(l, "summary").cells.find((c) => c.address === "B5")?.value).toBe("Năm 2024");
  });

  it("keeps text that looks like a formula as a plain string", () => {
    const t = table(sheet(layout, "tasks"));
    expect(t.rows[1]?.[col(t, "text")]).toBe("=HYPERLINK(\"x\")");
  });

  it("validates agencies against the Cơ quan list with a warning, and results as decimals", () => {
    const t = table(sheet(layout, "indicators"));
    const lead = t.columns.find((c) => c.key === "lead")?.validation;
    expect(lead).toMatchObject({ type: "list", errorStyle: "warning", source: { formula: "=DanhSachCoQuan" } });
    expect(t.columns.find((c) => c.key === "target")?.validation).toMatchObject({ type: "decimal" });
    expect(layout.names.map((n) => n.name).sort()).toEqual(["DanhSachCoQuan", "DanhSachKyBaoCao", "KyBaoCao", "KyBaoCaoKetThuc", "SaiSoChoPhep"]);
  });

  it("colours statuses with five rules (and findings with three more) whatever the number of indicators", () => {
    const many = plan(Array.from({ length: 500 }, (_, i) => indicator(`k${i}`)));
    const count = (l: ReturnType<typeof buildLayout>): number => l.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
    // Five status rules on Chỉ tiêu plus three severity rules on Kiểm tra, whatever N.
    expect(count(layout)).toBe(8);
    expect(count(buildLayout(many, { lang: "vi" }))).toBe(8);
    expect(sheet(buildLayout(many, { lang: "vi" }), "indicators").conditionalFormats[0]?.range).toBe("A2:AE501");
  });

  it("lists directory agencies first, then the plan's other agencies, each with count formulas", () => {
    const l = buildLayout(plan([indicator("1", { lead: [agency("Sở Lạ", "unknown")] })]), { lang: "vi", directory: [{ name: "Sở Y tế" }] });
    const t = table(sheet(l, "agencies"));
    expect(t.rows.map((r) => r[0])).toEqual(["Sở Y tế", "Sở Lạ", "Sở Tài chính"]);
    expect(t.columns.find((c) => c.key === "leadIndicators")?.formula).toContain("COUNTIFS(VaiTroCoQuan[Cơ quan],\"=\"&SUBSTITUTE(");
  });

  it("unrolls every lead and coordinating cell into a hidden roles table beside Cơ quan, each agency once per row and role", () => {
    const l = buildLayout(plan([
      indicator("1", { lead: [agency("UBND tỉnh"), agency("ubnd TỈNH")], coordinating: [agency("Văn phòng UBND tỉnh")], tasks: [task("Việc", { lead: [agency("Ban *")] })] }),
    ]), { lang: "vi", directory: [] });
    const roles = table(sheet(l, "agencies"), 1);
    expect(roles.name).toBe("VaiTroCoQuan");
    // One empty column right of Cơ quan (whose last columns are the successor and what is not verified).
    expect(roles.anchor).toBe("K1");
    expect(roles.columns.every((c) => c.hidden)).toBe(true);
    expect(roles.rows.map((r) => r.slice(0, 4))).toEqual([
      ["1", "indicator", "UBND tỉnh", "lead"],
      ["1", "indicator", "Văn phòng UBND tỉnh", "coordinating"],
      ["1|việc", "task", "Ban *", "lead"],
    ]);
  });

  it("counts agencies with exact-text criteria that escape ~ * ? and cannot be read as comparisons", () => {
    expect(exactCriterion("A2")).toBe('"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A2,"~","~~"),"*","~*"),"?","~?")');
    const summary = table(sheet(layout, "summary"), 1);
    for (const c of summary.columns.filter((x) => x.formula)) {
      expect(c.formula).toMatch(/^=COUNTIFS\(VaiTroCoQuan\[Cơ quan(?: hiện nay)?\],"="&SUBSTITUTE\(/);
      expect(c.formula).not.toContain('"*"&');
    }
  });

  it("summarises by status and by lead agency with formulas and a stacked bar chart, grouped by today's body", () => {
    const s = sheet(layout, "summary");
    expect(s.charts[0]).toMatchObject({ type: "barStacked" });
    // Sở Kế hoạch và Đầu tư went into Sở Tài chính on 1/3/2025: its indicators count under Sở Tài chính,
    // through the roles table's "Cơ quan hiện nay" column.
    const byAgency = s.tables.find((t) => t.name === "TongHopDonVi");
    expect(byAgency?.rows.map((r) => r[0])).toEqual(["Sở Tài chính"]);
    expect(byAgency?.columns.find((c) => c.key === "total")?.formula).toMatch(/^=COUNTIFS\(VaiTroCoQuan\[Cơ quan hiện nay\],/);
    const roles = table(sheet(layout, "agencies"), 1);
    const at = (key: string) => roles.columns.findIndex((c) => c.key === key);
    expect(roles.rows.find((r) => r[at("agency")] === "Sở Kế hoạch và Đầu tư")?.[at("current")]).toBe("Sở Tài chính");
  });

  it("groups leads as the plan writes them when asked, or as of a day before the change", () => {
    const agencyTable = (l: ReturnType<typeof buildLayout>) => sheet(l, "summary").tables.find((t) => t.name === "TongHopDonVi");
    const rowsOf = (l: ReturnType<typeof buildLayout>) => agencyTable(l)?.rows.map((r) => r[0]);
    const asWritten = buildLayout(p, { lang: "vi", agencyGrouping: "asWritten" });
    expect(rowsOf(asWritten)).toEqual(["Sở Kế hoạch và Đầu tư"]);
    expect(agencyTable(asWritten)?.columns.find((c) => c.key === "total")?.formula).toMatch(/^=COUNTIFS\(VaiTroCoQuan\[Cơ quan\],/);
    expect(rowsOf(buildLayout(p, { lang: "vi", asOf: "2024-12-31" }))).toEqual(["Sở Kế hoạch và Đầu tư"]);
    const two = plan([indicator("1"), indicator("2", { lead: [agency("Sở Tài chính")] }), indicator("3", { lead: [agency("Sở Tư pháp")] })]);
    expect(rowsOf(buildLayout(two, { lang: "vi" }))).toEqual(["Sở Tài chính", "Sở Tư pháp"]);
    expect(rowsOf(buildLayout(two, { lang: "vi", agencyGrouping: "asWritten" }))).toEqual(["Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Sở Tư pháp"]);
  });

  it("shows each agency's successor on Cơ quan, with the date and basis, and the district level to reassign", () => {
    const l = buildLayout(plan([indicator("1", { lead: [agency("Sở Thông tin và Truyền thông"), agency("UBND cấp huyện", "group"), agency("Sở Lạ", "unknown")] })]), { lang: "vi" });
    const t = table(sheet(l, "agencies"));
    expect(t.columns.map((c) => c.header)).toContain("Đơn vị kế thừa (sắp xếp 2025)");
    const successor = (name: string) => t.rows.find((r) => r[0] === name)?.[col(t, "successor")];
    expect(successor("Sở Thông tin và Truyền thông")).toBe("Sở Khoa học và Công nghệ (từ 1/3/2025; Nghị định 45/2025/NĐ-CP)");
    expect(successor("Sở Kế hoạch và Đầu tư")).toBe("Sở Tài chính (từ 1/3/2025; Nghị định 45/2025/NĐ-CP) — có chi tiết chưa xác minh");
    expect(successor("UBND cấp huyện")).toBe("Không còn từ 1/7/2025: giao lại nhiệm vụ (Luật Tổ chức chính quyền địa phương số 72/2025/QH15)");
    expect(successor("Sở Tư pháp")).toBeNull();
    expect(successor("Sở Lạ")).toBeNull();
    expect(String(successor("Ban Dân tộc tỉnh"))).toMatch(/^Chưa xác minh: /);
    // What could not be verified is spelled out in the next column.
    const doubt = (name: string) => t.rows.find((r) => r[0] === name)?.[col(t, "unverified")];
    expect(doubt("Sở Kế hoạch và Đầu tư")).toContain("ngày 1/3/2025 chưa đối chiếu được với văn bản gốc");
    expect(doubt("Sở Thông tin và Truyền thông")).toBeNull();
    const before = table(sheet(buildLayout(plan([indicator("1")]), { lang: "en", asOf: "2024-12-31" }), "agencies"));
    expect(before.rows.find((r) => r[0] === "Sở Kế hoạch và Đầu tư")?.[col(before, "successor")]).toBeNull();
  });

  it("reserves the Kiểm tra sheet with a findings table", () => {
    expect(table(sheet(layout, "checks")).columns.map((c) => c.header)).toContain("Ô");
  });

  it("writes English names and statuses only when asked", () => {
    const en = buildLayout(p, { lang: "en" });
    expect(en.sheets.map((s) => s.name)).toEqual(["Indicators", "Results by period", "Tasks", "Agencies", "Summary", "Checks", "Report details"]);
    expect(sheet(en, "indicators").conditionalFormats.map((c) => c.formula)).toContain('=$V2="Not met"');
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
    expect(locateCell(layout, "b", "target")).toEqual({ sheet: "Chỉ tiêu", address: "L3" });
    expect(locateCell(layout, "a", "lead")).toEqual({ sheet: "Chỉ tiêu", address: "P2" });
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
