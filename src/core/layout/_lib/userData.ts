/**
 * What officials typed into a workbook, carried into a rewritten layout by the
 * merge: results and notes by indicator key, statuses and notes by task key,
 * and whole rows whose indicator or task left the document (kept, marked).
 */
import type { LayoutValue } from "../types";
import { INDICATOR_COLUMNS, TASK_COLUMNS } from "./columns";

export interface CarriedRow {
  /** Cell values by column key. */
  values: Record<string, LayoutValue>;
  /** The row's numbers are fractions shown as percent. */
  percent: boolean;
  /** Mark it "Không còn trong văn bản" (false for rows officials added themselves, which have no key). */
  mark: boolean;
}

export interface UserData {
  /** indicator key → values of user columns of the Chỉ tiêu sheet (note). */
  indicators: Record<string, Record<string, LayoutValue>>;
  /** indicator key → period id → the result typed in the Kết quả theo kỳ grid (kept for every period, never dropped). */
  periodResults?: Record<string, Record<string, LayoutValue>>;
  /** The period KyBaoCao showed (id), kept across an update. */
  reportPeriod?: string | null;
  /** task key → values of user columns (status, note). */
  tasks: Record<string, Record<string, LayoutValue>>;
  goneIndicators: CarriedRow[];
  goneTasks: CarriedRow[];
}

/** Columns whose cells belong to the officials, not to the document: the input columns of src/core/layout/ownership. */
export const USER_INDICATOR_COLUMNS: readonly string[] = INDICATOR_COLUMNS.filter((c) => c.input).map((c) => c.key);
export const USER_TASK_COLUMNS: readonly string[] = TASK_COLUMNS.filter((c) => c.input).map((c) => c.key);
