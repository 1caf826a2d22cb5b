/**
 * Targets, baselines and ranks as plans write them: "Trên hoặc bằng 6,35",
 * "Dưới hoặc bằng 21,0%", "≥ 20", "Tối thiểu 90", "đạt khoảng 19%/năm",
 * "từ 47,1% năm 2020 lên 60% vào năm 2030", "xếp thứ hạng 04/63",
 * "nằm trong tốp 10". Bad data never throws: an unreadable target comes back
 * with `op: null, value: null` and its raw text, for the checks to report
 * (`op: null` with a value is a bare number).
 */
import type { Baseline, Rank, Target, TargetOp } from "../../model";
import { parseNumber, parseRange, type DecimalMark } from "../number";
import { squash } from "../_lib/text";
import { scanTargets, type Hit, type ScanContext } from "./_lib/scan";

export interface TargetContext {
  /** The year the column or sentence gives ("Mục tiêu 2023"); an explicit "năm 2030" in the text wins. */
  year?: number | null;
  /** How to read a lone "." or "," before exactly three digits (see parseNumber). */
  decimal?: DecimalMark;
}

export interface TargetReading {
  target: Target;
  /** The starting point when the text gives one ("từ 47,1% năm 2020 lên …"). */
  baseline: Baseline | null;
  /** Ambiguous numbers and other things the caller should turn into warnings. */
  notes: string[];
}

function context(ctx: TargetContext | undefined): ScanContext {
  return { year: ctx?.year ?? null, decimal: ctx?.decimal ?? "auto" };
}

function unreadable(raw: string, year: number | null): Target {
  return { op: null, value: null, max: null, percent: false, year, kind: "value", of: null, unit: null, raw };
}

