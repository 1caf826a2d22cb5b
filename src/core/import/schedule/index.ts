/**
 * The reporting schedule a plan sets (issue 25), read from its text:
 * "Định kỳ trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2025 các đơn vị …
 * gửi về Sở Kế hoạch và Đầu tư tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Kế
 * hoạch và Đầu tư". The agencies' rounds and due dates (resolved for every
 * year the plan runs, relative dates included), the body they report to
 * (by today's name), and the focal agency's report upward.
 */
import { currentAgencyName, LATEST, parseAgencies } from "../../agency";
import type { ReportingDue, ReportingRound, ReportingSchedule } from "../../model";
import { dueDatesIn, type DateItem } from "./_lib/dates";

export interface ScheduleContext {
  /** The years the plan runs (plan.period). */
  years: { from: number; to: number } | null;
}

const ROUND_ORDER: readonly ReportingRound[] = ["quarter", "half", "nineMonths", "year"];

/** Ministries merged in the 2025 reorganisation (Nghị quyết 176/2025/QH15, from 01/3/2025): the body that reports go to today. */
const MINISTRIES_TODAY: Record<string, string> = {
  "Bộ Kế hoạch và Đầu tư": "Bộ Tài chính",
  "Bộ Thông tin và Truyền thông": "Bộ Khoa học và Công nghệ",
  "Bộ Lao động - Thương binh và Xã hội": "Bộ Nội vụ",
  "Bộ Tài nguyên và Môi trường": "Bộ Nông nghiệp và Môi trường",
  "Bộ Nông nghiệp và Phát triển nông thôn": "Bộ Nông nghiệp và Môi trường",
  "Bộ Giao thông vận tải": "Bộ Xây dựng",
};

/** Today's name of a body as written ("Sở Kế hoạch và Đầu tư" → "Sở Tài chính"). */
export function bodyToday(name: string): string {
  const ministry = MINISTRIES_TODAY[name];
  if (ministry) return ministry;
  return currentAgencyName(name, LATEST);
}

/** Numbered paragraphs of the body (a wrapped line continues the paragraph it is in). */
export function paragraphsOf(bodyText: string): string[] {
  const out: string[] = [];
  for (const raw of bodyText.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) continue;
    const opens = /^(?:\d{1,2}(?:\.\d{1,2})*\.\s*\S|[a-zđ]\)\s|[IVX]{1,5}\.\s|[-–+•]\s)/u.test(line);
    if (opens || out.length === 0) out.push(line);
    else out[out.length - 1] = `${out[out.length - 1] ?? ""} ${line}`;
  }
  return out;
}

/** A round named in the words ("hằng quý", "6 tháng", "9 tháng", "hằng năm", "quý, năm", "01 năm"). */
function roundsIn(text: string): ReportingRound[] {
  const found = new Set<ReportingRound>();
  if (/(?:hằng|hàng|theo|mỗi|từng|báo cáo|kỳ)\s+quý|quý\s*,\s*năm|tháng đầu tiên (?:của )?quý/iu.test(text)) found.add("quarter");
  if (/(?:0?6|sáu)\s+tháng/iu.test(text)) found.add("half");
  if (/(?:0?9|chín)\s+tháng/iu.test(text)) found.add("nineMonths");
  if (/(?:hằng|hàng|cả|01|một|mỗi)\s+năm|báo cáo năm|kỳ năm|quý\s*,\s*năm|tháng\s+và\s+năm|(?:,|và)\s+năm(?!\s+\d)/iu.test(text)) found.add("year");
  return ROUND_ORDER.filter((r) => found.has(r));
}

