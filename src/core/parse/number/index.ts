/**
 * Numbers as Vietnamese plans write them. Both decimal marks occur in the same
 * document ("6,35" beside "12.76"), and "." is also the thousands separator
 * ("2.200.000 tỷ đồng"), so a single "." or "," followed by exactly three
 * digits cannot be read with certainty: we pick a reading and say so
 * (`ambiguous: true` plus a note), never silently.
 */
import { squash } from "../_lib/text";
import { interpretDigits, NUMBER_BODY, type DecimalMark } from "./_lib/digits";

export type { DecimalMark } from "./_lib/digits";

export interface NumberOptions {
  /**
   * Which mark is the decimal one when a lone "." or "," is followed by
   * exactly three digits. "auto" (the default): "." is thousands ("1.000"),
   * "," is decimal ("1,234"). Other cases are never ambiguous and ignore it.
   */
  decimal?: DecimalMark;
}

export type NumberResult =
  | { ok: true; value: number; percent: boolean; raw: string; ambiguous: boolean; note?: string }
  | { ok: false; raw: string; reason: string };

export type RangeResult =
  | { ok: true; min: number; max: number; percent: boolean; raw: string; ambiguous: boolean; notes: string[] }
  | { ok: false; raw: string; reason: string };

const SIGN = "[+\\-\\u2212]";
const NUMBER_CELL = new RegExp(`^(${SIGN})?\\s?(${NUMBER_BODY})(\\s?%)?$`, "u");

/**
 * Read one number written the Vietnamese way (or the English way), with an
 * optional sign and an optional trailing % sign. The whole text must be the
 * number: "6,35 điểm" is not a number (use {@link findNumbers} for text).
 *
 * @example
 * parseNumber("6,35")        // { ok: true, value: 6.35, percent: false, ambiguous: false, … }
 * parseNumber("80,00%")      // { ok: true, value: 80, percent: true, … }
 * parseNumber("2.200.000")   // { ok: true, value: 2200000, … }
 * parseNumber("1.000")       // { ok: true, value: 1000, ambiguous: true, note: "…" }
 * parseNumber("abc")         // { ok: false, reason: "…" }
 */
export function parseNumber(raw: string, opts: NumberOptions = {}): NumberResult {
  const text = squash(raw);
  if (text === "") return { ok: false, raw, reason: "Ô trống (empty)" };
  const m = NUMBER_CELL.exec(text);
  if (!m) return { ok: false, raw, reason: `"${text}" không phải là một số (not a number)` };
  const read = interpretDigits(m[2] ?? "", opts.decimal ?? "auto");
  if (!read.ok) return { ok: false, raw, reason: read.reason };
  const negative = m[1] !== undefined && m[1] !== "+";
  const value = negative ? -read.value : read.value;
  const result: NumberResult = { ok: true, value: value === 0 ? 0 : value, percent: m[3] !== undefined, raw, ambiguous: read.ambiguous };
  if (read.note !== undefined) result.note = read.note;
  return result;
}

const RANGE_CELL = new RegExp(
  `^(?:từ\\s+)?(${NUMBER_BODY})\\s?(%)?\\s*(?:-|–|—|đến|tới)\\s*(${NUMBER_BODY})\\s?(%)?$`,
  "iu",
);

/**
 * Read a range: "10 - 15%", "10–15 %", "từ 10 đến 15%". A % sign on either
 * bound makes both percent. A range written backwards ("15 - 10") is returned
 * as written with a note, for the checks to judge.
 *
 * @example
 * parseRange("từ 10 đến 15%") // { ok: true, min: 10, max: 15, percent: true, … }
 */
