/**
 * The two readers of a Chỉ tiêu workbook — Office.js in the pane (src/excel/read)
 * and exceljs in the CLI (src/xlsx) — give the core the same values for the
 * same cells, and the Office.js one reads only our tables.
 */
import ExcelJS from "exceljs";
import { buildLayout, INDICATOR_COLUMNS } from "../../src/core/layout";
import { indicator, plan } from "../../src/core/layout/_test/plan";
import { interpretSnapshot } from "../../src/core/workbook";
import { readWorkbook as readOffice } from "../../src/excel/read";
import { writeLayout } from "../../src/excel/write";
import { readWorkbook as readXlsx, writeWorkbook } from "../../src/xlsx";
import { addUserTable, createStandInContext, createWorkbookState, findSheet } from "../support/excel-standin";

const ctx = (state: ReturnType<typeof createWorkbookState>) => createStandInContext(state) as unknown as Excel.RequestContext;
const DEADLINE = INDICATOR_COLUMNS.findIndex((c) => c.key === "deadline"); // 0-based column of "Thời hạn"
const SERIAL = 46022; // 31/12/2025 as Excel stores it

describe("Office.js and exceljs read a workbook alike", () => {
  const layout = buildLayout(plan([indicator("1"), indicator("2")]), { lang: "vi" });

  it("reads a date typed in Thời hạn as the same ISO date (Office.js gives its serial number)", async () => {
    // In Excel: the official types 31/12/2025; values gives 46022, numberFormat a date format.
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), layout);
    const cell = findSheet(state, "Chỉ tiêu")?.cells.get(`1,${DEADLINE}`);
    if (!cell) throw new Error("no deadline cell");
    Object.assign(cell, { value: SERIAL, numberFormat: "dd/mm/yyyy" });
    delete cell.formula;
    const office = interpretSnapshot((await readOffice(ctx(state))).snapshot);

    // The same typing saved to .xlsx and read by exceljs.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(layout)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Chỉ tiêu");
    const c = sheet?.getCell(2, DEADLINE + 1);
    if (!c) throw new Error("no sheet");
    c.value = new Date(Date.UTC(2025, 11, 31));
    c.numFmt = "dd/mm/yyyy";
    const xlsx = interpretSnapshot(await readXlsx(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)));

    expect(office.indicators[0]?.values.deadline).toBe("2025-12-31");
    expect(xlsx.indicators[0]?.values.deadline).toBe("2025-12-31");
    // A number typed without a date format stays a number in both.
    expect(office.indicators[1]?.values.deadline).toEqual(xlsx.indicators[1]?.values.deadline);
  });

  it("reads only our tables, never a user's own table on another sheet", async () => {
    const state = createWorkbookState(["Số liệu"]);
    await writeLayout(ctx(state), layout);
    addUserTable(state, "Số liệu", "A1", "BangLon", ["Tên", "Giá trị"], Array.from({ length: 2000 }, (_, i) => [`dòng ${i}`, i]));
    const { snapshot } = await readOffice(ctx(state));
    expect(snapshot.tables.map((t) => t.name)).not.toContain("BangLon");
    expect(snapshot.tables.map((t) => t.name)).toContain("ChiTieu");
  });

  it("reads a plan in 2 round trips, and one Excel refuses to return at once in row slices, each under the limit, with the same result", async () => {
    const big = buildLayout(plan(Array.from({ length: 1000 }, (_, i) => indicator(String(i + 1), { name: `Chỉ tiêu số ${i + 1}` }))), { lang: "vi" });
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), big);
    const whole = await readOffice(ctx(state));
    expect(whole.syncs).toBe(2);
    // Excel on the web refusing anything over 300 kB: the whole read fails, then sizes, then slices.
    state.responseLimitBytes = 300_000;
    const from = state.syncLog.length;
    const sliced = await readOffice(ctx(state), { responseLimitBytes: 250_000 });
    expect(sliced.syncs).toBeGreaterThan(3);
    const log = state.syncLog.slice(from);
    expect(log[1]?.refused).toBe(true);
    const answered = log.filter((s) => !s.refused).map((s) => s.responseBytes ?? 0);
    expect(Math.max(...answered)).toBeLessThanOrEqual(300_000);
    expect(sliced.snapshot).toEqual(whole.snapshot);
    expect(interpretSnapshot(sliced.snapshot).indicators).toHaveLength(1000);
  });

  it("halves a slice Excel still refuses, however wrong the estimate, and reads the same", async () => {
    const big = buildLayout(plan(Array.from({ length: 300 }, (_, i) => indicator(String(i + 1), { name: `Chỉ tiêu số ${i + 1} ${"rất dài ".repeat(60)}` }))), { lang: "vi" });
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), big);
    const whole = await readOffice(ctx(state));
    state.responseLimitBytes = 120_000;
    // A slice budget far above what Excel will return: every first request is refused and split.
    const sliced = await readOffice(ctx(state), { responseLimitBytes: 4_000_000 });
    expect(sliced.snapshot).toEqual(whole.snapshot);
  });

  it("stops with Excel's error when even one row is over the limit, rather than looping", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(plan([indicator("1", { name: "x".repeat(30_000) })]), { lang: "vi" }));
    state.responseLimitBytes = 25_000;
    const from = state.syncLog.length;
    await expect(readOffice(ctx(state))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    // The names and sizes came back; only the row itself could not.
    expect(state.syncLog[from]?.responseBytes).toBeLessThan(25_000);
    expect(state.syncLog.length - from).toBeLessThan(20);
  });
});