/** Brackets and punctuation around a cell: "(trên hoặc bằng 3,4)", "trên hoặc bằng 3,50)", "…;". */
function unwrap(text: string): string {
  return text.replace(/^[\s(["“]+/u, "").replace(/[\s)\]"”;,.:]+$/u, "");
}

/**
 * Read a target, with the baseline when the text states one, and notes about
 * ambiguous numbers. A bare number ("100", "92,0%") has no operator (`op:
 * null` with its value): at least, or at most for a lower-is-better indicator;
 * `percent` is true only when a % sign is present (the caller knows the unit).
 *
 * @example
 * parseTargetWithBaseline("từ 47,1% năm 2020 lên 60% vào năm 2030")
 * // { target: { op: ">=", value: 60, percent: true, year: 2030, … },
 * //   baseline: { value: 47.1, percent: true, year: 2020, raw: "47,1% năm 2020" }, notes: [] }
 */
export function parseTargetWithBaseline(raw: string, ctx?: TargetContext): TargetReading {
  const c = context(ctx);
  const text = unwrap(squash(raw));
  if (text === "") return { target: unreadable(raw, c.year), baseline: null, notes: [] };
  const bare = parseNumber(text, { decimal: c.decimal });
  if (bare.ok) {
    // A bare number states no operator: at least, or at most when lower is better (the judge decides by direction).
    const target: Target = { op: null, value: bare.value, max: null, percent: bare.percent, year: c.year, kind: "value", of: null, unit: null, raw };
    return { target, baseline: null, notes: bare.note !== undefined ? [bare.note] : [] };
  }
  const range = parseRange(text, { decimal: c.decimal });
  if (range.ok) {
    const target: Target = { op: "range", value: range.min, max: range.max, percent: range.percent, year: c.year, kind: "value", of: null, unit: null, raw };
    return { target, baseline: null, notes: range.notes };
  }
  const first = scanTargets(text, { ...c, cell: true })[0];
  if (!first) return { target: unreadable(raw, c.year), baseline: null, notes: [] };
  return { target: { ...first.target, raw }, baseline: first.baseline, notes: first.notes };
}

/**
 * Read the target in a cell or short text. Line breaks and extra spaces
 * anywhere are fine; brackets around it too. When the text holds several
 * targets the first is returned (see {@link parseTargets}).
 *
 * @example
 * parseTarget("Trên hoặc\nbằng\n6,35")  // { op: ">=", value: 6.35, percent: false, … }
 * parseTarget("Dưới hoặc bằng 21,0%")   // { op: "<=", value: 21, percent: true, … }
 * parseTarget("xếp thứ hạng 04/63")     // { op: "<=", value: 4, kind: "rank", of: 63, … }
 * parseTarget("không rõ")               // { op: null, value: null, raw: "không rõ", … }
 */
export function parseTarget(raw: string, ctx?: TargetContext): Target {
  return parseTargetWithBaseline(raw, ctx).target;
}

/**
 * Every target stated in a sentence, in order, each with the words it was
 * read from as `raw`. Only phrases with an operator, a range, a rank or a
 * top-N count; bare numbers in a sentence are not targets.
 *
 * @example
 * parseTargets("đạt trên 67,23 điểm, xếp thứ hạng 04/63 tỉnh/thành phố")
 * // [{ op: ">", value: 67.23, unit: "điểm", … }, { op: "<=", value: 4, kind: "rank", of: 63, … }]
 */
export function parseTargets(raw: string, ctx?: TargetContext): Target[] {
  return scanTargets(squash(raw), context(ctx)).map((h) => h.target);
}

/**
 * Like {@link parseTargets}, with baselines, notes and positions (offsets into
 * the squashed text, see `squash`), for importers that read targets out of a
 * plan's running text.
 *
 * @example
 * findTargets("tăng từ 30,9% năm 2020 lên 36% vào năm 2030")[0]
 * // { start: 5, end: 43, target: { op: ">=", value: 36, year: 2030, … }, baseline: { value: 30.9, year: 2020, … }, notes: [] }
 */
export function findTargets(raw: string, ctx?: TargetContext): Hit[] {
  return scanTargets(squash(raw), context(ctx));
}
export type { Hit as TargetHit } from "./_lib/scan";

/**
 * Read a baseline cell ("6,30", "13,93%", "5", "12.76", "0.00"). A trailing
 * unit word is allowed ("6,30 điểm"); anything else gives `value: null` with
 * the raw text kept.
 *
 * @example
 * parseBaseline("13,93%", 2022) // { value: 13.93, percent: true, year: 2022, raw: "13,93%" }
 */
export function parseBaseline(raw: string, year: number | null, opts: { decimal?: DecimalMark } = {}): Baseline {
  const text = unwrap(squash(raw));
  const withUnit = /^(.*?\d%?)\s+[\p{L}/][\p{L}\p{M}/ ]*$/u.exec(text);
  for (const candidate of [text, withUnit?.[1]]) {
    if (candidate === undefined) continue;
    const n = parseNumber(candidate, { decimal: opts.decimal ?? "auto" });
    if (n.ok) return { value: n.value, percent: n.percent, year, raw };
  }
  return { value: null, percent: false, year, raw };
}

/**
 * Read a rank cell: "19", "04/63", "4/63 tỉnh". Unreadable gives nulls.
 *
 * @example
 * parseRank("04/63") // { value: 4, of: 63, raw: "04/63" }
 */
export function parseRank(raw: string): Rank {
  const m = /^(?:hạng\s)?(\d{1,4})(?:\s?\/\s?(\d{1,4}))?(?:\s[\p{L}\p{M}/ ]*)?$/iu.exec(unwrap(squash(raw)));
  if (!m) return { value: null, of: null, raw };
  return { value: Number(m[1]), of: m[2] !== undefined ? Number(m[2]) : null, raw };
}

/**
 * Split a target written at the end of an indicator's name, as Phụ lục II
 * tables do: "Tiếp cận tài liệu quy hoạch (trên hoặc bằng 3,4)",
 * "… (% Có thể) trên hoặc bằng 35%", "… (1 = không dễ; 5 = rất dễ) trên hoặc bằng 3,50)".
 * Only a target that ends the name counts; the name comes back squashed.
 *
 * @example
 * splitNameTarget("Minh bạch trong đấu thầu (trên hoặc bằng 92%)")
 * // { name: "Minh bạch trong đấu thầu", target: { op: ">=", value: 92, percent: true, … } }
 */
export function splitNameTarget(name: string, ctx?: TargetContext): { name: string; target: Target | null } {
  const text = squash(name);
  const hits = scanTargets(text, context(ctx));
  const last = hits[hits.length - 1];
  if (!last || !/^[\s).;,:]*$/u.test(text.slice(last.end))) return { name: text, target: null };
  return { name: cleanName(text.slice(0, last.start)), target: last.target };
}

/**
 * Several "name (target)" pairs in one cell, as in seed 002's row 15
 * ("Thương lượng … (dưới hoặc bằng 33,5%); Thỏa thuận … (dưới hoặc bằng 20%)").
 * Text after the last target becomes a pair with `target: null`.
 *
 * @example
 * splitNameTargets("A (dưới hoặc bằng 33,5%); B (dưới hoặc bằng 20%)")
 * // [{ name: "A", target: { op: "<=", value: 33.5, … } }, { name: "B", target: { op: "<=", value: 20, … } }]
 */
export function splitNameTargets(name: string, ctx?: TargetContext): Array<{ name: string; target: Target | null }> {
  const text = squash(name);
  const out: Array<{ name: string; target: Target | null }> = [];
  let from = 0;
  for (const hit of scanTargets(text, context(ctx))) {
    const after = /^[\s).;,:]*/u.exec(text.slice(hit.end))?.[0] ?? "";
    const isBoundary = hit.end + after.length === text.length || after.includes(";");
    if (!isBoundary) continue;
    out.push({ name: cleanName(text.slice(from, hit.start)), target: hit.target });
    from = hit.end + after.length;
  }
  const rest = cleanName(text.slice(from));
  if (rest !== "" || out.length === 0) out.push({ name: rest, target: null });
  return out;
}

function cleanName(text: string): string {
  return text.replace(/[\s(;,:]+$/u, "").replace(/^[\s;,]+/u, "");
}

/**
 * Remove the lower-is-better marker: a `*` at the end of a name
 * ("… (Trung vị)*", "… (% Đồng ý) *").
 *
 * @example
 * splitLowerIsBetterMarker("Số ngày chờ đợi (Trung vị)*") // { name: "Số ngày chờ đợi (Trung vị)", marked: true }
 */
export function splitLowerIsBetterMarker(name: string): { name: string; marked: boolean } {
  const text = squash(name);
  const m = /\s?\*+$/u.exec(text);
  return m ? { name: text.slice(0, m.index).trimEnd(), marked: true } : { name: text, marked: false };
}

/**
 * What an operator says about direction: `true` for ≤ and < (lower is better),
 * `false` for ≥ and >, `null` when it says nothing (=, ≈, range, unreadable).
 *
 * @example
 * isLowerBetterOp(parseTarget("Dưới hoặc bằng 21,0%").op) // true
 * isLowerBetterOp("=")                                     // null
 */
export function isLowerBetterOp(op: TargetOp | null): boolean | null {
  if (op === "<=" || op === "<") return true;
  if (op === ">=" || op === ">") return false;
  return null;
}
