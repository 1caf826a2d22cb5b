/**
 * Reads the open workbook back as a WorkbookSnapshot (our tables' headers
 * and values, formulas already calculated by Excel), which the core
 * interprets. Two round trips for any ordinary plan: which tables exist
 * (with their column names and totals rows), then every one of our tables'
 * header and values at once (never one sync per table). Excel on the web
 * refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded); only then
 * does the reader ask for the tables' sizes and read them in row slices,
 * halving any slice Excel still refuses. Only our tables (names from
 * TABLE_NAMES) are read, and number formats only of the date column. A date
 * cell comes back from Office.js as its serial number; it is turned into the
 * ISO date exceljs gives for the same cell, so both readers agree.
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

/** Largest response to ask for at once once Excel has refused one, under Excel on the web's 5 MB limit. */
export const RESPONSE_LIMIT_BYTES = 4 * 1024 * 1024;
/** What one cell costs in a response, estimated high (values of names and notes run long); a slice Excel refuses anyway is halved. */
const BYTES_PER_CELL = 96;

/** Headers of the date columns (Thời hạn): only there is a number format read, to tell a date from a number. */
const DATE_HEADERS = new Set(INDICATOR_COLUMNS.concat(TASK_COLUMNS).filter((c) => c.key === "deadline").flatMap((c) => [c.vi, c.en]));

type OurTable = { name: string; sheet: string; columns: string[]; showTotals: boolean };

/** Rows `from`..`from + rows - 1` of one table's body, with the number formats of its date columns. */
interface Slice {
  index: number;
  from: number;
  rows: number;
}

interface Chunk {
  slice: Slice;
  values: Excel.Range;
  formats: Array<{ col: number; range: Excel.Range }>;
}

function isResponseTooLarge(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "ResponsePayloadSizeLimitExceeded";
}

/** Queues the values (and date formats) of a table's body, whole (`slice.rows` < 0) or rows from..from+rows-1. */
function queueChunk(context: Excel.RequestContext, table: OurTable, slice: Slice): Chunk {
  const body = () => context.workbook.tables.getItem(table.name).getDataBodyRange();
  const cut = (range: Excel.Range) => (slice.rows < 0 ? range : range.getRow(slice.from).getResizedRange(slice.rows - 1, 0));
  const values = cut(body());
  values.load("values");
  const formats = table.columns.flatMap((h, col) => {
    if (!DATE_HEADERS.has(h.trim())) return [];
    const range = cut(body().getColumn(col));
    range.load("numberFormat");
    return [{ col, range }];
  });
  return { slice, values, formats };
}

function chunkRows(chunk: Chunk): SnapshotValue[][] {
  const formatAt = new Map(chunk.formats.map((f) => [f.col, f.range.numberFormat]));
  return chunk.values.values.map((r, i) => r.map((v, j) => cellValue(v, formatAt.get(j)?.[i]?.[0])));
}

/**
 * @example
 * const { snapshot } = await readWorkbook(context);
 * interpretSnapshot(snapshot).results["PL1:3.1"]
 */
export async function readWorkbook(context: Excel.RequestContext, options: { responseLimitBytes?: number } = {}): Promise<SnapshotRead> {
  const read = queueFacts(context, { columns: true, charts: true });
  await context.sync();
  let syncs = 1;
  const facts = read();
  const ours: OurTable[] = facts.tables
    .filter((t) => isOurTable(t.name))
    .map((t) => ({ name: t.name, sheet: t.sheet, columns: t.columns ?? [], showTotals: t.showTotals ?? false }));
  // Our single-cell names the core reads (KyBaoCao). NamedItem.getRange: ExcelApi 1.3.
  const queueNames = () =>
    READ_NAMES.filter((n) => facts.names.some((x) => x.name.toLowerCase() === n.toLowerCase())).map((name) => {
      const range = context.workbook.names.getItem(name).getRange();
      range.load("values");
      return { name, range };
    });
  const queueHeaders = () =>
    ours.map((t) => {
      // Only where it sits: the header texts are the column names read in the first round trip.
      const header = context.workbook.tables.getItem(t.name).getHeaderRowRange();
      header.load("address");
      return header;
    });

  // Everything in one response: what Excel on the desktop always gives, and Excel on the web up to 5 MB.
  let headers = queueHeaders();
  let named = queueNames();
  let chunks: Chunk[] = ours.map((t, index) => queueChunk(context, t, { index, from: 0, rows: -1 }));
  try {
    await context.sync();
    syncs++;
  } catch (e) {
    syncs++;
    if (!isResponseTooLarge(e)) throw e;
    ({ headers, named, chunks, syncs } = await readInSlices(context, ours, { queueHeaders, queueNames, syncs, limit: options.responseLimitBytes ?? RESPONSE_LIMIT_BYTES }));
  }

  const rowsOf = new Map<number, SnapshotValue[][]>();
  for (const chunk of [...chunks].sort((a, b) => a.slice.index - b.slice.index || a.slice.from - b.slice.from)) {
    rowsOf.set(chunk.slice.index, [...(rowsOf.get(chunk.slice.index) ?? []), ...chunkRows(chunk)]);
  }
  const snapshot: WorkbookSnapshot = {
    sheetNames: facts.sheets,
    tables: ours.map((t, index) => {
      const header = headers[index] as Excel.Range;
      const rect = parseRect(splitSheet(header.address).ref);
      return {
        sheet: t.sheet,
        name: t.name,
        anchor: rectAddress({ row: rect.row, col: rect.col, rows: 1, cols: 1 }),
        headers: t.columns,
        rows: rowsOf.get(index) ?? [],
      };
    }),
    names: Object.fromEntries(named.map(({ name, range }) => [name, cellValue(range.values[0]?.[0], null)])),
  };
  // The boundary: what comes back from Excel is validated before the core sees it.
  const totals = Object.fromEntries(ours.map((t) => [t.name, t.showTotals]));
  return { snapshot: WorkbookSnapshotSchema.parse(snapshot), facts, totals, syncs };
}

