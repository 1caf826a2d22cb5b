/**
 * What a form needs to know about the plan, read from a Chỉ tiêu workbook
 * (either writer's snapshot, interpreted by src/core/workbook): indicators
 * with their parsed lead agencies, tasks with theirs, the plan's periods and
 * the results already in the period grid.
 */
import { isPercentIndicator } from "../judge";
import { parseAgencies } from "../agency";
import type { AgencyDirectory } from "../agency";
import type { Agency } from "../model";
import { natureFromLabel } from "../model";
import { planFromReading } from "../checks/fromWorkbook";
import { opSymbol } from "../status/labels";
import { formatNumber } from "./format";
export { formatNumber } from "./format";
import { SHEET_NAMES } from "../layout/_lib/columns";
import type { SnapshotValue, WorkbookReading, WorkbookSnapshot } from "../workbook";
import { comparePeriods, parsePeriod, planPeriods } from "../period";
import type { Period } from "../period";
import { readSigningKey } from "./signature";
import { readScheduleTable } from "./schedule";

export interface FormIndicator {
  key: string;
  code: string | null;
  name: string;
  unit: string | null;
  /** The target as an agency reads it: "≥ 92%", "≤ 1", "3–5". */
  targetText: string | null;
  /** Percent indicators hold fractions (92 % → 0.92), as in the main workbook. */
  percent: boolean;
  lead: Agency[];
  /** The target's (upper) figure as the grid holds it (a fraction for a percent: 92 % → 0.92), when the plan gives one. */
  targetValue?: number;
  /**
   * Period id → an estimate the workbook holds from the plan's appendix ("Ước thực hiện năm 2025", the baseline
   * marked so on Chỉ tiêu): a returned figure for that period replaces it, as an official figure replaces an estimate.
   */
  estimates?: Record<string, number>;
}

export interface FormTask {
  key: string;
  indicatorKey: string;
  /** The code of the task's indicator ("3.1"). */
  code: string | null;
  text: string;
  deadline: string | null;
  lead: Agency[];
  coordinating: string | null;
  status: SnapshotValue;
  note: SnapshotValue;
}

export interface FormPeriod {
  id: string;
  label: string;
  /** Last day of the period (ISO): decides which agencies exist to report it. */
  end?: string;
  /** The period's column header in the period grid, when it is not the label (an English workbook). */
  header?: string;
  /** The day the agencies' reports are due (ISO), from the workbook's Lịch báo cáo (issue 25). */
  due?: string;
  /** The body the reports go to, as Lịch báo cáo names it. */
  to?: string;
}

/** The period grid of the tracking workbook ("Kết quả theo kỳ"): one input column per period, rows keyed by a hidden column. */
export const PERIOD_GRID = {
  table: "KetQuaTheoKy",
  sheet: { vi: "Kết quả theo kỳ", en: "Results by period" },
  keyHeader: (lang: "vi" | "en"): string => (lang === "en" ? "Key" : "Khóa"),
} as const;

export interface FormSource {
  /** The plan's title ("" when the workbook does not say). */
  title: string;
  /** Identifies the plan: a form whose fingerprint differs was made from another plan (see planFingerprint). */
  fingerprint: string;
  indicators: FormIndicator[];
  tasks: FormTask[];
  /** The plan's reporting periods, in order. */
  periods: FormPeriod[];
  /** indicator key → period id → value in the period grid. */
  results: Record<string, Record<string, SnapshotValue>>;
  /**
   * The tracking workbook's key for signing forms (see ./signature); absent when the workbook has none yet.
   * It signs the forms made from this source and checks the returns; it is never written into a form.
   */
  signingKey?: string;
}

const text = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());


/**
 * A 53-bit hash (cyrb53) as 14 hex digits: enough to tell plans apart, and
 * the same in Node and the browser.
 */
