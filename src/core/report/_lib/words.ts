/**
 * How the report writes numbers, targets and statuses: the Vietnamese way
 * ("6,35", "1.000", "≥ 6,35"), through the project's one number formatter.
 */
import { formatNumberVi } from "../../parse/number";
import { VOCABULARY } from "../../status/labels";
import { STATUS_CHART_COLOURS } from "../../status/colours";
import type { TargetOp } from "../../model";
import type { ReportStatusKey, StatusRow } from "../input";

/** Statuses in the order a report lists them: good news first, then what needs action. */
export const STATUS_ORDER: readonly ReportStatusKey[] = ["exceeded", "met", "onTrack", "atRisk", "missed", "noData", "none"];

const STATUS_VI: Record<ReportStatusKey, string> = {
  ...VOCABULARY.vi.status,
  onTrack: "Đúng tiến độ",
  none: "Không có mục tiêu để đánh giá",
};

/** Colours of the chart bars ("RRGGBB"): the same as the workbook's chart (src/core/status/colours). */
export const STATUS_COLOURS: Record<ReportStatusKey, string> = {
  exceeded: STATUS_CHART_COLOURS.exceeded.slice(2),
  met: STATUS_CHART_COLOURS.met.slice(2),
  onTrack: STATUS_CHART_COLOURS.onTrack.slice(2),
  atRisk: STATUS_CHART_COLOURS.atRisk.slice(2),
  missed: STATUS_CHART_COLOURS.missed.slice(2),
  noData: STATUS_CHART_COLOURS.noData.slice(2),
  none: "BDBDBD",
};

export function statusWord(key: ReportStatusKey): string {
  return STATUS_VI[key];
}

/** Rounded for reading (at most two decimals), never in exponent form. */
export function number(value: number, decimals = 2): string {
  // Whatever a workbook holds must not stop the report: no number is shown as blank, and a figure too large
  // to scale (1e308) has no decimals to round.
  if (!Number.isFinite(value)) return "";
  const f = 10 ** decimals;
  const scaled = value * f;
  return formatNumberVi(Number.isFinite(scaled) ? Math.round(scaled) / f : value);
}

/** A value of an indicator, percent fractions shown as percent points (0.92 → "92"; the unit column says %). */
export function value(v: number | string | null, row: Pick<StatusRow, "percent" | "unit">): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  return number(isPercent(row) ? v * 100 : v);
}

export function isPercent(row: Pick<StatusRow, "percent" | "unit">): boolean {
  return row.percent ?? (row.unit ?? "").includes("%");
}

const OPS: Record<string, string> = { ...VOCABULARY.vi.ops, "≥": "≥", "≤": "≤", "≈": "≈" };

/** "≥ 6,35", "10 – 15", "≤ 30"; "" without a target. */
export function targetText(row: StatusRow): string {
  const t = row.target;
  if (!t || t.value === null) return "";
  const v = value(t.value, row);
  if (t.op === "range" || (t.max !== null && t.max !== t.value)) return t.max !== null ? `${v} – ${value(t.max, row)}` : v;
  const symbol = t.op === null ? "" : (OPS[t.op as TargetOp] ?? t.op);
  return symbol && symbol !== "=" ? `${symbol} ${v}` : v;
}

/** "100,8%"; "" without one. */
export function percentText(p: number | null): string {
  return p === null ? "" : `${number(p, 1)}%`;
}

/**
 * The date line of Nghị định 30/2020 (Phụ lục I, Mục II.4b): days below 10
 * and the months 1 and 2 take a leading zero, other months do not.
 * @example
 * nd30Date("2024-01-05") // "ngày 05 tháng 01 năm 2024"
 * nd30Date("2023-12-15") // "ngày 15 tháng 12 năm 2023"
 */
export function nd30Date(iso: string): string {
  const { day, month, year } = dateWords(iso);
  const d = day < 10 ? `0${day}` : String(day);
  const m = month <= 2 ? `0${month}` : String(month);
  return `ngày ${d} tháng ${m} năm ${year}`;
}

/** "15 tháng 12 năm 2023" from an ISO date. */
export function dateWords(iso: string): { day: number; month: number; year: number } {
  const [y, m, d] = iso.split("-").map(Number);
  return { day: d ?? 1, month: m ?? 1, year: y ?? 1970 };
}

/** A list in a sentence: "a, b và c". */
export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} và ${items[items.length - 1] ?? ""}`;
}
