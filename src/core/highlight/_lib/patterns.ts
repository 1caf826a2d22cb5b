/**
 * Header vocabulary per role, Vietnamese and English, matched on headers
 * folded to lowercase ASCII (diacritics removed, đ → d) so "KẾT QUẢ",
 * "Kết quả" and a header typed without accents read the same.
 * Score 1: the header names the role outright; 0.9: a common renaming;
 * 0.6: plausible, to confirm.
 */

import { fold } from "../../_lib/fold";
export const HIGHLIGHT_ROLES = ["target", "result", "result6m", "operator", "lead", "baseline", "direction", "status"] as const;
export type HighlightRole = (typeof HIGHLIGHT_ROLES)[number];

interface Pattern {
  re: RegExp;
  score: number;
  /** The header must not match this (e.g. "đơn vị thực hiện" is not a result). */
  not?: RegExp;
}

/**
 * @example
 * normalizeHeader("  Kết quả\n6 THÁNG ") // "ket qua 6 thang"
 */
export function normalizeHeader(text: string): string {
  return fold(text);
}

const AGENCY = /\b(don vi|co quan|so|nganh|agency|unit)\b/;
const SIX_MONTHS = /\b(6 thang|sau thang|giua nam|6t|h1|6 month|six month|half year|mid year)\b/;

export const HEADER_PATTERNS: Record<HighlightRole, Pattern[]> = {
  target: [
    { re: /^(muc tieu|target|goal)$/, score: 1 },
    { re: /\bmuc tieu\b/, score: 0.9, not: /\b(ket qua|thuc hien)\b/ },
    { re: /\bchi tieu\b.*\b(kh|ke hoach|giao|nam \d{4}|\d{4}|phan dau)\b/, score: 0.9 },
    { re: /^(kh|ke hoach)\b/, score: 0.9 },
    { re: /\b(target|goal|planned|plan)\b/, score: 0.9, not: /\b(actual|result)\b/ },
    { re: /^(nam )?\d{4}$/, score: 0.6 },
  ],
  result: [
    { re: /^(ket qua|thuc hien|result|actual)$/, score: 1 },
    { re: /\b(ket qua|kq)\b.*\b(ca nam|nam)\b/, score: 1 },
    { re: /\b(ket qua|kq|thuc hien|uoc thuc hien|uoc th|dat duoc|so lieu thuc te|result|actual|achieved)\b/, score: 0.9, not: new RegExp(`${AGENCY.source}|${SIX_MONTHS.source}|\\b(ke hoach|muc tieu)\\b`) },
  ],
  result6m: [
    { re: new RegExp(`\\b(ket qua|kq|thuc hien|uoc|result|actual)\\b.*${SIX_MONTHS.source}`), score: 1 },
    { re: SIX_MONTHS, score: 0.6, not: /\b(ke hoach|muc tieu|target)\b/ },
  ],
  operator: [
    { re: /^(toan tu|operator|so sanh|phep so sanh)$/, score: 1 },
    { re: /\b(toan tu|so sanh|dieu kien|operator|comparison)\b/, score: 0.9 },
  ],
  lead: [
    { re: /\b(chu tri)\b/, score: 1 },
    { re: /\b(lead|responsible|owner|phu trach|dau moi)\b/, score: 0.9, not: /\bphoi hop\b/ },
    { re: /\b(don vi|co quan) thuc hien\b/, score: 0.9, not: /\bphoi hop\b/ },
  ],
  baseline: [
    { re: /^(gia tri goc|baseline|ky goc)$/, score: 1 },
    { re: /\b(gia tri goc|goc|co so|baseline|nam truoc|ky truoc)\b/, score: 0.9, not: /\b(nam goc|baseline year|xep hang|rank)\b/ },
  ],
  direction: [
    { re: /^(chieu|huong|direction)$/, score: 1 },
    { re: /\b(cao hon la tot|thap hon la tot|higher is better|lower is better|chieu danh gia)\b/, score: 0.9 },
  ],
  status: [{ re: /^(trang thai|tinh trang|status|danh gia)\b/, score: 1, not: /\bnguon\b/ }],
};
