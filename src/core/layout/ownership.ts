/**
 * Whose cell is it? An update changes only what we own and leaves the rest to
 * the user. We own our sheets, our tables' rows and our columns (found by
 * header, wherever the user moved them), our defined names and our free
 * cells. Input columns (results, notes, task statuses) and input cells (the
 * tolerance) are ours to create but the user's to fill: an update writes them
 * only while they are empty. Everything else is the user's: their sheets, the
 * columns they add to our tables, the rows they add without a key, the
 * formulas they type, and their references to our tables.
 *
 * `planUpdate` turns a new layout and what the workbook holds into the exact
 * cell writes; both writers (src/xlsx, src/excel) only carry them out, so an
 * update behaves the same in a file and in live Excel. Keyed rows never move:
 * a user's sort order and their A1 references to our rows stay right; rows
 * new to the layout are added at the end of the table.
 */
import type { DefinedName, FreeCell, LayoutCell, SheetSpec, TableSpec, WorkbookLayout } from "./types";
import { address, columnLetter, parseAddress, quoteSheet } from "./_lib/a1";

/** What a cell of the existing workbook holds, as far as ownership cares. */
export type CellState = "empty" | "value" | "formula";

export interface ExistingTable {
  name: string;
  sheet: string;
  /** Top-left cell of the header row. */
  anchor: string;
  headers: string[];
  /** Data rows: the text of the row-key cell (when the layout table has a key column) and each cell's state. */
  rows: Array<{ key: string | null; cells: CellState[] }>;
  /** The user turned on a totals row. */
  totalsRow: boolean;
}

export interface ExistingWorkbook {
  sheets: string[];
  tables: ExistingTable[];
  names: Array<{ name: string; formula: string }>;
  /** State of the input cells outside tables, by `${sheet}!${address}`; a cell not listed on an existing sheet counts as the user's (never written). */
  cells?: Record<string, CellState>;
}

export interface CellWrite {
  /** 0-based data row in the updated table. */
  row: number;
  /** 0-based column in the updated table (appended columns come after the existing ones). */
  column: number;
  value: LayoutCell;
  /** The number format the layout gives this cell (null: General). */
  numberFormat: string | null;
}

export interface TableUpdate {
  table: string;
  sheet: string;
  anchor: string;
  spec: TableSpec;
  /** Layout column index → column index in the updated table. */
  columnAt: number[];
  /** Layout columns the table lacks, added at its right end in this order (header, width…). */
  appended: TableSpec["columns"];
  /** Columns after the update (the existing ones, the user's included, then the appended ones). */
  width: number;
  /** Data rows before and after. */
  rowsBefore: number;
  rowsAfter: number;
  writes: CellWrite[];
}

export interface UpdateProblem {
  code: "TABLE_MISSING" | "KEY_COLUMN_MISSING" | "TOTALS_ROW" | "SHEET_TAKEN" | "CELLS_IN_THE_WAY";
  sheet: string;
  cell: string | null;
  vi: string;
  en: string;
}

export interface UpdatePlan {
  tables: TableUpdate[];
  /** Layout sheets the workbook lacks, written whole (a new kind of sheet, or one the user deleted). */
  newSheets: SheetSpec[];
  /** Layout tables an existing sheet of ours lacks (a later version added them), written whole where the layout puts them. */
  newTables: Array<{ sheet: string; spec: TableSpec }>;
  /** Free cells of existing sheets, on the sheet where they now live. */
  cells: Array<{ sheet: string; cell: FreeCell }>;
  /** Our names, with the formula they must have after the update (added when missing). */
  names: DefinedName[];
  problems: UpdateProblem[];
}

export interface UpdateOptions {
  /**
   * Input cells to write even though they hold something: values the caller collected on purpose (forms'
   * collect writing agencies' returns), by table name, row key and column key. Every other input cell that
   * holds anything stays the user's.
   */
  overwrite?: Array<{ table: string; key: string; column: string }>;
}

/** The layout's column keys that officials type into. */
export function inputColumns(table: TableSpec): string[] {
  return table.columns.filter((c) => c.input).map((c) => c.key);
}

const norm = (s: string): string => s.normalize("NFC").trim().toLowerCase();

