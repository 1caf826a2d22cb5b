import { buildLayout } from "../core/layout";
import { indicator, plan, target } from "../core/layout/_test/plan";
import { addUserTable, createStandInContext, createWorkbookState, findSheet, typeIntoCell, type WorkbookState } from "../../tests/support/excel-standin";
import { MAX_FORMULA_LENGTH } from "../core/highlight/status";
import { HIGHLIGHT_ROLES } from "../core/highlight";
import { explainError } from "./errors";
import { applyHighlight, highlightGaps, probeHighlight } from "./highlight";
import { writeLayout } from "./write";

const ctx = (state: WorkbookState) => createStandInContext(state) as unknown as Excel.RequestContext & { syncCount: number; failOnSync(sync: number, operation: number): void };

const HEADERS = ["STT", "Chỉ tiêu", "Chỉ tiêu KH 2025", "Thực hiện", "So sánh", "Đơn vị chủ trì", "Ghi chú"];
const ROWS = [
  [1, "Tỷ lệ hộ nghèo", 3, 2.5, "<=", "Sở Lao động", "giảm đều"],
  [2, "Chỉ số PCI", "66,5", 65, ">=", "Sở Kế hoạch và Đầu tư", null],
  [3, "Số doanh nghiệp mới", 1200, null, "≥", "Sở Kế hoạch và Đầu tư", "chưa có số"],
  [4, "Tỷ lệ đô thị hóa", 40, 41, null, "Sở Xây dựng", null],
];

function userWorkbook(): WorkbookState {
  const state = createWorkbookState(["Theo dõi"]);
  addUserTable(state, "Theo dõi", "B3", "Bang1", HEADERS, ROWS);
  typeIntoCell(state, "'Theo dõi'!B1", "Bảng theo dõi của phòng");
  return state;
}

function userCells(state: WorkbookState): string {
  const sheet = findSheet(state, "Theo dõi");
  return JSON.stringify([...(sheet?.cells ?? [])].filter(([k]) => Number(k.split(",")[1]) <= 7));
}

describe("highlight with several ranges selected (getSelectedRange would fail with InvalidSelection)", () => {
  it("uses the one table the ranges touch, or the sheet's only table when they touch none", async () => {
    const state = userWorkbook();
    state.selection = "'Theo dõi'!C4:C5,'Theo dõi'!E6";
    const target = await probeHighlight(ctx(state));
    expect(target).toMatchObject({ kind: "userTable", table: "Bang1" });
    state.selection = "'Theo dõi'!A20,'Theo dõi'!A22";
    expect(await probeHighlight(ctx(state))).toMatchObject({ kind: "userTable", table: "Bang1" });
  });

  it("says which to select when the ranges touch two tables", async () => {
    const state = userWorkbook();
    addUserTable(state, "Theo dõi", "B20", "Bang9", ["Tên", "Số"], [["x", 1]]);
    state.selection = "'Theo dõi'!C4,'Theo dõi'!C21";
    expect(await probeHighlight(ctx(state))).toEqual({ kind: "none", sheet: "Theo dõi", several: true });
  });
});

