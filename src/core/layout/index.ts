/**
 * Plan → declarative workbook layout (sheets, tables, formulas, validation,
 * colour rules, defined names, chart). Pure: both writers (Office.js and
 * exceljs) write exactly what this returns.
 */
import type { Finding, Plan } from "../model";
import type { Lang } from "../status/labels";
import type { SheetRole, SheetSpec, WorkbookLayout } from "./types";
import { SHEET_NAMES } from "./_lib/columns";
import { indicatorsSheet } from "./_lib/indicators";
import { tasksSheet } from "./_lib/tasks";
import { agenciesSheet } from "./_lib/agencies";
import type { DirectoryRow } from "./_lib/agencies";
import { summarySheet } from "./_lib/summary";
import { agencyRoles } from "./_lib/roles";
import { limitCellText } from "./cellLimit";
import { checksSheet } from "./checksSheet";
import { tablePrint } from "./_lib/print";
import { parseAddress } from "./_lib/a1";
import { particularsSheet } from "./_lib/particulars";
import type { UserData } from "./_lib/userData";
import { directoryRows, type AgencyGrouping } from "../agency";
import { initialReportPeriod, layoutPeriods, periodGridSheet } from "./_lib/periodGrid";

export type { DirectoryRow } from "./_lib/agencies";
export type { UserData, CarriedRow } from "./_lib/userData";
export { USER_INDICATOR_COLUMNS, USER_TASK_COLUMNS } from "./_lib/userData";
export { agencyRoles, splitAgencies, exactCriterion, escapeWildcards, roleCountFormula, ROLE_KIND, AGENCY_ROLE } from "./_lib/roles";
export type { AgencyRole } from "./_lib/roles";
export { EXCEL_CELL_MAX, fitCellText, limitCellText, cutCellFindings } from "./cellLimit";
export type { CutCell } from "./cellLimit";
export { INDICATOR_COLUMNS, PERIOD_GRID_COLUMNS, PERIOD_LIST_COLUMNS, TASK_COLUMNS, AGENCY_COLUMNS, ROLE_COLUMNS, SHEET_NAMES, TABLE_NAMES, DEFINED_NAMES, GONE_FROM_SOURCE, isOurTable } from "./_lib/columns";
export type { ColumnDef } from "./_lib/columns";
export { STATUS_FILLS } from "../status/colours";
export { statusColourRules } from "./statusRules";
export { PERCENT_FORMAT, COMPUTED_INDICATOR_COLUMNS, indicatorRowRefs, gridRefs, indicatorKeysOf, indicatorsOf, resultLookupFormula } from "./_lib/indicators";
export { layoutPeriods, initialReportPeriod, periodColumnKey } from "./_lib/periodGrid";
export { scheduleTable, SCHEDULE_COLUMNS, excelSerial } from "./_lib/schedule";
export { taskRows } from "./_lib/tasks";
export { taskKeys } from "./_lib/keys";
export { sanitizeSheetName } from "./sheetName";
export { locateCell, indexLayout } from "./locate";
export { tablePrint } from "./_lib/print";
export { PARTICULAR_KEYS, PARTICULARS_TABLE, PARTICULARS_SHEET, particularDefaults, planDateText, provinceOfIssuer } from "./_lib/particulars";
export type { ParticularKey } from "./_lib/particulars";
export type { LayoutIndex } from "./locate";

export interface LayoutOptions {
  lang: Lang;
  /** Findings listed on the Kiểm tra sheet, each linked to its cell. */
  findings?: Finding[];
  /** Finding ids the planner marked "Đã xem" in the workbook being updated (seenIds): the marks are kept. */
  seenFindings?: ReadonlySet<string>;
  /** What officials typed, carried over by a merge (see src/core/merge). */
  results?: UserData;
  /** Names to use per sheet role (already sanitised and suffixed when a name was taken). */
  sheetNames?: Partial<Record<SheetRole, string>>;
  /** The agency directory listed on Cơ quan before the plan's own agencies (default: the built-in directory). */
  directory?: DirectoryRow[];
  /**
   * Per-agency summaries group leads by today's body ("current", the default:
   * what Sở KH&ĐT led counts under Sở Tài chính) or as the plan writes them.
   */
  agencyGrouping?: AgencyGrouping;
  /** The day "today's body" and the Cơ quan successor column are judged at (ISO); default: the latest known. */
  asOf?: string;
}