const HIGHER = String.raw`(?:Chủ tịch\s+)?(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+tỉnh|(?:lãnh đạo\s+)?UBND tỉnh|Thủ tướng Chính phủ|Văn phòng Chính phủ|Bộ\s+[\p{Lu}][^,.;()]*|Tỉnh ủy|Tỉnh uỷ|Thường trực Tỉnh ủy|HĐND tỉnh`;
/** The body after "báo cáo" in an upward report ("… tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Kế hoạch và Đầu tư"). */
const UPWARD = new RegExp(String.raw`(?:báo cáo|gửi)\s+(?:kết quả[^,.;]*?\s+)?(?:về\s+|cho\s+|lên\s+)?(${HIGHER})(?=\s|[,.;(]|$)`, "u");
/** Words that end a ministry's name in a sentence ("Bộ Kế hoạch và Đầu tư theo quy định"). */
const AFTER_NAME = /\s+(?:theo|để|trước|định kỳ|thường kỳ|về việc|kết quả|hằng|hàng)(?![\p{L}\p{M}]).*$/u;
/** Where the agencies send: "gửi (về) Sở …", "về Sở …", "tới đơn vị đầu mối", "(qua Sở …)". */
const DOWNWARD = /(?:gửi(?:\s+báo cáo)?(?:\s+kết quả[^,.;]*?)?\s+(?:về|đến|tới)?|(?<=\s)về|tới|đến|qua)\s*((?:Sở|Ban|Văn phòng|Trung tâm)\s+[^,.;()]+?|(?:đơn vị|cơ quan)\s+(?:đầu mối|tổng hợp|thường trực))(?=\s+(?:để|tổng hợp|tồng hợp|trước|theo|tham mưu)|\s*[,.;()]|$)/u;
/** "tổng hợp" as plans spell it (seed 000 writes "tồng hợp"). */
const CONSOLIDATE = /t[oồổ]ng\s+h[oợ]p/iu;

/** The focal agency the text names ("Đơn vị đầu mối: Sở Thông tin và Truyền thông", "Giao Sở … là cơ quan đầu mối"). */
function focalAgency(bodyText: string): string | null {
  const text = bodyText.replace(/\s+/g, " ");
  const m = /(?:đơn vị|cơ quan) đầu mối\s*:\s*((?:Sở|Ban|Văn phòng)\s[^,.;:]+?)(?=\s*(?:[,.;:(]|$|\s\d|\s[a-z]\)))/u.exec(text) ?? /((?:Sở|Ban|Văn phòng)\s[^,.;:]+?)\s+là\s+(?:cơ quan|đơn vị)\s+đầu mối/u.exec(text);
  return m?.[1]?.trim() ?? null;
}

/** The agency a phrase names, as written and by today's name. */
function body(phrase: string, focal: string | null): { asWritten: string; today: string } | null {
  const t = phrase.trim();
  if (/^(?:đơn vị|cơ quan)\s/iu.test(t)) return focal ? { asWritten: focal, today: bodyToday(focal) } : null;
  const parsed = parseAgencies(t);
  const names = parsed.map((a) => a.name);
  if (names.length === 0) return null;
  return { asWritten: names.join("; "), today: [...new Set(names.map(bodyToday))].join("; ") };
}

function upwardBodies(text: string): { asWritten: string; today: string } | null {
  const m = UPWARD.exec(text);
  if (!m?.[1]) return null;
  // "Bộ Kế hoạch và Đầu tư và Văn phòng Chính phủ": both.
  const parts = m[1].replace(AFTER_NAME, "").split(/\s+và\s+(?=Văn phòng|Bộ|Thủ tướng)/u).map((p) => p.trim());
  const names = parts.map((p) => (p.startsWith("Bộ ") ? p : parseAgencies(p)[0]?.name ?? p));
  return { asWritten: names.join("; "), today: [...new Set(names.map(bodyToday))].join("; ") };
}

interface Reading {
  rounds: ReportingRound[];
  dates: DateItem[];
  to: { asWritten: string; today: string } | null;
  sentence: string;
}

const pad = (n: number): string => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

interface PeriodOf { id: string; round: ReportingRound; year: number; endMonth: number }

function periodsOf(round: ReportingRound, year: number): PeriodOf[] {
  switch (round) {
    case "quarter": return [1, 2, 3, 4].map((q) => ({ id: `${year}-Q${q}`, round, year, endMonth: q * 3 }));
    case "half": return [{ id: `${year}-H1`, round, year, endMonth: 6 }];
    case "nineMonths": return [{ id: `${year}-9M`, round, year, endMonth: 9 }];
    case "year": return [{ id: `${year}`, round, year, endMonth: 12 }];
  }
}

