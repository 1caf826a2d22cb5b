/**
 * Updates the open workbook in place with Office.js: the same plan as the
 * .xlsx updater (`planUpdate`, src/core/layout/ownership), carried out on
 * live tables. Our sheets and tables keep their names and are never deleted,
 * so every reference the user made to them (structured or A1, in their own
 * sheets, names and rules) keeps pointing where it pointed. Tables grow with
 * `rows.add` (Excel shifts what lies below), our columns the user deleted
 * come back at the table's right end, and only the cells we own are written.
 *
 * Round trips: the two reads of readWorkbook (shared with the merge that
 * builds the layout; values only, so the response stays small) and one
 * write; one more read only when an input cell that shows nothing would be
 * filled (it may hold the user's formula) or when our summary chart moves
 * with a table that changed size (where its caption was). Nothing is written
 * when the plan has problems.
 */
import type { LayoutCell, SheetSpec, WorkbookLayout } from "../core/layout/types";
import { newTableRef, planUpdate, tableAreaTaken } from "../core/layout/ownership";
import type { CellState, ExistingWorkbook, UpdateOptions, UpdatePlan } from "../core/layout/ownership";
import { parseRect, rectAddress, splitSheet } from "./_lib/a1";
import { chartsToFollow, type ChartFollow } from "../core/layout/chartFollow";
import type { WorkbookFacts } from "./_lib/facts";
import { DEFAULT_PAYLOAD_LIMIT, estimateBytes, toExcelInput } from "./_lib/cells";
import type { Action } from "./_lib/actions";
import { groupActions } from "./write";
import { dressChart, finishActions, layoutActions, sheetActions } from "./_lib/actions";
import { readWorkbook, type SnapshotRead } from "./read";

export interface InPlaceReport {
  plan: UpdatePlan;
  /** Nothing was written: the plan's problems say why. */
  refused: boolean;
  syncs: number;
}


/**
 * The write request failed. Excel does not roll a request back, so some of our cells may be written and
 * others not (or none, when Excel refused the request whole); nothing of the user's was touched (the update
 * writes only our cells). errors.ts says which, from Office's code in `reason`, and what to do: run it again
 * only when that can finish it (not for a protected sheet or a request too large).
 */
export class PartialUpdateError extends Error {
  readonly partialUpdate = true;
  /** `requestsDone`: requests of this write Excel had already applied (a large write goes in several). */
  constructor(
    readonly reason: unknown,
    readonly requestsDone = 0,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "PartialUpdateError";
  }
}

/**
 * Our charts on sheets whose tables change size, with the name they have in the workbook: by their layout
 * name, or, in a workbook made before charts had one, the one chart of the sheet whose title begins as ours
 * (the layout's title is "<chart> – <period>"). A chart found neither way is left where it is.
 */
function chartsMoving(layout: WorkbookLayout, plan: UpdatePlan, facts: WorkbookFacts): Array<{ follow: ChartFollow; name: string }> {
  return chartsToFollow(layout, plan).flatMap((follow) => {
    if (!plan.tables.some((u) => u.sheet === follow.sheet && u.rowsBefore !== u.rowsAfter)) return [];
    const onSheet = (facts.charts ?? []).filter((c) => c.sheet === follow.sheet);
    const named = onSheet.find((c) => follow.chart.name !== undefined && c.name === follow.chart.name);
    const base = follow.chart.title.split(" – ")[0] ?? follow.chart.title;
    const titled = onSheet.length === 1 && onSheet[0]?.title.startsWith(base) ? onSheet[0] : undefined;
    const found = named ?? titled;
    return found ? [{ follow, name: found.name }] : [];
  });
}

/**
 * A table of ours with fewer rows than before (Kiểm tra after a check run, the period list, agency roles,
 * returns progress): the rows that go away are emptied and the table shrinks over them (Table.resize,
 * ExcelApi 1.13), as the .xlsx updater does. Rows are never deleted: a user's formula pointing at one
 * keeps its address (it now shows an empty cell, not #REF!), and nothing below moves up. Excel without
 * 1.13 (Excel 2019, 2021 perpetual) cannot shrink a table any other way than by deleting its rows, which
 * it then does, as earlier versions of Chỉ tiêu did (README, host notes).
 */