/** The widths of Tổng hợp's columns from A to the agency table's last, a gap column counted at Excel's default width. */
function summaryPrintWidths(sheet: SheetSpec): number[] | undefined {
  const agency = sheet.tables[1];
  if (!agency) return undefined;
  const widths: number[] = [];
  for (const t of sheet.tables.slice(0, 2)) {
    const start = parseAddress(t.anchor).col;
    while (widths.length < start - 1) widths.push(9);
    t.columns.forEach((c, i) => (widths[start - 1 + i] = c.width));
  }
  return widths;
}

/**
 * @example
 * const layout = buildLayout(importText(text, "kh.txt").plan, { lang: "vi" });
 * layout.sheets.map((s) => s.name) // ["Chỉ tiêu", "Kết quả theo kỳ", "Nhiệm vụ", "Cơ quan", "Tổng hợp", "Kiểm tra"]
 */
export function buildLayout(plan: Plan, options: LayoutOptions): WorkbookLayout {
  const lang = options.lang;
  const nameOf = (role: Exclude<SheetRole, "info">): string => options.sheetNames?.[role] ?? SHEET_NAMES[lang][role];
  const periods = layoutPeriods(plan, options.results);
  const indicators = indicatorsSheet(nameOf("indicators"), plan, lang, options.results, periods);
  const tasks = tasksSheet(nameOf("tasks"), plan, lang, options.results);
  const roles = agencyRoles(indicators.tables[0], tasks.tables[0]);
  const agencies = agenciesSheet(nameOf("agencies"), plan, options.directory ?? directoryRows(), lang, roles, options.asOf);
  const summary = summarySheet(nameOf("summary"), plan, lang, periods, initialReportPeriod(periods, options.results, plan), roles, {
    ...(options.agencyGrouping ? { grouping: options.agencyGrouping } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  const grid = periodGridSheet(nameOf("results"), plan, periods, lang, options.results);
  // A plan that assigns only tasks (issue 25) opens on Nhiệm vụ; its empty indicator sheets stay (the reader needs
  // their tables) but hidden, so no empty indicator table confuses the planner.
  const taskOnly = indicators.tables[0]?.rows.length === 0 && (tasks.tables[0]?.rows.length ?? 0) > 0;
  const sheets: SheetSpec[] = taskOnly
    ? [tasks, { ...indicators, hidden: true }, { ...grid, hidden: true }, agencies.sheet, summary.sheet, checksSheet(options.findings ?? [], { lang, name: nameOf("checks"), ...(options.seenFindings ? { seen: options.seenFindings } : {}) }), particularsSheet(plan, lang)]
    : [indicators, grid, tasks, agencies.sheet, summary.sheet, checksSheet(options.findings ?? [], { lang, name: nameOf("checks"), ...(options.seenFindings ? { seen: options.seenFindings } : {}) }), particularsSheet(plan, lang)];
  // Every sheet prints the same way: its main table's header repeated, technical columns left out (_lib/print.ts).
  const printed = sheets.map((s): SheetSpec => {
    const main = s.tables[0];
    if (!main) return s;
    // Wide sheets repeat the indicator's or task's identity on each page across.
    const identity = main.columns.some((c) => c.key === "name") ? "name" : main.columns.some((c) => c.key === "text") ? "text" : undefined;
    // Tổng hợp prints its particulars, the status counts and the agency table (the chart below them); the period list right of them is the KyBaoCao list's source.
    const sheetColumns = s.role === "summary" ? summaryPrintWidths(s) : undefined;
    return { ...s, print: tablePrint(main, lang, { area: s.role === "summary" ? "sheet" : "table", ...(identity ? { identity } : {}), ...(sheetColumns ? { sheetColumns } : {}) }) };
  });
  // Excel keeps 32,767 characters a cell: cut longer text here, once for both writers, and say which cells.
  const { layout, cut } = limitCellText({ sheets: printed, names: [...summary.names, ...agencies.names] });
  return cut.length > 0 ? { ...layout, cut } : layout;
}
export { planUpdate, describeProblems, inputColumns, updatedRef, cellInTheWay, newTableRef, tableAreaTaken } from "./ownership";
export type { CellState, CellWrite, ExistingTable, ExistingWorkbook, TableUpdate, UpdateOptions, UpdatePlan, UpdateProblem } from "./ownership";
