/**
 * What a writer must know about the open workbook before it writes: which
 * sheet, table and defined names are taken. Queued as loads, read after the
 * caller's one sync, so it can share a round trip with other reads.
 */

export interface WorkbookFacts {
  sheets: string[];
  tables: Array<{ name: string; sheet: string; columns?: string[]; showTotals?: boolean }>;
  names: Array<{ name: string; formula: string }>;
  /** Charts by sheet, with their titles as shown (only when asked for: an update looks for ours by name or title). */
  charts?: Array<{ sheet: string; name: string; title: string }>;
}

/**
 * Queues the loads; call the returned function after `context.sync()`.
 *
 * @example
 * const facts = queueFacts(context);
 * await context.sync();
 * facts().sheets // ["Sheet1", "Chỉ tiêu"]
 */
export function queueFacts(context: Excel.RequestContext, options: { columns?: boolean; charts?: boolean } = {}): () => WorkbookFacts {
  const sheets = context.workbook.worksheets;
  // Charts' names and titles: WorksheetLoadOptions.charts (ExcelApi 1.1), ChartTitle.text (1.1).
  sheets.load(options.charts ? "items/name, items/charts/items/name, items/charts/items/title/text" : "items/name");
  const tables = context.workbook.tables;
  // A reader also wants each table's column names and totals row (a few bytes a table): navigation loads on the
  // collection, documented in TableLoadOptions (columns: ExcelApi 1.1, showTotals: 1.3), so they share this round trip.
  tables.load(options.columns ? "items/name, items/worksheet/name, items/showTotals, items/columns/items/name" : "items/name, items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) =>
      options.columns ? { name: t.name, sheet: t.worksheet.name, columns: t.columns.items.map((c) => c.name), showTotals: t.showTotals } : { name: t.name, sheet: t.worksheet.name },
    ),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
    ...(options.charts ? { charts: sheets.items.flatMap((s) => s.charts.items.map((c) => ({ sheet: s.name, name: c.name, title: c.title.text ?? "" }))) } : {}),
  });
}
