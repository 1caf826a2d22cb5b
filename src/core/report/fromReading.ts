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
import type { WorkbookReading } from "../workbook";
import type { StatusTable } from "./input";

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
  return {
    period: table.period,
    indicators: table.indicators.map((r, i) => {
      const row = reading.indicators[i];
      return {
        // A figure so large that a ratio of it overflows (1e308 typed in the grid) has no percentage: the
        // report says nothing of it rather than failing for the whole province.
        ...finiteOnly(r),
        key: r.key ?? `row:${row?.sheetRow ?? i + 2}`,
        target: r.target.value === null ? null : r.target,
        percent: r.percent,
      };
    }),
  };
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
