/**
 * Deadlines ("Thời gian thực hiện") as plans write them. A table of small
 * rules, tried in order; the first that matches wins, and anything no rule
 * reads is kept as free text (kind "text") for the checks to judge.
 */
import type { Deadline } from "../../model";
import { squash } from "../_lib/text";

export interface DeadlineContext {
  /** The plan's year, used when a deadline leaves it out ("Quý II +III."). */
  planYear: number | null;
}

type Rule = (text: string, raw: string, ctx: DeadlineContext) => Deadline | null;

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const YEAR_FROM_PLAN = "năm lấy theo năm của kế hoạch (year taken from the plan)";

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDate = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);

function withNote<T extends Deadline>(d: T, note: string | undefined): T {
  return note !== undefined && note !== "" ? { ...d, note } : d;
}

const RULES: readonly Rule[] = [
  // "Thường xuyên", "Thường xuyên (Sau khi văn bản ban hành)", "Thường xuyên và theo chương trình, …"
  (text, raw) => {
    const m = /^(?:thực hiện\s)?thường xuyên(?:,?\s(.*))?$/iu.exec(text);
    if (!m) return null;
    return withNote({ kind: "ongoing", raw, start: null, end: null }, m[1]?.trim());
  },
  // "Hằng quý", "Hằng tháng", "Định kỳ hằng tuần": recurring more often than yearly, so ongoing through the period; the rhythm is the note.
  (text, raw) => {
    const m = /^(?:định kỳ\s)?((?:hằng|hàng)\s(?:quý|tháng|tuần))(?:\s(.*))?$/iu.exec(text);
    if (!m) return null;
    return withNote({ kind: "ongoing", raw, start: null, end: null }, [m[1], m[2]?.trim()].filter(Boolean).join(" "));
  },
  // "Hằng năm", "Hàng năm", "Định kỳ hằng năm"
  (text, raw) => {
    const m = /^(?:định kỳ\s)?(?:hằng|hàng)\snăm(?:\s(.*))?$/iu.exec(text);
    if (!m) return null;
    return withNote({ kind: "annual", raw, start: null, end: null }, m[1]?.trim());
  },
  // "Trước 30/11/2023", "Trước ngày 30/7/2023", "Chậm nhất ngày 15/9/2023", "30/11/2023"
  (text, raw, ctx) => {
    const m = /^(?:(?:trước|chậm nhất|hoàn thành trước|xong trước|hạn|đến)\s(?:ngày\s)?)?(\d{1,2})\s?[/.-]\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}))?$/iu.exec(text);
    if (!m) return null;
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = m[3] !== undefined ? Number(m[3]) : ctx.planYear;
    if (year === null) return withNote({ kind: "text", raw, start: null, end: null }, "thiếu năm (year missing)");
    if (!validDate(year, month, day)) return withNote({ kind: "text", raw, start: null, end: null }, "ngày không hợp lệ (invalid date)");
    const date = iso(year, month, day);
    return withNote({ kind: "byDate", date, raw, start: null, end: date }, m[3] === undefined ? YEAR_FROM_PLAN : undefined);
  },
  // "Xong trong tháng 6/2023", "trong tháng 9 năm 2021", "Tháng 12/2023", "tháng 6"
  (text, raw, ctx) => {
    const m = /^(?:(?:xong|hoàn thành|thực hiện)\s)?(?:trong\s)?tháng\s(\d{1,2})(?:\s?(?:\/|năm)\s?(\d{4}))?$/iu.exec(text);
    if (!m) return null;
    const month = Number(m[1]);
    const year = m[2] !== undefined ? Number(m[2]) : ctx.planYear;
    if (month < 1 || month > 12) return withNote({ kind: "text", raw, start: null, end: null }, "tháng không hợp lệ (invalid month)");
    if (year === null) return withNote({ kind: "text", raw, start: null, end: null }, "thiếu năm (year missing)");
    const d: Deadline = { kind: "month", year, month, raw, start: iso(year, month, 1), end: iso(year, month, lastDay(year, month)) };
    return withNote(d, m[2] === undefined ? YEAR_FROM_PLAN : undefined);
  },
  // "Quý III/2023", "Quý III+IV/2023", "Quý II +III.", "Quý 3 năm 2023", "Quý II, III"
  (text, raw, ctx) => {
    const m = /^(?:trong\s)?quý\s?((?:iv|i{1,3}|[1-4])(?:\s?(?:\+|,|-|–|và)\s?(?:quý\s)?(?:iv|i{1,3}|[1-4]))*)(?:\s?(?:\/|năm)\s?(\d{4}))?$/iu.exec(text);
    if (!m) return null;
    const parts = (m[1] ?? "").toLowerCase().split(/\s?(?:\+|,|và|-|–)\s?(?:quý\s)?/u);
    const numbers = parts.map((p) => ROMAN[p.trim()]).filter((q): q is number => q !== undefined);
    const isSpan = /[-–]/u.test(m[1] ?? "");
    const first = Math.min(...numbers);
    const last = Math.max(...numbers);
    const quarters = isSpan ? Array.from({ length: last - first + 1 }, (_, i) => first + i) : [...new Set(numbers)].sort((a, b) => a - b);
    const year = m[2] !== undefined ? Number(m[2]) : ctx.planYear;
    const start = year !== null ? iso(year, (first - 1) * 3 + 1, 1) : null;
    const end = year !== null ? iso(year, last * 3, lastDay(year, last * 3)) : null;
    const note = m[2] !== undefined ? undefined : year !== null ? YEAR_FROM_PLAN : "thiếu năm (year missing)";
    return withNote({ kind: "quarters", year, quarters, raw, start, end }, note);
  },
  // "Năm 2024", "Trong năm 2024", "2024-2025", "Giai đoạn 2024 - 2025": read as due by the end of the last year.
  (text, raw) => {
    const m = /^(?:(?:trong\s)?năm\s|giai đoạn\s)?(\d{4})(?:\s?[-–]\s?(\d{4}))?$/iu.exec(text);
    if (!m) return null;
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    if (from < 1900 || to < from) return null;
    const date = iso(to, 12, 31);
    return withNote({ kind: "byDate", date, raw, start: iso(from, 1, 1), end: date }, `cả ${from === to ? `năm ${from}` : `giai đoạn ${from}-${to}`}, hạn là cuối năm ${to} (whole period, due at its end)`);
  },
  // "Khi có đề nghị của các cơ quan", "Theo tiến độ nêu tại Kế hoạch số 6424/KH-UBND", "Sau khi …", "Theo yêu cầu"
  (text, raw) => {
    if (!/^(?:khi|ngay khi|sau khi|theo tiến độ|theo yêu cầu|theo kế hoạch|theo chương trình|theo lộ trình|theo quy định|khi có)(?![\p{L}\p{M}])/iu.test(text)) return null;
    return { kind: "event", raw, start: null, end: null };
  },
];

/**
 * Read a deadline. Extra whitespace, line breaks and a trailing "." are fine.
 * When the year is missing it is taken from `ctx.planYear` and a note says so.
 * Never throws; unreadable text comes back as `{ kind: "text" }` with its raw.
 *
 * @example
 * parseDeadline("Trước 30/11/2023", { planYear: 2023 }) // { kind: "byDate", date: "2023-11-30", end: "2023-11-30", … }
 * parseDeadline("Quý II +III.", { planYear: 2023 })     // { kind: "quarters", year: 2023, quarters: [2, 3], start: "2023-04-01", end: "2023-09-30", note: "…" }
 * parseDeadline("Thường xuyên", { planYear: null })     // { kind: "ongoing", … }
 */
export function parseDeadline(raw: string, ctx: DeadlineContext): Deadline {
  const text = squash(raw).replace(/[\s.;,]+$/u, "");
  for (const rule of RULES) {
    const d = rule(text, raw, ctx);
    if (d) return d;
  }
  return { kind: "text", raw, start: null, end: null };
}
