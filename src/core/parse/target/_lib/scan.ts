/**
 * Finds target expressions inside a (squashed) text. Each pattern is small and
 * produces a {@link Hit}; overlapping hits are resolved by position (earliest
 * first, then longest), like a tokenizer.
 */
import type { Baseline, Target, TargetOp } from "../../../model";
import { interpretDigits, NUMBER_BODY, type DecimalMark } from "../../number/_lib/digits";
import { WORD_CHAR } from "../../_lib/text";
import { OP_PHRASES, PER_PERIOD, RANK_WORDS, TOP_WORDS, UNIT_WORDS } from "./vocabulary";

export interface ScanContext {
  year: number | null;
  decimal: DecimalMark;
  /**
   * The text is a target cell, not a sentence: changes ("tăng 12 % so với năm
   * 2025", "giảm 1-1,5 điểm %", "gấp 1,6 lần"), ranges inside words and counts
   * after their verb are targets there, while in a plan's prose they are
   * usually results ("thu ngân sách tăng 13,5 % so với năm 2024").
   */
  cell?: boolean;
}

export interface Hit {
  start: number;
  end: number;
  target: Target;
  baseline: Baseline | null;
  notes: string[];
}

const B = `(?<!${WORD_CHAR})`; // word start
const E = `(?!${WORD_CHAR})`; // word end
const NUM = `(${NUMBER_BODY})`;
const PCT = "(\\s?%)?";
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT = `(?:\\s?(${PER_PERIOD})|\\s?(${UNIT_WORDS.map(escape).join("|")})${E})?`;
const YEAR_AFTER = "(?:\\s?,?\\s(?:vào\\s|đến\\s|trong\\s)?năm\\s(\\d{4}))?";

const OP_ALTERNATION = OP_PHRASES.map((p, i) => `(?<op${i}>${p.symbol === true ? "" : B}(?:${p.pattern}))`).join("|");

/** Operator phrase, number, % sign, unit, "(vào) năm 2030". */
const OP_TARGET = new RegExp(`(?:${OP_ALTERNATION})\\s?${NUM}${PCT}${UNIT}${E}${YEAR_AFTER}`, "giu");
/** "từ 47,1% năm 2020 lên 60% vào năm 2030", "tăng từ 30,9% lên 36%". */
const FROM_TO = new RegExp(`${B}từ\\s${NUM}${PCT}(?:\\s(?:vào\\s|trong\\s)?năm\\s(\\d{4}))?\\s(lên|xuống|đến|tới)\\s${NUM}${PCT}${UNIT}${E}${YEAR_AFTER}`, "giu");
/** "từ 10 - 15%", "từ 10 đến 15%" (no year on the lower bound, else it is {@link FROM_TO}). */
const RANGE = new RegExp(`${B}từ\\s${NUM}${PCT}\\s?(?:-|–|—|đến|tới)\\s?${NUM}${PCT}${UNIT}${E}${YEAR_AFTER}`, "giu");
/** "từ 200ha trở lên", "từ 5 ngày trở xuống". Without "từ" it is a qualifier in a name ("OCOP 4 sao trở lên/tổng số …"), not a target. */
const AND_ABOVE = new RegExp(`${B}từ\\s${NUM}${PCT}${UNIT}\\s(?:trở\\s)?(lên|xuống)${E}`, "giu");
/** "tăng 12 % so với năm 2025", "giảm 10% so với cùng kỳ", "tăng 12%" (relative when the unit is not a percentage: the importer decides). */
const CHANGE = new RegExp(`${B}(tăng|giảm)(?:\\s(?:thêm|khoảng|ít nhất|tối thiểu))?\\s${NUM}\\s?%(?:\\s?(?:trở lên))?(?:\\s?so\\svới\\s(?:(cùng kỳ(?:\\snăm trước)?)|(?:kết quả\\s|thực hiện\\s|ước thực hiện\\s)?năm\\s(\\d{4})))?${E}`, "giu");
/** "gấp 1,6 lần năm 2025", "gấp 2 lần so với năm 2025". */
const MULTIPLE = new RegExp(`${B}(?:tăng\\s)?gấp\\s${NUM}\\slần(?:\\s(?:so\\svới\\s)?(?:kết quả\\s|thực hiện\\s)?(?:năm\\s)?(\\d{4}))?${E}`, "giu");
/** An amount of change as the target itself: "giảm 1-1,5 điểm %", "giảm 1,5 điểm %", "tăng 6,6-6,8%" (the indicator measures the change). */
const AMOUNT = new RegExp(`${B}(?:tăng|giảm)(?:\\s(?:thêm|bình quân|khoảng))?\\s${NUM}(?:\\s?(?:-|–|—|đến|tới)\\s?${NUM})?\\s?(điểm\\s?%|điểm phần trăm|%)?(?:\\s?\\/\\s?năm)?${E}`, "giu");
/** A range inside words: "Bình quân giai đoạn 8,5-9,0 %/năm" (two years, "2026 - 2030", are a period, not a range). */
const INNER_RANGE = new RegExp(`${B}${NUM}\\s?(%)?\\s?[-–]\\s?${NUM}${PCT}${UNIT}${E}`, "giu");
/** A count after its verb: "tạo việc làm cho 250.000 lao động", "thêm 20 doanh nghiệp" (a bare target). */
const COUNT = new RegExp(`${B}(?:cho|thêm|mới|được)\\s${NUM}\\s(${UNIT_WORDS.map(escape).join("|")})${E}`, "giu");
const RANK = new RegExp(`${B}(?:${RANK_WORDS})\\s(\\d{1,4})(?:\\s?\\/\\s?(\\d{1,3}))?${E}`, "giu");
const TOP = new RegExp(`${B}(?:${TOP_WORDS})\\s(\\d{1,3})${E}`, "giu");

