/**
 * Text folding shared by the importers (private to src/core/import).
 * Header vocabulary and cue words are compared folded: lower case, no
 * diacritics, "đ" → "d", punctuation dropped, one space between words, so
 * "Đơn \n vị", "ĐƠN VỊ" and "Don vi" all compare equal.
 */

/** Words repeat endlessly in a plan; folding each distinct one once keeps the importer fast. */
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

/** Fold one string for comparisons. @example fold("Đơn  vị\ntính") // "don vi tinh" */
export function fold(text: string): string {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const out = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
  if (text.length <= 40) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, out);
  }
  return out;
}

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
