/**
 * The status table of one period: every indicator row of a workbook as read,
 * judged with evaluatePeriod from the stored values (never from the cached
 * formula results, which a file written by another tool may lack). It is what
 * `chitieu status --json` prints, and what the report, the agency forms and
 * the task pane's summary read, so no one computes statuses a second way.
 *
 * Numbers are in the workbook's units: a percent indicator's target, result
 * and expected value are fractions (0.92 for 92 %), as its cells hold them;
 * percentOfPlan is result ÷ target × 100, the number the "% so với kế hoạch"
 * cell holds.
 */
import type { Nature, TargetOp } from "../model";
import { natureFromLabel } from "../model";
import { samePeriod, type PreviousFigure } from "./previous";

export { samePeriod, type PreviousFigure, type SamePeriod } from "./previous";
import { currentAgencyName, LATEST, successorsOn, type AgencyGrouping } from "../agency";
import { DEFAULT_TOLERANCE, isLower, kindOf, readOpSymbol, statusLabel } from "../status";
import type { Direction, IndicatorKind, Lang, StatusKey } from "../status";
import type { SnapshotValue, WorkbookReading } from "../workbook";
import { periodResultsOf } from "../merge";
import { isPercentRow } from "../judge";
import { comparePeriods, evaluatePeriod, fullYearEstimateId, hasFullYearEstimate, parsePeriod, periodLabel, periodOf } from "../period";
import type { Period } from "../period";

export type StatusCountKey = Exclude<StatusKey, "none">;
export const STATUS_COUNT_KEYS: readonly StatusCountKey[] = ["exceeded", "met", "onTrack", "atRisk", "missed", "noData"];

export interface StatusTableRow {
  /** The row's key (Khóa); null for a row an official added without one. */
  key: string | null;
  stt: string | null;
  code: string | null;
  name: string;
  unit: string | null;
  target: { op: TargetOp | null; value: number | null; max: number | null; year: number | null };
  /** Its cells hold fractions shown as percent (92 % is 0.92): the one rule of core/judge/percent. */
  percent: boolean;
  /** What the indicator measures, as its Loại chỉ tiêu cell says (a blank or unknown cell judges as a level). */
  kind: IndicatorKind;
  /** Which way is better, as its Chiều cell says (blank: by the operator or a rank). */
  direction: Direction;
  /** Where the row should stand at the period's end, by its kind. */
  expected: number | null;
  /** The number judged: the result, or the plan-period total / average so far. */
  judged: number | null;
  /** The period's result as typed: a number, text typed instead of a number, or null. */
  result: number | string | null;
  /** "none" for a row without a numeric target (the sheet shows nothing). */
  status: StatusKey;
  /** The word the sheet shows ("Đạt"; "" for none). */
  statusLabel: string;
  percentOfPlan: number | null;
  /** The same period of the year before (cùng kỳ), null for a row without a key. */
  previous: PreviousFigure | null;
  /** result ÷ previous × 100 ("% so với cùng kỳ"); null for growth rates or without both numbers. */
  percentOfPrevious: number | null;
  /** The nature of the period's result, when known. */
  nature: Nature | null;
  /**
   * In a 6- or 9-month round, the full-year estimate ("ước cả năm") and its
   * outlook against the year's target ("dự kiến Đạt"); null in other rounds.
   */
  fullYearEstimate: { value: number | string | null; status: StatusKey; statusLabel: string } | null;
  lead: string[];
}

export interface StatusTable {
  period: { id: string; label: string; end: string };
  indicators: StatusTableRow[];
  /** Rows by status (rows without a target are not counted), and their total. */
  counts: Record<StatusCountKey, number> & { total: number };
}

const num = (v: SnapshotValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: SnapshotValue | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === "" ? null : t;
};

/**
 * The last year a workbook's targets name: the year an old "Kết quả cả năm"
 * without a target year of its own is read as (same rule as the merge).
 */
function lastTargetYear(reading: WorkbookReading): number | null {
  const years = reading.indicators.map((r) => num(r.values.targetYear)).filter((y): y is number => y !== null);
  const grid = reading.periods.map((p) => p.year);
  const all = [...years, ...grid];
  // reduce, not Math.max(...all): one year per indicator, and 300,000 arguments overflow the stack.
  return all.length === 0 ? null : all.reduce((a, b) => Math.max(a, b));
}

/**
 * The period a workbook shows when none is asked for: KyBaoCao, else the
 * latest grid period with a result, else the grid's last period.
 */
