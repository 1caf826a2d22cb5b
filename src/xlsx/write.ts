/**
 * Writes a WorkbookLayout to .xlsx bytes with exceljs: real Excel tables,
 * formulas without cached results (Excel and LibreOffice compute them on
 * open), frozen headers, widths, number formats, validation, conditional
 * formats and defined names. Everything is built in memory; bytes come out
 * only when the whole workbook is done, so a failure writes nothing.
 *
 * Charts: exceljs 4.4 cannot write charts; ./chart.ts adds the layout's
 * charts as DrawingML parts to the bytes exceljs wrote (option `charts`).
 */
import ExcelJS from "exceljs";
import type { CellValue, Worksheet } from "exceljs";
import type { LayoutCell, PrintSpec, SheetSpec, TableSpec, ValidationSpec, WorkbookLayout } from "../core/layout/types";
import { patchExceljs } from "./_lib/exceljsPatch";
import { addCharts } from "./chart";

const strip = (f: string): string => (f.startsWith("=") ? f.slice(1) : f);

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(address.toUpperCase());
  if (!m || !m[1] || !m[2]) throw new Error(`Not an A1 address: "${address}"`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function letter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A layout cell as an exceljs value. Strings stay strings: exceljs never turns "=…" text into a formula. */
function cellValue(cell: LayoutCell): CellValue {
  if (cell === null) return null;
  if (typeof cell === "object") return { formula: strip(cell.formula) } as CellValue;
  return cell;
}

interface DataValidationsHandle {
  add(address: string, validation: Record<string, unknown>): void;
}

function validationModel(v: ValidationSpec): Record<string, unknown> {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    ...(v.error ? { error: v.error } : {}),
    ...(v.prompt ? { prompt: v.prompt, showInputMessage: true } : {}),
  };
  if (v.type === "decimal") return { ...common, type: "decimal", operator: "between", formulae: [-1e15, 1e15] };
  const formula = "formula" in v.source ? strip(v.source.formula) : `"${v.source.items.join(",")}"`;
  return { ...common, type: "list", formulae: [formula] };
}

function writeTable(ws: Worksheet, t: TableSpec): void {
  const anchor = decode(t.anchor);
  const dataRows = Math.max(t.rows.length, 1);
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(anchor.col + i);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
    if (c.numberFormat) col.numFmt = c.numberFormat;
    col.alignment = c.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" };
  });
  // Excel needs at least one data row in a table; an empty table gets one empty row.
  const rows = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  ws.addTable({
    name: t.name,
    ref: t.anchor,
    headerRow: true,
    totalsRow: false,
    style: { theme: t.style as never, showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.header, filterButton: true })),
    rows: rows.map((r) => t.columns.map((c, j) => (c.formula ? { formula: strip(c.formula) } : cellValue(r[j] ?? null)))),
  });
  // No <calculatedColumnFormula>: unpatched exceljs 4.4 loses every column after the first one that has it
  // and then crashes ("setting 'filterButton'"), so a colleague's exceljs script could not read our files.
  // The formula is in every row; the Office.js writer, which writes the live workbook, still makes real
  // calculated columns (Excel does that itself when a whole table column gets one formula).
  // A file carries no auto-fit and LibreOffice keeps default heights: estimate wrapped rows' line counts so
  // long names do not spill over the next row on screen or in print.
  rows.forEach((r, i) => {
    const lines = t.columns.reduce((n, c, j) => {
      const v = r[j];
      if (!c.wrap || c.hidden || typeof v !== "string") return n;
      const perLine = Math.max(1, c.width - 2);
      return Math.max(n, v.split("\n").reduce((k, part) => k + Math.max(1, Math.ceil(part.length / perLine)), 0));
    }, 1);
    if (lines > 1) ws.getRow(anchor.row + 1 + i).height = 15 * Math.min(lines, 20);
  });
  const colIndex = new Map(t.columns.map((c, i) => [c.key, i]));
  for (const f of t.cellFormats) {
    const j = colIndex.get(f.column);
    if (j !== undefined) ws.getCell(anchor.row + 1 + f.row, anchor.col + j).numFmt = f.numberFormat;
  }
  const dv = (ws as unknown as { dataValidations: DataValidationsHandle }).dataValidations;
  t.columns.forEach((c, i) => {
    if (!c.validation) return;
    const L = letter(anchor.col + i);
    dv.add(`${L}${anchor.row + 1}:${L}${anchor.row + dataRows}`, validationModel(c.validation));
  });
  const header = ws.getRow(anchor.row);
  header.alignment = { wrapText: true, vertical: "middle" };
  header.font = { bold: true };
  // Input cells stay editable when the sheet is protected (every other cell is locked by default).
  t.columns.forEach((c, i) => {
    if (!c.input) return;
    for (let r = 0; r < dataRows; r++) ws.getCell(anchor.row + 1 + r, anchor.col + i).protection = { locked: false };
  });
}

