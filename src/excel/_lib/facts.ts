/**
 * What a writer must know about the open workbook before it writes: which
 * sheet, table and defined names are taken. Queued as loads, read after the
 * caller's one sync, so it can share a round trip with other reads.
 */

export interface WorkbookFacts {
  sheets: string[];
  tables: Array<{ name: string; sheet: string }>;
  names: Array<{ name: string; formula: string }>;
}

/**
 * Queues the loads; call the returned function after `context.sync()`.
 *
 * @example
 * const facts = queueFacts(context);
 * await context.sync();
 * facts().sheets // ["Sheet1", "Chỉ tiêu"]
 */
export function queueFacts(context: Excel.RequestContext): () => WorkbookFacts {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name, items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return () => ({
    sheets: sheets.items.map((s) => s.name),
    tables: tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })),
    names: names.items.map((n) => ({ name: n.name, formula: n.formula })),
  });
}
