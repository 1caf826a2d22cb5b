/**
 * Status of an indicator row, in TypeScript with exactly the semantics of the
 * sheet's Trạng thái formula (see ./formula.ts), so tests and the task pane
 * can predict what Excel shows. Cell values come in as read from a sheet:
 * anything that is not a number counts as empty, like ISNUMBER in Excel.
 */
import type { Lang, StatusKey } from "./labels";
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

function isLower(row: PlanRow, lang: Lang): boolean {
  const v = VOCABULARY[lang];
  const op = text(row.op);
  return text(row.direction) === v.lowerIsBetter || op === v.ops["<="] || op === v.ops["<"];
}

/** Whether `x` meets the row's target (same fallbacks as the formula). */
export function meets(x: number, row: PlanRow, tolerance: number, lang: Lang = "vi"): boolean {
  const o = VOCABULARY[lang].ops;
  const t = num(row.target) ?? 0;
  const max = num(row.targetMax);
  switch (text(row.op)) {
    case o[">="]: return x >= t;
    case o["<="]: return x <= t;
    case o[">"]: return x > t;
    case o["<"]: return x < t;
    case o["="]: return x === t;
    case o["~"]: return Math.abs(x - t) <= tolerance * Math.abs(t);
    case o.range: return x >= t && (max === null || x <= max);
    default: return isLower(row, lang) ? x <= t : x >= t;
  }
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
  if (year !== null) return meets(year, row, tolerance, lang) ? "met" : "missed";
  const h = num(row.result6m);
  const expected = midYearExpected(row);
  if (h === null || expected === null) return "noData";
  const behind = isLower(row, lang) ? h > expected : h < expected;
  return behind ? "atRisk" : "noData";
}

/** A row's plan cells, without results: what judging one period's result needs. */
export type PlanRow = Omit<StatusRow, "result6m" | "resultYear">;

/** What a period's result means for a row: the formulas of the Chỉ tiêu sheet compute the same three cells. */
export interface PeriodEvaluation {
  status: StatusKey;
  /** Where the row should stand at the period's end: the target once the target's year is over, else the point on the line (the target without a baseline). */
  expected: number | null;
  /** Result ÷ target × 100 (105 means 105 %); null without a result or with a zero target. */
  percentOfPlan: number | null;
}

const DAY_MS = 86_400_000;
const isoDays = (iso: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};
const yearEndDays = (year: number): number => Date.UTC(year, 11, 31) / DAY_MS;

/**
 * Whether a period ending on `end` is judged against the target itself: it
 * ends on or after the 31 December of the target's year. Without a target
 * year, a period ending in December (a full year, Q4) is final.
 */
export function isFinalAt(row: PlanRow, end: string): boolean {
  const ty = num(row.targetYear);
  return ty !== null ? isoDays(end) >= yearEndDays(ty) : Number(end.slice(5, 7)) === 12;
}

/**
 * The straight line from the baseline (31 December of its year) to the target
 * (31 December of its year), read at `end`; the target itself when the row has
 * no full baseline (value and year) or the period is final. Day counts, like
 * the sheet's date serials, so both compute the same number.
 * @example
 * expectedAt({ baseline: 0.471, baselineYear: 2020, target: 0.6, targetYear: 2030, … }, "2025-12-31") // 0.5355
 */
export function expectedAt(row: PlanRow, end: string): number | null {
  const t = num(row.target);
  if (t === null) return null;
  if (isFinalAt(row, end)) return t;
  const b = num(row.baseline);
  const by = num(row.baselineYear);
  const ty = num(row.targetYear);
  if (b === null || by === null || ty === null || !(ty > by)) return t;
  const from = yearEndDays(by);
  return b + ((t - b) * (isoDays(end) - from)) / (yearEndDays(ty) - from);
}

/**
 * Judges one period's result (issue #12): no result → Chưa có số liệu; a
 * period ending on/after the end of the target's year → Đạt / Không đạt by
 * the operator (the boundary meets); an earlier one → Đúng tiến độ when the
 * result is on the expected value or better in the row's direction, else Có
 * nguy cơ. `result` is a cell value: anything but a number is no result.
 * @example
 * evaluateAt(row, "2023-06-30", 3.42).status // "onTrack" or "atRisk"
 */
export function evaluateAt(row: PlanRow, end: string, result: unknown, tolerance: number = DEFAULT_TOLERANCE, lang: Lang = "vi"): PeriodEvaluation {
  const t = num(row.target);
  const x = num(result);
  const expected = expectedAt(row, end);
  const percentOfPlan = x === null || t === null || t === 0 ? null : (x / t) * 100;
  if (t === null) return { status: "none", expected, percentOfPlan };
  if (x === null) return { status: "noData", expected, percentOfPlan };
  if (isFinalAt(row, end)) return { status: meets(x, row, tolerance, lang) ? "met" : "missed", expected, percentOfPlan };
  const e = expected ?? t;
  const ahead = isLower(row, lang) ? x <= e : x >= e;
  return { status: ahead ? "onTrack" : "atRisk", expected, percentOfPlan };
}

/** The word the sheet shows for a status key ("" for none). */
export function statusLabel(key: StatusKey, lang: Lang = "vi"): string {
  return key === "none" ? "" : VOCABULARY[lang].status[key];
}
export * from "./sameperiod";
