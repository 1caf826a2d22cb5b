/**
 * The Chỉ tiêu sheet: one row per indicator, the chosen period's result
 * (looked up from the Kết quả theo kỳ grid by KyBaoCao), its expected value,
 * status, gap and % so với kế hoạch as formulas, validation and the colour rules.
 *
 * Percent values are stored as fractions (92 % → 0.92) with a "0.0%" format
 * on the baseline, target, result and expected cells of that row (and on the
 * row's grid cells), so what an official types into a result cell (92% or, in
 * a %-formatted cell, 92) lands on the same scale as the target.
 */
import type { Indicator, Plan, TargetOp } from "../../model";
import { NATURE_LABEL } from "../../model";
import type { Lang } from "../../status/labels";
import { VOCABULARY } from "../../status/labels";
import { expectedFormula, judgedFormula, percentOfPlanFormula, periodGapFormula, periodStatusFormula, thisRow } from "../../status/formula";
import type { GridRefs, PeriodRefs } from "../../status/formula";
import { percentOfPreviousFormula } from "../../status/sameperiod";
import { inferKind, isPercentIndicator } from "../../judge";
import { INDICATOR_KINDS } from "../../status/labels";
import type { Period } from "../../period";
import { periodLabel } from "../../period";
import { statusColourRules } from "../statusRules";
import type { LayoutCell, LayoutValue, SheetSpec, TableSpec } from "../types";
import { INDICATOR_COLUMNS, DEFINED_NAMES, GONE_FROM_SOURCE, PERIOD_GRID_COLUMNS, PERIOD_LIST_COLUMNS, TABLE_NAMES, header, headerOf } from "./columns";
import { columnLetter } from "./a1";
import { argb } from "../../_lib/colour";
import { uniqueKeys } from "./keys";
import type { UserData } from "./userData";

export const PERCENT_FORMAT = "0.0%";
const PERCENT_KEYS = ["baseline", "target", "targetMax", "result", "judged", "expected", "gap", "previous"] as const;
/** Columns computed from the plan, the grid and KyBaoCao: never carried, never typed. */
export const COMPUTED_INDICATOR_COLUMNS: ReadonlySet<string> = new Set(["result", "judged", "expected", "status", "gap", "percentOfPlan", "previous", "percentOfPrevious"]);

/** The indicators that get a row: every indicator of indicator and body appendices, and those of task appendices that carry a target. */
export function indicatorsOf(plan: Plan): Array<{ indicator: Indicator; appendix: string }> {
  const out: Array<{ indicator: Indicator; appendix: string }> = [];
  for (const a of plan.appendices) {
    for (const ind of a.indicators) {
      if (a.kind !== "tasks" || ind.target !== null) out.push({ indicator: ind, appendix: a.title || a.id });
    }
  }
  return out;
}

/** The row keys of the plan's indicators, in row order (unique even when the source repeats a key). */
export function indicatorKeysOf(plan: Plan): string[] {
  return uniqueKeys(indicatorsOf(plan).map((c) => c.indicator.key));
}

const names = (agencies: Array<{ name: string }>): string => agencies.map((a) => a.name).join("; ");
const pct = (v: number | null, percent: boolean): number | null => (v === null ? null : percent ? v / 100 : v);

function opOf(ind: Indicator): TargetOp | null {
  const t = ind.target;
  if (!t) return null;
  // "nằm trong tốp 10" means rank ≤ 10: the only reading of a top-N target.
  if (t.op === null && t.kind === "top") return "<=";
  return t.op;
}

function sourceText(ind: Indicator): string {
  const parts: string[] = [];
  if (ind.target) parts.push(`Mục tiêu: ${ind.target.raw}`);
  if (ind.baseline) parts.push(`Gốc: ${ind.baseline.raw}`);
  if (ind.rank) parts.push(`Xếp hạng: ${ind.rank.raw}`);
  if (ind.deadline) parts.push(`Thời hạn: ${ind.deadline.raw}`);
  for (const a of [...ind.lead, ...ind.coordinating]) if (a.raw !== a.name) parts.push(`Đơn vị: ${a.raw}`);
  for (const [k, v] of Object.entries(ind.extra)) parts.push(`${k}: ${v}`);
  return parts.join(" | ");
}

