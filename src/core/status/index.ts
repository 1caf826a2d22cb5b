/**
 * Status of an indicator row, in TypeScript with exactly the semantics of the
 * sheet's Trạng thái formula (see ./formula.ts), so tests and the task pane
 * can predict what Excel shows. Cell values come in as read from a sheet:
 * anything that is not a number counts as empty, like ISNUMBER in Excel.
 */
import type { IndicatorKind, Lang, StatusKey } from "./labels";
import { VOCABULARY } from "./labels";

export * from "./labels";
export * from "./formula";
export * from "./colours";

/** Default relative tolerance of ≈ (5 %), written into the sheet where people can change it. */
export const DEFAULT_TOLERANCE = 0.05;

/** A row's cells as they sit in the sheet (operator and direction as sheet words). */
export interface StatusRow {
  op: unknown;
  target: unknown;
  targetMax: unknown;
  direction: unknown;
  baseline: unknown;
  baselineYear: unknown;
  targetYear: unknown;
  result6m: unknown;
  resultYear: unknown;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** Text as Excel compares it with "=": case-insensitively. */
const same = (cell: unknown, word: string): boolean => text(cell).toLowerCase() === word.toLowerCase();

/**
 * Lower is better: the Chiều cell says so; a blank or unknown Chiều falls
 * back on a rank kind or an operator ≤ / < (mirrors lowerExpr).
 */
export function isLower(row: Pick<PlanRow, "direction" | "op"> & { kind?: unknown }, lang: Lang = "vi"): boolean {
  const v = VOCABULARY[lang];
  if (same(row.direction, v.lowerIsBetter)) return true;
  if (same(row.direction, v.higherIsBetter)) return false;
  return same(row.kind, v.kinds.rank) || same(row.op, v.ops["<="]) || same(row.op, v.ops["<"]);
}

const VERDICTS = ["missed", "met", "met", "met", "exceeded"] as const;

/**
 * Vượt, Đạt or Không đạt for a final value (mirrors verdictExpr, with the
 * same arithmetic so both engines meet at the same boundary): a blank
 * operator (a bare number in the plan) means at least, or at most when lower
 * is better, and beyond it is Vượt; ≥ / ≤ likewise, the boundary meets; > <
 * and = are met or not, never exceeded; ≈ is met within the tolerance and Vượt
 * beyond it on the good side; a range is met from its near bound and Vượt
 * beyond its far bound.
 */
export function finalVerdict(x: number, row: PlanRow, tolerance: number, lang: Lang = "vi"): "exceeded" | "met" | "missed" {
  const o = VOCABULARY[lang].ops;
  const t = num(row.target) ?? 0;
  const max = num(row.targetMax);
  const s = isLower(row, lang) ? -1 : 1;
  type Verdict = "exceeded" | "met" | "missed";
  const three = (d: number, below: Verdict, on: Verdict, above: Verdict): Verdict => (d < 0 ? below : d === 0 ? on : above);
  const five = (a: number, b: number): Verdict => VERDICTS[Math.sign(a) + Math.sign(b) + 2] ?? "missed";
  switch (text(row.op).toLowerCase()) {
    case o[">="]: return three(x - t, "missed", "met", "exceeded");
    case o["<="]: return three(x - t, "exceeded", "met", "missed");
    case o[">"]: return three(x - t, "missed", "missed", "met");
    case o["<"]: return three(x - t, "met", "missed", "missed");
    case o["="]: return x === t ? "met" : "missed";
    case o["~"]: {
      const tol = tolerance * Math.abs(t);
      return five((x - t) * s - tol, (x - t) * s + tol);
    }
    case o.range.toLowerCase(): {
      const far = max ?? t;
      return five(s * (x - (s < 0 ? t : far)), s * (x - (s < 0 ? far : t)));
    }
    default: return three((x - t) * s, "missed", "met", "exceeded");
  }
}

/** Whether `x` meets the row's target: Đạt or Vượt (see finalVerdict). */
export function meets(x: number, row: PlanRow, tolerance: number, lang: Lang = "vi"): boolean {
  return finalVerdict(x, row, tolerance, lang) !== "missed";
}

/** Whether `x` is strictly better than the target: Vượt (see finalVerdict). */
export function exceeds(x: number, row: PlanRow, tolerance: number, lang: Lang = "vi"): boolean {
  return finalVerdict(x, row, tolerance, lang) === "exceeded";
}

/** The mid-year point of the straight line from the baseline to the target; null without a baseline. */
export function midYearExpected(row: StatusRow): number | null {
  const b = num(row.baseline);
  const t = num(row.target);
  if (b === null || t === null) return null;
  const by = num(row.baselineYear);
  const ty = num(row.targetYear);
  const frac = by !== null && ty !== null && ty > by ? (ty - by - 0.5) / (ty - by) : 0.5;
  return b + (t - b) * frac;
}

/**
 * The status key of a row.
 * @example
 * evaluateStatus({ op: "≥", target: 6.35, resultYear: 6.35, … }) // "met": equality meets ≥
 */
export function evaluateStatus(row: StatusRow, tolerance: number = DEFAULT_TOLERANCE, lang: Lang = "vi"): StatusKey {
  if (num(row.target) === null) return "none";
  const year = num(row.resultYear);
  if (year !== null) return finalVerdict(year, row, tolerance, lang);
  const h = num(row.result6m);
  const expected = midYearExpected(row);
  if (h === null || expected === null) return "noData";
  const behind = isLower(row, lang) ? h > expected : h < expected;
  return behind ? "atRisk" : "noData";
}

/**
 * A row's plan cells, without results: what judging one period's result needs.
 * `kind` is the Loại chỉ tiêu cell and `unit` the Đơn vị tính cell (a "%"
 * unit makes a plan-period average geometric); both may be absent (a level).
 */
export type PlanRow = Omit<StatusRow, "result6m" | "resultYear"> & { kind?: unknown; unit?: unknown };

/** A row's full-year results by year (the grid's "Năm 2027" cells), for plan-period totals and averages. */
export type YearResults = ReadonlyMap<number, unknown>;

/** What a period's result means for a row: the formulas of the Chỉ tiêu sheet compute the same cells. */
export interface PeriodEvaluation {
  status: StatusKey;
  /** Where the row should stand at the period's end, by its kind (see expectedAt). */
  expected: number | null;
  /** The number judged: the result, or for a plan-period total / average the sum / average of the plan's years so far. */
  judged: number | null;
  /** Judged ÷ the plan × 100 (105 means 105 %); null where it has no meaning: lower is better, a rank, an equality target, no result, a zero plan. */
  percentOfPlan: number | null;
}

const DAY_MS = 86_400_000;
const isoDays = (iso: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};
const yearEndDays = (year: number): number => Date.UTC(year, 11, 31) / DAY_MS;
const monthOf = (end: string): number => Number(end.slice(5, 7));
const yearOf = (end: string): number => Number(end.slice(0, 4));

/** The kind the sheet's formulas see in the Loại chỉ tiêu cell: an unknown or blank cell counts as a level. */
export function kindOf(row: Pick<PlanRow, "kind">, lang: Lang = "vi"): IndicatorKind {
  const words = VOCABULARY[lang].kinds;
  for (const k of Object.keys(words) as IndicatorKind[]) if (same(row.kind, words[k])) return k;
  return "level";
}

/**
 * Whether a period ending on `end` is judged against the target itself: it
 * ends on or after the 31 December of the target's year. Without a target
 * year, a period ending in December (a full year, Q4) is final.
 */
export function isFinalAt(row: PlanRow, end: string): boolean {
  const ty = num(row.targetYear);
  return ty !== null ? isoDays(end) >= yearEndDays(ty) : monthOf(end) === 12;
}

/** The bound a result must reach: a range's upper bound when lower is better, else the target (mirrors nearExpr). */
export function nearBound(row: PlanRow, lang: Lang = "vi"): number | null {
  const max = num(row.targetMax);
  if (same(row.op, VOCABULARY[lang].ops.range) && isLower(row, lang) && max !== null) return max;
  return num(row.target);
}

/** The first year of the row's plan: the year after its baseline, else its target year (mirrors fromExpr). */
export function planStart(row: PlanRow): number | null {
  const by = num(row.baselineYear);
  return by !== null ? by + 1 : num(row.targetYear);
}

/** The straight line from the baseline (31/12 of its year) to the near bound (31/12 of the target year) on day `day`; the bound without a full baseline. */
function lineAt(row: PlanRow, day: number, lang: Lang): number | null {
  const t = nearBound(row, lang);
  if (t === null) return null;
  const b = num(row.baseline);
  const by = num(row.baselineYear);
  const ty = num(row.targetYear);
  if (b === null || by === null || ty === null || !(ty > by)) return t;
  const from = yearEndDays(by);
  return b + ((t - b) * (day - from)) / (yearEndDays(ty) - from);
}

/**
 * Where the row should stand at a period's end (Giá trị theo lộ trình). From
 * the end of the target year, the target's near bound. Before it, by kind:
 * - level: the straight line from the baseline to the target, read at the period's end;
 * - flow: the year's target (the line read at 31/12 of the period's year) × the share of the year elapsed (6 tháng 50 %);
 * - growth, plan-period average, rank: the target itself, never interpolated;
 * - plan-period total: the target × years elapsed ÷ years of the plan.
 * @example
 * expectedAt({ kind: "Lũy kế trong năm", target: 17200, targetYear: 2026, … }, "2026-06-30") // 8600
 */
export function expectedAt(row: PlanRow, end: string, lang: Lang = "vi"): number | null {
  const t = nearBound(row, lang);
  if (t === null) return null;
  if (isFinalAt(row, end)) return t;
  const month = monthOf(end);
  switch (kindOf(row, lang)) {
    case "flow": {
      const yearTarget = lineAt(row, yearEndDays(yearOf(end)), lang) ?? t;
      return (yearTarget * month) / 12;
    }
    case "growth":
    case "periodAverage":
    case "rank":
      return t;
    case "periodTotal": {
      const ty = num(row.targetYear);
      const from = planStart(row);
      if (ty === null || from === null) return (t * month) / 12;
      return (t * Math.max(0, yearOf(end) - from + month / 12)) / (ty - from + 1);
    }
    case "level":
      return lineAt(row, isoDays(end), lang);
  }
}

/** Rates averaged geometrically: a "%" unit that is not percentage points ("điểm %"), as the formula's SEARCH tests it. */
const isRateUnit = (unit: unknown): boolean => text(unit).includes("%") && !text(unit).toLowerCase().includes("điểm");

/**
 * The number judged for a period (mirrors judgedFormula): the result itself;
 * for a plan-period total, the result plus the full-year results of the
 * plan's earlier years (text counts as 0, like SUMPRODUCT); for a plan-period
 * average, the mean of the result and those years' numbers, geometric when
 * the unit is a percentage and not percentage points (rates: (Π(1+r))^(1/n) − 1; any text or a rate ≤
 * −100 % in the row's grid makes it unreadable, as LN does in the sheet).
 * `years` holds the row's full-year cells by year; `others` every other cell
 * of the row's grid (only their readability matters).
 */
export function judgedValue(row: PlanRow, end: string, result: unknown, years: YearResults = new Map(), lang: Lang = "vi", others: readonly unknown[] = []): number | null {
  const x = num(result);
  if (x === null) return null;
  const kind = kindOf(row, lang);
  if (kind !== "periodTotal" && kind !== "periodAverage") return x;
  const from = planStart(row);
  const before = [...years.entries()].filter(([y]) => (from === null || y >= from) && y < yearOf(end)).map(([, v]) => v);
  if (kind === "periodTotal") return before.reduce<number>((sum, v) => sum + (num(v) ?? 0), x);
  const values = [x, ...before.map(num).filter((v): v is number => v !== null)];
  if (!isRateUnit(row.unit)) return values.reduce((a, b) => a + b, 0) / values.length;
  const cells = [...years.values(), ...others];
  const unreadable = cells.some((v) => (v !== null && v !== undefined && typeof v !== "number") || (typeof v === "number" && v <= -1));
  if (unreadable || x <= -1) return null;
  const logs = values.reduce((a, v) => a + Math.log(1 + v), 0);
  return Math.exp(logs / values.length) - 1;
}

/**
 * Judges one period's result (issue #19): no target → nothing; no result →
 * Chưa có số liệu; from the end of the target year → Vượt / Đạt / Không đạt
 * (see exceeds, meets); before it → Đúng tiến độ when the judged number is on
 * the expected value or better in the row's direction, else Có nguy cơ.
 * `result` is a cell value: anything but a number is no result.
 * @example
 * evaluateAt(row, "2026-06-30", 9100).status // "onTrack" for a flow of 17.200 a year
 */
export function evaluateAt(
  row: PlanRow,
  end: string,
  result: unknown,
  tolerance: number = DEFAULT_TOLERANCE,
  lang: Lang = "vi",
  years: YearResults = new Map(),
  others: readonly unknown[] = [],
): PeriodEvaluation {
  const t = num(row.target);
  const expected = expectedAt(row, end, lang);
  const judged = judgedValue(row, end, result, years, lang, others);
  const percentOfPlan = percentOfPlanAt(row, end, judged, expected, lang);
  if (t === null) return { status: "none", expected, judged, percentOfPlan };
  if (judged === null) return { status: "noData", expected, judged, percentOfPlan };
  if (isFinalAt(row, end)) return { status: finalVerdict(judged, row, tolerance, lang), expected, judged, percentOfPlan };
  const e = expected ?? t;
  const ahead = isLower(row, lang) ? judged <= e : judged >= e;
  return { status: ahead ? "onTrack" : "atRisk", expected, judged, percentOfPlan };
}

/**
 * % so với kế hoạch (mirrors percentOfPlanFormula): the judged number ÷ the
 * plan × 100, the plan being the year's target for a flow ("đạt 62,2 % dự
 * toán") and the near bound otherwise. Empty where a planner would not print
 * it: lower is better (3 days against ≤ 1 is not "300 %"), a rank, an equality.
 */
export function percentOfPlanAt(row: PlanRow, end: string, judged: number | null, expected: number | null, lang: Lang = "vi"): number | null {
  const t = num(row.target);
  if (judged === null || t === null || expected === null) return null;
  if (isLower(row, lang) || kindOf(row, lang) === "rank" || same(row.op, VOCABULARY[lang].ops["="])) return null;
  const plan = kindOf(row, lang) === "flow" ? (expected * 12) / monthOf(end) : nearBound(row, lang);
  if (plan === null || plan === 0) return null;
  return (judged / plan) * 100;
}

/** The word the sheet shows for a status key ("" for none). */
export function statusLabel(key: StatusKey, lang: Lang = "vi"): string {
  return key === "none" ? "" : VOCABULARY[lang].status[key];
}
export * from "./sameperiod";
