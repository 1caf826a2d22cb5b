/**
 * The Tổng hợp sheet: the plan's particulars, the ≈ tolerance (a defined
 * name the status formula reads), counts by status and a status × lead
 * agency table (formulas), and a stacked bar chart of that table. The chart
 * is in the layout; a writer that cannot draw charts still leaves the tables.
 */
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import { VOCABULARY } from "../../status/labels";
import { DEFAULT_TOLERANCE } from "../../status";
import { STATUS_CHART_COLOURS } from "../../status/colours";
import { thisRow } from "../../status/formula";
import type { DefinedName, FreeCell, SheetSpec, TableSpec } from "../types";
import { DEFINED_NAMES, INDICATOR_COLUMNS, TABLE_NAMES, header } from "./columns";
import { address, columnLetter, quoteSheet } from "./a1";
import { indicatorsOf } from "./indicators";

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
  },
} as const;

/** Lead agencies of the indicators, in order of first appearance. */
function leadAgencies(plan: Plan): string[] {
  const seen = new Set<string>();
  for (const { indicator } of indicatorsOf(plan)) for (const a of indicator.lead) seen.add(a.name);
  return [...seen];
}

export const SUMMARY_TABLE_ROW = 7;

/** The status columns of the agency table, in order; the chart's bars take their colours by the same keys. */
const STATUS_COLUMNS = ["met", "atRisk", "missed", "noData"] as const;

export function summarySheet(name: string, plan: Plan, lang: Lang): { sheet: SheetSpec; names: DefinedName[] } {
  const t = TEXT[lang];
  const s = VOCABULARY[lang].status;
  const statuses = STATUS_COLUMNS.map((k) => s[k]);
  const statusCol = `${TABLE_NAMES.indicators}[${header(INDICATOR_COLUMNS, "status", lang)}]`;
  const leadCol = `${TABLE_NAMES.indicators}[${header(INDICATOR_COLUMNS, "lead", lang)}]`;
  const docLine = [plan.number, plan.dateRaw ?? plan.date].filter((x): x is string => !!x).join(", ");

  const cells: FreeCell[] = [
    { address: "A1", value: `${t.title}: ${plan.title}`, bold: true },
    { address: "A2", value: t.doc },
    { address: "B2", value: docLine || null },
    { address: "A3", value: t.tolerance },
    { address: "B3", value: DEFAULT_TOLERANCE, numberFormat: "0%" },
    { address: "A4", value: t.percentNote },
  ];

  const byStatus: TableSpec = {
    name: TABLE_NAMES.summaryStatus,
    anchor: `A${SUMMARY_TABLE_ROW}`,
    columns: [
      { key: "status", header: t.status, width: 44 },
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
      { key: "lead", header: t.lead, width: 36, wrap: true },
      ...statuses.map((label, i) => ({
        key: ["met", "atRisk", "missed", "noData"][i] ?? label,
        header: label,
        width: 11,
        formula: `=COUNTIFS(${leadCol},"*"&${me(t.lead)}&"*",${statusCol},"${label}")`,
      })),
      { key: "total", header: t.total, width: 9, formula: `=COUNTIF(${leadCol},"*"&${me(t.lead)}&"*")` },
    ],
    rows: leadAgencies(plan).map((n) => [n, null, null, null, null, null]),
    cellFormats: [],
    style: "TableStyleLight9",
  };

  const lastRow = SUMMARY_TABLE_ROW + Math.max(byAgency.rows.length, 1);
  // Lead names plus the four status columns; the total column stays out of the stacked bars.
  const dataRange = `${quoteSheet(name)}!$${agencyCol}$${SUMMARY_TABLE_ROW}:$${columnLetter(4 + statuses.length)}$${lastRow}`;
  return {
    sheet: {
      name,
      role: "summary",
      tables: [byStatus, byAgency],
      cells,
      conditionalFormats: [],
      charts: [{ type: "barStacked", title: t.chart, dataRange, seriesColors: STATUS_COLUMNS.map((k) => STATUS_CHART_COLOURS[k]), anchor: address(Math.max(lastRow, SUMMARY_TABLE_ROW + 5) + 2, 1), width: 720, height: 360 }],
      freeze: { rows: 0, columns: 0 },
    },
    names: [{ name: DEFINED_NAMES.tolerance, formula: `=${quoteSheet(name)}!$B$3` }],
  };
}