function shrink(sheet: Excel.Worksheet, table: Excel.Table, anchor: { row: number; col: number }, u: UpdatePlan["tables"][number], canResize: boolean): void {
  if (!canResize) {
    for (let i = u.rowsBefore - 1; i >= u.rowsAfter; i--) table.rows.getItemAt(i).delete();
    return;
  }
  const keep = Math.max(u.rowsAfter, 1);
  if (u.rowsBefore > keep) sheet.getRangeByIndexes(anchor.row + 1 + keep, anchor.col, u.rowsBefore - keep, u.width).clear("Contents");
  if (u.rowsAfter === 0) sheet.getRangeByIndexes(anchor.row + 1, anchor.col, 1, u.width).clear("Contents");
  table.resize(sheet.getRangeByIndexes(anchor.row, anchor.col, 1 + keep, u.width));
}

function stateOf(v: unknown): CellState {
  if (typeof v === "string") return v === "" ? "empty" : v.startsWith("=") ? "formula" : "value";
  return v === null || v === undefined ? "empty" : "value";
}

type Run = { column: number; row: number; cells: Array<{ value: LayoutCell; numberFormat: string | null }> };

/**
 * Writes grouped into runs of consecutive rows in one column: one range per run, not one per cell; a run stops
 * at `maxBytes`. The key column goes first: a write interrupted part-way then never leaves a new row without its
 * key, which the next run would read as a row the user added (and add the indicator again below it).
 */
function runs(writes: UpdatePlan["tables"][number]["writes"], maxBytes: number, keyColumn = -1): Run[] {
  const rank = (c: number): number => (c === keyColumn ? -1 : c);
  const sorted = [...writes].sort((a, b) => rank(a.column) - rank(b.column) || a.row - b.row);
  const out: Array<Run & { bytes: number }> = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    const bytes = estimateBytes([w.value, w.numberFormat]);
    if (last && last.column === w.column && last.row + last.cells.length === w.row && last.bytes + bytes <= maxBytes) {
      last.cells.push({ value: w.value, numberFormat: w.numberFormat });
      last.bytes += bytes;
    } else out.push({ column: w.column, row: w.row, cells: [{ value: w.value, numberFormat: w.numberFormat }], bytes });
  }
  return out;
}

/** The table's rows as read (values, the totals row left out): what each cell shows before the write. */
function beforeRows(known: Pick<SnapshotRead, "snapshot" | "totals">, u: UpdatePlan["tables"][number]): unknown[][] {
  const t = known.snapshot.tables.find((x) => x.name.toLowerCase() === u.table.toLowerCase());
  if (!t) return [];
  return known.totals[t.name] ? t.rows.slice(0, -1) : t.rows;
}

/** Whether an existing cell already shows a constant we would write (formulas are always written). */
function sameValue(before: unknown, value: LayoutCell, existed: boolean): boolean {
  if (!existed || (value !== null && typeof value === "object")) return false;
  const empty = (v: unknown) => v === null || v === undefined || v === "";
  return empty(value) ? empty(before) : before === value;
}

