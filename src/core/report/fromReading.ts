/**
 * The report's input from a workbook as read: the period's status table from
 * the period core (`statusTable`: the one place statuses are computed), with
 * what a reader of the report also needs: which indicators are percentages
 * (their cells hold fractions, printed as percent points) and a key for rows
 * an official added without one.
 */
import { parsePeriod } from "../period";
import { defaultPeriod, statusTable } from "../statusTable";
import type { Period } from "../period";
import type { SnapshotValue, WorkbookReading } from "../workbook";
import type { StatusTable, TaskRow } from "./input";
import { currentAgencyName } from "../agency";
import { parseDeadline } from "../parse";
import { countedOnce } from "./restated";

const text = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/** A period id or label ("2023", "2023-H1", "Năm 2023"); null when it is not one (bad data, said by the caller). */
export function reportPeriod(text: string): Period | null {
  return parsePeriod(text);
}

/** The period the workbook shows (KyBaoCao, else its latest period with results); null when it has none. */
export function defaultReportPeriod(reading: WorkbookReading): Period | null {
  return defaultPeriod(reading);
}

/**
 * @example
 * const table = reportTable(reading, periodOf("2023"));
 * buildReport(table, context);
 */
export function reportTable(reading: WorkbookReading, period: Period): StatusTable {
  const table = statusTable(reading, period);
  // Agencies as named on the period's last day: a 2025 report names Sở Tài chính where the plan wrote Sở KH&ĐT.
  const asOf = (name: string): string => currentAgencyName(name, period.end);
  const rows = table.indicators.map((r, i) => {
    const row = reading.indicators[i];
    return {
      // A figure so large that a ratio of it overflows (1e308 typed in the grid) has no percentage: the
      // report says nothing of it rather than failing for the whole province.
      ...finiteOnly(r),
      key: r.key ?? `row:${row?.sheetRow ?? i + 2}`,
      target: r.target.value === null ? null : r.target,
      percent: r.percent,
      lead: [...new Set(r.lead.map(asOf))],
    };
  });
  // An indicator restated in another appendix is counted once, where it is defined.
  return { period: table.period, indicators: countedOnce(rows) };
}

/**
 * The plan's tasks with the statuses the agencies returned, their leads as named at the period's end, and
 * each deadline's last day when it has one (for "quá hạn").
 */
export function reportTasks(reading: WorkbookReading, period: Period): TaskRow[] {
  return reading.tasks
    .filter((t) => text(t.values.text) !== "")
    .map((t) => {
      const deadline = text(t.values.deadline).trim();
      const parsed = deadline === "" ? null : parseDeadline(deadline, { planYear: period.year });
      return {
        text: text(t.values.text).trim(),
        lead: [...new Set(text(t.values.lead).split(";").map((a) => a.trim()).filter((a) => a !== "").map((a) => currentAgencyName(a, period.end)))],
        deadline: deadline === "" ? null : deadline,
        due: parsed?.end ?? null,
        status: text(t.values.status).trim() || null,
        note: text(t.values.note).trim() || null,
      };
    });
}

/** The row with every number that is not finite (Infinity, NaN) in its top-level fields made null. */
function finiteOnly<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === "number" && !Number.isFinite(v)) out[k] = null;
  return out as T;
}

/** "bao-cao-nam-2023.docx": an ASCII file name from the period's label. */
export function reportFileName(label: string): string {
  const ascii = label.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  return `bao-cao-${ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}.docx`;
}
