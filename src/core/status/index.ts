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

function isLower(row: StatusRow, lang: Lang): boolean {
  const v = VOCABULARY[lang];
  const op = text(row.op);
  return text(row.direction) === v.lowerIsBetter || op === v.ops["<="] || op === v.ops["<"];
}

/** Whether `x` meets the row's target (same fallbacks as the formula). */
export function meets(x: number, row: StatusRow, tolerance: number, lang: Lang = "vi"): boolean {
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

/** The word the sheet shows for a status key ("" for none). */
export function statusLabel(key: StatusKey, lang: Lang = "vi"): string {
  return key === "none" ? "" : VOCABULARY[lang].status[key];
}