/** One run of cells down a column, written in the way that keeps Excel's AutoCorrect out (see below). */
function writeRun(sheet: Excel.Worksheet, anchor: { row: number; col: number }, run: Run): void {
  const range = sheet.getRangeByIndexes(anchor.row + 1 + run.row, anchor.col + run.column, run.cells.length, 1);
  const first = run.cells[0]?.value;
  if (run.cells.length > 1 && first !== null && typeof first === "object" && run.cells.every((c) => c.value !== null && typeof c.value === "object" && c.value.formula === first.formula)) {
    // One formula down a column (a 3 KB status formula on 5,000 rows): written once and copied by Excel, so the
    // request carries it once.
    const head = sheet.getRangeByIndexes(anchor.row + 1 + run.row, anchor.col + run.column, 1, 1);
    head.formulas = [[first.formula]];
    sheet.getRangeByIndexes(anchor.row + 2 + run.row, anchor.col + run.column, run.cells.length - 1, 1).copyFrom(head, "Formulas");
  } else if (run.cells.length > 1 && run.cells.some((c) => c.value !== null && typeof c.value === "object")) {
    // Different formulas down a column (each period's =DATE(…), each finding's HYPERLINK): Excel's AutoCorrect
    // would turn formulas written into an otherwise empty table column into one calculated column, every row
    // repeating the first. The first cell is given a constant first, so the column is never empty when a
    // formula arrives; then the others, then the first. All in the same request.
    const head = sheet.getRangeByIndexes(anchor.row + 1 + run.row, anchor.col + run.column, 1, 1);
    head.values = [["'…"]];
    sheet.getRangeByIndexes(anchor.row + 2 + run.row, anchor.col + run.column, run.cells.length - 1, 1).formulas = run.cells.slice(1).map((c) => [toExcelInput(c.value)]);
    head.formulas = [[toExcelInput(run.cells[0]?.value ?? null)]];
  } else range.formulas = run.cells.map((c) => [toExcelInput(c.value)]);
  if (run.cells.every((c) => c.numberFormat !== null)) range.numberFormat = run.cells.map((c) => [c.numberFormat as string]);
  else {
    run.cells.forEach((c, i) => {
      if (c.numberFormat !== null) sheet.getRangeByIndexes(anchor.row + 1 + run.row + i, anchor.col + run.column, 1, 1).numberFormat = [[c.numberFormat]];
    });
  }
}

/**
 * @example
 * await Excel.run(async (context) => {
 *   const report = await updateInPlace(context, buildLayout(plan, { lang: "vi", results: merged.user }));
 *   if (report.refused) show(describeProblems(report.plan.problems).vi);
 * });
 */
