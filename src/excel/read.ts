/**
 * Reads the open workbook back as a WorkbookSnapshot (every table's headers
 * and values, formulas already calculated by Excel), which the core
 * interprets. Two round trips whatever the size: which tables exist, then
 * all their ranges at once (never one sync per table).
 */
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

function cellValue(v: unknown): SnapshotValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
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
  const ranges = facts.tables.map((t) => {
    const item = context.workbook.tables.getItem(t.name);
    item.load("showTotals");
    const range = item.getRange();
    range.load("address, values");
    return { table: t, range, item };
  });
  // Our single-cell names the core reads (KyBaoCao), in the same round trip. NamedItem.getRange: ExcelApi 1.3.
  const named = READ_NAMES.filter((n) => facts.names.some((x) => x.name.toLowerCase() === n.toLowerCase())).map((name) => {
    const range = context.workbook.names.getItem(name).getRange();
    range.load("values");
    return { name, range };
  });
  await context.sync();
  const snapshot: WorkbookSnapshot = {
    sheetNames: facts.sheets,
    tables: ranges.map(({ table, range }) => {
      const [header = [], ...rows] = range.values;
      const rect = parseRect(splitSheet(range.address).ref);
      return {
        sheet: table.sheet,
        name: table.name,
        anchor: rectAddress({ row: rect.row, col: rect.col, rows: 1, cols: 1 }),
        headers: header.map((h) => String(h)),
        rows: rows.map((r) => r.map(cellValue)),
      };
    }),
    names: Object.fromEntries(named.map(({ name, range }) => [name, cellValue(range.values[0]?.[0])])),
  };
  // The boundary: what comes back from Excel is validated before the core sees it.
  const totals = Object.fromEntries(ranges.map(({ table, item }) => [table.name, item.showTotals]));
  return { snapshot: WorkbookSnapshotSchema.parse(snapshot), facts, totals, syncs: 2 };
}

/** The snapshot alone (see {@link readWorkbook}). */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  return (await readWorkbook(context)).snapshot;
}
