/**
 * The report's two charts as data (counts by status; statuses by lead
 * agency) and the small SVG the task pane draws from the same data. The
 * .docx writer turns the same data into a native Word chart; the .xlsx
 * writer's chart reads the Tổng hợp table that holds these counts.
 */
import type { ChartData } from "./model";
import type { ReportStatusKey, StatusRow } from "./input";
import { STATUS_COLOURS, STATUS_ORDER, statusWord } from "./_lib/words";

export interface AgencyCounts {
  agency: string;
  total: number;
  counts: Record<ReportStatusKey, number>;
}

const zero = (): Record<ReportStatusKey, number> => ({ exceeded: 0, met: 0, onTrack: 0, atRisk: 0, missed: 0, noData: 0, none: 0 });

export function countByStatus(rows: StatusRow[]): Record<ReportStatusKey, number> {
  const counts = zero();
  for (const r of rows) counts[r.status]++;
  return counts;
}

/**
 * Counts per lead agency, in order of first appearance. An indicator with two
 * lead agencies counts for each (as the Tổng hợp sheet counts it); one
 * without a lead is listed under `noLead`.
 */
export function countByAgency(rows: StatusRow[], noLead: string): AgencyCounts[] {
  const byAgency = new Map<string, AgencyCounts>();
  for (const r of rows) {
    const leads = r.lead.length > 0 ? [...new Set(r.lead)] : [noLead];
    for (const agency of leads) {
      const entry = byAgency.get(agency) ?? { agency, total: 0, counts: zero() };
      entry.total++;
      entry.counts[r.status]++;
      byAgency.set(agency, entry);
    }
  }
  return [...byAgency.values()];
}

/** The statuses that occur (a chart has no empty series), in report order. */
function presentStatuses(counts: Record<ReportStatusKey, number>): ReportStatusKey[] {
  return STATUS_ORDER.filter((k) => counts[k] > 0);
}

export function statusChart(rows: StatusRow[], periodLabel: string): ChartData {
  const counts = countByStatus(rows);
  const keys = presentStatuses(counts);
  return {
    title: `Số chỉ tiêu theo kết quả đánh giá – ${periodLabel}`,
    kind: "column",
    // One series, one bar per status in the status's colour.
    series: [{ name: "Số chỉ tiêu", color: "4472C4" }],
    categories: keys.map((k) => ({ label: statusWord(k), values: [counts[k]], color: STATUS_COLOURS[k] })),
    description: `Biểu đồ cột: ${keys.map((k) => `${statusWord(k)} ${counts[k]}`).join(", ")}.`,
  };
}

export function agencyChart(agencies: AgencyCounts[], periodLabel: string): ChartData {
  const all = zero();
  for (const a of agencies) for (const k of STATUS_ORDER) all[k] += a.counts[k];
  const keys = presentStatuses(all);
  return {
    title: `Kết quả đánh giá chỉ tiêu theo đơn vị chủ trì – ${periodLabel}`,
    kind: "barStacked",
    series: keys.map((k) => ({ name: statusWord(k), color: STATUS_COLOURS[k] })),
    categories: agencies.map((a) => ({ label: a.agency, values: keys.map((k) => a.counts[k]) })),
    description: `Biểu đồ thanh xếp chồng: ${agencies.map((a) => `${a.agency}: ${keys.map((k) => `${statusWord(k)} ${a.counts[k]}`).join(", ")}`).join("; ")}.`,
  };
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** Cuts a label to `max` characters with an ellipsis (the full text stays in the row's tooltip). */
function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

export type Shape =
  | { kind: "rect"; x: number; y: number; width: number; height: number; fill: string }
  | { kind: "text"; x: number; y: number; text: string; anchor: "start" | "end" }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number }
  /** A row of the chart: its shapes, with a tooltip naming every value. */
  | { kind: "group"; tooltip: string; shapes: Shape[] };

export interface ChartPicture {
  width: number;
  height: number;
  title: string;
  description: string;
  shapes: Shape[];
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * A horizontal stacked bar chart laid out as shapes (no chart library): one
 * row per category, a legend above; the width is given, the height grows
 * with the rows. The task pane draws the shapes as SVG elements.
 * @example
 * chartPicture(agencyChart(countByAgency(rows, "Chưa rõ"), "Năm 2023"), 300).height
 */
export function chartPicture(chart: ChartData, width: number): ChartPicture {
  const labelWidth = Math.round(width * 0.4);
  const rowHeight = 22;
  const legendRows = Math.ceil(chart.series.length / 2);
  const top = 8 + legendRows * 16 + 6;
  const height = top + chart.categories.length * rowHeight + 8;
  const plot = width - labelWidth - 24;
  const max = Math.max(1, ...chart.categories.map((c) => c.values.reduce((a, b) => a + b, 0)));
  const shapes: Shape[] = [];
  chart.series.forEach((s, i) => {
    const x = (i % 2) * (width / 2) + 4;
    const y = 8 + Math.floor(i / 2) * 16;
    shapes.push({ kind: "rect", x, y, width: 10, height: 10, fill: s.color });
    shapes.push({ kind: "text", x: x + 14, y: y + 9, text: s.name, anchor: "start" });
  });
  chart.categories.forEach((c, row) => {
    const y = top + row * rowHeight;
    const total = c.values.reduce((a, b) => a + b, 0);
    const group: Shape[] = [{ kind: "text", x: labelWidth - 4, y: y + 14, text: clip(c.label, Math.floor(labelWidth / 6)), anchor: "end" }];
    let x = labelWidth;
    c.values.forEach((v, i) => {
      if (v <= 0) return;
      const w = (v / max) * plot;
      group.push({ kind: "rect", x: r1(x), y: y + 3, width: r1(w), height: rowHeight - 6, fill: chart.series[i]?.color ?? "999999" });
      x += w;
    });
    group.push({ kind: "text", x: r1(x + 3), y: y + 14, text: String(total), anchor: "start" });
    shapes.push({ kind: "group", tooltip: `${c.label}: ${chart.series.map((s, i) => `${s.name} ${c.values[i] ?? 0}`).join(", ")}`, shapes: group });
  });
  shapes.push({ kind: "line", x1: labelWidth, y1: top, x2: labelWidth, y2: top + chart.categories.length * rowHeight });
  return { width, height, title: chart.title, description: chart.description, shapes };
}

function shapeSvg(s: Shape): string {
  switch (s.kind) {
    case "rect": return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" fill="#${s.fill}"/>`;
    case "text": return `<text x="${s.x}" y="${s.y}" font-size="11"${s.anchor === "end" ? ' text-anchor="end"' : ""}>${escapeXml(s.text)}</text>`;
    case "line": return `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="#666"/>`;
    case "group": return `<g><title>${escapeXml(s.tooltip)}</title>${s.shapes.map(shapeSvg).join("")}</g>`;
  }
}

/** The picture as a standalone SVG document (tests, and anyone who wants the file). */
export function chartSvg(picture: ChartPicture): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${picture.width} ${picture.height}" width="${picture.width}" height="${picture.height}" role="img" aria-label="${escapeXml(picture.description)}">` +
    `<title>${escapeXml(picture.title)}</title>${picture.shapes.map(shapeSvg).join("")}</svg>`
  );
}
