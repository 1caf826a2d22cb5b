/**
 * The verdicts a provincial planner writes (issue #19), as a table: kinds ×
 * directions × target shapes × periods (Q1, 6 tháng, 9 tháng, the year, a
 * middle year and the last year of a 5-year plan) × results (below, on,
 * inside a range, beyond). Each row is one indicator of an annual plan for
 * 2026 (baseline 2025) or of the 5-year plan 2026–2030 (baseline 2025), with
 * its result for one period and, for plan-period totals and averages, the
 * earlier years' results. Numbers are in the sheet's units (percent rows as
 * fractions, as their cells hold them).
 */
import type { Direction, IndicatorKind, StatusKey } from "../../src/core/status";
import type { TargetOp } from "../../src/core/model";

export interface VerdictCase {
  /** What the planner reads: the indicator and the situation. */
  what: string;
  kind: IndicatorKind;
  direction: Direction;
  unit: string;
  /** The target's shape: an operator (null for a bare number), the target and a range's far bound. */
  op: TargetOp | null;
  target: number;
  max?: number;
  targetYear: number;
  baseline?: number;
  baselineYear?: number;
  /** The period judged: "2026-Q1", "2026-H1", "2026-9M", "2026", "2028", "2030". */
  period: string;
  result: number | null;
  /** Full-year results of earlier years (plan-period totals and averages). */
  years?: Record<number, number>;
  /** Percentages are held as fractions (0.08 for 8 %). */
  percent?: boolean;
  verdict: Exclude<StatusKey, "none">;
  /** % so với kế hoạch a planner prints (null: left empty); checked when given. */
  percentOfPlan?: number | null;
  /** Giá trị theo lộ trình; checked when given. */
  expected?: number;
}

const annual = { targetYear: 2026, baselineYear: 2025 } as const;
const fiveYear = { targetYear: 2030, baselineYear: 2025 } as const;

/** Level, higher is better, a bare target: "Tỷ lệ đô thị hóa" 70 % (2025) → 78 % (2026). */
const levelBare = (period: string, result: number | null, verdict: VerdictCase["verdict"], extra: Partial<VerdictCase> = {}): VerdictCase => ({
  what: `Tỷ lệ đô thị hóa, mục tiêu 78 (từ 70 năm 2025), ${period}: ${result}`,
  kind: "level", direction: "higher", unit: "%", op: null, target: 78, baseline: 70, ...annual, period, result, verdict, ...extra,
});