describe("highlight on a table the user made", () => {
  it("recognises renamed headers, adds a status column with live formulas and colours it (probe 2 reads, apply 1 read + 1 write)", async () => {
    const state = userWorkbook();
    const before = userCells(state);
    const context = ctx(state);
    const result = await highlightGaps(context);
    expect(context.syncCount).toBe(4);
    if (!result.done) throw new Error("expected the highlight to be applied");
    expect(result.report.counts).toEqual({ met: 0, exceeded: 2, missed: 1, atRisk: 0, noData: 1, onTrack: 0 });
    expect(userCells(state)).toBe(before);
    const sheet = findSheet(state, "Theo dõi");
    expect(sheet?.cells.get("2,8")?.value).toBe("Trạng thái (Chỉ tiêu)");
    const formula = sheet?.cells.get("3,8")?.formula ?? "";
    expect(formula).toContain("Bang1[[#This Row],[Chỉ tiêu KH 2025]]");
    expect(formula).toContain("Bang1[[#This Row],[Thực hiện]]");
    for (const r of [4, 5, 6]) expect(sheet?.cells.get(`${r},8`)?.formula).toBe(formula);
    expect(sheet?.tables[0]?.rect.cols).toBe(HEADERS.length + 1);
    expect(sheet?.conditionalFormats.map((cf) => [cf.rect, cf.formula])).toEqual([
      [{ row: 3, col: 8, rows: 4, cols: 1 }, '=I4="Không đạt"'],
      [{ row: 3, col: 8, rows: 4, cols: 1 }, '=I4="Có nguy cơ"'],
      [{ row: 3, col: 8, rows: 4, cols: 1 }, '=I4="Đạt"'],
      [{ row: 3, col: 8, rows: 4, cols: 1 }, '=I4="Vượt"'],
    ]);
  });

  it("reuses its own status column on a second run instead of adding another, without duplicating colours", async () => {
    const state = userWorkbook();
    await highlightGaps(ctx(state));
    await highlightGaps(ctx(state));
    const sheet = findSheet(state, "Theo dõi");
    expect(sheet?.tables[0]?.rect.cols).toBe(HEADERS.length + 1);
    expect(sheet?.conditionalFormats).toHaveLength(4);
  });

  it("removes only its own colour rules when colouring again: the user's rule and data bar on the table stay", async () => {
    const state = userWorkbook();
    const sheet = findSheet(state, "Theo dõi");
    if (!sheet) throw new Error("no sheet");
    await highlightGaps(ctx(state));
    const status = { row: 3, col: 8, rows: 4, cols: 1 };
    // The user's own rules: one on the whole body (touching our status column), a data bar on our column.
    sheet.conditionalFormats.push({ rect: { row: 3, col: 1, rows: 4, cols: 8 }, formula: "=$E4>$D4", fill: "#FFFF00", fontColor: null });
    sheet.conditionalFormats.push({ type: "DataBar", rect: status, formula: "", fill: null, fontColor: null });
    await highlightGaps(ctx(state));
    expect(sheet.conditionalFormats.map((cf) => cf.type ?? cf.formula)).toEqual(["=$E4>$D4", "DataBar", '=I4="Không đạt"', '=I4="Có nguy cơ"', '=I4="Đạt"', '=I4="Vượt"']);
  });

  it("asks before writing when it cannot tell the target and result columns apart", async () => {
    const state = createWorkbookState(["Số liệu"]);
    addUserTable(state, "Số liệu", "A1", "Bang2", ["Tên", "Cột A", "Cột B"], [["x", 1, 2]]);
    const context = ctx(state);
    const result = await highlightGaps(context);
    expect(result.done).toBe(false);
    if (result.done || result.target.kind !== "userTable") throw new Error("expected a user table to confirm");
    expect(result.target.detection.needsConfirmation).toEqual(expect.arrayContaining(["target", "result"]));
    expect(context.syncCount).toBe(2);
    expect(findSheet(state, "Số liệu")?.tables[0]?.rect.cols).toBe(3);

    const report = await applyHighlight(ctx(state), result.target, { target: "Cột A", result: "Cột B" });
    expect(report.counts).toEqual({ met: 0, exceeded: 1, missed: 0, atRisk: 0, noData: 0, onTrack: 0 });
    expect(findSheet(state, "Số liệu")?.cells.get("1,3")?.formula).toContain("Bang2[[#This Row],[Cột A]]");
  });

  it("says there is nothing to highlight on a sheet without a table", async () => {
    const state = createWorkbookState(["Trống"]);
    expect(await probeHighlight(ctx(state))).toEqual({ kind: "none", sheet: "Trống" });
  });
});

describe("highlight on a Chỉ tiêu sheet", () => {
  it("re-applies the status formula and the four colour rules in 4 round trips, and counts the statuses Excel computed", async () => {
    const state = createWorkbookState();
    const p = plan([indicator("1", { target: target(">=", 10) }), indicator("2", { target: target("<=", 5) }), indicator("3")]);
    await writeLayout(ctx(state), buildLayout(p, { lang: "vi" }));
    state.activeSheet = "Chỉ tiêu";
    // Excel computes the status column from the grid and KyBaoCao; the stand-in plays Excel's results.
    const computed: Record<number, string> = { 1: "Đạt", 2: "Không đạt", 3: "Chưa có số liệu" };
    state.evaluate = (_sheet, row, col, formula) => (col === 21 && formula.includes("KyBaoCaoKetThuc") ? (computed[row] ?? "") : "");
    const sheet = findSheet(state, "Chỉ tiêu");
    sheet?.cells.delete("2,21");
    const context = ctx(state);
    const result = await highlightGaps(context);
    expect(context.syncCount).toBe(4);
    if (!result.done) throw new Error("expected the highlight to be applied");
    // Counted as read before the write: the status cell that was deleted (row 2) counts from the next run on.
    expect(result.report.counts).toEqual({ met: 1, exceeded: 0, missed: 0, atRisk: 0, noData: 1, onTrack: 0 });
    expect(sheet?.cells.get("2,21")?.formula).toBe(sheet?.cells.get("1,21")?.formula);
    expect(sheet?.conditionalFormats.map((cf) => cf.formula)).toEqual(['=$V2="Không đạt"', '=$V2="Có nguy cơ"', '=$V2="Đạt"', '=$V2="Vượt"', '=$V2="Đúng tiến độ"']);
  });
});

/** Inserts `count` empty rows above sheet row `at` (0-based), as a user would: cells and tables below move down. */
function insertRows(state: WorkbookState, sheetName: string, at: number, count: number): void {
  const sheet = findSheet(state, sheetName);
  if (!sheet) throw new Error(sheetName);
  const moved = [...sheet.cells].map(([k, cell]) => {
    const [r = 0, c = 0] = k.split(",").map(Number);
    return [r >= at ? `${r + count},${c}` : k, cell] as const;
  });
  sheet.cells = new Map(moved);
  for (const t of sheet.tables) if (t.rect.row >= at) t.rect = { ...t.rect, row: t.rect.row + count };
}