export function defaultPeriod(reading: WorkbookReading): Period | null {
  if (reading.reportPeriod) return reading.reportPeriod;
  const results = periodResultsOf(reading, lastTargetYear(reading));
  const filled = new Set(Object.values(results).flatMap((v) => Object.entries(v).filter(([, x]) => x !== null && x !== "").map(([id]) => id)));
  // A workbook written before the grid has no period columns: its migrated results name the periods.
  const byId = new Map(reading.periods.map((p) => [p.id, p]));
  for (const id of filled) {
    const p = parsePeriod(id);
    if (p && !byId.has(p.id)) byId.set(p.id, p);
  }
  const periods = [...byId.values()].sort(comparePeriods).reverse();
  return periods.find((p) => filled.has(p.id)) ?? periods[0] ?? null;
}

/**
 * The natures the workbook knows for a row's grid values: the baseline's
 * ("Ước thực hiện" from the appendix's "Ước thực hiện năm 2025"), for its
 * year's value while that value is still the baseline. A figure typed over it
 * has no nature until someone says.
 */
function knownNatures(values: Record<string, SnapshotValue>, grid: Record<string, SnapshotValue> | undefined): Record<string, Nature> {
  const nature = natureFromLabel(values.baselineNature);
  const year = num(values.baselineYear);
  const base = num(values.baseline);
  if (nature === null || year === null || base === null) return {};
  const typed = num(grid?.[String(year)]);
  return typed !== null && Math.abs(typed - base) <= 1e-9 * Math.max(1, Math.abs(base)) ? { [String(year)]: nature } : {};
}

/**
 * @example
 * const table = statusTable(interpretSnapshot(snapshot), periodOf("2023"));
 * table.counts // { met: 11, onTrack: 0, atRisk: 0, missed: 5, noData: 15, total: 31 }
 */
export function statusTable(reading: WorkbookReading, period: Period, lang: Lang = reading.lang): StatusTable {
  const results = periodResultsOf(reading, lastTargetYear(reading));
  const tolerance = reading.tolerance ?? DEFAULT_TOLERANCE;
  const counts: StatusTable["counts"] = { exceeded: 0, met: 0, onTrack: 0, atRisk: 0, missed: 0, noData: 0, total: 0 };
  const sameOf = (r: (typeof reading.indicators)[number], result: number | string | null, kind: IndicatorKind): { previous: PreviousFigure | null; percentOfPrevious: number | null } =>
    r.key === null ? { previous: null, percentOfPrevious: null } : samePeriod(results[r.key], period, result, { kind, unit: str(r.values.unit) }, knownNatures(r.values, results[r.key]), lang);
  // The year a mid-year round's full-year estimate is judged at: its verdict is the outlook ("dự kiến Đạt / Không đạt").
  const year = hasFullYearEstimate(period) ? periodOf(String(period.year)) : null;
  const outlook = (r: (typeof reading.indicators)[number], evaluate: (p: Period, value: number | string | null) => { status: StatusKey }): StatusTableRow["fullYearEstimate"] => {
    if (!year) return null;
    const raw = r.key !== null ? results[r.key]?.[fullYearEstimateId(period)] : undefined;
    const value = typeof raw === "number" ? raw : str(raw);
    const e = evaluate(year, value);
    const label = statusLabel(e.status, lang);
    return { value, status: e.status, statusLabel: value === null || e.status === "none" || e.status === "noData" ? label : `${lang === "en" ? "expected: " : "dự kiến "}${label}` };
  };
  const indicators = reading.indicators.map((r): StatusTableRow => {
    const v = r.values;
    const own = r.key !== null ? results[r.key] : undefined;
    const typed = own?.[period.id];
    const result = typeof typed === "number" ? typed : str(typed);
    // The row's full-year cells of the grid (plan-period totals and averages), and the rest of its cells.
    const years = new Map<number, unknown>();
    const others: unknown[] = [];
    for (const p of reading.periods) {
      const cell = own?.[p.id] ?? null;
      if (p.kind === "year") years.set(p.year, cell);
      else others.push(cell);
    }
    const plan = {
      op: v.op ?? null, target: v.target ?? null, targetMax: v.targetMax ?? null, direction: v.direction ?? null, kind: v.kind ?? null, unit: v.unit ?? null,
      baseline: v.baseline ?? null, baselineYear: v.baselineYear ?? null, targetYear: v.targetYear ?? null,
    };
    const e = evaluatePeriod(plan, period, result, tolerance, lang, years, others);
    if (e.status !== "none") {
      counts[e.status]++;
      counts.total++;
    }
    return {
      key: r.key,
      stt: str(v.stt),
      code: str(v.code),
      name: str(v.name) ?? "",
      unit: str(v.unit),
      target: { op: readOpSymbol(str(v.op) ?? ""), value: num(v.target), max: num(v.targetMax), year: num(v.targetYear) },
      percent: isPercentRow(str(v.unit), str(v.source)),
      kind: kindOf(plan, lang),
      direction: isLower(plan, lang) ? "lower" : "higher",
      expected: e.expected,
      judged: e.judged,
      result,
      status: e.status,
      statusLabel: statusLabel(e.status, lang),
      percentOfPlan: e.percentOfPlan,
      ...sameOf(r, result, kindOf(plan, lang)),
      nature: r.key !== null ? knownNatures(v, results[r.key])[period.id] ?? null : null,
      fullYearEstimate: outlook(r, (p, value) => evaluatePeriod(plan, p, value, tolerance, lang, years, others)),
      lead: (str(v.lead) ?? "").split(";").map((s) => s.trim()).filter((s) => s !== ""),
    };
  });
  return { period: { id: period.id, label: periodLabel(period, lang), end: period.end }, indicators, counts };
}

