/** Shared by the result rules: reading what officials typed. */
import { isPercentIndicator } from "../../../judge";
import { parseNumber } from "../../../parse";
import type { Indicator } from "../../../model";
import { comparePeriods, parsePeriod } from "../../../period";
import type { Period } from "../../../period";
import type { ResultEntry } from "../../types";

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
  return isPercentIndicator(ind);
}

/**
 * Each period's typed result of an entry, chronological, with the finding's
 * field ("period:2023-H1", located in the grid) and how messages name it.
 * A period id that does not parse is skipped (the grid's headers are read as periods).
 */
export function resultFields(res: ResultEntry): Array<{ field: string; vi: string; en: string; value: unknown; period: Period }> {
  const out: Array<{ field: string; vi: string; en: string; value: unknown; period: Period }> = [];
  for (const [id, value] of Object.entries(res.periods)) {
    const period = parsePeriod(id);
    if (period) out.push({ field: `period:${period.id}`, vi: `Kết quả ${period.label}`, en: `result for ${period.labelEn}`, value, period });
  }
  return out.sort((a, b) => comparePeriods(a.period, b.period));
}