describe("highlight holds in real Excel", () => {
  it("uses the table the user selected, not the sheet's first table", async () => {
    const state = createWorkbookState(["Theo dõi"]);
    addUserTable(state, "Theo dõi", "A1", "Khac", ["Tên", "Ghi chú"], [["x", "y"]]);
    addUserTable(state, "Theo dõi", "A5", "Bang1", HEADERS, ROWS);
    state.activeSheet = "Theo dõi";
    state.selection = "'Theo dõi'!C7";
    const target = await probeHighlight(ctx(state));
    expect(target.kind === "userTable" && target.table).toBe("Bang1");
    state.selection = "'Theo dõi'!A2";
    const other = await probeHighlight(ctx(state));
    expect(other.kind === "userTable" && other.table).toBe("Khac");
  });

  it("writes to the table's cells at apply time, even when rows were inserted above it after detection", async () => {
    const state = userWorkbook();
    const target = await probeHighlight(ctx(state));
    insertRows(state, "Theo dõi", 1, 3); // the table moves from B3 to B6
    await applyHighlight(ctx(state), target);
    const sheet = findSheet(state, "Theo dõi");
    expect(sheet?.cells.get("5,8")?.value).toBe("Trạng thái (Chỉ tiêu)");
    for (const r of [6, 7, 8, 9]) expect(sheet?.cells.get(`${r},8`)?.formula).toContain("Bang1[[#This Row],[Thực hiện]]");
    expect(sheet?.cells.get("10,8")).toBeUndefined();
    expect(sheet?.conditionalFormats[0]?.rect).toEqual({ row: 6, col: 8, rows: 4, cols: 1 });
    expect(sheet?.conditionalFormats[0]?.formula).toBe('=I7="Không đạt"');
  });

  it("removes the status column it added when Excel refuses a later step of the same batch, and says the workbook is as it was", async () => {
    const state = userWorkbook();
    const before = JSON.stringify([...(findSheet(state, "Theo dõi")?.cells ?? [])]);
    const target = await probeHighlight(ctx(state));
    const context = ctx(state);
    // Fail the write batch after columns.add has been applied (Excel's batches are not transactions).
    context.failOnSync(2, 2);
    const error = await applyHighlight(context, target).then(() => null, (e: unknown) => e);
    expect(error).not.toBeNull();
    const sheet = findSheet(state, "Theo dõi");
    expect(sheet?.tables[0]?.rect.cols).toBe(HEADERS.length);
    expect(JSON.stringify([...(sheet?.cells ?? [])])).toBe(before);
    expect(explainError(error).message).toMatch(/Sổ tính được giữ nguyên như trước\./);
  });

  it("names the column left behind when it cannot be removed either", async () => {
    const state = userWorkbook();
    const target = await probeHighlight(ctx(state));
    const context = ctx(state);
    context.failOnSync(2, 2); // the write: columns.add applied, then a failure
    context.failOnSync(3, 1); // the clean-up fails too
    const error = await applyHighlight(context, target).then(() => null, (e: unknown) => e);
    expect(findSheet(state, "Theo dõi")?.tables[0]?.rect.cols).toBe(HEADERS.length + 1);
    const message = explainError(error).message;
    expect(message).not.toMatch(/giữ nguyên/);
    expect(message).toContain('cột "Trạng thái (Chỉ tiêu)" đã thêm vào bảng Bang1; hãy xoá cột đó');
  });

  it("keeps the status formula under Excel's 8,192 characters for 255-character headers with every role mapped", async () => {
    const headers = ["STT", ...HIGHLIGHT_ROLES.map((r) => `${"Tiêu đề rất dài của phòng kế hoạch ".repeat(8)}${r}`.slice(-255))];
    const state = createWorkbookState(["Dài"]);
    addUserTable(state, "Dài", "B2", "Bang_Chi_Tieu_Cua_Phong_Tong_Hop_Nam_2026", headers, [[1, 10, 9, 4, ">=", "Sở Tài chính", 8, "Cao hơn là tốt", ""]]);
    const target = await probeHighlight(ctx(state));
    const choices = Object.fromEntries(HIGHLIGHT_ROLES.filter((r) => r !== "status").map((r, i) => [r, headers[i + 1] ?? null]));
    await applyHighlight(ctx(state), target, choices);
    const formula = findSheet(state, "Dài")?.cells.get("2,10")?.formula ?? "";
    expect(formula).toMatch(/^=/);
    expect(formula.length).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    // The target (C) and result (D) columns, by cell: structured references would not fit.
    expect(formula).toContain("ISNUMBER($C3)");
    expect(formula).toContain("ISNUMBER($D3)");
    expect(formula).not.toContain("[#This Row]");
  });
});
