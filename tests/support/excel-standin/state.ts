/**
 * The in-memory workbook behind the Excel stand-in: plain data a test can
 * build, edit like a user and dump, without going through the API proxies.
 * No Node APIs: the browser tests bundle this file too.
 */
import { parseRect, rectAddress, splitSheet, type Rect } from "../../../src/excel/_lib/a1";

export type CellValue = string | number | boolean;

export interface CellState {
  /** What `values` reads: the constant, or for formulas the evaluator's result ("" without one). */
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  hyperlink?: string;
  wrap?: boolean;
}

export interface TableState {
  name: string;
  /** Header row included. */
  rect: Rect;
  style: string;
  /**
   * Calculated columns (column index in the table → the formula of its first body row): Excel fills them
   * into rows added without values, and makes one when AutoCorrect's "Fill formulas in tables to create
   * calculated columns" catches a formula written into an otherwise empty column (see range.ts).
   */
  calculated?: Record<number, string>;
}

export interface ConditionalFormatState {
  /** "Custom" (an expression, the kind the add-in writes) unless a test plants a user's "DataBar", "ColorScale", …. */
  type?: string;
  rect: Rect;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface ValidationState {
  rect: Rect;
  rule: unknown;
  errorAlert: unknown;
  prompt: unknown;
  ignoreBlanks: boolean;
}

export interface ChartState {
  name: string;
  type: string;
  source: Rect;
  /** How the series were asked for ("Auto", "Columns", "Rows"). */
  seriesBy: string;
  title: string;
  anchor: string | null;
  width: number;
  height: number;
  /** The title's link, as set through chart.title.setFormula. */
  titleFormula?: string;
  /** Fill colour of each series, by index, as set through series.getItemAt(i).format.fill.setSolidColor. */
  seriesColors: Array<string | null>;
}

export interface SheetState {
  name: string;
  cells: Map<string, CellState>;
  tables: TableState[];
  conditionalFormats: ConditionalFormatState[];
  validations: ValidationState[];
  charts: ChartState[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  freeze: { rows: number; columns: number };
  tabColor: string | null;
  /** Review › Protect Sheet: Excel refuses every change to the sheet's cells, tables and formats (AccessDenied). */
  protected?: boolean;
  /** "Visible", "Hidden" or "VeryHidden" as set through worksheet.visibility. */
  visibility?: string;
  /** Page setup as set through worksheet.pageLayout. */
  pageLayout: {
    orientation: string | null;
    zoom: unknown;
    paperSize: string | null;
    /** "$A:$C" as set by setPrintTitleColumns. */
    printTitleColumns?: string | null;
    /** "$1:$1" as set by setPrintTitleRows. */
    printTitleRows: string | null;
    /** "A:V" as set by setPrintArea. */
    printArea: string | null;
    footer: { left: string; center: string };
    /** As given to setPrintMargins, with its unit. */
    margins: Record<string, string | number> | null;
  };
}

export interface WorkbookState {
  sheets: SheetState[];
  names: Array<{ name: string; formula: string }>;
  activeSheet: string | null;
  /** The selected range ("'Chỉ tiêu'!C5"), set by `range.select()`. */
  selection?: string;
  /** Excel on the web refuses requests above 5 MB; the stand-in enforces the same per sync. */
  payloadLimitBytes: number;
  /** Excel on the web also refuses a response above 5 MB (ResponsePayloadSizeLimitExceeded): what one sync may load. */
  responseLimitBytes: number;
  /** Every sync ever made on this workbook, with its estimated request size. */
  syncLog: Array<{ bytes: number; operations: number; responseBytes?: number; refused?: boolean }>;
  /** How many times `suspendApiCalculationUntilNextSync` was called. */
  calculationSuspensions: number;
  /** Optional formula evaluator (tests of computed statuses plug one in). */
  evaluate?: (sheet: SheetState, row: number, col: number, formula: string) => CellValue;
  /** Makes the n-th queued operation of the next sync fail (1-based), to test clean-up after a failure. */
  failAtOperation?: number;
}

/** Excel's refusal to change a protected sheet, raised when the batch reaches the change (earlier ones stay applied). */
export function checkWritable(sheet: SheetState): void {
  if (sheet.protected) throw new StandInErrorLike("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}

/** StandInError without importing context.ts (which imports this module's types). */
class StandInErrorLike extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function newSheet(name: string): SheetState {
  return {
    name,
    cells: new Map(),
    tables: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    freeze: { rows: 0, columns: 0 },
    tabColor: null,
    pageLayout: { orientation: null, zoom: null, paperSize: null, printTitleRows: null, printArea: null, footer: { left: "", center: "" }, margins: null },
  };
}

/** An empty workbook with the given sheets (Excel always has at least one; tests decide). */
export function createWorkbookState(sheetNames: string[] = ["Sheet1"]): WorkbookState {
  return {
    sheets: sheetNames.map(newSheet),
    names: [],
    activeSheet: sheetNames[0] ?? null,
    payloadLimitBytes: 5 * 1024 * 1024,
    responseLimitBytes: 5 * 1024 * 1024,
    syncLog: [],
    calculationSuspensions: 0,
  };
}

export function findSheet(state: WorkbookState, name: string): SheetState | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function findTable(state: WorkbookState, name: string): { sheet: SheetState; table: TableState } | undefined {
  const lower = name.toLowerCase();
  for (const sheet of state.sheets) {
    const table = sheet.tables.find((t) => t.name.toLowerCase() === lower);
    if (table) return { sheet, table };
  }
  return undefined;
}

/** Reads one cell's value as `range.values` would ("" when empty). */
export function readCell(sheet: SheetState, row: number, col: number, state?: WorkbookState): CellValue {
  const cell = sheet.cells.get(cellKey(row, col));
  if (!cell) return "";
  if (cell.formula !== undefined && state?.evaluate) return state.evaluate(sheet, row, col, cell.formula);
  return cell.value;
}

/** A user typing into a cell: "=…" becomes a formula, anything else a constant. */
export function typeIntoCell(state: WorkbookState, address: string, value: CellValue | null): void {
  const { sheet: sheetName, ref } = splitSheet(address);
  const sheet = sheetName === null ? undefined : findSheet(state, sheetName);
  if (!sheet) throw new Error(`typeIntoCell: no sheet in "${address}"`);
  const { row, col } = parseRect(ref);
  const key = cellKey(row, col);
  const prev = sheet.cells.get(key) ?? { value: "" };
  if (value === null || value === "") {
    sheet.cells.set(key, { ...withoutFormula(prev), value: "" });
  } else if (typeof value === "string" && value.startsWith("=")) {
    sheet.cells.set(key, { ...prev, formula: value, value: "" });
  } else {
    sheet.cells.set(key, { ...withoutFormula(prev), value });
  }
}

function withoutFormula(cell: CellState): CellState {
  const { formula: _formula, ...rest } = cell;
  return rest;
}

export interface DumpedTable {
  sheet: string;
  name: string;
  anchor: string;
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

/**
 * The workbook as a WorkbookSnapshot-like structure (empty cells as null),
 * read straight from the state: the reference the adapter's reader is held to.
 */
export function dumpWorkbook(state: WorkbookState): { sheetNames: string[]; tables: DumpedTable[] } {
  const tables: DumpedTable[] = [];
  for (const sheet of state.sheets) {
    for (const t of sheet.tables) {
      const { row, col, rows, cols } = t.rect;
      const headers: string[] = [];
      for (let c = 0; c < cols; c++) headers.push(String(readCell(sheet, row, col + c, state)));
      const body: DumpedTable["rows"] = [];
      for (let r = 1; r < rows; r++) {
        const line: Array<string | number | boolean | null> = [];
        for (let c = 0; c < cols; c++) {
          const v = readCell(sheet, row + r, col + c, state);
          line.push(v === "" ? null : v);
        }
        body.push(line);
      }
      tables.push({ sheet: sheet.name, name: t.name, anchor: rectAddress({ row, col, rows: 1, cols: 1 }), headers, rows: body });
    }
  }
  return { sheetNames: state.sheets.map((s) => s.name), tables };
}

/** A table as a user would have made it by hand (Insert > Table), on a sheet created if missing. */
export function addUserTable(
  state: WorkbookState,
  sheetName: string,
  anchor: string,
  name: string,
  headers: string[],
  rows: Array<Array<CellValue | null>>,
): void {
  let sheet = findSheet(state, sheetName);
  if (!sheet) {
    sheet = newSheet(sheetName);
    state.sheets.push(sheet);
  }
  const at = parseRect(anchor);
  [headers, ...rows].forEach((line, r) =>
    line.forEach((v, c) => {
      if (v !== null && v !== "") sheet.cells.set(cellKey(at.row + r, at.col + c), { value: v });
    }),
  );
  sheet.tables.push({ name, rect: { row: at.row, col: at.col, rows: Math.max(rows.length, 1) + 1, cols: headers.length }, style: "TableStyleLight1" });
}

/**
 * Excel rewrites every formula that refers to a sheet or table when the user (or an add-in) renames or
 * deletes it: a rename follows the new name, a delete turns the reference into #REF!. The stand-in does
 * the same in cell formulas, defined names, validation rules and colour rules, so a writer that renames or
 * deletes our sheets is caught breaking the user's references. (Text inside string literals is not
 * told apart: the tests' formulas do not quote sheet or table names.)
 */
export function rewriteReferences(state: WorkbookState, rewrite: (formula: string) => string): void {
  for (const sheet of state.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined) cell.formula = rewrite(cell.formula);
    for (const cf of sheet.conditionalFormats) cf.formula = rewrite(cf.formula);
    for (const v of sheet.validations) {
      const rule = v.rule as { list?: { source?: unknown } } | null;
      if (rule?.list && typeof rule.list.source === "string") rule.list.source = rewrite(rule.list.source);
    }
  }
  for (const n of state.names) n.formula = rewrite(n.formula);
}

/**
 * Excel deleting sheet row `row` (0-based) within columns [col, col+cols) of `sheet` and shifting the cells
 * below up: a reference to a deleted cell becomes #REF!, one to a cell that moved follows it. Only A1
 * references qualified with the sheet's name, or unqualified ones in formulas on the same sheet, are seen.
 */
export function deleteRowReferences(state: WorkbookState, sheet: SheetState, row: number, col: number, cols: number): void {
  const lettersToCol = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const ref = (f: string, qualified: boolean) =>
    f.replace(new RegExp(`${qualified ? `(${sheetPrefix(sheet.name)})` : "(^|[^!\\p{L}\\p{N}_.'$])"}(\\$?)([A-Z]{1,3})(\\$?)(\\d+)(?![\\p{L}\\p{N}_(!])`, "gu"), (m, pre: string, d1: string, letters: string, d2: string, num: string) => {
      const c = lettersToCol(letters);
      const r = Number(num) - 1;
      if (c < col || c >= col + cols || r < row) return m;
      if (r === row) return qualified ? "#REF!" : `${pre}#REF!`;
      return `${pre}${d1}${letters}${d2}${r}`;
    });
  for (const s of state.sheets) {
    for (const cell of s.cells.values()) {
      if (cell.formula === undefined) continue;
      cell.formula = ref(cell.formula, true);
      if (s === sheet) cell.formula = ref(cell.formula, false);
    }
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'`;
/** "'Chỉ tiêu'!" or "Sheet1!" (a simple name may go unquoted). */
const sheetPrefix = (name: string): string => `(?:${escapeRe(quoted(name))}|(?<![\\w.'])${escapeRe(name)})!`;
/** "ChiTieu[...]" with one level of nested brackets, not preceded by a name character. */
const tableRef = (name: string): string => `(?<![\\p{L}\\p{N}_.\\\\])${escapeRe(name)}(?=\\[)`;

export const references = {
  renameSheet: (from: string, to: string) => (f: string): string => f.replace(new RegExp(sheetPrefix(from), "giu"), `${quoted(to)}!`),
  deleteSheet: (name: string) => (f: string): string =>
    f.replace(new RegExp(`${sheetPrefix(name)}\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, "giu"), "#REF!"),
  renameTable: (from: string, to: string) => (f: string): string => f.replace(new RegExp(tableRef(from), "giu"), to),
  deleteTable: (name: string) => (f: string): string =>
    f.replace(new RegExp(`${tableRef(name)}\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]`, "giu"), "#REF!"),
};