export async function updateInPlace(
  context: Excel.RequestContext,
  layout: WorkbookLayout,
  read?: Pick<SnapshotRead, "facts" | "snapshot" | "totals">,
  options: UpdateOptions = {},
  limits: { requestBytes?: number } = {},
): Promise<InPlaceReport> {
  let syncs = 0;
  let known = read;
  if (!known) {
    const fresh = await readWorkbook(context);
    syncs += fresh.syncs;
    known = fresh;
  }
  const facts = known.facts;
  const wanted = new Set(layout.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  // Input cells outside tables (the tolerance) are not read: one that exists is the user's, so it is never written.
  const existing: ExistingWorkbook = { sheets: facts.sheets, tables: [], names: facts.names };
  for (const t of known.snapshot.tables.filter((x) => wanted.has(x.name.toLowerCase()))) {
    const spec = layout.sheets.flatMap((s) => s.tables).find((x) => x.name.toLowerCase() === t.name.toLowerCase());
    const totals = known.totals[t.name] ?? false;
    const rows = totals ? t.rows.slice(0, -1) : t.rows;
    const keyHeader = spec?.rowKey === undefined ? undefined : spec.columns.find((c) => c.key === spec.rowKey)?.header.trim().toLowerCase();
    const keyAt = keyHeader === undefined ? -1 : t.headers.findIndex((h) => h.trim().toLowerCase() === keyHeader);
    existing.tables.push({
      name: t.name,
      sheet: t.sheet,
      anchor: t.anchor,
      headers: t.headers,
      rows: rows.map((r) => {
        const k = keyAt >= 0 ? r[keyAt] : null;
        const key = typeof k === "string" && k.trim() !== "" ? k.trim() : typeof k === "number" ? String(k) : null;
        return { key, cells: r.map(stateOf) };
      }),
      totalsRow: totals,
    });
  }

  const plan = planUpdate(layout, existing, options);
  // Values alone cannot tell an empty input cell from the user's formula that shows "": the few input cells
  // the plan would fill on existing rows are read as formulas first (one more read, only when there are any).
  const forced = new Set((options.overwrite ?? []).map((o) => `${o.table}|${o.key}|${o.column}`));
  const checks = plan.tables.flatMap((u) => {
    const inputs = new Set(u.spec.columns.flatMap((c, j) => (c.input ? [u.columnAt[j]] : [])));
    const keyAt = u.spec.rowKey === undefined ? -1 : u.spec.columns.findIndex((c) => c.key === u.spec.rowKey);
    const existingTable = existing.tables.find((t) => t.name === u.table);
    return u.writes.filter((w) => {
      if (!inputs.has(w.column) || w.row >= u.rowsBefore) return false;
      const key = keyAt >= 0 ? existingTable?.rows[w.row]?.key : null;
      const column = u.spec.columns[u.columnAt.indexOf(w.column)]?.key ?? "";
      return !forced.has(`${u.table}|${key ?? ""}|${column}`);
    }).map((w) => {
      const a = parseRect(u.anchor);
      const range = context.workbook.worksheets.getItem(u.sheet).getRangeByIndexes(a.row + 1 + w.row, a.col + w.column, 1, 1);
      range.load("formulas");
      return { u, w, range };
    });
  });
  const moving = chartsMoving(layout, plan, facts);
  // The caption a moving chart's title showed: read with the checks, cleared below only where it still holds our formula.
  const captions = moving.flatMap(({ follow }) => {
    const value = layout.sheets.find((s) => s.charts.includes(follow.chart))?.cells.find((c) => c.address === follow.chart.titleCell)?.value;
    if (!follow.chart.titleCell || typeof value !== "object" || value === null || !("formula" in value)) return [];
    const at = parseRect(follow.chart.titleCell);
    // The old caption sat as many rows away as the sheet's tables grew or shrank.
    const shift = plan.tables.filter((u) => u.sheet === follow.sheet).reduce((n, u) => n + Math.abs(u.rowsAfter - u.rowsBefore), 0);
    const top = follow.after.top - 1;
    const range = context.workbook.worksheets.getItem(follow.sheet).getRangeByIndexes(top, at.col, at.row + shift + 2 - top, 1);
    range.load("formulas");
    return [{ follow, formula: value.formula, range, top, col: at.col, keep: at.row }];
  });
  if (checks.length > 0 || captions.length > 0) {
    await context.sync();
    syncs++;
    for (const { u, w, range } of checks) if (stateOf((range.formulas as unknown[][])[0]?.[0]) !== "empty") u.writes = u.writes.filter((x) => x !== w);
  }
  const staleCaptions = captions.flatMap(({ follow, formula, range, top, col, keep }) =>
    (range.formulas as unknown[][]).flatMap((row, i) => (row[0] === formula && top + i !== keep ? [{ sheet: follow.sheet, row: top + i, col }] : [])),
  );
  // A table a later version added is written where the layout puts it: only over empty cells (one more read, only then).
  if (plan.newTables.length > 0) {
    const areas = plan.newTables.map((t) => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(newTableRef(t.spec));
      range.load("formulas");
      return { t, range };
    });
    await context.sync();
    syncs++;
    for (const { t, range } of areas) {
      const a = parseRect(t.spec.anchor);
      (range.formulas as unknown[][]).forEach((row, i) => row.forEach((v, j) => {
        if (stateOf(v) !== "empty") plan.problems.push(tableAreaTaken(t.sheet, t.spec, rectAddress({ row: a.row + i, col: a.col + j, rows: 1, cols: 1 })));
      }));
    }
  }
  if (plan.problems.length > 0) return { plan, refused: true, syncs };

  // Table.resize is ExcelApi 1.13, above the add-in's minimum (false outside Office, as in a test that does not say).
  const canResize = typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", "1.13") === true;
  const limit = limits.requestBytes ?? DEFAULT_PAYLOAD_LIMIT;
  // Every change as an action with its size in the request, measured as Excel measures it (the JSON it receives),
  // so the write goes in as many requests as its size needs (one for an ordinary update).
  const actions: Action[] = [];
  const act = (data: unknown, run: () => void) => void actions.push({ bytes: estimateBytes(data), run });
  for (const u of plan.tables) {
    const table = context.workbook.tables.getItem(u.table);
    const sheet = context.workbook.worksheets.getItem(u.sheet);
    const anchor = parseRect(u.anchor);
    const before = beforeRows(known, u);
    for (const c of u.appended) act([u.table, c.header], () => void table.columns.add(undefined, undefined, c.header));
    // Rows added without values, one by one: Excel then fills the user's calculated columns itself.
    // Values, even "", would overwrite their formula on the new rows (calculated-column AutoCorrect).
    for (let i = u.rowsBefore; i < u.rowsAfter; i++) act(null, () => void table.rows.add());
    if (u.rowsAfter < u.rowsBefore) act([u.table, u.rowsAfter], () => shrink(sheet, table, anchor, u, canResize));
    // A cell that already shows the value to write is left as it is: collect rewrites only what changed.
    const changed = u.writes.filter((w) => w.row < u.rowsAfter && !sameValue(before[w.row]?.[w.column], w.value, w.row < u.rowsBefore));
    const keySpec = u.spec.rowKey === undefined ? -1 : u.spec.columns.findIndex((c) => c.key === u.spec.rowKey);
    for (const run of runs(changed, limit / 4, keySpec >= 0 ? (u.columnAt[keySpec] ?? -1) : -1)) {
      act(run.cells, () => writeRun(sheet, anchor, run));
    }
  }
  for (const { sheet, cell } of plan.cells) {
    act(cell, () => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(cell.address);
      range.formulas = [[toExcelInput(cell.value)]];
      if (cell.numberFormat) range.numberFormat = [[cell.numberFormat]];
    });
  }
  for (const c of staleCaptions) act(c, () => context.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1).clear("Contents"));
  for (const { follow, name } of moving) {
    act(follow.chart, () => {
      const sheet = context.workbook.worksheets.getItem(follow.sheet);
      const chart = sheet.charts.getItem(name);
      // Excel grows a chart drawn on a table with it, but not when it shrinks, and never moves it: its data and place are set again.
      chart.setData(sheet.getRange(splitSheet(follow.chart.dataRange).ref), "Columns");
      dressChart(chart, follow.chart, follow.sheet);
    });
  }
  for (const n of plan.names) {
    const current = facts.names.find((x) => x.name.toLowerCase() === n.name.toLowerCase());
    if (current && current.formula !== n.formula) act(n, () => void (context.workbook.names.getItem(current.name).formula = n.formula));
  }
  // Tables a later version added to a sheet of ours: written as a first import writes them, on that sheet.
  for (const name of new Set(plan.newTables.map((t) => t.sheet))) {
    const spec: SheetSpec = { name, role: "info", tables: plan.newTables.filter((t) => t.sheet === name).map((t) => t.spec), cells: [], conditionalFormats: [], charts: [], freeze: { rows: 0, columns: 0 } };
    const live = new Map([[name, context.workbook.worksheets.getItem(name)]]);
    // The first action adds the sheet: this one exists.
    actions.push(...sheetActions(context, spec, live, limit / 4).slice(1), ...finishActions(context, spec, live));
  }
  // New sheets (a kind of sheet the workbook lacks) are written whole, as a first import writes them, with the names still missing.
  const missing = plan.names.filter((n) => !facts.names.some((x) => x.name.toLowerCase() === n.name.toLowerCase()));
  actions.push(...layoutActions(context, { sheets: plan.newSheets, names: missing }, new Map(), limit / 4));
  let done = 0;
  for (const group of groupActions(actions, limit)) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const a of group) a.run();
    try {
      // One request per group is the point: each must stay under Excel on the web's limit (one group for an ordinary update).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (reason) {
      throw new PartialUpdateError(reason, done);
    }
    syncs++;
    done++;
  }
  return { plan, refused: false, syncs };
}