/** Counts by status for one lead agency (an indicator with several leads counts for each). */
export type AgencyCounts = {
  agency: string;
  count: number;
  /** Grouped by today's body: the plan's names merged into it, with the day each change took effect (absent when none). */
  merged?: Array<{ name: string; since: string }>;
  /** A level of government that had ended by the period's end (UBND cấp huyện since 1/7/2025): its tasks must be reassigned. */
  reassignSince?: string;
} & Record<StatusCountKey, number>;

/** What the pane's Tổng hợp shows for one period: the choices, the counts and the per-agency table. */
export interface PeriodSummary {
  period: { id: string; label: string; end: string } | null;
  /** Every period the workbook follows, chronological, for the picker. */
  periods: Array<{ id: string; label: string }>;
  /** Indicators with a target (judged rows). */
  total: number;
  byStatus: Record<StatusCountKey, number>;
  byLead: AgencyCounts[];
}

const zeroCounts = (): Record<StatusCountKey, number> => ({ exceeded: 0, met: 0, onTrack: 0, atRisk: 0, missed: 0, noData: 0 });

/**
 * @example
 * periodSummary(reading, periodOf("2023-H1")).byLead[0] // { agency: "Sở Tư pháp", count: 4, met: 0, onTrack: 3, atRisk: 1, missed: 0, noData: 0 }
 */
export function periodSummary(
  reading: WorkbookReading,
  period: Period | null = defaultPeriod(reading),
  lang: Lang = reading.lang,
  by: { grouping?: AgencyGrouping; asOf?: string } = {},
): PeriodSummary {
  const periods = reading.periods.map((p) => ({ id: p.id, label: periodLabel(p, lang) }));
  if (!period) return { period: null, periods, total: 0, byStatus: zeroCounts(), byLead: [] };
  const table = statusTable(reading, period, lang);
  const byLead = new Map<string, AgencyCounts>();
  const none = lang === "en" ? "(no lead agency)" : "(chưa có đơn vị chủ trì)";
  for (const r of table.indicators) {
    if (r.status === "none") continue;
    // Grouped by today's body (2025 reorganisation), two former names of one agency count once for the indicator.
    const asOf = by.asOf ?? LATEST;
    const leads = by.grouping === "current" ? [...new Set(r.lead.map((a) => currentAgencyName(a, asOf)))] : r.lead;
    for (const agency of leads.length > 0 ? leads : [none]) {
      const e = byLead.get(agency) ?? { agency, count: 0, ...zeroCounts() };
      e.count++;
      e[r.status]++;
      byLead.set(agency, e);
    }
    // What the grouping did, said beside each row: who was merged into whom, and which leads must be reassigned.
    for (const name of r.lead) {
      const s = successorsOn(name, period.end);
      if (s.status === "reassign") {
        const e = byLead.get(by.grouping === "current" ? currentAgencyName(name, asOf) : name);
        if (e) e.reassignSince = s.since;
      }
      if (by.grouping !== "current") continue;
      const now = successorsOn(name, asOf);
      if (now.status !== "replaced") continue;
      const e = byLead.get(currentAgencyName(name, asOf));
      if (e && !(e.merged ?? []).some((m) => m.name === now.name)) e.merged = [...(e.merged ?? []), { name: now.name, since: now.since }];
    }
  }
  const { total, ...byStatus } = table.counts;
  return {
    period: table.period,
    periods,
    total,
    byStatus,
    byLead: [...byLead.values()].sort((a, b) => b.count - a.count || a.agency.localeCompare(b.agency, "vi")),
  };
}
