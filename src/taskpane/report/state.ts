/**
 * What the report panel shows, as a pure function of the report source: the
 * period, the number of indicators, and the statuses-by-agency chart laid out
 * as shapes (the same chart the workbook's Tổng hợp sheet and the report
 * draw). The component only turns shapes into SVG elements.
 */
import { agencyChart, chartPicture, countByAgency } from "../../core/report/chart";
import type { ChartPicture } from "../../core/report/chart";
import type { ReportSource } from "../../app/services";

export interface ReportView {
  periodLabel: string;
  total: number;
  chart: ChartPicture | null;
}

/** Pane width for the chart, in SVG units (the SVG scales to the pane). */
export const CHART_WIDTH = 300;

export function reportView(source: ReportSource, noLead: string): ReportView {
  const agencies = countByAgency(source.table.indicators, noLead);
  return {
    periodLabel: source.table.period.label,
    total: source.table.indicators.length,
    chart: agencies.length > 0 ? chartPicture(agencyChart(agencies, source.table.period.label), CHART_WIDTH) : null,
  };
}
