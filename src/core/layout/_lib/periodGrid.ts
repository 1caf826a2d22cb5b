/**
 * The Kết quả theo kỳ sheet: one row per indicator (Mã, Chỉ tiêu, Đơn vị
 * tính), one input column per reporting period headed by its label, and the
 * hidden key. Officials type a round's results in its column; the Chỉ tiêu
 * sheet looks the chosen period's column up (KyBaoCao), so no round ever
 * overwrites another.
 */
import { isPercentIndicator } from "../../judge";
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import { comparePeriods, parsePeriod, periodLabel, planPeriods } from "../../period";
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
  const byId = new Map(planPeriods(plan).map((p) => [p.id, p]));
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
 * period with any result, else the first period (a new plan's first round).
 */
export function initialReportPeriod(periods: Period[], user: UserData | undefined): Period | null {
  const kept = user?.reportPeriod ? periods.find((p) => p.id === user.reportPeriod) : undefined;
  if (kept) return kept;
  const filled = new Set<string>();
  for (const values of Object.values(user?.periodResults ?? {})) for (const [id, v] of Object.entries(values)) if (hasValue(v)) filled.add(id);
  const latest = [...periods].reverse().find((p) => filled.has(p.id));
  return latest ?? periods[0] ?? null;
}

interface GridRow {
  key: string;
  code: LayoutValue;
  name: LayoutValue;
  unit: LayoutValue;
  percent: boolean;
}

function gridRows(plan: Plan, user: UserData | undefined): GridRow[] {
  const keys = indicatorKeysOf(plan);
  const rows: GridRow[] = indicatorsOf(plan).map(({ indicator }, i) => ({
    key: keys[i] ?? indicator.key,
    code: indicator.code,
    name: indicator.name,
    unit: indicator.unit,
    percent: isPercentIndicator(indicator),
  }));
  // Rows kept after their indicator left the document keep their results too.
  for (const gone of user?.goneIndicators ?? []) {
    const k = gone.values.key;
    if (typeof k !== "string" || k === "") continue;
    rows.push({ key: k, code: gone.values.code ?? null, name: gone.values.name ?? null, unit: gone.values.unit ?? null, percent: gone.percent });
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
  const columns: TableSpec["columns"] = [
    ...PERIOD_GRID_COLUMNS.before.map((d) => column(d, lang)),
    ...periods.map((p) => ({
      key: periodColumnKey(p.id),
      header: periodLabel(p, lang),
      width: 13,
      // Officials type here; an in-place update never overwrites a filled cell (see ../ownership).
      input: true,
      validation: { type: "decimal" as const, errorStyle: "stop" as const, allowBlank: true, error },
    })),
    ...PERIOD_GRID_COLUMNS.after.map((d) => column(d, lang)),
  ];
  const cells: LayoutCell[][] = rows.map((r) => {
    const typed = user?.periodResults?.[r.key] ?? {};
    return [r.code, r.name, r.unit, ...periods.map((p) => typed[p.id] ?? null), r.key];
  });
  const cellFormats: TableSpec["cellFormats"] = [];
  rows.forEach((r, row) => {
    if (r.percent) for (const p of periods) cellFormats.push({ row, column: periodColumnKey(p.id), numberFormat: PERCENT_FORMAT });
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
