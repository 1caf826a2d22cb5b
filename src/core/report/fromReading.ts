/**
 * A status table from a workbook as read, for the report, until the periods
 * helper's `statusTable(reading, period)` lands: then the CLI and the pane
 * call that and this file goes. Statuses, expected values and "% so với kế
 * hoạch" come from the period core (`evaluatePeriod`); only the result's
 * source is read here: the "Kết quả theo kỳ" grid, or for a workbook from
 * before periods the full-year / 6-month columns.
 */
import { evaluatePeriod, parsePeriod } from "../period";
import type { Period } from "../period";
import { readOpSymbol } from "../status";
import type { PlanRow } from "../status";
import type { SnapshotValue, WorkbookReading } from "../workbook";
import type { StatusTable } from "./input";

export type ReportPeriod = Period;

/** A period id or label ("2023", "2023-H1", "Năm 2023"); null when it is not one (bad data, said by the caller). */
export function reportPeriod(text: string): Period | null {
  return parsePeriod(text);
}

const num = (v: SnapshotValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: SnapshotValue | undefined): string | null => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim());

/** A period's result: its cell in the "Kết quả theo kỳ" grid, else (a workbook from before periods) the 6-month or full-year column. */
function resultOf(reading: WorkbookReading, key: string | null, values: Record<string, SnapshotValue>, period: Period): SnapshotValue {
  const grid = key === null ? undefined : reading.periodResults[key];
  if (grid && period.id in grid) return grid[period.id] ?? null;
  if (period.kind === "year") return values.resultYear ?? null;
  if (period.kind === "half") return values.result6m ?? null;
  return null;
}

export function statusTableFromReading(reading: WorkbookReading, period: Period): StatusTable {
  const indicators = reading.indicators.map((r, i) => {
    const v = r.values;
    const row: PlanRow = { op: v.op, target: v.target, targetMax: v.targetMax, direction: v.direction, baseline: v.baseline, baselineYear: v.baselineYear, targetYear: v.targetYear };
    const raw = resultOf(reading, r.key, v, period);
    const evaluation = evaluatePeriod(row, period, raw, undefined, reading.lang);
    const target = num(v.target);
    const source = text(v.source) ?? "";
    const op = text(v.op);
    return {
      key: r.key ?? `row:${r.sheetRow}`,
      stt: text(v.stt) ?? String(i + 1),
      code: text(v.code),
      name: text(v.name) ?? "",
      unit: text(v.unit),
      target: target === null ? null : { op: op === null ? null : (readOpSymbol(op) ?? op), value: target, max: num(v.targetMax), year: num(v.targetYear) },
      expected: evaluation.expected,
      result: num(raw),
      status: evaluation.status,
      percentOfPlan: evaluation.percentOfPlan,
      lead: (text(v.lead) ?? "").split(";").map((s) => s.trim()).filter((s) => s !== ""),
      percent: /Mục tiêu: [^|]*%/.test(source) || (text(v.unit) ?? "").includes("%"),
    };
  });
  return { period: { id: period.id, label: period.label, end: period.end }, indicators };
}

/**
 * The period a report covers when the user names none: the one chosen in
 * the workbook's KyBaoCao cell; for an older workbook, the latest target year
 * of the plan (its first half when no full-year result is typed); null when
 * the plan has no target year.
 */
export function defaultReportPeriod(reading: WorkbookReading): Period | null {
  if (reading.reportPeriod) return reading.reportPeriod;
  const years = reading.indicators.map((r) => num(r.values.targetYear)).filter((y): y is number => y !== null);
  if (years.length === 0) return null;
  const year = Math.max(...years);
  const anyYear = reading.indicators.some((r) => num(r.values.resultYear) !== null);
  return reportPeriod(anyYear ? String(year) : `${year}-H1`);
}

/** "bao-cao-nam-2023.docx": an ASCII file name from the period's label. */
export function reportFileName(label: string): string {
  const ascii = label.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  return `bao-cao-${ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.docx`;
}
