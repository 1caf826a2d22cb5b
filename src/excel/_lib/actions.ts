/**
 * A layout as a list of queued Office.js actions, each with its estimated
 * request size, in the order Excel needs them: sheets and values first,
 * tables over the values, then defined names, then everything that refers
 * to tables or names (formulas, validation, conditional formats, charts).
 * Nothing here syncs: write.ts groups the actions into requests.
 */
import type { ChartSpec, ConditionalFormatSpec, FreeCell, PrintSpec, SheetSpec, TableSpec, ValidationSpec, WorkbookLayout } from "../../core/layout/types";
import { columnLetters, parseRect, quoteSheet, rectAddress, splitSheet, type Rect } from "./a1";
import { estimateBytes, toExcelInput } from "./cells";
import { rgbHex } from "../../core/_lib/colour";

export interface Action {
  bytes: number;
  run: () => void;
}

type Sheets = Map<string, Excel.Worksheet>;


/** Layout widths are in characters; Office.js wants points (Calibri 11: about 5.6 pt per character plus padding). */
export function widthPoints(chars: number): number {
  return Math.round(chars * 5.6 + 5);
}

function tableRect(t: TableSpec): Rect {
  const a = parseRect(t.anchor);
  return { row: a.row, col: a.col, rows: Math.max(t.rows.length, 1) + 1, cols: t.columns.length };
}

function columnBody(t: TableSpec, col: number): Rect {
  const r = tableRect(t);
  return { row: r.row + 1, col: r.col + col, rows: r.rows - 1, cols: 1 };
}

