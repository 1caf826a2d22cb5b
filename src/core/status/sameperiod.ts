/**
 * "So với cùng kỳ": a result ÷ the same period of the year before × 100, as
 * reports print it ("tăng 7,8 %" for 107,8). One rule, in TypeScript and as a
 * sheet formula, so `chitieu status` and the Chỉ tiêu sheet agree.
 *
 * A growth rate (tốc độ tăng trưởng, "%/năm") or a change in points ("điểm
 * %") is already a comparison: its ratio is left empty. Until indicator kinds
 * are read from the plan, the kind is inferred from the name and unit by the
 * words below (the same words the sheet formula searches for).
 */

/** Words that make an indicator a growth rate or a change: in the unit, or in the name (case-insensitive). */
export const GROWTH_RATE_WORDS = { unit: ["/năm", "điểm %"], name: ["tốc độ tăng", "tăng trưởng", "tăng bình quân", "giảm bình quân"] } as const;

/**
 * @example isGrowthRate("Tốc độ tăng trưởng kinh tế (GRDP)", "%") // true
 * @example isGrowthRate("Thu ngân sách nhà nước", "tỷ đồng") // false
 */
export function isGrowthRate(name: string | null, unit: string | null): boolean {
  const n = (name ?? "").toLocaleLowerCase("vi");
  const u = (unit ?? "").toLocaleLowerCase("vi");
  return GROWTH_RATE_WORDS.unit.some((w) => u.includes(w)) || GROWTH_RATE_WORDS.name.some((w) => n.includes(w));
}

/**
 * result ÷ previous × 100, or null when either is not a number, the previous
 * figure is 0, or the indicator is a growth rate.
 * @example percentOfPrevious(6150, 5420, false) // 113.468…
 */
export function percentOfPrevious(result: unknown, previous: unknown, growthRate: boolean): number | null {
  if (growthRate || typeof result !== "number" || typeof previous !== "number" || !Number.isFinite(result) || !Number.isFinite(previous) || previous === 0) return null;
  return (result / previous) * 100;
}

/** The sheet's test for the same words, over the row's name and unit cells. */
export function growthRateFormula(nameRef: string, unitRef: string): string {
  const hit = (ref: string, w: string): string => `ISNUMBER(SEARCH("${w}",${ref}))`;
  return `OR(${[...GROWTH_RATE_WORDS.unit.map((w) => hit(unitRef, w)), ...GROWTH_RATE_WORDS.name.map((w) => hit(nameRef, w))].join(",")})`;
}

/** "% so với cùng kỳ" as a formula: empty unless both are numbers, the previous one is not 0, and the row is no growth rate. */
export function percentOfPreviousFormula(refs: { result: string; previous: string; name: string; unit: string }): string {
  return `=IF(OR(${growthRateFormula(refs.name, refs.unit)},NOT(ISNUMBER(${refs.result})),NOT(ISNUMBER(${refs.previous}))),"",IF(${refs.previous}=0,"",${refs.result}/${refs.previous}*100))`;
}
