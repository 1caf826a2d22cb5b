/**
 * How our sheets print: A4 landscape, the table's header row repeated on
 * every page (Excel's Print_Titles), the technical columns left out of the
 * print area, and "Trang x/y" in the footer. Both writers apply this one spec.
 *
 * Readable first: a sheet whose printed columns fit one page wide at 70 % or
 * more is fitted to the width (rows flow onto further pages); a wider one
 * (the Chỉ tiêu sheet) prints at a fixed, readable scale, its columns flowing
 * onto a second page across, with the identifying columns (STT, Mã, Chỉ
 * tiêu) repeated on the left of every page so each page can be read alone.
 */
import type { Lang } from "../../status/labels";
import type { PrintSpec, TableSpec } from "../types";
import { parseAddress } from "./a1";

/** Excel header/footer codes: &P page number, &N number of pages, &A sheet name. */
const FOOTER = { vi: "Trang &P/&N", en: "Page &P of &N" } as const;

/** The smallest scale a person reads a printed sheet at (issue 21). */
export const MIN_PRINT_SCALE = 70;

/** Excel's "Narrow" margins: 10 mm more of A4's width for the columns than the default 18 mm sides. */
const MARGINS = { top: 19, bottom: 19, left: 6, right: 6, header: 8, footer: 8 };

/** A4 landscape's printable width in points, between the margins. */
const PRINTABLE_PT = ((297 - MARGINS.left - MARGINS.right) / 25.4) * 72;

/**
 * A column's printed width in points at 100 %. Excel's width unit is the
 * width of a digit of the default font (7 px for Calibri 11 at 96 dpi, about
 * 5.3 pt); LibreOffice prints our columns wider, about 7.2 pt a unit
 * (measured on its PDFs of seed 002: Nhiệm vụ's 199 units fitted at 57 %).
 * The wider measure is used, so a sheet judged readable prints at 70 % or
 * more in both.
 */
export function columnPoints(width: number): number {
  return width * 7.2;
}

/**
 * The scale a sheet prints at when its columns are fitted to one page wide
 * (100 when they fit as they are), rounded down as Excel does.
 * @example
 * fitScale([48, 10, 20]) // 100
 */
export function fitScale(widths: number[]): number {
  const total = widths.reduce((a, w) => a + columnPoints(w), 0);
  return total <= PRINTABLE_PT ? 100 : Math.floor((PRINTABLE_PT / total) * 100);
}

export interface TablePrintOptions {
  /** "sheet": a sheet of several tables and a chart (Tổng hợp) prints whole, with no print area. */
  area?: "table" | "sheet";
  /** The last column printed (its key): the columns after it are the workbook's helpers, not the reader's. */
  lastColumn?: string;
  /** The identifying column (its key) repeated on every page across when the sheet is too wide for one. */
  identity?: string;
  /**
   * Sheet columns (1-based) printed with their widths, for a sheet of several tables side by side (Tổng
   * hợp): the area is these columns, from A; tables further right (the period list) stay on screen.
   */
  sheetColumns?: number[];
}

/**
 * The print spec of a sheet whose main content is `table`: its header row
 * repeats, and printing stops at the last visible column (or `lastColumn`).
 * Our technical columns (keys, appendix, source text) are hidden and come
 * last by design, so the printed columns are one contiguous block (a print
 * area of several blocks would print each on its own pages).
 * @example
 * tablePrint(indicatorTable, "vi", { identity: "name" }) // { scale: 70, titleColumns: { first: 1, last: 3 }, … }
 * tablePrint(statusTable, "vi", { area: "sheet" }).columns // null: the whole sheet
 */
export function tablePrint(table: TableSpec, lang: Lang, options: TablePrintOptions | "table" | "sheet" = {}): PrintSpec {
  const o: TablePrintOptions = typeof options === "string" ? { area: options } : options;
  const anchor = parseAddress(table.anchor);
  let last = table.columns.length - 1;
  const named = o.lastColumn === undefined ? -1 : table.columns.findIndex((c) => c.key === o.lastColumn);
  if (named >= 0) last = named;
  while (last > 0 && table.columns[last]?.hidden) last--;
  const printed = table.columns.slice(0, last + 1).filter((c) => !c.hidden);
  const scale = fitScale(o.sheetColumns ?? printed.map((c) => c.width));
  const identity = o.identity === undefined ? -1 : table.columns.findIndex((c) => c.key === o.identity);
  const wide = scale < MIN_PRINT_SCALE && o.area !== "sheet";
  return {
    paper: "A4",
    landscape: true,
    fitToWidth: !wide,
    // Too wide for one readable page: a fixed readable scale, columns onto a second page across.
    ...(wide ? { scale: MIN_PRINT_SCALE } : {}),
    titleRows: { first: anchor.row, last: anchor.row },
    ...(wide && identity >= 0 ? { titleColumns: { first: anchor.col, last: anchor.col + identity } } : {}),
    columns: o.sheetColumns ? { first: 1, last: o.sheetColumns.length } : o.area === "sheet" ? null : { first: 1, last: anchor.col + last },
    footer: { left: "&A", center: FOOTER[lang] },
    margins: MARGINS,
  };
}
