/**
 * "So với cùng kỳ": a result ÷ the same period of the year before × 100, as
 * reports print it ("tăng 7,8 %" for 107,8). One rule, in TypeScript and as a
 * sheet formula, so `chitieu status` and the Chỉ tiêu sheet agree.
 *
 * A growth rate (kind "growth": tốc độ tăng trưởng, "%/năm") or a change in
 * percentage points ("điểm %") is already a comparison: its ratio is left
 * empty. The kind is the row's Loại chỉ tiêu (the planner may change it).
 */
import type { IndicatorKind, Lang } from "./labels";
import { VOCABULARY } from "./labels";

/** A unit that makes a figure a change already (a reduction of 0,72 điểm %). */
export const CHANGE_UNIT = "điểm %";

/**
 * @example isComparison("growth", "%") // true
 * @example isComparison("level", "điểm %") // true
 * @example isComparison("flow", "tỷ đồng") // false
 */
export function isComparison(kind: IndicatorKind | null, unit: string | null): boolean {
  return kind === "growth" || (unit ?? "").toLocaleLowerCase("vi").includes(CHANGE_UNIT);
}

/**
 * result ÷ previous × 100, or null when either is not a number, the previous
 * figure is 0, or the figure is a comparison already.
 * @example percentOfPrevious(6150, 5420, false) // 113.468…
 */
export function percentOfPrevious(result: unknown, previous: unknown, comparison: boolean): number | null {
  if (comparison || typeof result !== "number" || typeof previous !== "number" || !Number.isFinite(result) || !Number.isFinite(previous) || previous === 0) return null;
  return (result / previous) * 100;
}

/** "% so với cùng kỳ" as a formula over the row's cells: empty unless both are numbers, the previous one is not 0, and the row is no comparison already. */
export function percentOfPreviousFormula(refs: { result: string; previous: string; kind: string; unit: string }, lang: Lang): string {
  const comparison = `OR(${refs.kind}="${VOCABULARY[lang].kinds.growth}",ISNUMBER(SEARCH("${CHANGE_UNIT}",${refs.unit})))`;
  return `=IF(OR(${comparison},NOT(ISNUMBER(${refs.result})),NOT(ISNUMBER(${refs.previous}))),"",IF(${refs.previous}=0,"",${refs.result}/${refs.previous}*100))`;
}
