/**
 * Reporting periods (kỳ báo cáo): planners report every quarter, 6 months,
 * 9 months and year. A period has a stable id ("2026-H1") used in files and
 * on the command line, a Vietnamese label ("6 tháng đầu năm 2026") shown in
 * the workbook, and the last day it covers, which decides how a result is
 * judged (see evaluatePeriod).
 */
import type { Plan } from "../model";
import { fold } from "../_lib/fold";
import { evaluateAt, DEFAULT_TOLERANCE } from "../status";
import type { Lang, PeriodEvaluation, PlanRow, YearResults } from "../status";

export type PeriodKind = "year" | "half" | "nineMonths" | "quarter";

export interface Period {
  /** "2026", "2026-H1", "2026-9M", "2026-Q3". */
  id: string;
  kind: PeriodKind;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  /** "Năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "Quý III/2026". */
  label: string;
  /** "Year 2026", "First half of 2026", "First nine months of 2026", "Q3 2026". */
  labelEn: string;
  /** Last day of the period, ISO yyyy-mm-dd. */
  end: string;
}

const ROMAN = ["I", "II", "III", "IV"] as const;
const QUARTER_END = ["03-31", "06-30", "09-30", "12-31"] as const;

// Earliest years a plan can plausibly name; outside them an id is a typo, not a period.
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function make(year: number, kind: PeriodKind, quarter: 1 | 2 | 3 | 4 | null): Period {
  switch (kind) {
    case "year":
      return { id: `${year}`, kind, year, quarter: null, label: `Năm ${year}`, labelEn: `Year ${year}`, end: `${year}-12-31` };
    case "half":
      return { id: `${year}-H1`, kind, year, quarter: null, label: `6 tháng đầu năm ${year}`, labelEn: `First half of ${year}`, end: `${year}-06-30` };
    case "nineMonths":
      return { id: `${year}-9M`, kind, year, quarter: null, label: `9 tháng năm ${year}`, labelEn: `First nine months of ${year}`, end: `${year}-09-30` };
    case "quarter": {
      const q = quarter ?? 1;
      return { id: `${year}-Q${q}`, kind, year, quarter: q, label: `Quý ${ROMAN[q - 1]}/${year}`, labelEn: `Q${q} ${year}`, end: `${year}-${QUARTER_END[q - 1]}` };
    }
  }
}

const inRange = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;
const quarterOf = (n: number): 1 | 2 | 3 | 4 | null => (n === 1 || n === 2 || n === 3 || n === 4 ? n : null);
const ROMAN_FOLDED: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Id patterns first ("2026-Q3"), then Vietnamese and English labels on folded text ("quy iii 2026"). */
const PATTERNS: Array<{ re: RegExp; build: (m: RegExpExecArray) => Period | null }> = [
  { re: /^(\d{4})$/, build: (m) => make(Number(m[1]), "year", null) },
  { re: /^(\d{4})-h1$/i, build: (m) => make(Number(m[1]), "half", null) },
  { re: /^(\d{4})-9m$/i, build: (m) => make(Number(m[1]), "nineMonths", null) },
  { re: /^(\d{4})-q([1-4])$/i, build: (m) => make(Number(m[1]), "quarter", quarterOf(Number(m[2]))) },
];
const LABELS: Array<{ re: RegExp; build: (m: RegExpExecArray) => Period | null }> = [
  { re: /^(?:ca )?nam (\d{4})$/, build: (m) => make(Number(m[1]), "year", null) },
  { re: /^year (\d{4})$/, build: (m) => make(Number(m[1]), "year", null) },
  { re: /^6 thang(?: dau)? nam (\d{4})$/, build: (m) => make(Number(m[1]), "half", null) },
  { re: /^first half(?: of)? (\d{4})$/, build: (m) => make(Number(m[1]), "half", null) },
  { re: /^9 thang(?: dau)? nam (\d{4})$/, build: (m) => make(Number(m[1]), "nineMonths", null) },
  { re: /^first nine months(?: of)? (\d{4})$/, build: (m) => make(Number(m[1]), "nineMonths", null) },
  {
    re: /^quy (i|ii|iii|iv|[1-4])(?: nam)? (\d{4})$/,
    build: (m) => make(Number(m[2]), "quarter", quarterOf(ROMAN_FOLDED[m[1] ?? ""] ?? Number(m[1]))),
  },
  { re: /^q([1-4]) (\d{4})$/, build: (m) => make(Number(m[2]), "quarter", quarterOf(Number(m[1]))) },
];

/**
 * Reads a period id or label; null when the text is not a period (bad data).
 * @example
 * parsePeriod("2026-H1")?.label        // "6 tháng đầu năm 2026"
 * parsePeriod("Quý III/2026")?.id      // "2026-Q3"
 * parsePeriod("6 tháng năm 2026")?.id  // "2026-H1"
 */
export function parsePeriod(text: string): Period | null {
  const t = text.normalize("NFC").trim();
  for (const p of PATTERNS) {
    const m = p.re.exec(t);
    if (m) {
      const period = p.build(m);
      return period && inRange(period.year) ? period : null;
    }
  }
  const folded = fold(t);
  for (const p of LABELS) {
    const m = p.re.exec(folded);
    if (m) {
      const period = p.build(m);
      return period && inRange(period.year) ? period : null;
    }
  }
  return null;
}

/**
 * The period of an id written by us (misuse throws: ids come from our own code and files).
 * @example periodOf("2026-9M").end // "2026-09-30"
 */
export function periodOf(id: string): Period {
  const p = PATTERNS.some((x) => x.re.test(id)) ? parsePeriod(id) : null;
  if (!p) throw new Error(`Not a period id: "${id}" (expected 2026, 2026-H1, 2026-9M or 2026-Q1…Q4)`);
  return p;
}