export function hash53(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

/**
 * The plan's fingerprint: its indicator keys with the hidden source text of
 * each (the target as the document wrote it). Officials edit visible cells
 * (names, targets, results) without changing it; two plans built on the same
 * template (same keys) still differ by their targets.
 */
export function planFingerprint(rows: Array<{ key: string; source: string }>): string {
  const lines = rows.map((r) => `${r.key}\t${r.source}`).sort();
  return hash53(lines.join("\n"));
}

/**
 * @example
 * const source = formSource(interpretSnapshot(snapshot), { periods, results, title });
 * source.indicators[0] // { key: "PL-I/3.1", code: "3.1", targetText: "≥ 3,4", lead: [{ name: "Sở Thông tin và Truyền thông", … }], … }
 */
/** The baseline as an estimate of its year, when Chỉ tiêu marks it "Ước thực hiện". */
function estimateOf(values: Record<string, SnapshotValue>): { estimates?: Record<string, number> } {
  const year = values.baselineYear;
  const base = values.baseline;
  if (natureFromLabel(values.baselineNature) !== "estimate" || typeof year !== "number" || typeof base !== "number") return {};
  return { estimates: { [String(year)]: base } };
}

export function formSource(
  reading: WorkbookReading,
  extra: { title?: string; periods: FormPeriod[]; results: Record<string, Record<string, SnapshotValue>> },
  dir?: AgencyDirectory,
): FormSource {
  const { plan } = planFromReading(reading, {}, dir);
  const byKey = new Map(plan.appendices.flatMap((a) => a.indicators).map((i) => [i.key, i]));
  const indicators: FormIndicator[] = [];
  const fingerprintRows: Array<{ key: string; source: string }> = [];
  for (const row of reading.indicators) {
    if (row.key === null) continue;
    const ind = byKey.get(row.key);
    if (!ind) continue;
    fingerprintRows.push({ key: row.key, source: text(row.values.source) });
    const t = ind.target;
    let targetText: string | null = null;
    if (t && t.value !== null) {
      const unit = t.percent ? "%" : "";
      targetText = t.op === "range" && t.max !== null
        ? `${formatNumber(t.value)}–${formatNumber(t.max)}${unit}`
        : `${t.op ? `${opSymbol(t.op)} ` : ""}${formatNumber(t.value)}${unit}`;
    } else if (t) targetText = t.raw || null;
    const upper = t && t.value !== null ? (t.op === "range" && t.max !== null ? t.max : t.value) : null;
    indicators.push({
      key: row.key,
      code: ind.code,
      name: ind.name,
      unit: ind.unit,
      targetText,
      percent: isPercentIndicator(ind),
      lead: ind.lead,
      ...(upper !== null && Number.isFinite(upper) ? { targetValue: t?.percent ? upper / 100 : upper } : {}),
      ...estimateOf(row.values),
    });
  }
  const codeOf = new Map(indicators.map((i) => [i.key, i.code]));
  const tasks: FormTask[] = [];
  for (const row of reading.tasks) {
    if (row.key === null) continue;
    const v = row.values;
    const indicatorKey = text(v.indicatorKey);
    tasks.push({
      key: row.key,
      indicatorKey,
      code: codeOf.get(indicatorKey) ?? (text(v.code) || null),
      text: text(v.text),
      deadline: text(v.deadline) || null,
      lead: parseAgencies(text(v.lead), dir),
      coordinating: text(v.coordinating) || null,
      status: v.status ?? null,
      note: v.note ?? null,
    });
  }
  return {
    title: extra.title ?? "",
    fingerprint: planFingerprint(fingerprintRows),
    indicators,
    tasks,
    periods: extra.periods,
    results: extra.results,
  };
}

/** Where the tracking workbook names its plan: the summary sheet's first cell ("Tổng hợp chỉ tiêu: <title>"). */
export const PLAN_TITLE_CELL = { sheets: [SHEET_NAMES.vi.summary, SHEET_NAMES.en.summary], address: "A1" } as const;

/**
 * The plan's title from the summary's title cell, "" when it is not there.
 * @example
 * planTitleFrom("Tổng hợp chỉ tiêu: Kế hoạch 370/KH-UBND") // "Kế hoạch 370/KH-UBND"
 */
export function planTitleFrom(cell: SnapshotValue): string {
  if (typeof cell !== "string") return "";
  const m = /^(?:Tổng hợp chỉ tiêu|Indicator summary):\s*(.*)$/su.exec(cell.trim());
  return m?.[1]?.trim() ?? "";
}

/**
 * The form source of a tracking workbook as read: the plan's periods are the
 * columns of its period grid ("Kết quả theo kỳ"; each header is a period
 * label), with the values officials typed there; a workbook without the grid
 * yet gets the periods its targets imply and no results.
 * @example
 * const source = formSourceFromWorkbook(snapshot, interpretSnapshot(snapshot), "Kế hoạch 370/KH-UBND");
 * source.periods.map((p) => p.id) // ["2023-H1", "2023"]
 */
export function formSourceFromWorkbook(snapshot: WorkbookSnapshot, reading: WorkbookReading, title: string, dir?: AgencyDirectory): FormSource & { hasGrid: boolean } {
  const grid = snapshot.tables.find((t) => t.name === PERIOD_GRID.table) ?? snapshot.tables.find((t) => t.name.startsWith(PERIOD_GRID.table) && /^\d+$/.test(t.name.slice(PERIOD_GRID.table.length)));
  const results: Record<string, Record<string, SnapshotValue>> = {};
  let periods: FormPeriod[];
  if (grid) {
    const keyCol = grid.headers.findIndex((h) => h.trim() === PERIOD_GRID.keyHeader("vi") || h.trim() === PERIOD_GRID.keyHeader("en"));
    const columns: Array<{ index: number; period: Period; header: string }> = [];
    grid.headers.forEach((h, index) => {
      const period = index === keyCol ? null : parsePeriod(h);
      if (period) columns.push({ index, period, header: h.trim() });
    });
    columns.sort((a, b) => comparePeriods(a.period, b.period));
    periods = columns.map((c) => ({ id: c.period.id, label: c.period.label, end: c.period.end, ...(c.header !== c.period.label ? { header: c.header } : {}) }));
    for (const row of keyCol >= 0 ? grid.rows : []) {
      const key = text(row[keyCol]);
      if (!key) continue;
      const values: Record<string, SnapshotValue> = {};
      for (const c of columns) values[c.period.id] = row[c.index] ?? null;
      results[key] = values;
    }
  } else {
    periods = planPeriods(planFromReading(reading, {}, dir).plan).map((p) => ({ id: p.id, label: p.label, end: p.end }));
  }
  // Each period's due day and recipient from Lịch báo cáo, when the workbook has it (issue 25).
  const schedule = readScheduleTable(snapshot);
  periods = periods.map((p) => {
    const row = schedule.get(p.id);
    return { ...p, ...(row?.due ? { due: row.due } : {}), ...(row?.to ? { to: row.to } : {}) };
  });
  const key = readSigningKey(snapshot);
  return { ...formSource(reading, { title, periods, results }, dir), ...(key ? { signingKey: key } : {}), hasGrid: grid !== undefined };
}