/**
 * The year a row's plan counts from, less one (Năm gốc): the baseline's year;
 * without one, the year before a multi-year plan's first when the target is
 * for a year of that plan ("Mục tiêu giai đoạn 2026 - 2030": 2025), so a
 * plan-period total or average sums the plan's years and a level's line starts
 * where the plan does. Null otherwise (a one-year plan needs none).
 */
function baselineYearOf(ind: Indicator, period: Plan["period"]): number | null {
  if (ind.baseline?.year != null) return ind.baseline.year;
  const ty = ind.target?.year ?? null;
  if (!period || period.to <= period.from || ty === null || ty < period.from || ty > period.to) return null;
  return period.from - 1;
}

/** The values of an indicator's row by column key (formula columns left null). */
export function indicatorValues(ind: Indicator, appendix: string, key: string, lang: Lang, period: Plan["period"] = null): Record<string, LayoutValue> {
  const v = VOCABULARY[lang];
  const t = ind.target;
  // One rule for which rows hold fractions (../../judge/percent): the unit, else a target written with "%".
  const tPct = isPercentIndicator(ind);
  const lower = ind.lowerIsBetter || t?.kind === "rank" || t?.kind === "top";
  const op = opOf(ind);
  return {
    stt: ind.stt,
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    baseline: pct(ind.baseline?.value ?? null, tPct),
    baselineYear: baselineYearOf(ind, period),
    baselineNature: ind.baseline?.nature ? NATURE_LABEL[ind.baseline.nature][lang === "en" ? "en" : "vi"] : null,
    baselineRank: ind.rank?.value ?? null,
    // A component row states a direction only when it carries a target of its own.
    direction: ind.level === "component" && !t ? null : lower ? v.lowerIsBetter : v.higherIsBetter,
    kind: ind.level === "component" && !t ? null : v.kinds[inferKind({ name: ind.name, unit: ind.unit, target: t })],
    op: op === null ? null : v.ops[op],
    target: pct(t?.value ?? null, tPct),
    targetMax: pct(t?.max ?? null, tPct),
    targetYear: t?.year ?? null,
    targetText: t ? t.raw.replace(/\s+/g, " ").trim() || null : null,
    lead: names(ind.lead) || null,
    coordinating: names(ind.coordinating) || null,
    deadline: ind.deadline?.raw ?? null,
    result: null,
    judged: null,
    expected: null,
    status: null,
    gap: null,
    percentOfPlan: null,
    previous: null,
    percentOfPrevious: null,
    note: null,
    sourceState: null,
    key,
    appendix,
    source: sourceText(ind) || null,
  };
}

/** A header inside a structured reference: [ ] # and ' escaped with a leading '. */
const escapeHeader = (h: string): string => h.replace(/['[\]#]/g, (c) => `'${c}`);

/**
 * The grid's period columns as seen from a row of ChiTieu (for plan-period
 * totals and averages): the row by key, the columns from the first period's
 * to the last's; null without periods.
 */
export function gridRefs(periods: readonly Period[], lang: Lang): GridRefs | null {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return null;
  const g = TABLE_NAMES.periodResults;
  const cols = `[${escapeHeader(periodLabel(first, lang))}]:[${escapeHeader(periodLabel(last, lang))}]`;
  const key = thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "key", lang));
  const keyCol = headerOf(PERIOD_GRID_COLUMNS.after[0], lang);
  const yearLabel = periodLabel({ id: "2000", kind: "year", year: 2000, quarter: null, label: "Năm 2000", labelEn: "Year 2000", end: "2000-12-31" }, lang);
  return {
    row: `INDEX(${g}[${cols}],MATCH(${key},${g}[${keyCol}],0),0)`,
    headers: `${g}[[#Headers],${cols}]`,
    yearPrefix: yearLabel.slice(0, -4),
  };
}

/** Expressions of the period formulas over this table's own columns (the grid's `periods` for totals and averages). */
export function indicatorRowRefs(lang: Lang, periods: readonly Period[] = []): PeriodRefs {
  const ref = (key: string): string => thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, key, lang));
  return {
    op: ref("op"), target: ref("target"), targetMax: ref("targetMax"), direction: ref("direction"), kind: ref("kind"), unit: ref("unit"),
    baseline: ref("baseline"), baselineYear: ref("baselineYear"), targetYear: ref("targetYear"),
    result: ref("result"), end: DEFINED_NAMES.reportPeriodEnd, tolerance: DEFINED_NAMES.tolerance, grid: gridRefs(periods, lang),
  };
}

