/**
 * How a planner reads an indicator before judging it (issue #19): which way
 * is better (its direction) and what it measures (its kind: a level at a
 * date, a flow since 1 January, a growth rate, a total or an average over the
 * plan's years, a rank). Both are inferred once at import from the words of
 * the name, the unit and the target, written into the Chiều and Loại chỉ tiêu
 * columns, and from then on the planner's cells rule: the status formulas and
 * `evaluateAt` (../status) read the cells, never these guesses.
 *
 * The words are data (./_lib/words); each rule is a small ordered table.
 */
import type { Target } from "../model";
import type { Direction, IndicatorKind } from "../status/labels";
import { words, LOWER_UNIT, AVERAGE_WORDS, FLOW_WORDS, GROWTH_WORDS, LEVEL_WORDS, LOWER_WORDS, PER_CAPITA_WORDS, RANK_WORDS, REDUCTION_WORDS, RELATIVE_WORDS, TOTAL_WORDS } from "./_lib/words";

export type { Direction, IndicatorKind } from "../status/labels";

/** What the inference reads: the indicator's words and its target as parsed. */
export interface JudgeInput {
  name: string;
  unit: string | null;
  target: Pick<Target, "op" | "kind" | "raw" | "unit"> | null;
  /** The name ended with the lower-is-better marker `*`. */
  marked?: boolean;
}

const lower = words;
const any = (text: string, words: readonly RegExp[]): boolean => words.some((w) => w.test(text));

/**
 * Which way is better. In order: the `*` marker; an operator that states it
 * (≥ > higher, ≤ < lower); a rank; a reduction indicator, which measures the
 * amount reduced ("tỷ lệ hộ nghèo giảm 0,8-1 điểm %": more reduction is
 * better); the words of the name and unit ("tỷ lệ hộ nghèo", "tai nạn", "số
 * ngày"…); else higher.
 * @example
 * inferDirection({ name: "Tỷ lệ hộ nghèo", unit: "%", target: parseTarget("1,5") })              // "lower"
 * inferDirection({ name: "Tỷ lệ hộ nghèo giảm", unit: "điểm %", target: parseTarget("1-1,2") }) // "higher"
 */
export function inferDirection(input: JudgeInput): Direction {
  if (input.marked) return "lower";
  const op = input.target?.op ?? null;
  if (op === "<=" || op === "<") return "lower";
  if (op === ">=" || op === ">") return "higher";
  if (input.target?.kind === "rank" || input.target?.kind === "top") return "lower";
  const name = lower(input.name);
  const unit = lower(input.unit);
  const raw = lower(input.target?.raw);
  if (any(`${name} | ${unit} | ${raw}`, RANK_WORDS)) return "lower";
  const reduction = any(`${name} | ${unit}`, REDUCTION_WORDS) || (any(raw, REDUCTION_WORDS) && !any(raw, RELATIVE_WORDS));
  if (reduction) return "higher";
  if (any(`${name} | ${unit}`, LOWER_WORDS) || LOWER_UNIT.test(unit)) return "lower";
  return "higher";
}

/**
 * What the indicator measures, in order: a rank; an average over the plan
 * ("bình quân giai đoạn", "%/năm"; not "bình quân đầu người", a level); a
 * total over the plan ("cả giai đoạn", "trong 5 năm"); a growth rate ("tốc độ
 * tăng trưởng", "so với cùng kỳ"); a level by its words (tỷ lệ, tỷ trọng, mật
 * độ, "trên 10.000 dân", lũy kế, che phủ…); a flow within the year by its words
 * (thu ngân sách, kim ngạch xuất khẩu, vốn đầu tư, lượt khách…); else a level.
 * @example
 * inferKind({ name: "Tốc độ tăng trưởng GRDP", unit: "%", target: parseTarget("6,6-6,8") }) // "growth"
 * inferKind({ name: "Thu ngân sách nhà nước trên địa bàn", unit: "tỷ đồng", target: … })     // "flow"
 */
export function inferKind(input: JudgeInput): IndicatorKind {
  const t = input.target;
  if (t?.kind === "rank" || t?.kind === "top") return "rank";
  const name = lower(input.name);
  const unit = lower(input.unit);
  const raw = lower(t?.raw);
  const all = `${name} | ${unit} | ${raw} | ${lower(t?.unit)}`;
  if (any(all, RANK_WORDS)) return "rank";
  if (any(all, AVERAGE_WORDS) && !any(all, PER_CAPITA_WORDS)) return "periodAverage";
  if (any(all, TOTAL_WORDS)) return "periodTotal";
  if (any(`${name} | ${unit}`, GROWTH_WORDS)) return "growth";
  if (any(`${name} | ${unit}`, LEVEL_WORDS)) return "level";
  // A flow named over the plan's period ("Tổng vốn đầu tư … giai đoạn", "… giai đoạn 2026-2030") is its total.
  if (any(name, FLOW_WORDS)) return / giai đoạn /u.test(name) ? "periodTotal" : "flow";
  return "level";
}
export { resolveRelative, relativeTargetText } from "./relative";
export type { RelativeResolution } from "./relative";
export { isPercentIndicator, isPercentRow, isPercentUnit } from "./percent";
