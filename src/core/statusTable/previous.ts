/**
 * "So với cùng kỳ" for one indicator row: the same period of the year before
 * in the Kết quả theo kỳ grid, and result ÷ it × 100. The one place the
 * status table, the report and the forms take the previous figure from, so
 * they agree with the sheet's "Cùng kỳ năm trước" and "% so với cùng kỳ".
 */
import type { Nature } from "../model";
import { isComparison, percentOfPrevious } from "../status";
import type { IndicatorKind } from "../status";
import type { SnapshotValue } from "../workbook";
import { periodLabel, previousYearPeriod } from "../period";
import type { Period } from "../period";
import type { Lang } from "../status";

export interface PreviousFigure {
  /** The same period a year earlier ("2025-H1" for "2026-H1"). */
  period: { id: string; label: string };
  /** The grid's value for it: a number, text typed instead, or null (not filled). */
  value: number | string | null;
  /** Its nature when known (an estimate, a preliminary or an official figure). */
  nature: Nature | null;
}

export interface SamePeriod {
  previous: PreviousFigure | null;
  /** result ÷ previous × 100 (107.8 means "tăng 7,8 %"); null for growth rates or without both numbers. */
  percentOfPrevious: number | null;
}

const value = (v: SnapshotValue | undefined): number | string | null => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
};

/**
 * @example
 * samePeriod({ "2025-H1": 2900, "2026-H1": 3126 }, periodOf("2026-H1"), 3126, { kind: "flow", unit: "tỷ đồng" })
 * // { previous: { period: { id: "2025-H1", … }, value: 2900, nature: null }, percentOfPrevious: 107.79… }
 */
export function samePeriod(
  results: Record<string, SnapshotValue> | undefined,
  period: Period,
  result: number | string | null,
  row: { kind: IndicatorKind | null; unit: string | null },
  natures: Record<string, Nature> | undefined = undefined,
  lang: Lang = "vi",
): SamePeriod {
  const prev = previousYearPeriod(period);
  const v = value(results?.[prev.id]);
  const previous: PreviousFigure = { period: { id: prev.id, label: periodLabel(prev, lang) }, value: v, nature: natures?.[prev.id] ?? null };
  return { previous, percentOfPrevious: percentOfPrevious(result, v, isComparison(row.kind, row.unit)) };
}
