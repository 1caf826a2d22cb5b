/**
 * The Kết quả theo kỳ sheet: one row per indicator (Mã, Chỉ tiêu, Đơn vị
 * tính), one input column per reporting period headed by its label, and the
 * hidden key. Officials type a round's results in its column; the Chỉ tiêu
 * sheet looks the chosen period's column up (KyBaoCao), so no round ever
 * overwrites another.
 */
import { isPercentIndicator } from "../../judge";
import type { Indicator, Plan } from "../../model";
import type { Lang } from "../../status/labels";
import { comparePeriods, fullYearEstimateId, fullYearEstimateLabel, hasFullYearEstimate, parsePeriod, periodLabel, planPeriods, previousYearPeriod } from "../../period";
import type { Period } from "../../period";
import { argb } from "../../_lib/colour";
import type { LayoutCell, LayoutValue, SheetSpec, TableSpec } from "../types";
import { PERIOD_GRID_COLUMNS, TABLE_NAMES, headerOf } from "./columns";
import type { ColumnDef } from "./columns";
import { indicatorKeysOf, indicatorsOf, PERCENT_FORMAT } from "./indicators";
import type { UserData } from "./userData";

/** Column key of a period's input column ("period:2023-H1"). */
export const periodColumnKey = (id: string): string => `period:${id}`;

const hasValue = (v: LayoutValue | undefined): boolean => v !== null && v !== undefined && v !== "";

/**
 * The periods the workbook shows: the plan's own, plus any period that holds
 * a result carried from the workbook (a round typed for a period the plan no
 * longer names is kept, never dropped), chronological.
 */
export function layoutPeriods(plan: Plan, user: UserData | undefined): Period[] {
  const own = planPeriods(plan);
  const byId = new Map(own.map((p) => [p.id, p]));
  // "So với cùng kỳ": the same periods of the year before the plan's first year (the first H1's and year's twins).
  for (const p of own) {
    const prev = previousYearPeriod(p);
    if (!byId.has(prev.id)) byId.set(prev.id, prev);
  }
  // The years the appendix gives results or estimates for ("Thực hiện năm 2024", "Ước thực hiện năm 2025").
  for (const { indicator } of indicatorsOf(plan)) {
    for (const id of Object.keys(historyValues(indicator))) {
      const p = parsePeriod(id);
      if (p && !byId.has(p.id)) byId.set(p.id, p);
    }
  }
  for (const values of Object.values(user?.periodResults ?? {})) {
    for (const [id, v] of Object.entries(values)) {
      const p = parsePeriod(id);
      if (p && hasValue(v) && !byId.has(p.id)) byId.set(p.id, p);
    }
  }
  return [...byId.values()].sort(comparePeriods);
}

/**
 * The period KyBaoCao starts on: the one the workbook showed, else the latest
 * period with any result, else the plan's first period (a new plan's first round).
 */
export function initialReportPeriod(periods: Period[], user: UserData | undefined, plan?: Plan): Period | null {
  const kept = user?.reportPeriod ? periods.find((p) => p.id === user.reportPeriod) : undefined;
  if (kept) return kept;
  const filled = new Set<string>();
  for (const values of Object.values(user?.periodResults ?? {})) for (const [id, v] of Object.entries(values)) if (hasValue(v)) filled.add(id);
  const latest = [...periods].reverse().find((p) => filled.has(p.id));
  // A new plan starts on its own first round, not on the year-before periods kept for "so với cùng kỳ".
  const first = plan ? planPeriods(plan)[0] : undefined;
  return latest ?? (first ? periods.find((p) => p.id === first.id) : undefined) ?? periods[0] ?? null;
}

interface GridRow {
  key: string;
  code: LayoutValue;
  name: LayoutValue;
  unit: LayoutValue;
  percent: boolean;
  /** Period id → the figure the appendix gives for it (written where nobody typed one). */
  history: Record<string, number>;
}

/**
 * The single-year results and estimates of an indicator's appendix history,
 * by year period id, on the row's scale (a percent row holds fractions). Of
 * two figures for one year, the official one.
 */