export const CASES: VerdictCase[] = [
  // Level, bare target, higher is better: the straight line from 2025 to the target.
  levelBare("2026", 77, "missed"),
  levelBare("2026", 78, "met", { percentOfPlan: 100 }),
  levelBare("2026", 80, "exceeded"),
  levelBare("2026-Q1", 72.5, "onTrack"),
  levelBare("2026-Q1", 71.5, "atRisk"),
  levelBare("2026-H1", 75, "onTrack"),
  levelBare("2026-H1", 72, "atRisk"),
  levelBare("2026-9M", 76.5, "onTrack"),
  levelBare("2026-9M", 75, "atRisk"),
  levelBare("2026-H1", null, "noData"),
  // Level, bare target, lower is better: "Tỷ lệ hộ nghèo" 2,5 % → 2 %.
  ...([["2026", 1.9, "exceeded"], ["2026", 2, "met"], ["2026", 2.1, "missed"], ["2026-9M", 2.1, "onTrack"], ["2026-9M", 2.3, "atRisk"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `Tỷ lệ hộ nghèo 2,5 → 2, ${period}: ${result}`, kind: "level", direction: "lower", unit: "%", op: null, target: 2, baseline: 2.5, ...annual, period, result, verdict, percentOfPlan: null }),
  ),
  // A range, higher is better: met from its near bound, exceeded beyond its far bound.
  ...([[10, "missed"], [10.5, "met"], [11, "met"], [11.5, "met"], [12, "exceeded"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Tốc độ tăng trưởng GRDP 10,5-11,5 %: ${result}`, kind: "growth", direction: "higher", unit: "%", op: "range", target: 10.5, max: 11.5, ...annual, period: "2026", result, verdict }),
  ),
  // A range, lower is better: met from the upper bound down, exceeded below the lower one.
  ...([[3.5, "missed"], [3, "met"], [2.5, "met"], [1.5, "exceeded"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Tỷ lệ nợ xấu 2-3 %: ${result}`, kind: "level", direction: "lower", unit: "%", op: "range", target: 2, max: 3, ...annual, period: "2026", result, verdict, percentOfPlan: null }),
  ),
  // Growth rate: compared with the rate itself at every period, never interpolated.
  ...([["2026", 7.02, "exceeded"], ["2026", 6.7, "met"], ["2026", 6.5, "missed"], ["2026-H1", 6, "atRisk"], ["2026-H1", 6.9, "onTrack"], ["2026-Q1", 6.6, "onTrack"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `GRDP tăng 6,6-6,8 %, ${period}: ${result}`, kind: "growth", direction: "higher", unit: "%", op: "range", target: 6.6, max: 6.8, baseline: 6.1, ...annual, period, result, verdict, expected: 6.6 }),
  ),
  // A reduction measured as the amount reduced: "giảm 1-1,2 điểm %", more is better.
  ...([[1.5, "exceeded"], [1.1, "met"], [0.8, "missed"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Tỷ lệ hộ nghèo giảm 1-1,2 điểm %: ${result}`, kind: "level", direction: "higher", unit: "điểm %", op: "range", target: 1, max: 1.2, ...annual, period: "2026", result, verdict }),
  ),
  // ≥ and >: the boundary meets ≥, never >.
  ...([[6.3, "missed"], [6.35, "met"], [6.4, "exceeded"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Chỉ số Tính minh bạch ≥ 6,35: ${result}`, kind: "level", direction: "higher", unit: "điểm", op: ">=", target: 6.35, ...annual, period: "2026", result, verdict }),
  ),
  ...([[67.23, "missed"], [68, "met"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Trụ cột 1 trên 67,23 điểm: ${result}`, kind: "level", direction: "higher", unit: "điểm", op: ">", target: 67.23, ...annual, period: "2026", result, verdict }),
  ),
  // ≤ and <, lower is better: 3 days against ≤ 1 is Không đạt, and no "300 %".
  ...([[3, "missed", null], [1, "met", null], [0.5, "exceeded", null]] as const).map(
    ([result, verdict, percentOfPlan]): VerdictCase => ({ what: `Thời gian giải quyết ≤ 1 ngày: ${result}`, kind: "level", direction: "lower", unit: "ngày", op: "<=", target: 1, ...annual, period: "2026", result, verdict, percentOfPlan }),
  ),
  ...([[5, "missed"], [4.9, "met"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Tỷ lệ thất nghiệp dưới 5 %: ${result}`, kind: "level", direction: "lower", unit: "%", op: "<", target: 5, ...annual, period: "2026", result, verdict }),
  ),
  // Equality only where the text says so: "duy trì 100 %" cannot be exceeded, and has no % of plan.
  ...([[100, "met"], [99, "missed"]] as const).map(
    ([result, verdict]): VerdictCase => ({ what: `Duy trì 100 % xã có trạm y tế: ${result}`, kind: "level", direction: "higher", unit: "%", op: "=", target: 100, ...annual, period: "2026", result, verdict, percentOfPlan: null }),
  ),
  // Flow within the year: the annual target × the share of the year elapsed; % of plan against the annual target.
  ...([
    ["2026-Q1", 4000, "atRisk", 4300], ["2026-Q1", 4400, "onTrack", 4300], ["2026-H1", 9100, "onTrack", 8600], ["2026-H1", 8000, "atRisk", 8600],
    ["2026-9M", 13000, "onTrack", 12900], ["2026-9M", 12000, "atRisk", 12900], ["2026", 29211, "exceeded", 17200], ["2026", 17200, "met", 17200], ["2026", 16000, "missed", 17200],
  ] as const).map(
    ([period, result, verdict, expected]): VerdictCase => ({ what: `Thu ngân sách 17.200 tỷ, ${period}: ${result}`, kind: "flow", direction: "higher", unit: "tỷ đồng", op: null, target: 17200, baseline: 15000, ...annual, period, result, verdict, expected, percentOfPlan: (result / 17200) * 100 }),
  ),
  // A relative target resolved against 2025 ("Tăng 12 % so với năm 2025": 96.000 → 107.520 tỷ), judged as a flow.
  ...([["2026", 108000, "exceeded"], ["2026", 107520, "met"], ["2026", 100000, "missed"], ["2026-H1", 53000, "atRisk"], ["2026-H1", 55000, "onTrack"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `Kim ngạch xuất khẩu tăng 12 % so với 2025 (107.520), ${period}: ${result}`, kind: "flow", direction: "higher", unit: "triệu USD", op: null, target: 107520, baseline: 96000, ...annual, period, result, verdict }),
  ),
  // Rank: lower is better, no straight line, no % of plan.
  ...([["2026", 8, "exceeded"], ["2026", 10, "met"], ["2026", 12, "missed"], ["2026-H1", 11, "atRisk"], ["2026-H1", 9, "onTrack"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `PCI trong nhóm 10, ${period}: ${result}`, kind: "rank", direction: "lower", unit: "thứ hạng", op: "<=", target: 10, baseline: 14, ...annual, period, result, verdict, percentOfPlan: null }),
  ),
  // Five-year plan, level: che phủ rừng 40 % (2025) → 50 % (2030); 2028 is three fifths of the way.
  ...([["2028", 47, "onTrack"], ["2028", 45, "atRisk"], ["2030", 51, "exceeded"], ["2030", 50, "met"], ["2030", 49, "missed"], ["2027-H1", 43.5, "onTrack"], ["2027-H1", 42.5, "atRisk"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `Tỷ lệ che phủ rừng 40 → 50 (2030), ${period}: ${result}`, kind: "level", direction: "higher", unit: "%", op: null, target: 50, baseline: 40, ...fiveYear, period, result, verdict }),
  ),
  // Five-year plan, total: 250.000 jobs over 2026–2030; by 2028 three fifths (150.000) are on pace.
  ...([
    ["2028", 49000, { 2026: 50000, 2027: 52000 }, "onTrack", 150000],
    ["2028", 47000, { 2026: 50000, 2027: 52000 }, "atRisk", 150000],
    ["2030", 50000, { 2026: 50000, 2027: 50000, 2028: 50000, 2029: 50000 }, "met", 250000],
    ["2030", 60000, { 2026: 50000, 2027: 50000, 2028: 50000, 2029: 50000 }, "exceeded", 250000],
    ["2030", 40000, { 2026: 50000, 2027: 50000, 2028: 50000, 2029: 50000 }, "missed", 250000],
    ["2026-H1", 26000, {}, "onTrack", 25000],
  ] as const).map(
    ([period, result, years, verdict, expected]): VerdictCase => ({ what: `Tạo việc làm cho 250.000 lao động trong 5 năm, ${period}: ${result}`, kind: "periodTotal", direction: "higher", unit: "người", op: null, target: 250000, ...fiveYear, period, result, years: { ...years }, verdict, expected }),
  ),
  // Five-year plan, average of rates (geometric): GRDP tăng bình quân 8 %/năm.
  ...([
    ["2028", 0.09, { 2026: 0.085, 2027: 0.075 }, "onTrack"],
    ["2028", 0.07, { 2026: 0.085, 2027: 0.075 }, "atRisk"],
    ["2030", 0.095, { 2026: 0.08, 2027: 0.085, 2028: 0.08, 2029: 0.082 }, "exceeded"],
    ["2030", 0.06, { 2026: 0.08, 2027: 0.075, 2028: 0.08, 2029: 0.078 }, "missed"],
  ] as const).map(
    ([period, result, years, verdict]): VerdictCase => ({ what: `GRDP tăng bình quân 8 %/năm 2026-2030, ${period}: ${result}`, kind: "periodAverage", direction: "higher", unit: "%/năm", op: null, target: 0.08, ...fiveYear, period, result, years: { ...years }, verdict, percent: true }),
  ),
  // Five-year plan, average of a quantity (arithmetic): "bình quân 12.000 lượt khách/năm".
  ...([["2030", 13000, { 2026: 12000, 2027: 12000, 2028: 12000, 2029: 12000 }, "exceeded"], ["2029", 11000, { 2026: 11000, 2027: 12000, 2028: 12000 }, "atRisk"]] as const).map(
    ([period, result, years, verdict]): VerdictCase => ({ what: `Bình quân 12.000 lượt khách/năm, ${period}: ${result}`, kind: "periodAverage", direction: "higher", unit: "lượt", op: null, target: 12000, ...fiveYear, period, result, years: { ...years }, verdict }),
  ),
  // Five-year plan, a growth rate each year: compared with the rate itself in a middle year.
  ...([["2028", 8.1, "onTrack"], ["2028", 7.5, "atRisk"], ["2030", 8.5, "exceeded"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `Tốc độ tăng GRDP 8 % mỗi năm, ${period}: ${result}`, kind: "growth", direction: "higher", unit: "%", op: null, target: 8, baseline: 7, ...fiveYear, period, result, verdict, expected: 8 }),
  ),
  // A flow in a middle year of a 5-year plan: the year's target on the line from 2025 (10.000) to 2030 (20.000), times the share.
  ...([["2028-H1", 8100, "onTrack"], ["2028-H1", 7900, "atRisk"]] as const).map(
    ([period, result, verdict]): VerdictCase => ({ what: `Tổng mức bán lẻ 20.000 tỷ năm 2030, ${period}: ${result}`, kind: "flow", direction: "higher", unit: "tỷ đồng", op: null, target: 20000, baseline: 10000, ...fiveYear, period, result, verdict }),
  ),
];

/** The periods the cases are judged at (the grid's columns, with the years totals and averages read). */
export const CASE_PERIODS: readonly string[] = [...new Set(CASES.flatMap((c) => [c.period, ...Object.keys(c.years ?? {})]))];
