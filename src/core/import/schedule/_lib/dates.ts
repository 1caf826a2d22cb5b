/**
 * The due-date phrases of a reporting sentence: absolute days ("trước ngày
 * 01 tháng 6 và ngày 01 tháng 12 năm 2025", "trước ngày 15/6", "trước ngày
 * 02/12 hằng năm") and relative ones ("trước ngày 02 của tháng đầu tiên quý
 * tiếp theo", "ngày 20 tháng cuối quý", "ngày 05 tháng đầu kỳ sau").
 */
import type { ReportingRound } from "../../../model";

export type DateItem =
  /** `nextYear`: "05/01 năm sau" — the year after the one the round is for. */
  | { kind: "absolute"; day: number; month: number; year: number | null; nextYear?: boolean; raw: string; at: number; end: number; round: ReportingRound | null }
  /** Day `day` of the first or last month of the period (`next` false) or of the one after it (`next` true). */
  | { kind: "relative"; day: number; which: "first" | "last"; next: boolean; unit: "quarter" | "period"; raw: string; at: number; end: number; round: ReportingRound | null };

/** The round a label names ("báo cáo 6 tháng", "kỳ quý", "báo cáo năm"). */
function roundOfLabel(clause: string): ReportingRound | null {
  if (/(?:báo cáo|kỳ)\s+(?:0?6|sáu) tháng/iu.test(clause)) return "half";
  if (/(?:báo cáo|kỳ)\s+(?:0?9|chín) tháng/iu.test(clause)) return "nineMonths";
  if (/(?:báo cáo|kỳ)\s+quý/iu.test(clause)) return "quarter";
  if (/(?:báo cáo|kỳ)\s+(?:năm|cả năm|hằng năm|hàng năm|tổng kết năm)/iu.test(clause)) return "year";
  return null;
}

/** A round word right before a date ("báo cáo 6 tháng gửi trước ngày 15/6", "báo cáo năm gửi trước …"), not reaching back past `from`. */
function labelBefore(text: string, at: number, from = 0): ReportingRound | null {
  const before = text.slice(Math.max(from, at - 40), at);
  return roundOfLabel(before.split(/[;:]/u).pop() ?? before);
}

/** A label in brackets right after a date ("ngày 05/7 (báo cáo 6 tháng)"). */
function labelAfter(text: string, end: number): ReportingRound | null {
  const m = /^\s*(?:năm\s+(?:sau|tiếp theo)\s*)?\(([^()]{0,40})\)/u.exec(text.slice(end, end + 60));
  return m?.[1] ? roundOfLabel(m[1]) : null;
}

const DAY_WORDS = String.raw`(?:trước|chậm nhất(?: là)?|hạn|trong)?\s*(?:ngày\s*)?`;

/**
 * Every due date in a sentence, in order.
 * @example
 * dueDatesIn("trước ngày 01 tháng 6 và ngày 01 tháng 12 năm 2025").map((d) => [d.day, d.month, d.year]) // [[1, 6, 2025], [1, 12, 2025]]
 */