/**
 * The reader for a workbook Excel would not return at once: the sizes (one
 * round trip), then row slices grouped into requests whose estimated
 * response stays under `limit`; a request Excel still refuses is split in
 * two and asked again, down to one row.
 */
async function readInSlices(
  context: Excel.RequestContext,
  ours: OurTable[],
  at: { queueHeaders: () => Excel.Range[]; queueNames: () => Array<{ name: string; range: Excel.Range }>; syncs: number; limit: number },
): Promise<{ headers: Excel.Range[]; named: Array<{ name: string; range: Excel.Range }>; chunks: Chunk[]; syncs: number }> {
  let syncs = at.syncs;
  const headers = at.queueHeaders();
  const named = at.queueNames();
  const bodies = ours.map((t) => {
    const body = context.workbook.tables.getItem(t.name).getDataBodyRange();
    body.load("rowCount, columnCount");
    return body;
  });
  await context.sync();
  syncs++;
  const perRow = (index: number) => Math.max(bodies[index]?.columnCount ?? 1, 1) * BYTES_PER_CELL;
  const slices: Slice[] = bodies.flatMap((body, index) => {
    const rowsPerSlice = Math.max(1, Math.floor(at.limit / perRow(index)));
    return Array.from({ length: Math.ceil(body.rowCount / rowsPerSlice) }, (_, i) => ({ index, from: i * rowsPerSlice, rows: Math.min(rowsPerSlice, body.rowCount - i * rowsPerSlice) }));
  });
  // Requests in order, each under the limit by estimate.
  const pending: Slice[][] = [];
  let bytes = Infinity;
  for (const slice of slices) {
    const size = perRow(slice.index) * slice.rows;
    const current = pending[pending.length - 1];
    if (!current || bytes + size > at.limit) {
      pending.push([slice]);
      bytes = size;
    } else {
      current.push(slice);
      bytes += size;
    }
  }
  const chunks: Chunk[] = [];
  for (let request = pending.shift(); request; request = pending.shift()) {
    const queued = request.map((slice) => queueChunk(context, ours[slice.index] as OurTable, slice));
    try {
      // A sync per request is the point here: each response must stay under Excel on the web's limit, and this
      // loop runs only after Excel refused the whole read. Requests are as large as the limit allows, never one per table.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      syncs++;
      chunks.push(...queued);
    } catch (e) {
      syncs++;
      if (!isResponseTooLarge(e)) throw e;
      const [only] = request;
      if (request.length === 1 && only && only.rows <= 1) throw e;
      // Refused although under the estimate: ask again in two halves.
      const halves: Slice[][] =
        request.length > 1
          ? [request.slice(0, Math.ceil(request.length / 2)), request.slice(Math.ceil(request.length / 2))]
          : only
            ? [[{ ...only, rows: Math.ceil(only.rows / 2) }], [{ ...only, from: only.from + Math.ceil(only.rows / 2), rows: only.rows - Math.ceil(only.rows / 2) }]]
            : [];
      pending.unshift(...halves);
    }
  }
  return { headers, named, chunks, syncs };
}

/** The snapshot alone (see {@link readWorkbook}). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context)).snapshot;
}
