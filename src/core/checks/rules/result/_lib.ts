/** Shared by the result rules: reading what officials typed. */
import { parseNumber } from "../../../parse";
import type { Indicator } from "../../../model";

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The typed value as a number: numbers as they are, text only when it reads fully as one ("92%", "6,4"). */
export function asNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const r = parseNumber(v.trim());
  return r.ok ? (r.percent ? r.value / 100 : r.value) : null;
}

/** Percent indicators: Excel stores 92% as 0.92, so results live in 0…1. */
export function isPercentRow(ind: Indicator): boolean {
  return (ind.target?.percent ?? false) || (ind.unit ?? "").includes("%");
}

export const RESULT_FIELDS = [
  ["result6m", "Kết quả 6 tháng", "six-month result"],
  ["resultYear", "Kết quả cả năm", "full-year result"],
] as const;
