/**
 * Re-importing an updated appendix into an existing Chỉ tiêu workbook: the
 * document decides the plan's own columns; what officials typed is theirs.
 * By indicator (and task) key: results, notes and task statuses are kept;
 * new indicators are added; rows whose key left the document are kept with
 * all their values and marked "Không còn trong văn bản" — never deleted; rows
 * officials added themselves (no key) are kept as they are, and given a key of
 * their own ("user:…") so their results have a row in the period grid.
 *
 * Results live in the Kết quả theo kỳ grid, every period kept. A workbook
 * written before the grid existed ("Kết quả 6 tháng" / "Kết quả cả năm") is
 * migrated: its two results move into the grid as the first half and the
 * whole of the target's year — the year the old status formula judged them
 * against — so nothing typed is lost.
 */
import { isPercentRow } from "../judge";
import type { Plan } from "../model";
import { COMPUTED_INDICATOR_COLUMNS, indicatorKeysOf } from "../layout/_lib/indicators";
import { LEGACY_INDICATOR_COLUMNS } from "../layout/_lib/columns";
import { planPeriods } from "../period";
import { taskRows } from "../layout/_lib/tasks";
import type { CarriedRow, UserData } from "../layout/_lib/userData";
import { USER_INDICATOR_COLUMNS, USER_TASK_COLUMNS } from "../layout/_lib/userData";
import type { LayoutValue } from "../layout/types";
import type { RowReading, SnapshotValue, WorkbookReading } from "../workbook";

export interface MergeResult {
  /** Pass as `results` to buildLayout. */
  user: UserData;
  added: string[];
  kept: string[];
  gone: string[];
}

// The indicators table's computed columns are rewritten by the layout's formulas, and the old result
// columns move into the grid; everything else a row held is carried. (A task's status is typed by officials: it is carried.)
const NOT_CARRIED = new Set([...COMPUTED_INDICATOR_COLUMNS, ...LEGACY_INDICATOR_COLUMNS.map((d) => d.key)]);

/** Keys the merge gives rows officials added themselves: such a row is theirs, never "gone from the document". */
export const USER_ROW_KEY_PREFIX = "user:";

const blank = (v: SnapshotValue | undefined): boolean => v === null || v === undefined || v === "";

/** One old result column's cell and the period it stands for (see legacyPeriodResults). */
export interface LegacyCell {
  field: "result6m" | "resultYear";
  /** "2023-H1" for the 6-month column, "2023" for the full year. */
  period: string;
  value: SnapshotValue;
}

/**
 * The filled old result cells of one row, with the period each stands for:
 * the 6-month result as the first half of the row's target year, the
 * full-year result as that year (`fallbackYear` when the row has no target year).
 * @example
 * legacyCells(row, 2023) // [{ field: "resultYear", period: "2023", value: 3.06 }]
 */
export function legacyCells(row: RowReading, fallbackYear: number | null): LegacyCell[] {
  const ty = row.values.targetYear;
  const year = typeof ty === "number" && Number.isInteger(ty) ? ty : fallbackYear;
  if (year === null) return [];
  const out: LegacyCell[] = [];
  if (!blank(row.values.result6m)) out.push({ field: "result6m", period: `${year}-H1`, value: row.values.result6m ?? null });
  if (!blank(row.values.resultYear)) out.push({ field: "resultYear", period: `${year}`, value: row.values.resultYear ?? null });
  return out;
}

/**
 * The old single-round results of a pre-grid workbook as period results (see legacyCells).
 * @example
 * legacyPeriodResults(reading, 2023)["PL-I/3.1"] // { "2023": 3.06 }
 */
export function legacyPeriodResults(reading: WorkbookReading, fallbackYear: number | null): Record<string, Record<string, SnapshotValue>> {
  const out: Record<string, Record<string, SnapshotValue>> = {};
  if (!reading.legacy) return out;
  for (const row of reading.indicators) {
    const key = row.key ?? `${USER_ROW_KEY_PREFIX}${row.sheetRow}`;
    const cells = legacyCells(row, fallbackYear);
    if (cells.length > 0) out[key] = Object.fromEntries(cells.map((c) => [c.period, c.value]));
  }
  return out;
}