/** Millimetres → inches (SpreadsheetML stores page margins in inches), to 2 decimals. */
const inches = (mm: number): number => Math.round((mm / 25.4) * 100) / 100;

/** The layout's print spec as exceljs page setup: A4 (paper size 9), fit to one page wide, title rows, print area, footer. */
function applyPrint(ws: Worksheet, p: PrintSpec): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.landscape ? "landscape" : "portrait",
    // fitToHeight 0 = as many pages tall as needed; exceljs adds <pageSetUpPr fitToPage="1"/> for fitToPage.
    ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, ...(p.scale ? { scale: p.scale } : {}) }),
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
    ...(p.titleColumns ? { printTitlesColumn: `${letter(p.titleColumns.first)}:${letter(p.titleColumns.last)}` } : {}),
    // Whole columns as rows 1…1048576: exceljs reads a column-only area it saved back as "$ANaN:$XNaN" and then fails on
    // columns past W ("Invalid column letter"), so a file saved by plain exceljs would no longer open in exceljs.
    // Absolute rows ("$A$1:$Y$1048576"; exceljs adds the columns' $): LibreOffice misreads "$A1:$Y1048576" and fits such a sheet far smaller.
    ...(p.columns ? { printArea: `${letter(p.columns.first)}$1:${letter(p.columns.last)}$1048576` } : {}),
    margins: { top: inches(p.margins.top), bottom: inches(p.margins.bottom), left: inches(p.margins.left), right: inches(p.margins.right), header: inches(p.margins.header), footer: inches(p.margins.footer) },
  };
  ws.headerFooter = { ...ws.headerFooter, oddFooter: `&L${p.footer.left}&C${p.footer.center}` };
}

export async function writeSheet(wb: ExcelJS.Workbook, s: SheetSpec): Promise<void> {
  const views: Array<Partial<ExcelJS.WorksheetView>> =
    s.freeze.rows > 0 || s.freeze.columns > 0 ? [{ state: "frozen", xSplit: s.freeze.columns, ySplit: s.freeze.rows }] : [];
  const ws = wb.addWorksheet(s.name, { views, ...(s.tabColor ? { properties: { tabColor: { argb: s.tabColor } } } : {}) });
  if (s.print) applyPrint(ws, s.print);
  for (const t of s.tables) writeTable(ws, t);
  for (const c of s.cells) {
    const cell = ws.getCell(c.address);
    const value = cellValue(c.value);
    cell.value = c.link ? ({ text: String(value ?? ""), hyperlink: `#${c.link}` } as CellValue) : value;
    if (c.bold) cell.font = { bold: true };
    if (c.numberFormat) cell.numFmt = c.numberFormat;
    if (c.validation) (ws as unknown as { dataValidations: DataValidationsHandle }).dataValidations.add(c.address, validationModel(c.validation));
  }
  const byRange = new Map<string, SheetSpec["conditionalFormats"]>();
  for (const cf of s.conditionalFormats) byRange.set(cf.range, [...(byRange.get(cf.range) ?? []), cf]);
  let priority = 1;
  for (const [ref, rules] of byRange) {
    ws.addConditionalFormatting({
      ref,
      rules: rules.map((r) => ({
        type: "expression",
        priority: priority++,
        formulae: [strip(r.formula)],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: r.fill } }, font: { color: { argb: r.fontColor } } },
      })),
    });
  }
  if (s.hidden) ws.state = s.hidden === "very" ? "veryHidden" : "hidden";
  // No password: protection guards against slips, not people (anyone can unprotect from the Review tab).
  if (s.protect) await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true });
}

export interface WriteWorkbookOptions {
  /**
   * Add the layout's charts (./chart.ts) to the written file. On for a
   * workbook handed to the user as it is (`chitieu import -o`); off (the
   * default) for bytes another step takes apart, such as sheets moved into an
   * existing package by an in-place update, which would carry a drawing
   * relationship without its drawing.
   */
  charts?: boolean;
}

/**
 * @example
 * const bytes = await writeWorkbook(buildLayout(plan, { lang: "vi" }), { charts: true });
 */
export async function writeWorkbook(layout: WorkbookLayout, options: WriteWorkbookOptions = {}): Promise<Uint8Array> {
  patchExceljs();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu";
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of layout.sheets) await writeSheet(wb, s);
  for (const n of layout.names) wb.definedNames.add(strip(n.formula), n.name);
  const buffer = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buffer as ArrayBuffer);
  return options.charts ? addCharts(bytes, layout) : bytes;
}
