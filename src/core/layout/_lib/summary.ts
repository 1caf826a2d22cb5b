/**
 * The Tổng hợp sheet: the plan's particulars, the ≈ tolerance (a defined
 * name the status formula reads), the reporting period shown (KyBaoCao, a
 * list of the plan's periods, and its end date), counts by status and a
 * status × lead agency table for that period (formulas), the list of periods,
 * and a stacked bar chart of the agency table. The chart
 * is in the layout; a writer that cannot draw charts still leaves the tables.
 */
import { currentAgencyName, LATEST, type AgencyGrouping } from "../../agency";
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import { VOCABULARY } from "../../status/labels";
import { DEFAULT_TOLERANCE } from "../../status";
import { STATUS_CHART_COLOURS } from "../../status/colours";
import { thisRow } from "../../status/formula";
import type { Period } from "../../period";
import { periodLabel, previousYearPeriod } from "../../period";
import type { DefinedName, FreeCell, SheetSpec, TableSpec } from "../types";
import { DEFINED_NAMES, INDICATOR_COLUMNS, PERIOD_LIST_COLUMNS, TABLE_NAMES, header, headerOf } from "./columns";
import { address, columnLetter, quoteSheet } from "./a1";
import { indicatorsOf } from "./indicators";
import { AGENCY_ROLE, ROLE_KIND, roleCountFormula } from "./roles";
import { scheduleTable } from "./schedule";
import type { AgencyRole } from "./roles";

const TEXT = {
  vi: {
    title: "Tổng hợp chỉ tiêu",
    doc: "Văn bản",
    tolerance: "Sai số cho phép khi so sánh ≈ (tương đối)",
    percentNote: "Ô phần trăm lưu dạng thập phân: gõ 92% (hoặc 92 trong ô đã định dạng %) được 0,92.",
    status: "Trạng thái",
    count: "Số chỉ tiêu",
    lead: "Đơn vị chủ trì",
    total: "Tổng",
    chart: "Trạng thái chỉ tiêu theo đơn vị chủ trì",
    period: "Kỳ báo cáo (chọn để xem)",
    periodEnd: "Ngày kết thúc kỳ",
    periodPrompt: "Chọn kỳ báo cáo: sheet Chỉ tiêu và bảng tổng hợp hiển thị kết quả, trạng thái của kỳ này.",
    periodError: "Hãy chọn một kỳ trong danh sách.",
  },
  en: {
    title: "Indicator summary",
    doc: "Document",
    tolerance: "Relative tolerance of ≈",
    percentNote: "Percent cells hold fractions: typing 92% (or 92 in a %-formatted cell) gives 0.92.",
    status: "Status",
    count: "Indicators",
    lead: "Lead agency",
    total: "Total",
    chart: "Indicator status by lead agency",
    period: "Reporting period (choose)",
    periodEnd: "Period end",
    periodPrompt: "Choose the reporting period: the Indicators sheet and these tables show its results and statuses.",
    periodError: "Choose a period from the list.",
  },
} as const;

/** Lead agencies of the indicator rows (or today's bodies), in order of first appearance (once each, as COUNTIFS compares text). */
function leadAgencies(plan: Plan, roles: AgencyRole[] | undefined, asOf: string | null): string[] {
  const written = roles
    ? roles.filter((r) => r.kind === ROLE_KIND.indicator && r.role === AGENCY_ROLE.lead).map((r) => r.agency)
    : indicatorsOf(plan).flatMap(({ indicator }) => indicator.lead.map((a) => a.name));
  // Grouped by today's body (asOf given): "Sở Kế hoạch và Đầu tư" is listed as "Sở Tài chính".
  const names = asOf === null ? written : written.map((n) => currentAgencyName(n, asOf));
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  return [...seen.values()];
}

export const SUMMARY_TABLE_ROW = 7;
/** The statuses-by-agency chart's name in the workbook (both writers give it), by which an update finds it again. */
export const SUMMARY_CHART_NAME = "BieuDoTrangThaiTheoDonVi";

