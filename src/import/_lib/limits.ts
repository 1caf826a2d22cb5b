/**
 * Size limits the readers and their callers share. A module of its own (no
 * imports) so the task pane can check a File's size before reading it without
 * loading the readers themselves.
 */

/** Files above this are refused before parsing: appendices are a few MB at most. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Whether a file of `size` bytes is refused by size alone (checked before reading a byte of it). */
export function isTooLargeToImport(size: number): boolean {
  return size > MAX_IMPORT_BYTES;
}

/**
 * Rows (indicators and tasks together) a tracking workbook is written with: a province's largest plans have
 * a few thousand; 30,000 rows already take about 1 GB to write. A table with more is not an appendix (a data
 * export, a log): it can be read (`chitieu parse`), not made into a workbook.
 */
export const MAX_WORKBOOK_ROWS = 30_000;
