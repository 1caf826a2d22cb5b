/**
 * A status table from a workbook as read, for the report, until the periods
 * core (`statusTable(reading, period)` in src/core/period) is merged: then
 * this file goes and the CLI and pane call that instead. Statuses come from
 * the one evaluator the workbook's formula mirrors (src/core/status); the
 * period picks the result column the current workbook has (6-month or
 * full-year).
 */
import { evaluateStatus, readOpSymbol, DEFAULT_TOLERANCE } from "../status";
import type { SnapshotValue, WorkbookReading } from "../workbook";
import type { StatusTable } from "./input";

export interface ReportPeriod {
  id: string;
  label: string;
  end: string;
  column: "result6m" | "resultYear";
}

/** "2023" → Năm 2023; "2023-H1" → 6 tháng đầu năm 2023; anything else → null (bad data, said by the caller). */
export function reportPeriod(id: string): ReportPeriod | null {
  const year = /^(\d{4})$/.exec(id.trim());
  if (year?.[1]) return { id: year[1], label: `Năm ${year[1]}`, end: `${year[1]}-12-31`, column: "resultYear" };
  const half = /^(\d{4})-H1$/i.exec(id.trim());
  if (half?.[1]) return { id: `${half[1]}-H1`, label: `6 tháng đầu năm ${half[1]}`, end: `${half[1]}-06-30`, column: "result6m" };
  return null;
}

const num = (v: SnapshotValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const text = (v: SnapshotValue | undefined): string | null => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim());

export function statusTableFromReading(reading: WorkbookReading, period: ReportPeriod): StatusTable {
  const indicators = reading.indicators.map((r, i) => {
    const v = r.values;
    const result = num(v[period.column]);
    const target = num(v.target);
    const row = { ...v, result6m: period.column === "result6m" ? v.result6m : null, resultYear: period.column === "resultYear" ? v.resultYear : null };
    const status = evaluateStatus(row as Parameters<typeof evaluateStatus>[0], DEFAULT_TOLERANCE, reading.lang);
    const source = text(v.source) ?? "";
    const op = text(v.op);
    return {
      key: r.key ?? `row:${r.sheetRow}`,
      stt: text(v.stt) ?? String(i + 1),
      code: text(v.code),
      name: text(v.name) ?? "",
      unit: text(v.unit),
      target: target === null ? null : { op: op === null ? null : (readOpSymbol(op) ?? op), value: target, max: num(v.targetMax), year: num(v.targetYear) },
      expected: null,
      result,
      status,
      percentOfPlan: result !== null && target !== null && target !== 0 ? (result / target) * 100 : null,
      lead: (text(v.lead) ?? "").split(";").map((s) => s.trim()).filter((s) => s !== ""),
      percent: /Mục tiêu: [^|]*%/.test(source) || (text(v.unit) ?? "").includes("%"),
    };
  });
  return { period: { id: period.id, label: period.label, end: period.end }, indicators };
}

/**
 * The period a report covers when the user names none: the latest target
 * year of the plan, as a full year when any full-year result is typed, else
 * its first half; null when the plan has no target year.
 */
export function defaultReportPeriod(reading: WorkbookReading): ReportPeriod | null {
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