export function historyValues(indicator: Indicator): Record<string, number> {
  // A percent row holds fractions (92 % → 0.92); the appendix writes its figures in percent points, with or without "%".
  const rowPercent = isPercentIndicator(indicator);
  const out: Record<string, number> = {};
  const official = new Set<string>();
  for (const h of indicator.history ?? []) {
    if ((h.kind !== "actual" && h.kind !== "estimate") || h.value === null || h.from === null || h.from !== h.to) continue;
    const id = String(h.from);
    if (official.has(id)) continue;
    out[id] = rowPercent ? h.value / 100 : h.value;
    if (h.kind === "actual") official.add(id);
  }
  return out;
}

function gridRows(plan: Plan, user: UserData | undefined): GridRow[] {
  const keys = indicatorKeysOf(plan);
  const rows: GridRow[] = indicatorsOf(plan).map(({ indicator }, i) => ({
    key: keys[i] ?? indicator.key,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    percent: isPercentIndicator(indicator),
    history: historyValues(indicator),
  }));
  // Rows kept after their indicator left the document keep their results too.
  for (const gone of user?.goneIndicators ?? []) {
    const k = gone.values.key;
    if (typeof k !== "string" || k === "") continue;
    rows.push({ key: k, code: gone.values.code ?? null, name: gone.values.name ?? null, unit: gone.values.unit ?? null, percent: gone.percent, history: {} });
  }
  return rows;
}

function column(def: ColumnDef, lang: Lang): TableSpec["columns"][number] {
  const col: TableSpec["columns"][number] = { key: def.key, header: headerOf(def, lang), width: def.width };
  if (def.numberFormat) col.numberFormat = def.numberFormat;
  if (def.hidden) col.hidden = true;
  if (def.wrap) col.wrap = true;
  return col;
}

export function periodGridSheet(name: string, plan: Plan, periods: Period[], lang: Lang, user: UserData | undefined): SheetSpec {
  const rows = gridRows(plan, user);
  const error = lang === "en" ? "Type a number (92% or 0.92 for percentages)." : "Hãy nhập một số (92% hoặc 0,92 với chỉ tiêu phần trăm).";
  // Each of the plan's own 6- and 9-month rounds is followed by its full-year estimate ("ước cả năm").
  const own = new Set(planPeriods(plan).map((p) => p.id));
  const slots: Array<{ id: string; label: string; history: boolean }> = periods.flatMap((p) => {
    const slot = { id: p.id, label: periodLabel(p, lang), history: true };
    return own.has(p.id) && hasFullYearEstimate(p) ? [slot, { id: fullYearEstimateId(p), label: fullYearEstimateLabel(p, lang), history: false }] : [slot];
  });
  const columns: TableSpec["columns"] = [
    ...PERIOD_GRID_COLUMNS.before.map((d) => column(d, lang)),
    ...slots.map((s) => ({
      key: periodColumnKey(s.id),
      header: s.label,
      width: 13,
      // Officials type here; an in-place update never overwrites a filled cell (see ../ownership).
      input: true,
      validation: { type: "decimal" as const, errorStyle: "stop" as const, allowBlank: true, error },
    })),
    ...PERIOD_GRID_COLUMNS.after.map((d) => column(d, lang)),
  ];
  const cells: LayoutCell[][] = rows.map((r) => {
    const typed = user?.periodResults?.[r.key] ?? {};
    // What officials typed wins; an empty cell shows the appendix's figure for that year.
    return [r.code, r.name, r.unit, ...slots.map((s) => (hasValue(typed[s.id]) ? typed[s.id] ?? null : s.history ? r.history[s.id] ?? null : null)), r.key];
  });
  const cellFormats: TableSpec["cellFormats"] = [];
  rows.forEach((r, row) => {
    if (r.percent) for (const s of slots) cellFormats.push({ row, column: periodColumnKey(s.id), numberFormat: PERCENT_FORMAT });
  });
  return {
    name,
    role: "results",
    tables: [{ name: TABLE_NAMES.periodResults, anchor: "A1", columns, rows: cells, cellFormats, style: "TableStyleMedium2", rowKey: "key" }],
    cells: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 2 },
    tabColor: argb("FF2E8B57"),
  };
}