function keyText(v: LayoutCell | undefined): string | null {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

/** The table spec's rows that an update places, with the number format of each cell. */
function formatOf(spec: TableSpec, row: number, col: number): string | null {
  const c = spec.columns[col];
  if (!c) return null;
  const f = spec.cellFormats.find((x) => x.row === row && x.column === c.key);
  return f?.numberFormat ?? c.numberFormat ?? null;
}

/**
 * Where every layout row goes in the existing table. Keyed tables: an existing row keeps its place (the
 * k-th row with a key goes to the k-th existing row with it); new keys fill the table's empty rows, then
 * go to the end. Rows without a key in the layout are the user's own rows carried by the merge: they are
 * already in the table, untouched. Positional tables: row i is row i.
 */
function placeRows(spec: TableSpec, existing: ExistingTable, keyCol: number | null): { target: Array<number | null>; rowsAfter: number } {
  if (keyCol === null || spec.rowKey === undefined) {
    return { target: spec.rows.map((_, i) => i), rowsAfter: Math.max(spec.rows.length, 1) };
  }
  const byKey = new Map<string, number[]>();
  const free: number[] = [];
  existing.rows.forEach((r, i) => {
    if (r.key !== null) byKey.set(r.key, [...(byKey.get(r.key) ?? []), i]);
    else if (r.cells.every((c) => c === "empty")) free.push(i);
  });
  const specKey = spec.columns.findIndex((c) => c.key === spec.rowKey);
  let next = existing.rows.length;
  const target = spec.rows.map((r) => {
    const k = keyText(r[specKey]);
    if (k === null) return null;
    const slots = byKey.get(k);
    const slot = slots?.shift();
    if (slot !== undefined) return slot;
    return free.shift() ?? next++;
  });
  return { target, rowsAfter: Math.max(next, 1) };
}

function problem(code: UpdateProblem["code"], sheet: string, cell: string | null, vi: string, en: string): UpdateProblem {
  return { code, sheet, cell, vi, en };
}

function planTable(spec: TableSpec, existing: ExistingTable, problems: UpdateProblem[], overwrite: ReadonlySet<string>): TableUpdate | null {
  const headerIndex = new Map<string, number>();
  existing.headers.forEach((h, i) => {
    if (!headerIndex.has(norm(h))) headerIndex.set(norm(h), i);
  });
  const appended: TableSpec["columns"] = [];
  const columnAt = spec.columns.map((c) => {
    const at = headerIndex.get(norm(c.header));
    if (at !== undefined) return at;
    appended.push(c);
    return existing.headers.length + appended.length - 1;
  });
  const specKey = spec.rowKey === undefined ? -1 : spec.columns.findIndex((c) => c.key === spec.rowKey);
  const keyCol = specKey >= 0 ? (columnAt[specKey] ?? null) : null;
  if (specKey >= 0 && (keyCol === null || keyCol >= existing.headers.length)) {
    const h = spec.columns[specKey]?.header ?? "";
    problems.push(problem("KEY_COLUMN_MISSING", existing.sheet, null,
      `Bảng ${existing.name} (sheet '${existing.sheet}') không còn cột "${h}", nên không biết dòng nào là chỉ tiêu nào. Hãy khôi phục cột này (Ctrl+Z, hoặc thêm lại cột với tiêu đề "${h}") rồi cập nhật lại.`,
      `Table ${existing.name} (sheet '${existing.sheet}') no longer has the "${h}" column, so rows cannot be matched. Restore it, then update again.`));
    return null;
  }
  const { target, rowsAfter } = placeRows(spec, existing, keyCol);
  const rowsBefore = existing.rows.length;
  if (existing.totalsRow && rowsAfter !== rowsBefore) {
    problems.push(problem("TOTALS_ROW", existing.sheet, null,
      `Bảng ${existing.name} (sheet '${existing.sheet}') có dòng tổng (Total Row); cập nhật cần thêm hoặc bớt dòng của bảng. Hãy tắt dòng tổng (Table Design → Total Row) rồi cập nhật lại; có thể bật lại sau.`,
      `Table ${existing.name} (sheet '${existing.sheet}') has a totals row and the update must add or remove rows. Turn the totals row off, update, then turn it back on.`));
    return null;
  }
  const inputs = new Set(inputColumns(spec));
  const writes: CellWrite[] = [];
  spec.rows.forEach((r, i) => {
    const row = target[i];
    if (row === null || row === undefined) return;
    const old = existing.rows[row];
    spec.columns.forEach((c, j) => {
      const column = columnAt[j] as number;
      const state = old?.cells[column] ?? "empty";
      // An input cell that holds anything is the user's: their number, their text, their formula.
      const forced = specKey >= 0 && overwrite.has(`${spec.name}|${keyText(r[specKey]) ?? ""}|${c.key}`);
      if (c.input && inputs.has(c.key) && state !== "empty" && !forced) return;
      const value: LayoutCell = c.formula ? { formula: c.formula } : (r[j] ?? null);
      if (c.input && (value === null || value === "")) return;
      writes.push({ row, column, value, numberFormat: formatOf(spec, i, j) });
    });
  });
  // A positional table that shrinks: our cells of the rows it gives up are cleared (user columns are left).
  for (let row = rowsAfter; row < rowsBefore; row++) {
    spec.columns.forEach((_, j) => writes.push({ row, column: columnAt[j] as number, value: null, numberFormat: null }));
  }
  return { table: existing.name, sheet: existing.sheet, anchor: existing.anchor, spec, columnAt, appended, width: existing.headers.length + appended.length, rowsBefore, rowsAfter, writes };
}

/** The sheet part of a name's formula ("='Cơ quan'!$A$2:$A$9" → "Cơ quan"), or null. */
function sheetOfFormula(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(formula);
  if (!m) return null;
  return (m[1] ?? m[2] ?? "").replace(/''/g, "'");
}

/**
 * A layout name that spans a table column's data ("='Cơ quan'!$A$2:$A$9") follows that column in the
 * updated table; any other name keeps the layout's formula, on the sheet where the layout sheet now lives.
 */
function retarget(name: DefinedName, layout: WorkbookLayout, sheetAt: Map<string, string>, updates: TableUpdate[]): DefinedName {
  const sheet = sheetOfFormula(name.formula);
  if (sheet === null) return name;
  const live = sheetAt.get(sheet) ?? sheet;
  const rest = name.formula.replace(/^=?(?:'(?:[^']|'')+'|[^'!]+)!/, "");
  const m = /^\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(rest);
  const spec = layout.sheets.find((s) => s.name === sheet);
  if (m && m[1] === m[3] && spec) {
    for (const t of spec.tables) {
      const a = parseAddress(t.anchor);
      const col = parseAddress(`${m[1]}1`).col - a.col;
      if (col < 0 || col >= t.columns.length || Number(m[2]) !== a.row + 1) continue;
      const u = updates.find((x) => x.spec === t);
      if (!u) break;
      const at = parseAddress(u.anchor);
      const letter = columnLetter(at.col + (u.columnAt[col] ?? col));
      return { name: name.name, formula: `=${quoteSheet(live)}!$${letter}$${at.row + 1}:$${letter}$${at.row + u.rowsAfter}` };
    }
  }
  return { name: name.name, formula: `=${quoteSheet(live)}!${rest}` };
}

