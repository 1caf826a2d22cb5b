/**
 * Text folding for comparisons shared across the core: lower case, no
 * diacritics, "đ" → "d", punctuation dropped, one space between words, so
 * "Đơn \n vị", "ĐƠN VỊ" and "Don vi" compare equal. Header vocabularies
 * (importer, user-table highlighting) are matched on folded text.
 */

/** Words repeat endlessly in a plan; folding each distinct short one once keeps the importer fast. */
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