/** How far back a year may be said and still belong to the target: about one clause of a sentence. */
const YEAR_LOOKBACK = 120;

/** A year said earlier in the same clause: "đến năm 2030, … đạt khoảng …", "giai đoạn 2021-2030 đạt …". */
function yearBefore(text: string, at: number): number | null {
  const head = text.slice(Math.max(0, at - YEAR_LOOKBACK), at);
  let start = head.lastIndexOf(";");
  for (const m of head.matchAll(/\.\s/gu)) start = Math.max(start, m.index);
  // "so với (kết quả) năm 2023" names the comparison point, not the target's year.
  const years = [...head.slice(start + 1).matchAll(/(?<!so với\s(?:kết quả\s|cùng kỳ\s)?)(?:năm\s|giai đoạn\s\d{4}\s?[-–]\s?)(\d{4})(?!\d)/giu)];
  const last = years[years.length - 1];
  return last?.[1] !== undefined ? Number(last[1]) : null;
}

interface NumRead {
  value: number;
  note?: string;
}

function num(digits: string | undefined, ctx: ScanContext, notes: string[]): NumRead | null {
  if (digits === undefined) return null;
  const read = interpretDigits(digits, ctx.decimal);
  if (!read.ok) return null;
  if (read.note !== undefined) notes.push(read.note);
  return { value: read.value };
}

function unitOf(perPeriod: string | undefined, word: string | undefined, percent: boolean): string | null {
  if (perPeriod !== undefined) return (percent ? "%" : "") + perPeriod.replace(/\s/g, "");
  return word ?? null;
}

function target(op: TargetOp | null, value: number | null, raw: string, extra: Partial<Target>): Target {
  return { op, value, max: null, percent: false, year: null, kind: "value", of: null, unit: null, raw, ...extra };
}

type Builder = (m: RegExpMatchArray, text: string, ctx: ScanContext) => Omit<Hit, "start" | "end"> | null;

