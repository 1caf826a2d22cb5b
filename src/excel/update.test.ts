import { buildLayout, describeProblems } from "../core/layout";
import type { WorkbookLayout } from "../core/layout/types";
import { agency, indicator, plan, target } from "../core/layout/_test/plan";
import { address, parseAddress } from "../core/layout/_lib/a1";
import { createStandInContext, createWorkbookState, dumpWorkbook, findSheet, typeIntoCell } from "../../tests/support/excel-standin";
import { SUMMARY_CHART_NAME } from "../core/layout/_lib/summary";
import { updateInPlace } from "./update";
import { createOperations, type Runner } from "./operations";
import { OperationError } from "./errors";
import { writeLayout } from "./write";
import { readSnapshot } from "./read";
import { interpretSnapshot } from "../core/workbook";

const v1 = plan([indicator("a", { target: target(">=", 10) })]);
const ctx = (state: ReturnType<typeof createWorkbookState>) => createStandInContext(state) as unknown as Excel.RequestContext;

/** Row 7 of Tổng hợp, one empty column right of its rightmost table: where a later version could add one. */
const NEW_TABLE = ((): { row: number; col: number } => {
  const tables = buildLayout(v1, { lang: "vi" }).sheets.find((s) => s.role === "summary")?.tables ?? [];
  return { row: 7, col: Math.max(...tables.map((t) => parseAddress(t.anchor).col + t.columns.length - 1)) + 2 };
})();

function withNewTable(layout: WorkbookLayout): WorkbookLayout {
  layout.sheets.find((s) => s.role === "summary")?.tables.push({
    name: "DanhSachKyThu", anchor: address(NEW_TABLE.row, NEW_TABLE.col), style: "TableStyleLight9", cellFormats: [], rowKey: "id",
    columns: [{ key: "label", header: "Kỳ báo cáo", width: 22 }, { key: "id", header: "Mã kỳ", width: 10 }],
    rows: [["Năm 2026", "2026"]],
  });
  return layout;
}