/**
 * @example
 * const plan = planUpdate(buildLayout(plan, { lang: "vi", results: merged.user }), existing);
 * if (plan.problems.length > 0) return refuse(plan.problems); // nothing written
 */
export function planUpdate(layout: WorkbookLayout, existing: ExistingWorkbook, options: UpdateOptions = {}): UpdatePlan {
  const out: UpdatePlan = { tables: [], newSheets: [], newTables: [], cells: [], names: [], problems: [] };
  const overwrite = new Set((options.overwrite ?? []).map((o) => `${o.table}|${o.key}|${o.column}`));
  const sheetAt = new Map<string, string>();
  const tableByName = new Map(existing.tables.map((t) => [norm(t.name), t]));
  const sheetTaken = (name: string): string | undefined => existing.sheets.find((s) => norm(s) === norm(name));
  for (const sheet of layout.sheets) {
    // Our sheet is where our table is, whatever the user renamed it to.
    const found = sheet.tables.map((t) => tableByName.get(norm(t.name))).find((t) => t !== undefined);
    const live = found?.sheet ?? (sheet.tables.length === 0 ? sheetTaken(sheet.name) : undefined);
    if (live === undefined) {
      const taken = sheetTaken(sheet.name);
      if (taken !== undefined) {
        out.problems.push(problem("SHEET_TAKEN", taken, null,
          `Sổ tính có sheet '${taken}' nhưng không có bảng ${sheet.tables[0]?.name ?? ""} của Chỉ tiêu trong đó. Hãy đổi tên sheet này (hoặc khôi phục bảng) rồi cập nhật lại.`,
          `The workbook has a sheet '${taken}' without our table ${sheet.tables[0]?.name ?? ""}. Rename that sheet (or restore the table), then update again.`));
      } else out.newSheets.push(sheet);
      continue;
    }
    sheetAt.set(sheet.name, live);
    for (const t of sheet.tables) {
      const old = tableByName.get(norm(t.name));
      if (!old) {
        // A table a later version added to this sheet (or one the user deleted): written whole; the writers
        // check that its area is empty first (tableAreaTaken).
        out.newTables.push({ sheet: live, spec: t });
        continue;
      }
      if (old.sheet !== live) {
        out.problems.push(problem("TABLE_MISSING", live, t.anchor,
          `Bảng ${t.name} đã bị chuyển sang sheet '${old.sheet}', khác sheet của các bảng cùng nhóm ('${live}'). Hãy chuyển bảng về sheet cũ rồi cập nhật lại.`,
          `Table ${t.name} was moved to sheet '${old.sheet}', away from its sheet '${live}'. Move it back, then update again.`));
        continue;
      }
      const u = planTable(t, old, out.problems, overwrite);
      if (u) out.tables.push(u);
    }
    for (const cell of sheet.cells) {
      if (cell.input && (existing.cells?.[`${live}!${cell.address}`] ?? "value") !== "empty") continue;
      out.cells.push({ sheet: live, cell });
    }
  }
  out.names = layout.names.map((n) => retarget(n, layout, sheetAt, out.tables));
  return out;
}

