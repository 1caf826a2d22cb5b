/**
 * The declarative workbook layout: what the sheets, tables, formulas, formats
 * and rules are, with no knowledge of Office.js or exceljs. `src/excel` (live
 * Excel) and `src/xlsx` (files) both write exactly this, so what a test proves
 * on an .xlsx file holds in Excel.
 */
import type { Argb } from "../_lib/colour";

export type { Argb } from "../_lib/colour";

import type { CutCell } from "./cellLimit";

/** A literal value. Strings are always written as text, never interpreted as formulas. */
export type LayoutValue = string | number | boolean | null;

/** A cell: a literal, or a formula (with leading "="; structured references in the stored form `T[[#This Row],[Col]]`). */
export type LayoutCell = LayoutValue | { formula: string };

export type ValidationSpec =
  | {
      type: "list";
      /** A formula ("=CoQuan!$A$2:$A$200" or a defined name) or inline items. */
      source: { formula: string } | { items: string[] };
      /** stop: reject; warning: allow with a warning (free text for agencies); information: note only. */
      errorStyle: "stop" | "warning" | "information";
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    }
  | {
      type: "decimal";
      errorStyle: "stop" | "warning" | "information";
      allowBlank: boolean;
      prompt?: string;
      error?: string;
    };

export interface ColumnSpec {
  /** Stable key used by readers, merges and formulas ("target", "result6m"). */
  key: string;
  /** Header text as shown in the sheet (Vietnamese by default). */
  header: string;
  /** Column width in characters. */
  width: number;
  /** Excel number format for the whole column ("0.00", "@", "0.0%"); per-cell formats override it. */
  numberFormat?: string;
  hidden?: boolean;
  wrap?: boolean;
  /** A calculated column: the same formula in every data row. */
  formula?: string;
  validation?: ValidationSpec;
  /**
   * An input column: we create it, officials type into it (results, notes, task statuses). An update writes
   * it only where the cell is empty; a value or formula already there is the user's and stays. Its data cells
   * stay editable when the sheet is protected (see SheetSpec.protect).
   */
  input?: boolean;
}

export interface TableSpec {
  /** Excel table name (unique in the workbook, no spaces). */
  name: string;
  /** Top-left cell of the header row, "A1"-style. */
  anchor: string;
  columns: ColumnSpec[];
  /** Data rows, one LayoutCell per column (formula columns may hold null: the column formula fills them). */
  rows: LayoutCell[][];
  /** Per-cell number formats, e.g. percent rows: [rowIndex, columnKey, format]. rowIndex is 0-based within data rows. */
  cellFormats: Array<{ row: number; column: string; numberFormat: string }>;
  style: string;
  /**
   * The column whose value identifies a row across updates ("key"), or absent when rows are positional
   * (counts, findings). An update matches keyed rows by this column and never moves them.
   */
  rowKey?: string;
}

export interface ConditionalFormatSpec {
  /** A1 range on the sheet ("A2:T5001"). */
  range: string;
  /** Expression rule, relative to the range's top-left cell ("=$Q2=\"Không đạt\""). */
  formula: string;
  fill: Argb;
  fontColor: Argb;
}

export interface FreeCell {
  address: string;
  value: LayoutCell;
  bold?: boolean;
  numberFormat?: string;
  /** A hyperlink to a place in the workbook ("'Chỉ tiêu'!C5"). */
  link?: string;
  /** An input cell (the tolerance): written by an update only while it is empty. */
  input?: boolean;
  /** A validation on this cell alone (the KyBaoCao list). */
  validation?: ValidationSpec;
}

export interface ChartSpec {
  type: "barStacked" | "bar" | "pie";
  /** The chart's name in the workbook, by which an update finds it again (Office.js cannot read a chart's source before ExcelApi 1.12). */
  name?: string;
  /** The title as text (a writer that cannot link it, and the fallback). */
  title: string;
  /** A1 cell on the chart's sheet whose value is the title (a formula): the chart's title is linked to it. */
  titleCell?: string;
  /** A1 range of the source data including headers. */
  dataRange: string;
  /** Where the chart's top-left corner sits. */
  anchor: string;
  width: number;
  height: number;
  /** Colour of each series (the data range's columns after the first), so every writer colours statuses alike. */
  seriesColors?: Argb[];
}

export type SheetRole = "indicators" | "results" | "tasks" | "agencies" | "summary" | "checks" | "info";

export interface SheetSpec {
  name: string;
  role: SheetRole;
  tables: TableSpec[];
  cells: FreeCell[];
  conditionalFormats: ConditionalFormatSpec[];
  charts: ChartSpec[];
  /** Rows and columns frozen at the top-left. */
  freeze: { rows: number; columns: number };
  tabColor?: Argb;
  /** How the sheet prints (see _lib/print.ts); absent: the application's defaults. */
  print?: PrintSpec;
  /** Sheet protection without a password: guards against slips, not people. Only `input` columns stay editable. */
  protect?: boolean;
  /**
   * Hidden from the tabs (still readable by any reader): where forms keep their identity. "very": not even
   * listed in Excel's Unhide dialog (the tracking workbook's signing key).
   */
  hidden?: boolean | "very";
}

export interface PrintSpec {
  paper: "A4";
  landscape: boolean;
  /** All printed columns on one page width; rows flow onto as many pages as they need. */
  fitToWidth: boolean;
  /** A fixed print scale in percent, for a sheet too wide to fit one page wide readably (then fitToWidth is false). */
  scale?: number;
  /** Sheet columns (1-based, inclusive) repeated on the left of every page across: the row's identity (STT, Mã, Chỉ tiêu). */
  titleColumns?: { first: number; last: number };
  /** Sheet rows (1-based, inclusive) repeated at the top of every page: the table's header row. */
  titleRows: { first: number; last: number } | null;
  /** Sheet columns (1-based, inclusive) printed; null prints the whole used range. */
  columns: { first: number; last: number } | null;
  /** Footer text with Excel's codes (&P page, &N pages, &A sheet name). */
  footer: { left: string; center: string };
  /** Page margins in millimetres (narrow sides leave the columns more width at one page wide). */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
}

export interface DefinedName {
  name: string;
  /** "='Chỉ tiêu'!$B$1" */
  formula: string;
}

export interface WorkbookLayout {
  sheets: SheetSpec[];
  names: DefinedName[];
  /** Cells whose text was cut to Excel's 32,767 characters (see ../cellLimit); absent when none was. */
  cut?: CutCell[];
}