/** Header and data rows as values, split into row chunks of at most `chunkBytes` each. */
function valueChunks(t: TableSpec, chunkBytes: number): Array<{ rect: Rect; grid: Array<Array<string | number | boolean>> }> {
  const rect = tableRect(t);
  const formulaCols = new Set(t.columns.flatMap((c, i) => (c.formula !== undefined ? [i] : [])));
  const lines: Array<Array<string | number | boolean>> = [t.columns.map((c) => toExcelInput(c.header))];
  const body = t.rows.length > 0 ? t.rows : [t.columns.map(() => null)];
  // Formula columns stay empty here: their formulas refer to the table, which exists only after the values.
  for (const row of body) lines.push(t.columns.map((_, i) => (formulaCols.has(i) ? "" : toExcelInput(row[i] ?? null))));
  const chunks: Array<{ rect: Rect; grid: Array<Array<string | number | boolean>> }> = [];
  let start = 0;
  let bytes = 0;
  lines.forEach((line, i) => {
    const size = estimateBytes(line);
    if (i > start && bytes + size > chunkBytes) {
      chunks.push({ rect: { ...rect, row: rect.row + start, rows: i - start }, grid: lines.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += size;
  });
  chunks.push({ rect: { ...rect, row: rect.row + start, rows: lines.length - start }, grid: lines.slice(start) });
  return chunks;
}

export function validationRule(v: ValidationSpec): Excel.DataValidationRule {
  if (v.type === "list") {
    const source = "formula" in v.source ? v.source.formula : v.source.items.join(",");
    return { list: { inCellDropDown: true, source } };
  }
  return { decimal: { operator: "Between", formula1: -1e300, formula2: 1e300 } };
}

function errorStyle(style: ValidationSpec["errorStyle"]): "Stop" | "Warning" | "Information" {
  return style === "stop" ? "Stop" : style === "warning" ? "Warning" : "Information";
}

/** Phase 1: the sheet, its values and its tables. */
export function sheetActions(context: Excel.RequestContext, spec: SheetSpec, sheets: Sheets, chunkBytes: number): Action[] {
  const actions: Action[] = [
    {
      bytes: estimateBytes([spec.name, spec.tabColor]),
      run: () => {
        const ws = context.workbook.worksheets.add(spec.name);
        if (spec.tabColor !== undefined) ws.tabColor = rgbHex(spec.tabColor);
        // [Api set: ExcelApi 1.1] A sheet the layout keeps out of sight (a task-only plan's empty indicator sheets).
        if (spec.hidden) ws.visibility = "Hidden";
        sheets.set(spec.name, ws);
      },
    },
  ];
  const ws = () => sheets.get(spec.name) as Excel.Worksheet;
  for (const t of spec.tables) {
    for (const chunk of valueChunks(t, chunkBytes)) {
      actions.push({ bytes: estimateBytes(chunk.grid), run: () => void (ws().getRange(rectAddress(chunk.rect)).values = chunk.grid) });
    }
    actions.push({
      bytes: estimateBytes([t.name, t.style, t.anchor]),
      run: () => {
        const table = ws().tables.add(rectAddress(tableRect(t)), true);
        table.name = t.name;
        table.style = t.style;
      },
    });
  }
  return actions;
}

function numberFormatGrid(t: TableSpec, col: number): string[][] | null {
  const c = t.columns[col];
  if (!c) return null;
  const overrides = t.cellFormats.filter((f) => f.column === c.key);
  if (c.numberFormat === undefined && overrides.length === 0) return null;
  const grid = Array.from({ length: Math.max(t.rows.length, 1) }, () => [c.numberFormat ?? "General"]);
  for (const f of overrides) if (grid[f.row]) grid[f.row] = [f.numberFormat];
  return grid;
}

/**
 * One formula down a column: written once in the first cell and copied to
 * the rest by Excel, so 5,000 rows of a 3 KB status formula cost 3 KB of
 * request, not 15 MB. (Excel would also fill a table's calculated column by
 * itself; the copy makes it explicit.)
 */
export function formulaColumn(ws: () => Excel.Worksheet, body: Rect, formula: string): Action {
  const first = rectAddress({ ...body, rows: 1 });
  return {
    bytes: estimateBytes([formula, first]),
    run: () => {
      ws().getRange(first).formulas = [[formula]];
      if (body.rows > 1) ws().getRange(rectAddress({ ...body, row: body.row + 1, rows: body.rows - 1 })).copyFrom(first, "Formulas");
    },
  };
}

function tableFinishActions(ws: () => Excel.Worksheet, t: TableSpec): Action[] {
  const actions: Action[] = [];
  const rect = tableRect(t);
  t.columns.forEach((c, i) => {
    const body = rectAddress(columnBody(t, i));
    const whole = rectAddress({ ...rect, col: rect.col + i, cols: 1 });
    if (c.formula !== undefined) actions.push(formulaColumn(ws, columnBody(t, i), c.formula));
    const formats = numberFormatGrid(t, i);
    if (formats) actions.push({ bytes: estimateBytes(formats), run: () => void (ws().getRange(body).numberFormat = formats) });
    actions.push({
      bytes: estimateBytes([c.width, c.hidden, c.wrap]),
      run: () => {
        const range = ws().getRange(whole);
        range.format.columnWidth = widthPoints(c.width);
        if (c.wrap) range.format.wrapText = true;
        if (c.hidden) range.columnHidden = true;
      },
    });
    const v = c.validation;
    if (v) actions.push(validationAction(ws, body, v));
  });
  return actions;
}

function validationAction(ws: () => Excel.Worksheet, address: string, v: ValidationSpec): Action {
  return {
    bytes: estimateBytes(v),
    run: () => {
      const dv = ws().getRange(address).dataValidation;
      dv.rule = validationRule(v);
      dv.ignoreBlanks = v.allowBlank;
      dv.errorAlert = { showAlert: true, style: errorStyle(v.errorStyle), title: "Chỉ tiêu", message: v.error ?? "" };
      if (v.prompt !== undefined) dv.prompt = { showPrompt: true, title: "Chỉ tiêu", message: v.prompt };
    },
  };
}

function cellAction(ws: () => Excel.Worksheet, c: FreeCell): Action {
  return {
    bytes: estimateBytes(c),
    run: () => {
      const range = ws().getRange(c.address);
      range.formulas = [[toExcelInput(c.value)]];
      if (c.bold) range.format.font.bold = true;
      if (c.numberFormat !== undefined) range.numberFormat = [[c.numberFormat]];
      if (c.link !== undefined) {
        const link: Excel.RangeHyperlink = { documentReference: c.link };
        if (typeof c.value === "string" && c.value !== "") link.textToDisplay = c.value;
        range.hyperlink = link;
      }
    },
  };
}

function conditionalFormatAction(ws: () => Excel.Worksheet, cf: ConditionalFormatSpec): Action {
  return {
    bytes: estimateBytes(cf),
    run: () => {
      const rule = ws().getRange(cf.range).conditionalFormats.add("Custom");
      rule.custom.rule.formula = cf.formula;
      rule.custom.format.fill.color = rgbHex(cf.fill);
      rule.custom.format.font.color = rgbHex(cf.fontColor);
    },
  };
}

/**
 * The layout's print spec through `pageLayout` (ExcelApi 1.9, the add-in's
 * minimum). Excel's scaling quirk: fit-to-pages takes effect only with both
 * directions given and no percentage scale, so the zoom object names width 1
 * and height 0 ("automatic": as many pages tall as needed) and no `scale`
 * (OfficeDev/office-js#1860: `{ horizontalFitToPages: 1 }` alone was not applied).
 */
function printAction(ws: () => Excel.Worksheet, p: PrintSpec): Action {
  return {
    bytes: estimateBytes(p),
    run: () => {
      const layout = ws().pageLayout;
      layout.paperSize = p.paper;
      layout.orientation = p.landscape ? "Landscape" : "Portrait";
      if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      else if (p.scale) layout.zoom = { scale: p.scale };
      if (p.titleRows) layout.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
      if (p.titleColumns) layout.setPrintTitleColumns(`$${columnLetters(p.titleColumns.first - 1)}:$${columnLetters(p.titleColumns.last - 1)}`);
      const m = p.margins;
      layout.setPrintMargins("Centimeters", { top: m.top / 10, bottom: m.bottom / 10, left: m.left / 10, right: m.right / 10, header: m.header / 10, footer: m.footer / 10 });
      if (p.columns) layout.setPrintArea(`${columnLetters(p.columns.first - 1)}:${columnLetters(p.columns.last - 1)}`);
      const footer = layout.headersFooters.defaultForAllPages;
      footer.leftFooter = p.footer.left;
      footer.centerFooter = p.footer.center;
    },
  };
}

const CHART_TYPES = { barStacked: "BarStacked", bar: "BarClustered", pie: "Pie" } as const;

/** Phase 3: everything that refers to tables or names, once they all exist. */
export function finishActions(context: Excel.RequestContext, spec: SheetSpec, sheets: Sheets): Action[] {
  const ws = () => sheets.get(spec.name) as Excel.Worksheet;
  const actions: Action[] = spec.tables.flatMap((t) => tableFinishActions(ws, t));
  for (const c of spec.cells) {
    actions.push(cellAction(ws, c));
    if (c.validation) actions.push(validationAction(ws, c.address, c.validation));
  }
  for (const cf of spec.conditionalFormats) actions.push(conditionalFormatAction(ws, cf));
  const { rows, columns } = spec.freeze;
  if (rows > 0 || columns > 0) {
    actions.push({
      bytes: estimateBytes(spec.freeze),
      run: () => {
        if (rows > 0 && columns > 0) ws().freezePanes.freezeAt(ws().getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) ws().freezePanes.freezeRows(rows);
        else ws().freezePanes.freezeColumns(columns);
      },
    });
  }
  const print = spec.print;
  if (print) actions.push(printAction(ws, print));
  for (const ch of spec.charts) {
    actions.push({
      bytes: estimateBytes(ch),
      run: () => {
        const { sheet, ref } = splitSheet(ch.dataRange);
        const source = sheet === null ? ws() : context.workbook.worksheets.getItem(sheet);
        // One series per status column, as the .xlsx writer plots it: "Auto" lets desktop Excel transpose a square-ish range.
        const chart = ws().charts.add(CHART_TYPES[ch.type], source.getRange(ref), "Columns");
        dressChart(chart, ch, spec.name);
      },
    });
  }
  return actions;
}

/**
 * A chart as the layout draws it, on a chart that exists: name, title linked to its caption cell, series
 * colours, place and size. Used when the chart is made, and when an update moves it with its table.
 */
export function dressChart(chart: Excel.Chart, ch: ChartSpec, sheet: string): void {
  if (ch.name) chart.name = ch.name;
  chart.title.text = ch.title;
  // Linked to its caption cell (ChartTitle.setFormula, ExcelApi 1.7), so the title names the period KyBaoCao shows.
  if (ch.titleCell) chart.title.setFormula(`=${quoteSheet(sheet)}!${ch.titleCell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`);
  ch.seriesColors?.forEach((colour, i) => chart.series.getItemAt(i).format.fill.setSolidColor(rgbHex(colour)));
  chart.setPosition(ch.anchor);
  chart.width = ch.width;
  chart.height = ch.height;
}

/** Every action of a layout, in order. */
export function layoutActions(context: Excel.RequestContext, layout: WorkbookLayout, sheets: Sheets, chunkBytes: number): Action[] {
  return [
    ...layout.sheets.flatMap((s) => sheetActions(context, s, sheets, chunkBytes)),
    ...layout.names.map((n) => ({ bytes: estimateBytes(n), run: () => void context.workbook.names.add(n.name, n.formula) })),
    ...layout.sheets.flatMap((s) => finishActions(context, s, sheets)),
  ];
}