/** The A1 range an updated table covers (header included). */
export function updatedRef(u: TableUpdate): string {
  const a = parseAddress(u.anchor);
  return `${u.anchor}:${address(a.row + u.rowsAfter, a.col + u.width - 1)}`;
}

/** The problem of a cell that holds something where the table must grow. */
export function cellInTheWay(u: TableUpdate, cell: string): UpdateProblem {
  return problem("CELLS_IN_THE_WAY", u.sheet, cell,
    `Bảng ${u.table} cần mở rộng (thêm dòng hoặc cột) nhưng ô ${quoteSheet(u.sheet)}!${cell} ngay cạnh bảng đang có dữ liệu. Hãy chuyển dữ liệu đó ra xa bảng rồi cập nhật lại.`,
    `Table ${u.table} must grow (rows or columns) but cell ${quoteSheet(u.sheet)}!${cell} next to it holds data. Move that data away from the table, then update again.`);
}

/** The A1 range a new table takes (header and data rows; one empty row for an empty table). */
export function newTableRef(spec: TableSpec): string {
  const a = parseAddress(spec.anchor);
  return `${spec.anchor}:${address(a.row + Math.max(spec.rows.length, 1), a.col + spec.columns.length - 1)}`;
}

/** The problem of a cell that holds something where a table of ours must be written. */
export function tableAreaTaken(sheet: string, spec: TableSpec, cell: string): UpdateProblem {
  return problem("CELLS_IN_THE_WAY", sheet, cell,
    `Cần tạo bảng ${spec.name} tại ${quoteSheet(sheet)}!${newTableRef(spec)} nhưng ô ${cell} ở đó đang có dữ liệu (có thể bảng cũ đã bị chuyển thành vùng thường). Hãy dời hoặc xóa dữ liệu ở vùng này rồi cập nhật lại.`,
    `Table ${spec.name} must be written at ${quoteSheet(sheet)}!${newTableRef(spec)} but cell ${cell} there holds data (perhaps the old table was converted to a range). Move or clear it, then update again.`);
}

/** One message for all problems, Vietnamese first: nothing was changed. */
export function describeProblems(problems: UpdateProblem[]): { vi: string; en: string } {
  return {
    vi: `Không cập nhật được tại chỗ, sổ tính chưa bị thay đổi: ${problems.map((p) => p.vi).join(" ")}`,
    en: `Cannot update in place; the workbook was not changed: ${problems.map((p) => p.en).join(" ")}`,
  };
}