/**
 * The chosen period's cell of this row in the Kết quả theo kỳ grid: the row
 * by key, the column by KyBaoCao among the grid's headers. Column ranges
 * ([Mã]:[Khóa]) rather than the bare table name or [#Data]: LibreOffice reads
 * a bare table name with its header row and rejects [#Headers] alone.
 * An empty cell gives "" (INDEX of an empty cell would read as 0), text typed
 * there shows as it is (and judges as no result); no such key or period, "".
 */
export function resultLookupFormula(lang: Lang, periodLabel: string = DEFINED_NAMES.reportPeriod): string {
  const g = TABLE_NAMES.periodResults;
  const first = headerOf(PERIOD_GRID_COLUMNS.before[0], lang);
  const last = headerOf(PERIOD_GRID_COLUMNS.after[0], lang);
  const key = thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "key", lang));
  const cell =
    `INDEX(${g}[[${first}]:[${last}]],MATCH(${key},${g}[${last}],0),` +
    `MATCH(${periodLabel},${g}[[#Headers],[${first}]:[${last}]],0))`;
  return `=IFERROR(IF(${cell}&""="","",${cell}),"")`;
}

/**
 * "Cùng kỳ năm trước": the grid cell of the period a year before KyBaoCao,
 * whose label the period list gives (DanhSachKy[Cùng kỳ năm trước]).
 */
export function previousLookupFormula(lang: Lang): string {
  const list = TABLE_NAMES.periods;
  const label = `INDEX(${list}[${header(PERIOD_LIST_COLUMNS, "previous", lang)}],MATCH(${DEFINED_NAMES.reportPeriod},${list}[${header(PERIOD_LIST_COLUMNS, "label", lang)}],0))`;
  return resultLookupFormula(lang, label);
}

