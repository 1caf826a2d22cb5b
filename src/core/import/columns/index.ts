/**
 * Column roles from appendix header texts. The vocabulary is data
 * (`./vocabulary.ts`); matching is diacritics-, case- and
 * whitespace-insensitive and tolerant of words split over lines.
 */
import { fold } from "../_lib/fold";
import { columnFigure, headerYears, type ColumnFigure } from "./history";
import { matchAt, type ColumnRoleName, type PatternRole } from "./vocabulary";

export { columnFigure, headerYears, type ColumnFigure, type FigureKind } from "./history";

export type { ColumnRoleName } from "./vocabulary";
export { HEADER_PATTERNS } from "./vocabulary";

export interface ColumnRole {
  role: ColumnRoleName;
  /** The year the header names ("Điểm 2022" → 2022), else null. */
  year: number | null;
  /** The header text as found (rows joined with a space). */
  header: string;
  /** For a history or comparison column: what it holds and for which years. */
  figure?: ColumnFigure;
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
  return resolveHistory(resolveNameOrTasks(raw));
}

/**
 * History columns become "history" (with their figure) and "So sánh (%)"
 * "compare". Of several target columns ("Kế hoạch năm 2025", "Kế hoạch năm
 * 2026"), the one reaching furthest is the plan's own target; the earlier
 * ones are earlier plans' targets, kept as history.
 */
function resolveHistory(cols: ColumnRole[]): ColumnRole[] {
  const out = cols.map((c): ColumnRole => {
    if (c.role !== "baseline" && c.role !== "unknown" && c.role !== "target") return c;
    const figure = columnFigure(c.header);
    if (!figure || (figure.kind === "plan" && c.role === "target")) return c;
    return { ...c, role: figure.kind === "compare" ? "compare" : "history", figure };
  });
  const targets = out.map((c, i) => ({ c, i, years: c.role === "target" ? headerYears(c.header) : null })).filter((t) => t.years !== null);
  // Only a target whose years already have a result or estimate in the table is an earlier plan's;
  // targets for successive future years ("Mục tiêu 2023", "Mục tiêu 2024") stay milestones.
  const reported = Math.max(0, ...out.map((c) => (c.figure && (c.figure.kind === "actual" || c.figure.kind === "estimate") ? c.figure.to ?? 0 : 0)));
  if (targets.length > 1) {
    const last = Math.max(...targets.map((t) => t.years?.to ?? 0));
    for (const t of targets) {
      if (!t.years || t.years.to >= last || t.years.to > reported) continue;
      out[t.i] = { ...t.c, role: "history", figure: { kind: "plan", from: t.years.from, to: t.years.to } };
    }
  }
  return out;
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
    const m = capital && !afterConnector && (wordIdx[wi] ?? -1) === ti ? matchAt(words, wi) ?? historyStart(words, wi) : null;
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
  return expandGroups(cells.map((c) => c.words.join(" ")));
}

/** Header cells of the history vocabulary that no role pattern starts: a group "Năm 2025", its sub-headers, "So sánh (%)". */
const HISTORY_STARTS: ReadonlyArray<readonly string[]> = [
  ["nam", "{year}"], ["giai", "doan", "{year}", "{year}"], ["so", "sanh"], ["tang", "giam"],
  ["ke", "hoach"], ["uoc", "thuc", "hien"], ["thuc", "hien"],
];
const SUB_HEADERS = new Set(["ke hoach", "uoc thuc hien", "thuc hien", "kh", "uoc th", "th"]);

function historyStart(words: readonly string[], at: number): { role: PatternRole; length: number; year: number | null } | null {
  for (const p of HISTORY_STARTS) {
    if (p.every((w, k) => (w === "{year}" ? /^(19|20)\d\d$/.test(words[at + k] ?? "") : words[at + k] === w))) {
      // Not a role of its own: the whole header decides (see resolveHistory); "name"-likeness is what matters here, and it is not.
      return { role: "unit", length: p.length, year: null };
    }
  }
  return null;
}

/**
 * A two-row header copied as text puts the second row last: "… Năm 2025 …
 * Cơ quan chủ trì Kế hoạch Ước thực hiện". The trailing sub-headers belong to
 * the group cell ("Năm 2025") and become "Năm 2025 Kế hoạch", "Năm 2025 Ước
 * thực hiện", in place of the group, as a grid reader hands merged cells over.
 */
function expandGroups(cells: string[]): string[] {
  const isGroup = (c: string): boolean => /^(nam (19|20)\d\d|giai doan (19|20)\d\d (19|20)\d\d)$/.test(fold(c));
  const groups = cells.map((c, i) => (isGroup(c) ? i : -1)).filter((i) => i >= 0);
  if (groups.length === 0) return cells;
  let subStart = cells.length;
  while (subStart > 0 && SUB_HEADERS.has(fold(cells[subStart - 1] ?? ""))) subStart--;
  const subs = cells.slice(subStart);
  if (subs.length === 0 || subs.length % groups.length !== 0 || groups.some((g) => g >= subStart)) return cells;
  const per = subs.length / groups.length;
  const out: string[] = [];
  let next = 0;
  cells.slice(0, subStart).forEach((c, i) => {
    if (!groups.includes(i)) {
      out.push(c);
      return;
    }
    for (let k = 0; k < per; k++) out.push(`${c} ${subs[next++] ?? ""}`);
  });
  return out;
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
