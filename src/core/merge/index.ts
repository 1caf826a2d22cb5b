/**
 * Re-importing an updated appendix into an existing Chỉ tiêu workbook: the
 * document decides the plan's own columns; what officials typed is theirs.
 * By indicator (and task) key: results, notes and task statuses are kept;
 * new indicators are added; rows whose key left the document are kept with
 * all their values and marked "Không còn trong văn bản" — never deleted; rows
 * officials added themselves (no key) are kept as they are.
 */
import type { Plan } from "../model";
import { indicatorKeysOf } from "../layout/_lib/indicators";
import { taskRows } from "../layout/_lib/tasks";
import type { CarriedRow, UserData } from "../layout/_lib/userData";
import { USER_INDICATOR_COLUMNS, USER_TASK_COLUMNS } from "../layout/_lib/userData";
import type { LayoutValue } from "../layout/types";
import type { RowReading, WorkbookReading } from "../workbook";

export interface MergeResult {
  /** Pass as `results` to buildLayout. */
  user: UserData;
  added: string[];
  kept: string[];
  gone: string[];
}

// The indicators table's computed columns are rewritten by the layout's formulas; everything
// else a row held is carried. (A task's status is typed by officials: it is carried.)
const COMPUTED_INDICATOR_COLUMNS = new Set(["status", "gap", "completion"]);

function pick(values: Record<string, LayoutValue>, keys: readonly string[]): Record<string, LayoutValue> {
  const out: Record<string, LayoutValue> = {};
  for (const k of keys) if (k in values) out[k] = values[k] ?? null;
  return out;
}

function carried(row: RowReading, mark: boolean, computed: ReadonlySet<string> = new Set()): CarriedRow {
  const values: Record<string, LayoutValue> = {};
  for (const [k, v] of Object.entries(row.values)) if (!computed.has(k)) values[k] = v;
  const unit = typeof values.unit === "string" ? values.unit : "";
  // The snapshot holds values, not formats: a "%" unit is the reliable sign of a percent row.
  return { values, percent: unit.includes("%"), mark };
}

/**
 * @example
 * const { user } = mergeIntoWorkbook(newPlan, interpretSnapshot(await readWorkbook(old)));
 * const layout = buildLayout(newPlan, { lang: "vi", results: user });
 */
export function mergeIntoWorkbook(plan: Plan, reading: WorkbookReading): MergeResult {
  const indicatorKeys = new Set(indicatorKeysOf(plan));
  const taskKeys = new Set(taskRows(plan).map((t) => t.key));
  const user: UserData = { indicators: {}, tasks: {}, goneIndicators: [], goneTasks: [] };
  const result: MergeResult = { user, added: [], kept: [], gone: [] };
  const seen = new Set<string>();
  for (const row of reading.indicators) {
    if (row.key === null) {
      user.goneIndicators.push(carried(row, false, COMPUTED_INDICATOR_COLUMNS));
    } else if (indicatorKeys.has(row.key) && !seen.has(row.key)) {
      user.indicators[row.key] = pick(row.values, USER_INDICATOR_COLUMNS);
      result.kept.push(row.key);
    } else {
      user.goneIndicators.push(carried(row, true, COMPUTED_INDICATOR_COLUMNS));
      result.gone.push(row.key);
    }
    if (row.key !== null) seen.add(row.key);
  }
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