/**
 * Period results as read, with a pre-grid workbook's results migrated in.
 * Only a workbook without a grid is migrated: once the grid exists it is the
 * record (old columns an in-place update left behind as the user's must not
 * refill a grid cell an official cleared).
 */
export function periodResultsOf(reading: WorkbookReading, fallbackYear: number | null): Record<string, Record<string, SnapshotValue>> {
  const out: Record<string, Record<string, SnapshotValue>> = {};
  for (const [k, v] of Object.entries(reading.periodResults)) out[k] = { ...v };
  if (reading.grid !== null) return out;
  for (const [k, v] of Object.entries(legacyPeriodResults(reading, fallbackYear))) {
    const into = (out[k] ??= {});
    for (const [id, x] of Object.entries(v)) if (blank(into[id])) into[id] = x;
  }
  return out;
}

function pick(values: Record<string, LayoutValue>, keys: readonly string[]): Record<string, LayoutValue> {
  const out: Record<string, LayoutValue> = {};
  for (const k of keys) if (k in values) out[k] = values[k] ?? null;
  return out;
}

function carried(row: RowReading, mark: boolean, computed: ReadonlySet<string> = new Set()): CarriedRow {
  const values: Record<string, LayoutValue> = {};
  for (const [k, v] of Object.entries(row.values)) if (!computed.has(k)) values[k] = v;
  // The snapshot holds values, not formats: the unit and the source text say which rows are percentages.
  return { values, percent: isPercentRow(typeof values.unit === "string" ? values.unit : null, typeof values.source === "string" ? values.source : null), mark };
}

/**
 * @example
 * const { user } = mergeIntoWorkbook(newPlan, interpretSnapshot(await readWorkbook(old)));
 * const layout = buildLayout(newPlan, { lang: "vi", results: user });
 */
export function mergeIntoWorkbook(plan: Plan, reading: WorkbookReading): MergeResult {
  const indicatorKeys = new Set(indicatorKeysOf(plan));
  const taskKeys = new Set(taskRows(plan).map((t) => t.key));
  const periods = planPeriods(plan);
  const periodResults = periodResultsOf(reading, periods.at(-1)?.year ?? null);
  const user: UserData = {
    indicators: {}, tasks: {}, goneIndicators: [], goneTasks: [],
    periodResults: {},
    reportPeriod: reading.reportPeriod?.id ?? null,
  };
  const results = user.periodResults ?? {};
  const result: MergeResult = { user, added: [], kept: [], gone: [] };
  const seen = new Set<string>();
  for (const row of reading.indicators) {
    if (row.key === null || row.key.startsWith(USER_ROW_KEY_PREFIX)) {
      const key = row.key ?? `${USER_ROW_KEY_PREFIX}${row.sheetRow}`;
      const c = carried(row, false, NOT_CARRIED);
      c.values.key = key;
      user.goneIndicators.push(c);
      if (periodResults[key]) results[key] = periodResults[key];
    } else if (indicatorKeys.has(row.key) && !seen.has(row.key)) {
      user.indicators[row.key] = pick(row.values, USER_INDICATOR_COLUMNS);
      result.kept.push(row.key);
    } else {
      user.goneIndicators.push(carried(row, true, NOT_CARRIED));
      result.gone.push(row.key);
    }
    if (row.key !== null) seen.add(row.key);
  }
  // Every period of every row the grid held is carried (a key's results follow it, kept or gone).
  for (const [k, v] of Object.entries(periodResults)) if (!k.startsWith(USER_ROW_KEY_PREFIX)) results[k] = v;
  for (const k of indicatorKeys) if (!seen.has(k)) result.added.push(k);
  const seenTasks = new Set<string>();
  for (const row of reading.tasks) {
    if (row.key === null) user.goneTasks.push(carried(row, false));
    else if (taskKeys.has(row.key) && !seenTasks.has(row.key)) user.tasks[row.key] = pick(row.values, USER_TASK_COLUMNS);
    else user.goneTasks.push(carried(row, true));
    if (row.key !== null) seenTasks.add(row.key);
  }
  return result;
}
