/** Small text helpers shared by the rules: number formatting, name normalisation, appendix labels. */
import { formatNumberVi } from "../../parse";
import type { Appendix, Indicator } from "../../model";

/** "13,93%" / "6,35" — numbers as planners write them. */
export function fmt(value: number | null, percent = false): string {
  if (value === null) return "?";
  return formatNumberVi(value) + (percent ? "%" : "");
}

/** English form of the same number ("13.93%"). */
export function fmtEn(value: number | null, percent = false): string {
  if (value === null) return "?";
  return String(Math.round(value * 10000) / 10000) + (percent ? "%" : "");
}

/** "Phụ lục I — PHÂN CÔNG…" → "Phụ lục I". */
export function appendixLabel(a: Appendix): string {
  const head = a.title.split(" — ")[0] ?? a.title;
  return head.trim() || a.id;
}

/** Short name for messages: first words of the indicator, with an ellipsis. */
export function shortName(ind: Indicator, max = 60): string {
  const n = ind.name.replace(/\s+/g, " ").trim();
  return n.length <= max ? n : `${n.slice(0, max - 1).trimEnd()}…`;
}

/** How planners refer to a row: "STT 3.4" or the code, else the short name. */
export function rowLabel(ind: Indicator): string {
  if (ind.stt) return `STT ${ind.stt}`;
  if (ind.code) return `mã ${ind.code}`;
  return `"${shortName(ind, 40)}"`;
}

/** The English form of rowLabel: "No. 3.4", "code 5.2.3", or the short name. */
export function rowLabelEn(ind: Indicator): string {
  if (ind.stt) return `No. ${ind.stt}`;
  if (ind.code) return `Code ${ind.code}`;
  return `"${shortName(ind, 40)}"`;
}

/**
 * A name reduced for matching the same indicator written twice: lower case,
 * no diacritics, no parenthesised labels ("(% Đồng ý)", "(1=Không thể; 5=Rất dễ)",
 * "(trên hoặc bằng 3,4)"), no trailing "*", punctuation as spaces.
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFC")
    .replace(/\([^()]*\)/g, " ")
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** True when the name says the indicator is a percentage ("Tỷ lệ…", "(%)"). */
export function nameSaysPercent(name: string): boolean {
  const n = name.normalize("NFC").trim();
  return /^t[ỷỉ] lệ(?=\s|$)/iu.test(n) || /\(\s*%[^)]*\)/u.test(n) || /\(%\)/u.test(n);
}
