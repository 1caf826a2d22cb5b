/**
 * Which indicators are percentages (rule 7 of issue #19: numbers are what was
 * written, in their unit). A percentage row's cells hold fractions with a
 * "%" format (92 % is 0.92, shown 92,0 %), so what an official types ("92%")
 * lands on the target's scale. One rule, here, for the layout that writes the
 * cells and for everyone who reads them back (status, report, forms, checks):
 * the unit says so ("%", "%/năm"), or, without a unit, the target was written
 * with "%". Percentage points ("điểm %") are points, not a percentage; a
 * target relative to a base year ("Tăng 12 % so với năm 2025") is in the
 * indicator's own unit; "(%)" in a name with a score target is the unit the
 * plan gave, so the score 10 is shown as 10 %, never as 1.000.
 */
import type { Indicator } from "../model";

/** "%", "%/năm", "% GRDP": a percentage; "điểm %", "điểm phần trăm": percentage points, not one. */
export function isPercentUnit(unit: string | null | undefined): boolean {
  const u = (unit ?? "").normalize("NFC").toLowerCase();
  return u.includes("%") && !/điểm\s?%|điểm phần trăm/u.test(u);
}

const blank = (unit: string | null | undefined): boolean => (unit ?? "").trim() === "";

/** An indicator of the plan whose cells hold fractions. */
export function isPercentIndicator(ind: Pick<Indicator, "unit" | "target">): boolean {
  if (isPercentUnit(ind.unit)) return true;
  const t = ind.target;
  return blank(ind.unit) && !!t?.percent && !t.relative;
}

/**
 * The same rule on a row read back from a workbook: its Đơn vị tính cell and
 * its hidden Nguồn text ("Mục tiêu: ≥ 35% | Gốc: …").
 */
export function isPercentRow(unit: string | null | undefined, source: string | null | undefined): boolean {
  if (isPercentUnit(unit)) return true;
  if (!blank(unit)) return false;
  const target = /(?:^|\| )Mục tiêu: ([^|]*)/u.exec(source ?? "")?.[1] ?? "";
  return target.includes("%") && !/so với|gấp|lần/u.test(target);
}
