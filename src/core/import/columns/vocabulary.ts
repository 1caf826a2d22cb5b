/**
 * Header vocabulary of Vietnamese appendix tables, as DATA: each entry maps a
 * folded word pattern to a column role. `[...]` marks optional words and
 * `{year}` a four-digit year (which becomes the column's year). Order does not
 * matter: the longest match wins, so "Đơn vị chủ trì" (lead) beats "Đơn vị"
 * (unit) and "Chỉ tiêu năm 2025" (target) beats "Chỉ tiêu" (name).
 */
export type ColumnRoleName =
  | "stt" | "name" | "unit" | "baseline" | "rank" | "target"
  | "lead" | "coordinating" | "deadline" | "tasks" | "unknown"
  /** A figure of an earlier year or period (result, estimate, earlier target): see ./history. */
  | "history"
  /** "So sánh (%)", "Tăng, giảm (%)": a comparison the document computed. */
  | "compare";

/** "nameOrTasks": "Nhiệm vụ, giải pháp …" is the tasks column when a name column precedes it, else the name column (seed 004). */
export type PatternRole = Exclude<ColumnRoleName, "unknown" | "history" | "compare"> | "nameOrTasks";

export interface HeaderPattern {
  role: PatternRole;
  pattern: string;
}

export const HEADER_PATTERNS: readonly HeaderPattern[] = [
  { role: "stt", pattern: "stt" },
  { role: "stt", pattern: "tt" },
  { role: "stt", pattern: "so tt" },
  { role: "stt", pattern: "so thu tu" },
  { role: "name", pattern: "chi tieu" },
  { role: "name", pattern: "ten chi tieu" },
  { role: "name", pattern: "chi so" },
  { role: "name", pattern: "chi so thanh phan" },
  { role: "name", pattern: "ten chi so" },
  { role: "name", pattern: "tieu chi [thanh phan]" },
  { role: "name", pattern: "noi dung [chi tieu]" },
  { role: "nameOrTasks", pattern: "nhiem vu giai phap" },
  { role: "nameOrTasks", pattern: "nhiem vu" },
  { role: "tasks", pattern: "nhiem vu giai phap trong tam" },
  { role: "tasks", pattern: "nhiem vu trong tam" },
  { role: "tasks", pattern: "giai phap [thuc hien]" },
  { role: "unit", pattern: "don vi" },
  { role: "unit", pattern: "don vi tinh" },
  { role: "unit", pattern: "dvt" },
  { role: "baseline", pattern: "diem [so] [nam] {year}" },
  { role: "baseline", pattern: "muc diem [so] [nam] {year}" },
  { role: "baseline", pattern: "gia tri [nam] {year}" },
  { role: "baseline", pattern: "ket qua [nam] {year}" },
  { role: "baseline", pattern: "thuc hien [nam] {year}" },
  { role: "baseline", pattern: "uoc thuc hien [nam] {year}" },
  { role: "baseline", pattern: "diem [so]" },
  { role: "baseline", pattern: "gia tri [goc]" },
  { role: "rank", pattern: "xep hang [nam] {year}" },
  { role: "rank", pattern: "thu hang [nam] {year}" },
  { role: "rank", pattern: "xep hang" },
  { role: "rank", pattern: "thu hang" },
  { role: "target", pattern: "muc tieu [phan dau] [nam] {year}" },
  { role: "target", pattern: "chi tieu [phan dau] nam {year}" },
  { role: "target", pattern: "chi tieu {year}" },
  { role: "target", pattern: "ke hoach [nam] {year}" },
  { role: "target", pattern: "muc tieu [phan dau]" },
  { role: "lead", pattern: "don vi chu tri [thuc hien]" },
  { role: "lead", pattern: "co quan chu tri [thuc hien]" },
  { role: "lead", pattern: "chu tri [thuc hien]" },
  { role: "lead", pattern: "don vi thuc hien" },
  { role: "lead", pattern: "co quan thuc hien" },
  { role: "coordinating", pattern: "don vi phoi hop [thuc hien]" },
  { role: "coordinating", pattern: "co quan phoi hop [thuc hien]" },
  { role: "coordinating", pattern: "phoi hop [thuc hien]" },
  { role: "deadline", pattern: "thoi gian [thuc hien]" },
  { role: "deadline", pattern: "thoi gian hoan thanh" },
  { role: "deadline", pattern: "thoi han [hoan thanh]" },
  { role: "deadline", pattern: "tien do [thuc hien] [hoan thanh]" },
];

/** One element of a compiled pattern. */
type Element = { word: string; optional: boolean } | { year: true; optional: boolean };

export interface CompiledPattern {
  role: PatternRole;
  elements: Element[];
}

function compile(p: HeaderPattern): CompiledPattern {
  const elements: Element[] = [];
  let optional = false;
  for (const raw of p.pattern.split(" ")) {
    let w = raw;
    if (w.startsWith("[")) { optional = true; w = w.slice(1); }
    const closes = w.endsWith("]");
    if (closes) w = w.slice(0, -1);
    elements.push(w === "{year}" ? { year: true, optional } : { word: w, optional });
    if (closes) optional = false;
  }
  return { role: p.role, elements };
}

export const COMPILED_PATTERNS: readonly CompiledPattern[] = HEADER_PATTERNS.map(compile);

export interface PatternMatch {
  role: PatternRole;
  /** Folded words consumed. */
  length: number;
  year: number | null;
}

/**
 * Longest pattern matching the folded words from `start`. Patterns are a few
 * words long, so the small backtracking over optional words stays bounded.
 */
export function matchAt(words: readonly string[], start: number): PatternMatch | null {
  let best: PatternMatch | null = null;
  for (const p of COMPILED_PATTERNS) {
    const m = matchElements(p.elements, 0, words, start, null);
    if (m && m.end - start > 0 && (!best || m.end - start > best.length)) {
      best = { role: p.role, length: m.end - start, year: m.year };
    }
  }
  return best;
}

function matchElements(
  els: readonly Element[], k: number, words: readonly string[], i: number, year: number | null,
): { end: number; year: number | null } | null {
  const el = els[k];
  if (!el) return { end: i, year };
  const w = words[i];
  let taken: { end: number; year: number | null } | null = null;
  if (w !== undefined) {
    if ("word" in el && el.word === w) taken = matchElements(els, k + 1, words, i + 1, year);
    else if ("year" in el && /^(19|20)\d\d$/.test(w)) taken = matchElements(els, k + 1, words, i + 1, Number(w));
  }
  if (taken) return taken;
  return el.optional ? matchElements(els, k + 1, words, i, year) : null;
}