const PATTERNS: ReadonlyArray<{ regex: RegExp; build: Builder; cellOnly?: boolean }> = [
  {
    regex: CHANGE,
    cellOnly: true,
    build(m, text, ctx) {
      const [raw, verb = "", digits, sameTime, baseYear] = m;
      const notes: string[] = [];
      const n = num(digits, ctx, notes);
      if (!n) return null;
      const change = verb.toLowerCase() === "giảm" ? "decrease" : "increase";
      const explicit = sameTime !== undefined || baseYear !== undefined;
      return {
        target: {
          ...target(null, n.value, raw, { percent: true, year: yearBefore(text, m.index ?? 0) ?? ctx.year }),
          // Without "so với …" the words may state a rate ("GRDP tăng 7%"): the importer, who knows the unit, decides.
          relative: { change, by: n.value, baseYear: baseYear !== undefined ? Number(baseYear) : null, base: null },
          ...(explicit ? { value: null } : {}),
        },
        baseline: null,
        notes,
      };
    },
  },
  {
    regex: AMOUNT,
    cellOnly: true,
    build(m, text, ctx) {
      const [raw, a, b, unit] = m;
      const notes: string[] = [];
      const lo = num(a, ctx, notes);
      if (!lo) return null;
      const hi = b !== undefined ? num(b, ctx, notes) : null;
      const percent = unit === "%";
      const extra = { percent, unit: unit !== undefined && unit !== "%" ? unit.replace(/\s/g, " ") : null, year: yearBefore(text, m.index ?? 0) ?? ctx.year };
      if (hi) return { target: target("range", lo.value, raw, { ...extra, max: hi.value }), baseline: null, notes };
      return { target: target(null, lo.value, raw, extra), baseline: null, notes };
    },
  },
  {
    regex: INNER_RANGE,
    cellOnly: true,
    build(m, text, ctx) {
      const [raw, a, aPct, b, bPct, per, word] = m;
      const isYear = (d: string | undefined): boolean => d !== undefined && /^(?:19|20)\d\d$/.test(d);
      if (isYear(a) && isYear(b)) return null;
      const notes: string[] = [];
      const lo = num(a, ctx, notes);
      const hi = num(b, ctx, notes);
      if (!lo || !hi || lo.value > hi.value) return null;
      const percent = aPct !== undefined || bPct !== undefined;
      return { target: target("range", lo.value, raw, { max: hi.value, percent, unit: unitOf(per, word, percent), year: yearBefore(text, m.index ?? 0) ?? ctx.year }), baseline: null, notes };
    },
  },
  {
    regex: COUNT,
    cellOnly: true,
    build(m, text, ctx) {
      const [raw, digits, word] = m;
      const notes: string[] = [];
      const n = num(digits, ctx, notes);
      if (!n) return null;
      return { target: target(null, n.value, raw, { unit: word ?? null, year: yearBefore(text, m.index ?? 0) ?? ctx.year }), baseline: null, notes };
    },
  },
  {
    regex: MULTIPLE,
    cellOnly: true,
    build(m, text, ctx) {
      const [raw, digits, baseYear] = m;
      const notes: string[] = [];
      const n = num(digits, ctx, notes);
      if (!n) return null;
      return {
        target: {
          ...target(null, null, raw, { year: yearBefore(text, m.index ?? 0) ?? ctx.year }),
          relative: { change: "multiple", by: n.value, baseYear: baseYear !== undefined ? Number(baseYear) : null, base: null },
        },
        baseline: null,
        notes,
      };
    },
  },
  {
    regex: FROM_TO,
    build(m, text, ctx) {
      const [raw, a, aPct, aYear, verb = "", b, bPct, per, word, bYear] = m;
      const notes: string[] = [];
      const from = num(a, ctx, notes);
      const to = num(b, ctx, notes);
      if (!from || !to) return null;
      const v = verb.toLowerCase();
      // "từ 10 đến 15%" without a year on the first number is a range, handled by RANGE.
      if ((v === "đến" || v === "tới") && aYear === undefined) return null;
      const op: TargetOp = v === "lên" ? ">=" : v === "xuống" ? "<=" : to.value >= from.value ? ">=" : "<=";
      const percent = bPct !== undefined || aPct !== undefined;
      const year = bYear !== undefined ? Number(bYear) : yearBefore(text, m.index ?? 0) ?? ctx.year;
      return {
        target: target(op, to.value, raw, { percent, year, unit: unitOf(per, word, percent) }),
        baseline: { value: from.value, percent: aPct !== undefined, year: aYear !== undefined ? Number(aYear) : null, raw: raw.slice(3, raw.toLowerCase().indexOf(` ${v} `)) },
        notes,
      };
    },
  },
  {
    regex: RANGE,
    build(m, text, ctx) {
      const [raw, a, aPct, b, bPct, per, word, year] = m;
      const notes: string[] = [];
      const lo = num(a, ctx, notes);
      const hi = num(b, ctx, notes);
      if (!lo || !hi) return null;
      const percent = aPct !== undefined || bPct !== undefined;
      if (lo.value > hi.value) notes.push(`Khoảng "${raw}" có cận dưới lớn hơn cận trên (lower bound above upper bound)`);
      return {
        target: target("range", lo.value, raw, { max: hi.value, percent, unit: unitOf(per, word, percent), year: year !== undefined ? Number(year) : yearBefore(text, m.index ?? 0) ?? ctx.year }),
        baseline: null,
        notes,
      };
    },
  },
  {
    regex: OP_TARGET,
    build(m, text, ctx) {
      const groups = m.groups ?? {};
      const index = OP_PHRASES.findIndex((_, i) => groups[`op${i}`] !== undefined);
      const phrase = OP_PHRASES[index];
      if (!phrase) return null;
      // Positional groups after the named alternation: number, %, per-period, unit word, year.
      const tail = m.slice(OP_PHRASES.length + 1);
      const [digits, pct, per, word, year] = tail;
      const notes: string[] = [];
      const n = num(digits, ctx, notes);
      if (!n) return null;
      const percent = pct !== undefined;
      return {
        target: target(phrase.op, n.value, m[0], { percent, unit: unitOf(per, word, percent), year: year !== undefined ? Number(year) : yearBefore(text, m.index ?? 0) ?? ctx.year }),
        baseline: null,
        notes,
      };
    },
  },
  {
    regex: AND_ABOVE,
    build(m, text, ctx) {
      const [raw, digits, pct, per, word, dir = ""] = m;
      const notes: string[] = [];
      const n = num(digits, ctx, notes);
      if (!n) return null;
      const percent = pct !== undefined;
      const op: TargetOp = dir.toLowerCase() === "lên" ? ">=" : "<=";
      return { target: target(op, n.value, raw, { percent, unit: unitOf(per, word, percent), year: yearBefore(text, m.index ?? 0) ?? ctx.year }), baseline: null, notes };
    },
  },
  {
    regex: RANK,
    build(m, text, ctx) {
      const [raw, value = "", of] = m;
      // "Xếp hạng 2022" is a column header naming a year, not a rank.
      if (of === undefined && Number(value) >= 1900) return null;
      return {
        target: target("<=", Number(value), raw, { kind: "rank", of: of !== undefined ? Number(of) : null, year: yearBefore(text, m.index ?? 0) ?? ctx.year }),
        baseline: null,
        notes: [],
      };
    },
  },
  {
    regex: TOP,
    build(m, text, ctx) {
      const [raw, value = ""] = m;
      return { target: target("<=", Number(value), raw, { kind: "top", year: yearBefore(text, m.index ?? 0) ?? ctx.year }), baseline: null, notes: [] };
    },
  },
];

/** Every target expression in `text` (already squashed), in reading order, without overlaps. */
export function scanTargets(text: string, ctx: ScanContext): Hit[] {
  const hits: Hit[] = [];
  for (const { regex, build, cellOnly } of PATTERNS) {
    if (cellOnly && !ctx.cell) continue;
    for (const m of text.matchAll(regex)) {
      const built = build(m, text, ctx);
      if (built) hits.push({ start: m.index, end: m.index + m[0].length, ...built });
    }
  }
  // Patterns are listed most specific first; on overlap keep the earliest-starting, then the longest, then the first listed.
  const order = hits.map((h, i) => ({ h, i })).sort((x, y) => x.h.start - y.h.start || y.h.end - x.h.end || x.i - y.i);
  const kept: Hit[] = [];
  for (const { h } of order) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}
