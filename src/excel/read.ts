/**
 * Reads the open workbook back as a WorkbookSnapshot (our tables' headers
 * and values, formulas already calculated by Excel), which the core
 * interprets. Three round trips for any ordinary plan: which tables exist,
 * our tables' header rows and sizes, then their values at once (never one
 * sync per table); a plan too big for one response is read in row slices,
 * each request below Excel on the web's 5 MB limit. Only our tables (names
 * from TABLE_NAMES) are read, and number formats only of the date column.
 * A date cell comes back from Office.js as its
 * serial number; it is turned into the ISO date exceljs gives for the same
 * cell, so both readers agree.
 */
import { INDICATOR_COLUMNS, isOurTable, TASK_COLUMNS } from "../core/layout";
import { WorkbookSnapshotSchema, type SnapshotValue, type WorkbookSnapshot } from "../core/workbook/snapshot";
import { parseRect, rectAddress, splitSheet } from "./_lib/a1";
import { queueFacts, type WorkbookFacts } from "./_lib/facts";
import { DEFINED_NAMES } from "../core/layout/_lib/columns";

/** Our single-cell defined names whose value the core reads. */
const READ_NAMES: string[] = [DEFINED_NAMES.reportPeriod, DEFINED_NAMES.tolerance];

export interface SnapshotRead {
  snapshot: WorkbookSnapshot;
  /** Sheet, table and defined names, for a write that follows (saves its read). */
  facts: WorkbookFacts;
  /** Table name → the user turned on its totals row (its last row is then not data), for an in-place update. */
  totals: Record<string, boolean>;
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

/** Largest response to ask for at once, under Excel on the web's 5 MB limit. */
export const RESPONSE_LIMIT_BYTES = 4 * 1024 * 1024;
/** What one cell costs in a response, estimated high (values of names and notes run long). */
const BYTES_PER_CELL = 96;

/** Headers of the date columns (Thời hạn): only there is a number format read, to tell a date from a number. */
const DATE_HEADERS = new Set(INDICATOR_COLUMNS.concat(TASK_COLUMNS).filter((c) => c.key === "deadline").flatMap((c) => [c.vi, c.en]));

interface TablePart {
  table: { name: string; sheet: string };
  header: Excel.Range;
  body: Excel.Range;
  item: Excel.Table;
}

interface Chunk {
  index: number;
  values: Excel.Range;
  formats: Array<{ col: number; range: Excel.Range }>;
}

/**
 * @example
 * const { snapshot } = await readWorkbook(context);
 * interpretSnapshot(snapshot).results["PL1:3.1"]
 */
export async function readWorkbook(context: Excel.RequestContext, options: { responseLimitBytes?: number } = {}): Promise<SnapshotRead> {
  const read = queueFacts(context);
  await context.sync();
  const facts = read();
  // Our tables' header rows and sizes: tiny, and they say how to split the values below the limit.
  const parts: TablePart[] = facts.tables.filter((t) => isOurTable(t.name)).map((t) => {
    const item = context.workbook.tables.getItem(t.name);
    // A totals row stops an in-place update (the table could not grow under it).
    item.load("showTotals");
    const header = item.getHeaderRowRange();
    header.load("address, values");
    const body = item.getDataBodyRange();
    body.load("rowCount, columnCount");
    return { table: t, header, body, item };
  });
  // Our single-cell names the core reads (KyBaoCao), in the same round trip. NamedItem.getRange: ExcelApi 1.3.
  const named = READ_NAMES.filter((n) => facts.names.some((x) => x.name.toLowerCase() === n.toLowerCase())).map((name) => {
    const range = context.workbook.names.getItem(name).getRange();
    range.load("values");
    return { name, range };
  });
  await context.sync();
  let syncs = 2;
  const limit = options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES;
  // Row slices of every table, grouped into requests whose estimated response stays under the limit.
  const slices = parts.flatMap((p, index) => {
    const perRow = Math.max(p.body.columnCount, 1) * BYTES_PER_CELL;
    const rowsPerSlice = Math.max(1, Math.floor(limit / perRow));
    return Array.from({ length: Math.ceil(p.body.rowCount / rowsPerSlice) }, (_, i) => ({ index, from: i * rowsPerSlice, rows: Math.min(rowsPerSlice, p.body.rowCount - i * rowsPerSlice), bytes: perRow * Math.min(rowsPerSlice, p.body.rowCount - i * rowsPerSlice) }));
  });
  const requests: Array<typeof slices> = [[]];
  let bytes = 0;
  for (const slice of slices) {
    const current = requests[requests.length - 1] as typeof slices;
    if (current.length > 0 && bytes + slice.bytes > limit) {
      requests.push([slice]);
      bytes = slice.bytes;
    } else {
      current.push(slice);
      bytes += slice.bytes;
    }
  }
  const chunks: Chunk[][] = [];
  // One request after another only when the tables are too big for one response; never one per table.
  const send = async (i: number): Promise<void> => {
    const request = requests[i];
    if (!request || request.length === 0) return;
    chunks.push(
      request.map((slice) => {
        const part = parts[slice.index] as TablePart;
        const body = () => context.workbook.tables.getItem(part.table.name).getDataBodyRange();
        const values = body().getRow(slice.from).getResizedRange(slice.rows - 1, 0);
        values.load("values");
        const headers = part.header.values[0] ?? [];
        const formats = headers.flatMap((h, col) => {
          if (!DATE_HEADERS.has(String(h).trim())) return [];
          const range = body().getCell(slice.from, col).getResizedRange(slice.rows - 1, 0);
          range.load("numberFormat");
          return [{ col, range }];
        });
        return { index: slice.index, values, formats };
      }),
    );
    await context.sync();
    syncs++;
    await send(i + 1);
  };
  await send(0);
  const rowsOf = new Map<number, SnapshotValue[][]>();
  for (const chunk of chunks.flat()) {
    const formatAt = new Map(chunk.formats.map((f) => [f.col, f.range.numberFormat]));
    const rows = chunk.values.values.map((r, i) => r.map((v, j) => cellValue(v, formatAt.get(j)?.[i]?.[0])));
    rowsOf.set(chunk.index, [...(rowsOf.get(chunk.index) ?? []), ...rows]);
  }
  const snapshot: WorkbookSnapshot = {
    sheetNames: facts.sheets,
    tables: parts.map((p, index) => {
      const rect = parseRect(splitSheet(p.header.address).ref);
      return {
        sheet: p.table.sheet,
        name: p.table.name,
        anchor: rectAddress({ row: rect.row, col: rect.col, rows: 1, cols: 1 }),
        headers: (p.header.values[0] ?? []).map((h) => String(h)),
        rows: rowsOf.get(index) ?? [],
      };
    }),
    names: Object.fromEntries(named.map(({ name, range }) => [name, cellValue(range.values[0]?.[0], null)])),
  };
  // The boundary: what comes back from Excel is validated before the core sees it.
  const totals = Object.fromEntries(parts.map(({ table, item }) => [table.name, item.showTotals]));
  return { snapshot: WorkbookSnapshotSchema.parse(snapshot), facts, totals, syncs };
}

/** The snapshot alone (see {@link readWorkbook}). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context)).snapshot;
}
