/**
 * Reads the open workbook back as a WorkbookSnapshot (our tables' headers
 * and values, formulas already calculated by Excel), which the core
 * interprets. Two round trips whatever the size: which tables exist, then
 * all our tables' ranges at once (never one sync per table). Only our tables
 * (names from TABLE_NAMES) are read: a user's big table never counts against
 * Excel's 5 MB response limit. A date cell comes back from Office.js as its
 * serial number; it is turned into the ISO date exceljs gives for the same
 * cell, so both readers agree.
 */
import { isOurTable } from "../core/layout";
import { WorkbookSnapshotSchema, type SnapshotValue, type WorkbookSnapshot } from "../core/workbook/snapshot";
import { parseRect, rectAddress, splitSheet } from "./_lib/a1";
import { queueFacts, type WorkbookFacts } from "./_lib/facts";

export interface SnapshotRead {
  snapshot: WorkbookSnapshot;
  /** Sheet, table and defined names, for a write that follows (saves its read). */
  facts: WorkbookFacts;
  syncs: number;
}

/** Whether a number format shows a date or time (exceljs's test: d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial date (1900 system) as yyyy-mm-dd, as exceljs reads the same cell. */
export function serialToIso(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)).toISOString().slice(0, 10);
}

function cellValue(v: unknown, format: unknown): SnapshotValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number") return isDateFormat(format) && Number.isFinite(v) ? serialToIso(v) : v;
  if (typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * @example
 * const { snapshot } = await readWorkbook(context);
 * interpretSnapshot(snapshot).results["PL1:3.1"]
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<SnapshotRead> {
  const read = queueFacts(context);
  await context.sync();
  const facts = read();
  const ranges = facts.tables.filter((t) => isOurTable(t.name)).map((t) => {
    const range = context.workbook.tables.getItem(t.name).getRange();
    range.load("address, values, numberFormat");
    return { table: t, range };
  });
  await context.sync();
  const snapshot: WorkbookSnapshot = {
    sheetNames: facts.sheets,
    tables: ranges.map(({ table, range }) => {
      const [header = [], ...rows] = range.values;
      const formats = range.numberFormat.slice(1);
      const rect = parseRect(splitSheet(range.address).ref);
      return {
        sheet: table.sheet,
        name: table.name,
        anchor: rectAddress({ row: rect.row, col: rect.col, rows: 1, cols: 1 }),
        headers: header.map((h) => String(h)),
        rows: rows.map((r, i) => r.map((v, j) => cellValue(v, formats[i]?.[j]))),
      };
    }),
  };
  // The boundary: what comes back from Excel is validated before the core sees it.
  return { snapshot: WorkbookSnapshotSchema.parse(snapshot), facts, syncs: 2 };
}

/** The snapshot alone (see {@link readWorkbook}). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context)).snapshot;
}
