/**
 * Whether a figure a form brings is one a planner could mean. Returns come
 * from outside: a percent typed as a plain number (92 in a "%" row is 9,200 %)
 * would pass as met, and a number like 1e308 breaks every sum and ratio the
 * report computes. Such a row is not taken; the message says what was
 * probably meant.
 */
import { formatNumber } from "../format";
import type { FormIndicator } from "../source";

/** Beyond this a figure is not a measurement (Excel keeps 15 significant digits; a province's GRDP in đồng is ~1e14). */
export const MAX_MAGNITUDE = 1e15;
/** A percent above this many times its target (and above 100 %) is not a result but a slip. */
export const PERCENT_TARGET_FACTOR = 1.5;
/** No percent result is above 1,000 % or below −100 %. */
const PERCENT_CEILING = 10;
const PERCENT_FLOOR = -1;

export type Plausibility = { ok: true } | { ok: false; code: "form.implausible" | "form.percentAsNumber"; vi: string; en: string };

/** A share ("Tỷ lệ …") cannot pass 100 %; a rate of growth or change can. */
function isShare(ind: Pick<FormIndicator, "name">): boolean {
  return /^\s*tỷ\s+lệ(\s|$)/iu.test(ind.name.normalize("NFC")) && !/tăng|giảm|biến động/iu.test(ind.name.normalize("NFC"));
}

/**
 * @example
 * plausible(92, { percent: true, name: "Tỷ lệ hồ sơ đúng hạn", targetValue: 0.92 })
 * // { ok: false, code: "form.percentAsNumber", vi: "… bạn muốn nhập 92 %? …", … }
 */
export function plausible(value: number, ind: Pick<FormIndicator, "percent" | "name" | "targetValue"> | undefined): Plausibility {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
    return { ok: false, code: "form.implausible",
      vi: `${String(value)} không phải một số liệu có thể có (quá lớn); dòng này không được nhận.`,
      en: `${String(value)} is not a plausible figure (too large); this row was not taken.` };
  }
  if (!ind?.percent) return { ok: true };
  const target = ind.targetValue;
  const overTarget = target === undefined || target <= 0 || value > PERCENT_TARGET_FACTOR * target;
  const tooHigh = (value > 1 && (overTarget || isShare(ind))) || value > PERCENT_CEILING;
  if (!tooHigh && value >= PERCENT_FLOOR) return { ok: true };
  const shown = `${formatNumber(value * 100)} %`;
  if (value > 1 && value <= 100) {
    const meant = `${formatNumber(value)} %`;
    return { ok: false, code: "form.percentAsNumber",
      vi: `chỉ tiêu tính bằng %, số ${formatNumber(value)} được đọc là ${shown}: bạn muốn nhập ${meant}? Hãy gõ ${formatNumber(value)}% (có dấu %); dòng này không được nhận.`,
      en: `this indicator is a percentage and ${formatNumber(value)} reads as ${shown}: did you mean ${meant}? Type ${formatNumber(value)}% (with the % sign); this row was not taken.` };
  }
  return { ok: false, code: "form.implausible",
    vi: `${shown} nằm ngoài khoảng có thể có của chỉ tiêu này; dòng này không được nhận.`,
    en: `${shown} is outside what this indicator can be; this row was not taken.` };
}