/** The label in a language ("Năm 2026" / "Year 2026"). */
export function periodLabel(period: Period, lang: Lang = "vi"): string {
  return lang === "en" ? period.labelEn : period.label;
}

const KIND_ORDER: Record<PeriodKind, number> = { quarter: 0, half: 1, nineMonths: 1, year: 2 };

/** Chronological by end date; on the same day the shorter period first (Quý II before 6 tháng, Quý IV before Năm). */
export function comparePeriods(a: Period, b: Period): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * The years a plan runs: its stated period ("giai đoạn 2021-2030"), widened
 * to the years of its targets; without either, the year of its date.
 */
function planYears(plan: Plan): { from: number; to: number } | null {
  const years: number[] = [];
  if (plan.period) years.push(plan.period.from, plan.period.to);
  for (const a of plan.appendices) for (const ind of a.indicators) if (ind.target?.year != null) years.push(ind.target.year);
  if (years.length === 0 && plan.date) years.push(Number(plan.date.slice(0, 4)));
  const ok = years.filter(inRange);
  // reduce, not Math.min(...ok): one year per indicator, and 300,000 arguments overflow the stack.
  return ok.length === 0 ? null : { from: ok.reduce((a, b) => Math.min(a, b)), to: ok.reduce((a, b) => Math.max(a, b)) };
}

/**
 * The reporting periods of a plan, chronological: the first half and the
 * whole of every year it runs (an annual plan: its year's H1 and year).
 * @example
 * planPeriods(plan2021to2030).length // 20
 */
export function planPeriods(plan: Plan): Period[] {
  const years = planYears(plan);
  if (!years) return [];
  const out: Period[] = [];
  // The rounds the plan's reporting schedule sets (issue 25: quarters where it is quarterly); else 6 months and year.
  const rounds = plan.reporting?.rounds.length ? plan.reporting.rounds : (["half", "year"] as const);
  for (let y = years.from; y <= years.to; y++) {
    for (const kind of rounds) {
      if (kind === "quarter") for (const q of [1, 2, 3, 4] as const) out.push(make(y, "quarter", q));
      else out.push(make(y, kind, null));
    }
  }
  return out.sort(comparePeriods);
}

/**
 * The status, expected value, judged number and % so với kế hoạch of one row
 * for one period (issue #19; the Chỉ tiêu sheet's formulas compute the same):
 * - no result → Chưa có số liệu;
 * - the period ends on or after 31/12 of the target's year → Vượt / Đạt /
 *   Không đạt by the target's shape and the row's direction;
 * - an earlier period → Đúng tiến độ when the judged number is on the expected
 *   value for the row's kind or better in its direction, else Có nguy cơ.
 * `years` holds the row's full-year results (plan-period totals and averages).
 * `row` holds the sheet's cells (operator and direction as sheet words);
 * `result` is a cell value: anything but a number is no result.
 * @example
 * evaluatePeriod(row, periodOf("2023-H1"), 3.42) // { status: "atRisk", expected: 3.45, percentOfPlan: 97.7 }
 */
export function evaluatePeriod(
  row: PlanRow,
  period: Period,
  result: unknown,
  tolerance: number = DEFAULT_TOLERANCE,
  lang: Lang = "vi",
  years: YearResults = new Map(),
  others: readonly unknown[] = [],
): PeriodEvaluation {
  return evaluateAt(row, period.end, result, tolerance, lang, years, others);
}

export type { PeriodEvaluation, PlanRow, YearResults } from "../status";


/**
 * The same period of the year before ("cùng kỳ năm trước"): H1 2026 → H1 2025,
 * 9 months with 9 months, a quarter with its quarter, the year with the year.
 * @example previousYearPeriod(periodOf("2026-H1")).id // "2025-H1"
 */
export function previousYearPeriod(period: Period): Period {
  return make(period.year - 1, period.kind, period.quarter);
}

/**
 * The full-year estimate a mid-year round gives ("ước cả năm" in the 6- and
 * 9-month reports): a grid column of its own beside the round's result, with
 * an id of its own ("2026-H1/FY") that never reads as a period.
 */
export const FULL_YEAR_SUFFIX = "/FY";

/** Whether a round carries a full-year estimate: 6 and 9 months. */
export function hasFullYearEstimate(period: Period): boolean {
  return period.kind === "half" || period.kind === "nineMonths";
}

/** @example fullYearEstimateId(periodOf("2026-H1")) // "2026-H1/FY" */
export function fullYearEstimateId(period: Period): string {
  return `${period.id}${FULL_YEAR_SUFFIX}`;
}

/** @example fullYearEstimateLabel(periodOf("2026-9M")) // "Ước cả năm 2026 (kỳ 9 tháng)" */
export function fullYearEstimateLabel(period: Period, lang: Lang = "vi"): string {
  const at = period.kind === "half" ? 6 : 9;
  return lang === "en" ? `Full-year estimate ${period.year} (at ${at} months)` : `Ước cả năm ${period.year} (kỳ ${at} tháng)`;
}

/**
 * The round whose full-year estimate a grid header names, else null.
 * @example fullYearEstimateOf("Ước cả năm 2026 (kỳ 6 tháng)")?.id // "2026-H1"
 */
export function fullYearEstimateOf(header: string): Period | null {
  const f = fold(header);
  const m = /^uoc ca nam (\d{4}) ky (6|9) thang$/.exec(f) ?? /^full year estimate (\d{4}) at (6|9) months$/.exec(f);
  if (!m) return null;
  const year = Number(m[1]);
  if (!inRange(year)) return null;
  return make(year, m[2] === "6" ? "half" : "nineMonths", null);
}