describe("updateInPlace", () => {
  it("adds a table a later version put on one of our sheets, in 4 round trips (2 to read, 1 to look where it goes, 1 to write)", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
    const report = await updateInPlace(ctx(state), withNewTable(buildLayout(v1, { lang: "vi" })));
    expect(report.refused).toBe(false);
    expect(report.syncs).toBe(4);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "DanhSachKyThu")).toMatchObject({ sheet: "Tổng hợp", rows: [["Năm 2026", "2026"]] });
  });

  it("never fills an input cell whose user formula shows nothing (checked in one more read)", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const before = buildLayout(v1, { lang: "vi" });
    await writeLayout(ctx(state), before);
    // Results are typed into the Kết quả theo kỳ grid: the user's formula is in the year's cell of row "a".
    const grid = before.sheets.flatMap((s) => s.tables).find((t) => t.name === "KetQuaTheoKy");
    const [half, year] = (grid?.columns ?? []).flatMap((c, i) => (c.key.startsWith("period:") ? [{ id: c.key.slice("period:".length), col: i }] : []));
    if (!half || !year) throw new Error("the grid has no half-year and year columns");
    typeIntoCell(state, `'Kết quả theo kỳ'!${address(2, year.col + 1)}`, "=IF('Chỉ tiêu'!J2>0,\"\",1)");
    const withResults = buildLayout(v1, { lang: "vi", results: { indicators: {}, periodResults: { a: { [half.id]: 3, [year.id]: 5 } }, tasks: {}, goneIndicators: [], goneTasks: [] } });
    const report = await updateInPlace(ctx(state), withResults);
    // 2 to read, 1 to look at the input cells it would fill, 1 to write.
    expect(report.syncs).toBe(4);
    const cells = state.sheets.find((s) => s.name === "Kết quả theo kỳ")?.cells;
    expect(cells?.get(`1,${year.col}`)?.formula).toBe("=IF('Chỉ tiêu'!J2>0,\"\",1)");
    expect(cells?.get(`1,${half.col}`)?.value).toBe(3);
  });

  it("keeps a 2,000-indicator update under Excel on the web's 5 MB request limit: each formula goes once down its column", async () => {
    const many = (n: number, t: number) => plan(Array.from({ length: n }, (_, i) => indicator(`k${i}`, { target: target(">=", t + i) })));
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(many(2000, 10), { lang: "vi" }));
    const before = state.syncLog.length;
    const report = await updateInPlace(ctx(state), buildLayout(many(2100, 20), { lang: "vi" }));
    expect(report.refused).toBe(false);
    const biggest = Math.max(...state.syncLog.slice(before).map((x) => x.bytes));
    expect(biggest).toBeLessThan(2.5 * 1024 * 1024);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(2100);
  });

  it("says honestly that an interrupted update may be partly written, and a second run finishes it", async () => {
    const state = createWorkbookState(["Sheet1"]);
    let failNextWrite = false;
    const run: Runner = async (batch) => {
      const context = createStandInContext(state);
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = async () => {
        // An update reads in two round trips; the third is its write.
        if (failNextWrite && ++n === 3) state.failAtOperation = 40;
        return sync();
      };
      return batch(context as unknown as Excel.RequestContext);
    };
    const ops = createOperations(run);
    await ops.importPlan(v1, { mode: "create" });
    typeIntoCell(state, "Sheet1!A1", "=SUM(ChiTieu[Mục tiêu])");
    const v2 = plan([indicator("a", { target: target(">=", 12) }), indicator("b", { target: target(">=", 30) })]);
    failNextWrite = true;
    const error = await ops.importPlan(v2, { mode: "update" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).code).toBe("GeneralException");
    expect((error as OperationError).message).toContain("có thể đã được ghi");
    expect((error as OperationError).message).toContain("Hãy chạy lại thao tác để hoàn tất");
    expect(state.sheets[0]?.cells.get("0,0")?.formula).toBe("=SUM(ChiTieu[Mục tiêu])");
    failNextWrite = false;
    delete state.failAtOperation;
    await ops.importPlan(v2, { mode: "update" });
    const rows = dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows ?? [];
    expect(rows.map((r) => [r[28], r[11]])).toEqual([["a", 12], ["b", 30]]);
  });

  it("says a protected sheet stopped the update and asks to unprotect it, never to run it again (Office's code goes through errors.ts)", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const ops = createOperations(async (batch) => batch(ctx(state)));
    await ops.importPlan(v1, { mode: "create" });
    const sheet = findSheet(state, "Chỉ tiêu");
    if (!sheet) throw new Error("no Chỉ tiêu sheet");
    sheet.protected = true;
    const v2 = plan([indicator("a", { target: target(">=", 12) }), indicator("b", { target: target(">=", 30) })]);
    const error = (await ops.importPlan(v2, { mode: "update" }).catch((e: unknown) => e)) as OperationError;
    expect(error.code).toBe("AccessDenied");
    expect(error.message).toMatch(/bỏ bảo vệ trang/);
    expect(error.message).not.toMatch(/chạy lại|Cập nhật lại|giữ nguyên/);
  });

  it("says nothing was written when Excel refused the write request whole", async () => {
    const state = createWorkbookState(["Sheet1"]);
    let tight = false;
    const ops = createOperations(async (batch) => {
      const context = createStandInContext(state);
      const sync = context.sync.bind(context);
      let n = 0;
      // The two reads pass; the write request is refused whole.
      context.sync = async () => {
        if (tight && ++n === 3) state.payloadLimitBytes = 100;
        return sync();
      };
      return batch(context as unknown as Excel.RequestContext);
    });
    await ops.importPlan(v1, { mode: "create" });
    tight = true;
    const error = (await ops.importPlan(plan([indicator("a", { target: target(">=", 12) })]), { mode: "update" }).catch((e: unknown) => e)) as OperationError;
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(error.message).toContain("không ô nào bị thay đổi");
    expect(error.message).not.toMatch(/có thể đã được ghi|chạy lại/);
  });

  describe("Excel's calculated-column AutoCorrect (office-js #2093, #5909, #6745)", () => {
    it("keeps each period's own =DATE(…) when the whole column is rewritten, never one formula repeated", async () => {
      const state = createWorkbookState(["Sheet1"]);
      await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
      const next = buildLayout(v1, { lang: "vi" });
      const list = next.sheets.flatMap((s) => s.tables).find((t) => t.name === "DanhSachKy");
      if (!list || list.rows.length < 2) throw new Error("the period list needs two rows");
      list.rows = list.rows.map((r, i) => [r[0] ?? null, r[1] ?? null, { formula: `=DATE(2030,${i + 1},1)` }]);
      await updateInPlace(ctx(state), next);
      const found = Object.values(state.sheets).flatMap((s) => s.tables.filter((t) => t.name === "DanhSachKy").map((t) => ({ s, t })))[0];
      if (!found) throw new Error("no period list");
      const { s, t } = found;
      const formulas = list.rows.map((_, i) => s.cells.get(`${t.rect.row + 1 + i},${t.rect.col + 2}`)?.formula);
      expect(formulas).toEqual(list.rows.map((_, i) => `=DATE(2030,${i + 1},1)`));
    });

    it("adds rows so that the user's calculated column fills them, instead of writing \"\" over its formula", async () => {
      const state = createWorkbookState(["Sheet1"]);
      await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
      const sheet = findSheet(state, "Chỉ tiêu");
      const table = sheet?.tables.find((t) => t.name === "ChiTieu");
      if (!sheet || !table) throw new Error("no ChiTieu");
      // The user adds "Gấp đôi" at the right end as a calculated column (Excel filled it down).
      const col = table.rect.col + table.rect.cols;
      table.rect = { ...table.rect, cols: table.rect.cols + 1 };
      sheet.cells.set(`${table.rect.row},${col}`, { value: "Gấp đôi" });
      const formula = "=[@[Mục tiêu]]*2";
      for (let r = table.rect.row + 1; r < table.rect.row + table.rect.rows; r++) sheet.cells.set(`${r},${col}`, { value: "", formula });
      table.calculated = { [table.rect.cols - 1]: formula };
      const v2 = plan([indicator("a", { target: target(">=", 10) }), indicator("b", { target: target(">=", 30) }), indicator("c", { target: target(">=", 40) })]);
      const report = await updateInPlace(ctx(state), buildLayout(v2, { lang: "vi" }));
      expect(report.refused).toBe(false);
      const userColumn = Array.from({ length: table.rect.rows - 1 }, (_, i) => sheet.cells.get(`${table.rect.row + 1 + i},${col}`)?.formula);
      expect(userColumn).toEqual([formula, formula, formula]);
    });
  });

  it("writes nothing and names the cell when the user's data is where the new table goes", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
    const inTheWay = address(NEW_TABLE.row + 1, NEW_TABLE.col + 1);
    typeIntoCell(state, `'Tổng hợp'!${inTheWay}`, "ghi chú của tôi");
    const before = JSON.stringify(dumpWorkbook(state));
    const report = await updateInPlace(ctx(state), withNewTable(buildLayout(v1, { lang: "vi" })));
    expect(report.refused).toBe(true);
    expect(describeProblems(report.plan.problems).vi).toContain(`ô ${inTheWay}`);
    expect(JSON.stringify(dumpWorkbook(state))).toBe(before);
  });

  it("migrates an old workbook's Kết quả 6 tháng / Kết quả cả năm into the grid sheet it adds, and leaves the old columns as the user's", async () => {
    // A workbook written before the period grid: no Kết quả theo kỳ sheet, no period list or period names,
    // the two old result columns in ChiTieu.
    const legacy = buildLayout(v1, { lang: "vi" });
    legacy.sheets = legacy.sheets.filter((s) => !s.tables.some((t) => t.name === "KetQuaTheoKy"));
    for (const s of legacy.sheets) s.tables = s.tables.filter((t) => t.name !== "DanhSachKy");
    legacy.names = legacy.names.filter((n) => !n.name.startsWith("KyBaoCao") && n.name !== "DanhSachKyBaoCao");
    const chiTieu = legacy.sheets.flatMap((s) => s.tables).find((t) => t.name === "ChiTieu");
    if (!chiTieu) throw new Error("no ChiTieu");
    chiTieu.columns.push({ key: "result6m", header: "Kết quả 6 tháng", width: 11, input: true }, { key: "resultYear", header: "Kết quả cả năm", width: 11, input: true });
    chiTieu.rows = chiTieu.rows.map((r) => [...r, 4, 9]);
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), legacy);
    const run: Runner = async (batch) => batch(createStandInContext(state) as unknown as Excel.RequestContext);
    const read = async () => run(async (context) => interpretSnapshot(await readSnapshot(context)));
    const old = await read();
    expect([old.legacy, old.grid, old.reportPeriod]).toEqual([true, null, null]);

    await createOperations(run).importPlan(v1, { mode: "update" });
    const now = await read();
    expect(state.sheets.map((s) => s.name)).toContain("Kết quả theo kỳ");
    expect(state.names.map((n) => n.name)).toEqual(expect.arrayContaining(["KyBaoCao", "KyBaoCaoKetThuc", "DanhSachKyBaoCao"]));
    expect(dumpWorkbook(state).tables.map((t) => t.name)).toContain("DanhSachKy");
    expect(now.grid).not.toBeNull();
    const ty = now.indicators[0]?.values.targetYear;
    const year = typeof ty === "number" ? ty : Math.max(...now.periods.map((p) => p.year));
    expect(now.periodResults.a).toMatchObject({ [`${year}-H1`]: 4, [`${year}`]: 9 });
    expect(now.results.a).toEqual({ result6m: 4, resultYear: 9 });
    expect(now.reportPeriod).not.toBeNull();
  });

  describe("our summary chart, when an update adds lead agencies", () => {
    const leads = (names: string[]) => plan(names.map((n, i) => indicator(String(i + 1), { lead: [agency(n)], coordinating: [], target: target(">=", 10) })));
    const three = buildLayout(leads(["Sở Tư pháp", "Sở Tài chính", "Sở Y tế"]), { lang: "vi" });
    const seven = buildLayout(leads(["Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Sở Công Thương", "Công an tỉnh"]), { lang: "vi" });
    const chartOf = (l: WorkbookLayout) => {
      const c = l.sheets.flatMap((x) => x.charts)[0];
      if (!c?.titleCell) throw new Error("the summary has no chart with a caption");
      return c as typeof c & { titleCell: string };
    };
    const cellFormula = (state: ReturnType<typeof createWorkbookState>, a: string) => {
      const at = parseAddress(a);
      const cell = findSheet(state, "Tổng hợp")?.cells.get(`${at.row - 1},${at.col - 1}`);
      return cell?.formula ?? (cell?.value === "" ? null : (cell?.value ?? null));
    };

    it("plots every agency, sits below the grown table, and its caption moves with it", async () => {
      const state = createWorkbookState(["Sheet1"]);
      await writeLayout(ctx(state), three);
      const report = await updateInPlace(ctx(state), seven);
      expect(report.refused).toBe(false);
      const [was, now] = [chartOf(three), chartOf(seven)];
      const chart = findSheet(state, "Tổng hợp")?.charts[0];
      expect(chart).toMatchObject({ name: SUMMARY_CHART_NAME, anchor: now.anchor, seriesBy: "Columns", titleFormula: `='Tổng hợp'!$${now.titleCell.replace(/(\d+)$/, "$$$1")}` });
      // Header row 7 to the table's new last row: the 7 agencies, the agency column and the 6 status series (Vượt among them), each coloured.
      expect(chart?.source).toEqual({ row: 6, col: 3, rows: 8, cols: 7 });
      expect(chart?.seriesColors.every((c) => c !== null)).toBe(true);
      expect(cellFormula(state, was.titleCell)).toBeNull();
      expect(String(cellFormula(state, now.titleCell))).toContain("KyBaoCao");
      // One more read (the old caption), then the write.
      expect(report.syncs).toBe(4);
    });

    it("finds the chart of a workbook made before charts had a name by its title, but leaves it when the sheet holds a user's chart too", async () => {
      const legacy = createWorkbookState(["Sheet1"]);
      await writeLayout(ctx(legacy), three);
      const chart = findSheet(legacy, "Tổng hợp")?.charts[0];
      if (!chart) throw new Error("no chart");
      chart.name = "Chart 1";
      await updateInPlace(ctx(legacy), seven);
      expect(chart.anchor).toBe(chartOf(seven).anchor);

      const shared = createWorkbookState(["Sheet1"]);
      await writeLayout(ctx(shared), three);
      const sheet = findSheet(shared, "Tổng hợp");
      const ours = sheet?.charts[0];
      if (!sheet || !ours) throw new Error("no chart");
      ours.name = "Chart 1";
      sheet.charts.push({ ...ours, name: "Chart 2", title: "Biểu đồ của tôi", anchor: "P20", seriesColors: [...ours.seriesColors] });
      await updateInPlace(ctx(shared), seven);
      expect(ours.anchor).toBe(chartOf(three).anchor);
      expect(sheet.charts[1]?.anchor).toBe("P20");
    });
  });
});
