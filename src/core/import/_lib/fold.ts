/**
 * Text helpers private to src/core/import: folding (shared with the rest of
 * the core, re-exported here), whitespace, years and roman numerals.
 */

export { fold } from "../../_lib/fold";

/** Collapse whitespace runs to one space and trim (keeps diacritics and case). */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
}

/** A four-digit year between 1990 and 2100 inside folded words, else null. */
export function yearOf(word: string): number | null {
  if (!/^(19|20)\d\d$/.test(word)) return null;
  const y = Number(word);
  return y >= 1990 && y <= 2100 ? y : null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of an upper-case roman numeral ("III" → 3), or null when it is not one. */
export function romanValue(text: string): number | null {
  if (!/^[IVXLC]{1,7}$/.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i] ?? ""] ?? 0;
    const next = ROMAN[text[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}
