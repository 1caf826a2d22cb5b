/**
 * Small text helpers shared by the value parsers. Private to src/core/parse.
 */

/**
 * NFC, then collapse every run of whitespace (spaces, line breaks, tabs, NBSP,
 * zero-width space) to one space and trim. Cells copied from a PDF viewer
 * break anywhere ("Trên hoặc \n\nbằng \n6,35"), so every parser starts here.
 */
export function squash(raw: string): string {
  return raw.normalize("NFC").replace(/[\s\u00a0\u200b\ufeff]+/gu, " ").trim();
}

/** Letters, marks and digits: what counts as "inside a word" for whole-word rules (a regex fragment for the `u` flag). */
export const WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