export function dueDatesIn(text: string): DateItem[] {
  const out: DateItem[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  // Relative: "ngày 02 của tháng đầu tiên quý tiếp theo", "ngày 20 tháng cuối quý", "ngày 05 của tháng đầu kỳ sau".
  const rel = /ngày\s*(\d{1,2})\s*(?:của\s+)?(?:tháng\s+(đầu tiên|đầu|cuối|thứ nhất|kế tiếp)|(?:hằng|hàng)\s+tháng)\s*(?:của\s+)?(quý|kỳ(?: báo cáo)?)?\s*(tiếp theo|sau|kế tiếp|liền kề)?/giu;
  for (const m of text.matchAll(rel)) {
    const which = (m[2] ?? "").toLowerCase();
    if (!which) continue;
    // "tháng kế tiếp" is the month after the period; "tháng đầu tiên quý tiếp theo" the next period's first.
    const next = which === "kế tiếp" || m[4] !== undefined;
    const unit = /^quý/iu.test(m[3] ?? "") ? "quarter" : "period";
    const at = m.index;
    out.push({ kind: "relative", day: Number(m[1]), which: which === "cuối" ? "last" : "first", next: next || which === "kế tiếp", unit, raw: m[0].trim(), at, end: at + m[0].length, round: labelBefore(text, at) ?? (unit === "quarter" ? "quarter" : null) });
    taken.push([at, at + m[0].length]);
  }
  // Absolute, written out: "ngày 01 tháng 6 và ngày 01 tháng 12 năm 2025" (one year for the whole list).
  const words = new RegExp(String.raw`${DAY_WORDS}(\d{1,2})\s*tháng\s*(\d{1,2})(?!\d)(?:\s*(?:năm\s*(\d{4})|\/\s*(\d{4})))?`, "giu");
  const list: DateItem[] = [];
  for (const m of text.matchAll(words)) {
    const at = m.index;
    if (!free(at, at + m[0].length)) continue;
    const year = m[3] ?? m[4];
    list.push({ kind: "absolute", day: Number(m[1]), month: Number(m[2]), year: year ? Number(year) : null, raw: m[0].trim(), at, end: at + m[0].length, round: labelBefore(text, at) });
    taken.push([at, at + m[0].length]);
  }
  // Slashes: "15/6", "02/12 hằng năm", "10/6/2025".
  const slashes = new RegExp(String.raw`${DAY_WORDS}(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])`, "giu");
  for (const m of text.matchAll(slashes)) {
    const at = m.index;
    if (!free(at, at + m[0].length)) continue;
    // A document's date ("Quyết định số 08/2022/QĐ-UBND ngày 12/4/2022") is no due date: only after "trước", "chậm nhất", "hạn" or a list of them.
    const lead = text.slice(Math.max(0, at - 30), at + 12);
    if (!/(?:trước|chậm nhất|hạn|và|,)\s*(?:ngày\s*)?\d/iu.test(lead) && !/^(?:trước|chậm nhất|hạn)/iu.test(m[0])) continue;
    list.push({ kind: "absolute", day: Number(m[1]), month: Number(m[2]), year: m[3] ? Number(m[3]) : null, raw: m[0].trim(), at, end: at + m[0].length, round: labelBefore(text, at) });
    taken.push([at, at + m[0].length]);
  }
  list.sort((a, b) => a.at - b.at);
  for (const d of list) if (d.kind === "absolute" && d.year === null && /^\s*(?:của\s+)?năm\s+(?:sau|tiếp theo|kế tiếp)/iu.test(text.slice(d.end))) d.nextYear = true;
  // "ngày 01 tháng 6 và ngày 01 tháng 12 năm 2025": the year written once at the end covers the list.
  for (let i = list.length - 2; i >= 0; i--) {
    const cur = list[i];
    const next = list[i + 1];
    if (cur?.kind === "absolute" && next?.kind === "absolute" && cur.year === null && next.year !== null && /^\s*(?:,|và|;)?\s*(?:và\s*)?$/u.test(text.slice(cur.end, next.at))) cur.year = next.year;
  }
  // Labels again, now that every date is known: one in brackets after a date is its own, and a label before a date
  // belongs to it only after the previous date ("ngày 05/7 (báo cáo 6 tháng) và ngày 05/01 (báo cáo năm)").
  const all = [...out, ...list].sort((a, b) => a.at - b.at);
  all.forEach((d, i) => {
    const prevEnd = i > 0 ? (all[i - 1]?.end ?? 0) : 0;
    d.round = labelAfter(text, d.end) ?? labelBefore(text, d.at, prevEnd) ?? (d.kind === "relative" && d.unit === "quarter" ? "quarter" : null);
  });
  return all.filter((d) => d.day >= 1 && d.day <= 31 && (d.kind === "relative" || (d.month >= 1 && d.month <= 12))).sort((a, b) => a.at - b.at);
}