/** The status columns of the agency table, in order; the chart's bars take their colours by the same keys. */
const STATUS_ORDER = ["exceeded", "met", "onTrack", "atRisk", "missed", "noData"] as const;

const isoParts = (iso: string): string => `${Number(iso.slice(0, 4))},${Number(iso.slice(5, 7))},${Number(iso.slice(8, 10))}`;

/** How the per-agency table groups leads: by today's body (default) or as written, judged at `asOf` (ISO; default the latest known). */
export interface SummaryGrouping {
  grouping?: AgencyGrouping;
  asOf?: string;
}

export function summarySheet(
  name: string,
  plan: Plan,
  lang: Lang,
  periods: Period[],
  chosen: Period | null,
  roles?: AgencyRole[],
  by: SummaryGrouping = {},
): { sheet: SheetSpec; names: DefinedName[] } {
  // Grouped by today's body, rows name today's agencies and count the roles table's "current" column.
  const current = (by.grouping ?? "current") === "current";
  const matchBy = current ? "current" : "agency";
  const t = TEXT[lang];
  const s = VOCABULARY[lang].status;
  const statuses = STATUS_ORDER.map((k) => s[k]);
  const statusCol = `${TABLE_NAMES.indicators}[${header(INDICATOR_COLUMNS, "status", lang)}]`;
  const docLine = [plan.number, plan.dateRaw ?? plan.date].filter((x): x is string => !!x).join(", ");

  const cells: FreeCell[] = [
    { address: "A1", value: `${t.title}: ${plan.title}`, bold: true },
    { address: "A2", value: t.doc },
    { address: "B2", value: docLine || null },
    { address: "A3", value: t.tolerance },
    { address: "B3", value: DEFAULT_TOLERANCE, numberFormat: "0%", input: true },
    { address: "A4", value: t.percentNote },
    { address: "A5", value: t.period, bold: true },
    {
      address: "B5",
      value: chosen ? periodLabel(chosen, lang) : null,
      bold: true,
      // The planner's choice: an update keeps it.
      input: true,
      validation: { type: "list", source: { formula: `=${DEFINED_NAMES.periodList}` }, errorStyle: "stop", allowBlank: true, prompt: t.periodPrompt, error: t.periodError },
    },
    { address: "A6", value: t.periodEnd },
    {
      address: "B6",
      value: { formula: `=IFERROR(INDEX(${TABLE_NAMES.periods}[${header(PERIOD_LIST_COLUMNS, "end", lang)}],MATCH(${DEFINED_NAMES.reportPeriod},${TABLE_NAMES.periods}[${header(PERIOD_LIST_COLUMNS, "label", lang)}],0)),"")` },
      numberFormat: "dd/mm/yyyy",
    },
  ];

  const byStatus: TableSpec = {
    name: TABLE_NAMES.summaryStatus,
    anchor: `A${SUMMARY_TABLE_ROW}`,
    columns: [
      { key: "status", header: t.status, width: 40 },
      { key: "count", header: t.count, width: 14, formula: `=COUNTIF(${statusCol},${thisRow(TABLE_NAMES.summaryStatus, t.status)})` },
    ],
    rows: statuses.map((label) => [label, null]),
    cellFormats: [],
    style: "TableStyleLight9",
  };

  const agencyCol = "D";
  const me = (h: string): string => thisRow(TABLE_NAMES.summaryAgency, h);
  const byAgency: TableSpec = {
    name: TABLE_NAMES.summaryAgency,
    anchor: `${agencyCol}${SUMMARY_TABLE_ROW}`,
    columns: [
      // Narrow enough that the counts and this table print on one A4 page at 70 % or more (see ../_lib/print.ts).
      { key: "lead", header: t.lead, width: 30, wrap: true },
      ...statuses.map((label, i) => ({
        key: STATUS_ORDER[i] ?? label,
        header: label,
        width: 9,
        // Exact membership, counted from the roles table (see ./roles).
        formula: roleCountFormula(lang, me(t.lead), { kind: ROLE_KIND.indicator, role: AGENCY_ROLE.lead, status: label, by: matchBy }),
      })),
      { key: "total", header: t.total, width: 9, formula: roleCountFormula(lang, me(t.lead), { kind: ROLE_KIND.indicator, role: AGENCY_ROLE.lead, by: matchBy }) },
    ],
    rows: leadAgencies(plan, roles, current ? by.asOf ?? LATEST : null).map((n) => [n, ...statuses.map(() => null), null]),
    cellFormats: [],
    style: "TableStyleLight9",
    rowKey: "lead",
  };

  // The period list sits right of the agency table, one column apart.
  const listCol = columnLetter(4 + byAgency.columns.length + 1);
  const periodList: TableSpec = {
    name: TABLE_NAMES.periods,
    anchor: `${listCol}${SUMMARY_TABLE_ROW}`,
    columns: PERIOD_LIST_COLUMNS.map((d) => ({ key: d.key, header: headerOf(d, lang), width: d.width, ...(d.numberFormat ? { numberFormat: d.numberFormat } : {}) })),
    // The end as DATE(): a date serial both engines compare, without a date type in the layout.
    rows: periods.map((p) => [periodLabel(p, lang), p.id, { formula: `=DATE(${isoParts(p.end)})` }, periodLabel(previousYearPeriod(p), lang)]),
    cellFormats: [],
    style: "TableStyleLight9",
  };
  // The reporting schedule (issue 25) sits right of the period list, one column apart.
  const schedule = scheduleTable(plan, periods, lang, { col: columnLetter(4 + byAgency.columns.length + 1 + PERIOD_LIST_COLUMNS.length + 1), row: SUMMARY_TABLE_ROW });
  cells.push(...schedule.cells);
  const listFirst = SUMMARY_TABLE_ROW + 1;
  const listLast = SUMMARY_TABLE_ROW + Math.max(periods.length, 1);

  const agencyLast = SUMMARY_TABLE_ROW + Math.max(byAgency.rows.length, 1);
  const lastRow = Math.max(agencyLast, listLast);
  // Lead names plus the status columns; the total column stays out of the stacked bars.
  const dataRange = `${quoteSheet(name)}!$${agencyCol}$${SUMMARY_TABLE_ROW}:$${columnLetter(4 + statuses.length)}$${agencyLast}`;
  // The chart's caption names the chosen period; the chart's title is linked to it, so both follow KyBaoCao.
  const chartRow = Math.max(lastRow, SUMMARY_TABLE_ROW + statuses.length) + 2;
  const chartCaption = address(chartRow - 1, 1);
  cells.push({ address: chartCaption, value: { formula: `="${t.chart}"&IF(${DEFINED_NAMES.reportPeriod}="",""," – "&${DEFINED_NAMES.reportPeriod})` }, bold: true });
  return {
    sheet: {
      name,
      role: "summary",
      tables: [byStatus, byAgency, periodList, schedule.table],
      cells,
      conditionalFormats: [],
      charts: [{ type: "barStacked", name: SUMMARY_CHART_NAME, title: chosen ? `${t.chart} – ${periodLabel(chosen, lang)}` : t.chart, titleCell: chartCaption, dataRange, seriesColors: STATUS_ORDER.map((k) => STATUS_CHART_COLOURS[k]), anchor: address(chartRow, 1), width: 720, height: 360 }],
      freeze: { rows: 0, columns: 0 },
    },
    names: [
      { name: DEFINED_NAMES.tolerance, formula: `=${quoteSheet(name)}!$B$3` },
      { name: DEFINED_NAMES.reportPeriod, formula: `=${quoteSheet(name)}!$B$5` },
      { name: DEFINED_NAMES.reportPeriodEnd, formula: `=${quoteSheet(name)}!$B$6` },
      { name: DEFINED_NAMES.periodList, formula: `=${quoteSheet(name)}!$${listCol}$${listFirst}:$${listCol}$${listLast}` },
    ],
  };
}