/** Days from the period's end to a day of the given month (negative: before the end). */
function distance(p: PeriodOf, year: number, month: number, day: number): number {
  const end = Date.UTC(p.year, p.endMonth - 1, lastDay(p.year, p.endMonth));
  return (Date.UTC(year, month - 1, day) - end) / 86_400_000;
}

/** Resolve the dates of a reading for the plan's years. */
function resolve(r: Reading, years: { from: number; to: number } | null): ReportingDue[] {
  const out: ReportingDue[] = [];
  const yearsOf = (y: number | null): number[] => {
    if (y !== null) return [y];
    if (!years) return [];
    return Array.from({ length: years.to - years.from + 1 }, (_, i) => years.from + i);
  };
  // No round named ("Định kỳ trước ngày 10 tháng 6 và ngày 10 tháng 12"): each date is the report of the period it follows.
  const rounds: ReportingRound[] = r.rounds.length > 0 ? r.rounds : ["half", "nineMonths", "year"];
  const relativeRounds = new Set(r.dates.filter((d) => d.kind === "relative").map((d) => d.round ?? "quarter"));
  for (const d of r.dates) {
    if (d.kind === "relative") {
      const applies = d.round ? [d.round] : rounds.filter((x) => x !== "year");
      for (const round of applies) {
        for (const y of yearsOf(null)) {
          for (const p of periodsOf(round, y)) {
            const length = { quarter: 3, half: 6, nineMonths: 9, year: 12 }[round];
            // The month the day falls in, counted from the period's last month (13 = January of the next year).
            const m = d.next ? p.endMonth + (d.which === "first" ? 1 : d.unit === "quarter" ? 3 : 1) : d.which === "last" ? p.endMonth : p.endMonth - length + 1;
            const dueYear = m > 12 ? p.year + 1 : p.year;
            const month = m > 12 ? m - 12 : m === 0 ? 12 : m;
            const day = Math.min(d.day, lastDay(dueYear, month));
            out.push({ period: p.id, date: iso(dueYear, month, day), raw: d.raw });
          }
        }
      }
      continue;
    }
    const candidates = d.round ? [d.round] : rounds.filter((x) => !relativeRounds.has(x));
    for (const y of yearsOf(d.year)) {
      // The period each date belongs to: the round's period whose end is nearest (a December date is the year's report).
      let best: { p: PeriodOf; score: number } | null = null;
      for (const round of candidates) {
        for (const py of [y - 1, y]) {
          for (const p of periodsOf(round, py)) {
            const dist = distance(p, d.nextYear ? y + 1 : y, d.month, d.day);
            if (dist < -95 || dist > 95) continue;
            // Ties go to the longer period (Quý IV and Năm both end on 31/12).
            const score = Math.abs(dist) - ROUND_ORDER.indexOf(round) * 0.1;
            if (!best || score < best.score) best = { p, score };
          }
        }
      }
      if (!best) continue;
      const inYears = years === null || (best.p.year >= years.from && best.p.year <= years.to) || d.year !== null;
      const dy = d.nextYear ? y + 1 : y;
      if (inYears) out.push({ period: best.p.id, date: iso(dy, d.month, Math.min(d.day, lastDay(dy, d.month))), raw: d.raw });
    }
  }
  // One date per period (the first stated), in date order.
  const seen = new Set<string>();
  return out.filter((x) => (seen.has(x.period) ? false : (seen.add(x.period), true))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * Read the schedule; null when the text sets none.
 * @example
 * readSchedule("2. Định kỳ trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2025 các đơn vị … gửi về Sở Kế hoạch và Đầu tư tổng hợp", { years: { from: 2025, to: 2025 } })
 * // { rounds: ["half", "year"], due: [{ period: "2025-H1", date: "2025-06-10" }, { period: "2025", date: "2025-12-10" }], to: "Sở Tài chính", … }
 */
export function readSchedule(bodyText: string, ctx: ScheduleContext): ReportingSchedule | null {
  if (typeof bodyText !== "string") throw new TypeError("readSchedule: bodyText must be a string");
  const focal = focalAgency(bodyText);
  const agencies: Reading[] = [];
  const upward: Reading[] = [];
  for (const para of paragraphsOf(bodyText)) {
    if (!/báo cáo/iu.test(para)) continue;
    const dates = dueDatesIn(para);
    const rounds = roundsIn(para);
    const periodic = /định kỳ|thường kỳ|hằng quý|hàng quý|hằng năm|hàng năm|theo quý|6 tháng|06 tháng/iu.test(para);
    if (dates.length === 0 && !periodic) continue;
    const down = DOWNWARD.exec(para);
    const sentence = para.replace(/^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-–+•])\s*/u, "");
    if (down?.[1] && down.index !== undefined) {
      // The agencies' report; what follows "tổng hợp, … báo cáo X" is the focal agency's report upward.
      const after = para.slice(down.index + down[0].length);
      const cut = CONSOLIDATE.exec(after);
      const downText = cut ? para.slice(0, down.index + down[0].length + cut.index) : para;
      const upText = cut ? after.slice(cut.index) : "";
      const downDates = dates.filter((d) => d.at < downText.length);
      agencies.push({ rounds: roundsIn(downText).length ? roundsIn(downText) : rounds, dates: downDates, to: body(down[1], focal), sentence });
      if (upText) {
        const upDates = dueDatesIn(upText);
        upward.push({ rounds: roundsIn(upText), dates: upDates, to: upwardBodies(upText), sentence });
      }
      continue;
    }
    const up = upwardBodies(para);
    if (up && CONSOLIDATE.test(para.slice(0, UPWARD.exec(para)?.index ?? para.length))) {
      upward.push({ rounds, dates, to: up, sentence });
      continue;
    }
    // "Các sở … báo cáo UBND tỉnh trước ngày 15/12 hằng năm": the agencies report straight to the higher body.
    if (up && dates.length > 0) agencies.push({ rounds, dates, to: up, sentence });
  }
  if (agencies.length === 0) return null;
  const years = ctx.years;
  const merge = (rs: Reading[]): { rounds: ReportingRound[]; due: ReportingDue[]; to: { asWritten: string; today: string } | null } => {
    const due = rs.flatMap((r) => resolve(r, years));
    const seen = new Set<string>();
    const uniq = due.filter((x) => (seen.has(x.period) ? false : (seen.add(x.period), true))).sort((a, b) => (a.date < b.date ? -1 : 1));
    const rounds = new Set<ReportingRound>(rs.flatMap((r) => r.rounds));
    for (const d of uniq) rounds.add(roundOfPeriod(d.period));
    // The body named where the dates are wins ("báo cáo Chủ tịch UBND tỉnh … trước ngày 10 …" over "gửi lãnh đạo UBND tỉnh … theo quý").
    const named = rs.find((r) => r.to && r.dates.length > 0) ?? rs.find((r) => r.to);
    return { rounds: ROUND_ORDER.filter((r) => rounds.has(r)), due: uniq, to: named?.to ?? null };
  };
  const a = merge(agencies);
  const u = upward.length > 0 ? merge(upward) : null;
  return {
    rounds: a.rounds,
    due: a.due,
    to: a.to?.today ?? null,
    toAsWritten: a.to?.asWritten ?? null,
    upstream: u ? { to: u.to?.today ?? null, toAsWritten: u.to?.asWritten ?? null, due: u.due } : null,
    sentences: [...new Set([...agencies, ...upward].map((r) => r.sentence))],
  };
}

/** The round of a period id ("2025-H1" → half). */
export function roundOfPeriod(id: string): ReportingRound {
  if (/-Q[1-4]$/.test(id)) return "quarter";
  if (/-H1$/.test(id)) return "half";
  if (/-9M$/.test(id)) return "nineMonths";
  return "year";
}