export function parseRange(raw: string, opts: NumberOptions = {}): RangeResult {
  const text = squash(raw);
  const m = RANGE_CELL.exec(text);
  if (!m) return { ok: false, raw, reason: `"${text}" không phải là một khoảng số (not a range)` };
  const decimal = opts.decimal ?? "auto";
  const lo = interpretDigits(m[1] ?? "", decimal);
  const hi = interpretDigits(m[3] ?? "", decimal);
  if (!lo.ok) return { ok: false, raw, reason: lo.reason };
  if (!hi.ok) return { ok: false, raw, reason: hi.reason };
  const notes = [lo.note, hi.note].filter((n): n is string => n !== undefined);
  if (lo.value > hi.value) notes.push(`Khoảng "${text}" có cận dưới lớn hơn cận trên (lower bound above upper bound)`);
  return { ok: true, min: lo.value, max: hi.value, percent: m[2] !== undefined || m[4] !== undefined, raw, ambiguous: lo.ambiguous || hi.ambiguous, notes };
}

/** A number found inside running text, with its position (UTF-16 offsets into the text as given). */
export interface FoundNumber {
  start: number;
  end: number;
  value: number;
  percent: boolean;
  raw: string;
  ambiguous: boolean;
  note?: string;
}

const IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}]|\\d[.,])(${NUMBER_BODY})(\\s?%)?`, "gu");

/**
 * Every number in a piece of text, in order, for callers that look for
 * numbers inside sentences (body targets, names). "04/63" gives 4 and 63;
 * a sign is never taken ("2021-2030" is two years, not 2021 and -2030).
 *
 * @example
 * findNumbers("đạt trên 67,23 điểm, xếp thứ hạng 04/63").map((n) => n.value) // [67.23, 4, 63]
 */
export function findNumbers(text: string, opts: NumberOptions = {}): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of text.matchAll(IN_TEXT)) {
    const read = interpretDigits(m[1] ?? "", opts.decimal ?? "auto");
    if (!read.ok) continue;
    const start = m.index;
    const end = start + m[0].length;
    const item: FoundNumber = { start, end, value: read.value, percent: m[2] !== undefined, raw: m[0], ambiguous: read.ambiguous };
    if (read.note !== undefined) item.note = read.note;
    found.push(item);
  }
  return found;
}

export interface FormatOptions {
  /** Fixed number of decimals (0–20); by default as many as the value needs. */
  decimals?: number;
  /** Append "%" (the value is in percent points: 92 → "92%"). */
  percent?: boolean;
}

/**
 * Write a number the Vietnamese way: "." between thousands, "," before the
 * decimals. `parseNumber(formatNumberVi(x))` gives x back. Throws on NaN or
 * infinities and on a bad `decimals` (caller misuse).
 *
 * @example
 * formatNumberVi(6.35)                                 // "6,35"
 * formatNumberVi(2200000)                              // "2.200.000"
 * formatNumberVi(92, { decimals: 1, percent: true })   // "92,0%"
 */
export function formatNumberVi(value: number, opts: FormatOptions = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumberVi: value must be a finite number, got ${String(value)}`);
  const { decimals } = opts;
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
    throw new RangeError(`formatNumberVi: decimals must be an integer from 0 to 20, got ${String(decimals)}`);
  }
  const abs = Math.abs(value);
  let digits: string;
  if (decimals === undefined) digits = plainDecimal(abs);
  else if (abs < 1e21) digits = abs.toFixed(decimals);
  else digits = plainDecimal(abs) + (decimals > 0 ? "." + "0".repeat(decimals) : "");
  const [intPart = "0", fracPart] = digits.split(".");
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const body = fracPart !== undefined && fracPart !== "" ? `${grouped},${fracPart}` : grouped;
  const sign = value < 0 && /[1-9]/.test(digits) ? "-" : "";
  return sign + body + (opts.percent === true ? "%" : "");
}

/** The shortest round-trip decimal digits of a non-negative finite number, never in exponent form ("1e-7" → "0.0000001"). */
function plainDecimal(abs: number): string {
  const s = String(abs);
  const e = s.indexOf("e");
  if (e === -1) return s;
  const mantissa = s.slice(0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = mantissa.replace(".", "");
  const point = (dot === -1 ? mantissa.length : dot) + exp;
  if (point <= 0) return "0." + "0".repeat(-point) + digits;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return digits.slice(0, point) + "." + digits.slice(point);
}