export function indicatorsSheet(name: string, plan: Plan, lang: Lang, user: UserData | undefined, periods: readonly Period[] = []): SheetSpec {
  const chosen = indicatorsOf(plan);
  const keys = indicatorKeysOf(plan);
  const rowsByKey: Array<Record<string, LayoutValue>> = chosen.map((c, i) => {
    const key = keys[i] ?? c.indicator.key;
    const values = indicatorValues(c.indicator, c.appendix, key, lang, plan.period);
    const typed = user?.indicators[key];
    if (typed) Object.assign(values, typed);
    return values;
  });
  const percentRows = chosen.map((c) => isPercentIndicator(c.indicator));
  for (const gone of user?.goneIndicators ?? []) {
    const marked = gone.mark ? { sourceState: GONE_FROM_SOURCE[lang] } : {};
    const kept = Object.fromEntries(Object.entries(gone.values).filter(([k]) => !COMPUTED_INDICATOR_COLUMNS.has(k)));
    rowsByKey.push({ ...kept, ...marked });
    percentRows.push(gone.percent);
  }

  const refs = indicatorRowRefs(lang, periods);
  const expectedCell = thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "expected", lang));
  const judgedCell = thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "judged", lang));
  const formulas: Record<string, string> = {
    result: resultLookupFormula(lang),
    judged: judgedFormula(refs, lang),
    expected: expectedFormula(refs, lang),
    status: periodStatusFormula(refs, judgedCell, expectedCell, lang),
    gap: periodGapFormula(refs, judgedCell, lang),
    percentOfPlan: percentOfPlanFormula(refs, judgedCell, expectedCell, lang),
    previous: previousLookupFormula(lang),
    percentOfPrevious: percentOfPreviousFormula({
      result: refs.result,
      previous: thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "previous", lang)),
      kind: thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "kind", lang)),
      unit: thisRow(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "unit", lang)),
    }, lang),
  };
  const agencyList = { formula: `=${DEFINED_NAMES.agencyList}` };
  const columns = INDICATOR_COLUMNS.map((def) => {
    const col: TableSpec["columns"][number] = { key: def.key, header: headerOf(def, lang), width: def.width };
    if (def.numberFormat) col.numberFormat = def.numberFormat;
    if (def.hidden) col.hidden = true;
    if (def.wrap) col.wrap = true;
    if (def.input) col.input = true;
    const f = formulas[def.key];
    if (f) col.formula = f;
    if (def.key === "lead" || def.key === "coordinating") {
      col.validation = { type: "list", source: agencyList, errorStyle: "warning", allowBlank: true,
        error: lang === "en" ? "Not in the agency list (Agencies sheet). Keep it anyway?" : "Không có trong danh sách cơ quan (sheet Cơ quan). Vẫn giữ?" };
    }
    if (def.key === "baselineNature") {
      col.validation = { type: "list", source: { items: Object.values(NATURE_LABEL).map((l) => (lang === "en" ? l.en : l.vi)) }, errorStyle: "warning", allowBlank: true };
    }
    if (def.key === "kind") {
      col.validation = { type: "list", source: { items: INDICATOR_KINDS.map((k) => VOCABULARY[lang].kinds[k]) }, errorStyle: "stop", allowBlank: true,
        error: lang === "en" ? "Choose a kind from the list." : "Hãy chọn một loại trong danh sách." };
    }
    if (def.key === "direction") {
      col.validation = { type: "list", source: { items: [VOCABULARY[lang].higherIsBetter, VOCABULARY[lang].lowerIsBetter] }, errorStyle: "stop", allowBlank: true,
        error: lang === "en" ? "Choose a direction from the list." : "Hãy chọn một chiều trong danh sách." };
    }
    if (def.key === "op") {
      col.validation = { type: "list", source: { items: Object.values(VOCABULARY[lang].ops) }, errorStyle: "stop", allowBlank: true };
    }
    if (def.key === "target" || def.key === "targetMax" || def.key === "baseline") {
      col.validation = { type: "decimal", errorStyle: "stop", allowBlank: true,
        error: lang === "en" ? "Type a number (92% or 0.92 for percentages)." : "Hãy nhập một số (92% hoặc 0,92 với chỉ tiêu phần trăm)." };
    }
    return col;
  });
  const rows: LayoutCell[][] = rowsByKey.map((r) => INDICATOR_COLUMNS.map((def) => (formulas[def.key] ? null : (r[def.key] ?? null))));
  const cellFormats: TableSpec["cellFormats"] = [];
  percentRows.forEach((isPct, row) => {
    if (isPct) for (const column of PERCENT_KEYS) cellFormats.push({ row, column, numberFormat: PERCENT_FORMAT });
  });

  const statusCol = columnLetter(INDICATOR_COLUMNS.findIndex((d) => d.key === "status") + 1);
  const lastCol = columnLetter(INDICATOR_COLUMNS.length);
  const range = `A2:${lastCol}${Math.max(rows.length, 1) + 1}`;

  return {
    name,
    role: "indicators",
    tables: [{ name: TABLE_NAMES.indicators, anchor: "A1", columns, rows, cellFormats, style: "TableStyleMedium2", rowKey: "key" }],
    cells: [],
    conditionalFormats: statusColourRules(range, `$${statusCol}2`, lang),
    charts: [],
    freeze: { rows: 1, columns: 3 },
    tabColor: argb("FF1F6FB2"),
  };
}
