/**
 * Column roles from appendix header texts. The vocabulary is data
 * (`./vocabulary.ts`); matching is diacritics-, case- and
 * whitespace-insensitive and tolerant of words split over lines.
 */
import { fold } from "../_lib/fold";
import { matchAt, type ColumnRoleName, type PatternRole } from "./vocabulary";

export type { ColumnRoleName } from "./vocabulary";
export { HEADER_PATTERNS } from "./vocabulary";

export interface ColumnRole {
  role: ColumnRoleName;
  /** The year the header names ("Điểm 2022" → 2022), else null. */
  year: number | null;
  /** The header text as found (rows joined with a space). */
  header: string;
}

/**
 * Recognise the role of every column from one or two header rows (merged
 * cells repeated across their span, as every reader hands them over).
 *
 * @example
 * recognizeColumns([["STT", "Chỉ tiêu", "Đơn \n vị", "Chỉ tiêu năm 2025", "Cơ quan chủ trì thực hiện"]])
 * // roles: stt, name, unit, target (2025), lead
 */
export function recognizeColumns(header: string[][]): ColumnRole[] {
  if (!Array.isArray(header)) throw new TypeError("recognizeColumns: header must be an array of header rows (string[][])");
  const width = Math.max(0, ...header.map((r) => r.length));
  const raw: { role: PatternRole | "unknown"; year: number | null; header: string }[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of header) {
      const t = (row[c] ?? "").replace(/\s+/g, " ").trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    const text = parts.join(" ");
    const words = fold(text).split(" ").filter(Boolean);
    const m = words.length ? matchAt(words, 0) : null;
    // A year anywhere in the header counts ("Chỉ tiêu (năm 2025)"); over a period ("Mục tiêu giai đoạn 2026 - 2030",
    // "đến năm 2030") the target is for its last year.
    const years = words.filter((w) => /^(19|20)\d\d$/.test(w)).map(Number);
    const overPeriod = /\b(giai doan|thoi ky|den nam|nam \d{4} \d{4})\b/.test(words.join(" "));
    const anyYear = (overPeriod ? years[years.length - 1] : years[0]) ?? null;
    raw.push({ role: m ? m.role : "unknown", year: m?.year ?? anyYear, header: text });
  }
  return resolveNameOrTasks(raw);
}

function resolveNameOrTasks(cols: { role: PatternRole | "unknown"; year: number | null; header: string }[]): ColumnRole[] {
  let sawName = false;
  return cols.map((c) => {
    let role: ColumnRoleName;
    if (c.role === "nameOrTasks") role = sawName ? "tasks" : "name";
    else role = c.role;
    if (role === "name") sawName = true;
    return { role, year: c.year, header: c.header };
  });
}

/** Words after which a capitalised header word continues the current cell ("… của Chỉ số đổi mới"). */
const CONNECTORS = new Set(["cua", "cac", "va", "ve", "cho", "trong", "voi", "doi", "thuoc", "tai", "theo", "nhung"]);

/**
 * Split a header block pasted from a PDF viewer (one cell per line or several
 * on a line, words of one cell split over lines) into header cells. A new
 * cell starts at a capitalised word where a vocabulary pattern matches,
 * unless it continues the current cell's sentence.
 *
 * @example splitHeaderCells(["STT Chỉ tiêu", "Đơn", "vị", "Chỉ tiêu", "năm 2025"]) // ["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025"]
 */
export function splitHeaderCells(lines: readonly string[]): string[] {
  const tokens: { text: string; folded: string }[] = [];
  for (const line of lines) {
    for (const t of line.split(/\s+/)) {
      if (!t) continue;
      tokens.push({ text: t, folded: fold(t) });
    }
  }
  const folded = tokens.map((t) => t.folded);
  const cells: { words: string[]; role: PatternRole | null }[] = [];
  // Pattern matching runs on folded words; punctuation-only tokens fold to "" and are skipped by index mapping.
  const wordIdx: number[] = [];
  const words: string[] = [];
  folded.forEach((f, i) => {
    for (const w of f.split(" ")) {
      if (w) { words.push(w); wordIdx.push(i); }
    }
  });
  let ti = 0;
  let wi = 0;
  while (ti < tokens.length) {
    const tok = tokens[ti];
    if (!tok) break;
    while (wi < words.length && (wordIdx[wi] ?? -1) < ti) wi++;
    const cur = cells[cells.length - 1];
    const prev = ti > 0 ? tokens[ti - 1] : undefined;
    const capital = /^[\p{Lu}]/u.test(tok.text);
    const afterConnector = prev !== undefined && CONNECTORS.has(prev.folded) && !/[,;:]$/.test(prev.text);
    const m = capital && !afterConnector && (wordIdx[wi] ?? -1) === ti ? matchAt(words, wi) : null;
    const sameNameRole = cur && m && isNameLike(cur.role) && isNameLike(m.role) && !(cur.role === "name" && m.role === "nameOrTasks");
    if (m && !sameNameRole) {
      const endWord = wi + m.length - 1;
      const endTok = wordIdx[endWord] ?? ti;
      cells.push({ words: tokens.slice(ti, endTok + 1).map((t) => t.text), role: m.role });
      ti = endTok + 1;
      continue;
    }
    if (cur) cur.words.push(tok.text);
    else cells.push({ words: [tok.text], role: null });
    ti++;
  }
  return cells.map((c) => c.words.join(" "));
}

function isNameLike(role: PatternRole | null): boolean {
  return role === "name" || role === "nameOrTasks";
}

/** Does a line open a header row without an STT column ("Chỉ tiêu", "Nội dung", "Nhiệm vụ, giải pháp")? */
export function looksLikeHeader(line: string): boolean {
  const words = fold(line).split(" ").filter(Boolean);
  const m = words.length ? matchAt(words, 0) : null;
  return !!m && (m.role === "stt" || m.role === "name" || m.role === "nameOrTasks");
}
