/**
 * Targets stated against a base year ("Tăng 12 % so với năm 2025", "gấp 1,6
 * lần năm 2025", "giảm 10 % so với năm 2025") resolved to a number in the
 * indicator's own unit, so the sheet judges the result typed in that unit
 * (108.000 tỷ against 107.520 tỷ, never against "12 %").
 */
import type { Baseline, Target } from "../model";
import { formatNumberVi } from "../parse/number";

export interface RelativeResolution {
  target: Target;
  /** Why the target could not be resolved (no figure for the base year), for a warning. */
  problem: { vi: string; en: string } | null;
}

const PERCENT_UNIT = /%/u;
/** Four decimals: the computed target stays readable and never gains false precision. */
const round = (v: number): number => Math.round(v * 10_000) / 10_000;

/**
 * @param unit the indicator's unit ("tỷ đồng", "%")
 * @param bases figures the plan gives for earlier years (the baseline and, when read, the history columns)
 * @example
 * resolveRelative(parseTarget("Tăng 12 % so với năm 2025"), "tỷ đồng", [{ value: 96000, year: 2025, … }]).target.value // 107520
 */
export function resolveRelative(target: Target, unit: string | null, bases: readonly Baseline[]): RelativeResolution {
  const rel = target.relative;
  if (!rel) return { target, problem: null };
  // "tăng 7%" without "so với …" on a percentage indicator states the rate itself (GRDP tăng 7%): a bare target.
  if (rel.change !== "multiple" && rel.baseYear === null && target.value !== null && PERCENT_UNIT.test(unit ?? "")) {
    const { relative: _dropped, ...plain } = target;
    void _dropped;
    return { target: plain, problem: null };
  }
  const usable = bases.filter((b) => b.value !== null && (rel.baseYear === null || b.year === rel.baseYear));
  // The latest figure before the target's year when the base year is not named ("so với cùng kỳ").
  const base = usable.sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
  if (!base || base.value === null) {
    const year = rel.baseYear !== null ? ` năm ${rel.baseYear}` : "";
    const yearEn = rel.baseYear !== null ? ` for ${rel.baseYear}` : "";
    return {
      target: { ...target, value: null, percent: false },
      problem: {
        vi: `Mục tiêu "${target.raw}" tính theo số liệu${year} nhưng văn bản không có số liệu đó: hãy nhập mục tiêu bằng số.`,
        en: `The target "${target.raw}" is relative to the figure${yearEn}, which the document does not give: type the target as a number.`,
      },
    };
  }
  const b = base.value;
  const value = rel.change === "multiple" ? b * rel.by : rel.change === "increase" ? b * (1 + rel.by / 100) : b * (1 - rel.by / 100);
  return { target: { ...target, op: null, value: round(value), max: null, percent: base.percent, relative: { ...rel, base: b } }, problem: null };
}

/** "107.520 (Tăng 12 % so với năm 2025)": the computed target beside the plan's words. */
export function relativeTargetText(target: Target): string {
  if (!target.relative || target.value === null) return target.raw;
  return `${formatNumberVi(target.value)} (${target.raw.trim()})`;
}
