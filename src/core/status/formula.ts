/**
 * Builds the Excel formulas of the status, gap and completion columns from
 * expressions for each field of a row. Expressions are passed in (not column
 * names) so the same builder serves our own table (structured references) and
 * a table the user built themselves (whatever its headers are).
 *
 * No LET/LAMBDA: LibreOffice 7.4 and Excel 2016 must compute these too, so
 * sub-expressions are repeated instead.
 */
import type { Lang } from "./labels";
import { VOCABULARY } from "./labels";

/** One Excel expression per field of a row ("ChiTieu[[#This Row],[Mục tiêu]]" or "$J2"). */
export interface RowRefs {
  op: string;
  target: string;
  targetMax: string;
  direction: string;
  baseline: string;
  baselineYear: string;
  targetYear: string;
  result6m: string;
  resultYear: string;
  /** The relative tolerance of ≈, usually a defined name ("SaiSoChoPhep"). */
  tolerance: string;
}

/** `Table[[#This Row],[Header]]`, the stored form both Excel and LibreOffice read. */
export function thisRow(table: string, header: string): string {
  // Inside a structured reference, [ ] # and ' are escaped with a leading '.
  const escaped = header.replace(/['[\]#]/g, (c) => `'${c}`);
  return `${table}[[#This Row],[${escaped}]]`;
}

const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** TRUE when the row counts as lower-is-better: the direction column says so, or the operator is ≤ or <. */
function lowerExpr(r: Pick<RowRefs, "direction" | "op">, lang: Lang): string {
  const v = VOCABULARY[lang];
  return `OR(${r.direction}=${q(v.lowerIsBetter)},${r.op}=${q(v.ops["<="])},${r.op}=${q(v.ops["<"])})`;
}

/**
 * TRUE when value `x` meets the target. A blank operator falls back on the
 * direction (≥ for higher-is-better, ≤ for lower-is-better); equality at the
 * boundary meets ≥ and ≤; a range without an upper bound is "at least".
 */
export function metExpr(x: string, r: Pick<RowRefs, "op" | "target" | "targetMax" | "direction" | "tolerance">, lang: Lang): string {
  const o = VOCABULARY[lang].ops;
  const t = r.target;
  const cases: Array<[string, string]> = [
    [o[">="], `${x}>=${t}`],
    [o["<="], `${x}<=${t}`],
    [o[">"], `${x}>${t}`],
    [o["<"], `${x}<${t}`],
    [o["="], `${x}=${t}`],
    [o["~"], `ABS(${x}-${t})<=${r.tolerance}*ABS(${t})`],
    [o.range, `AND(${x}>=${t},OR(NOT(ISNUMBER(${r.targetMax})),${x}<=${r.targetMax}))`],
  ];
  const fallback = `IF(${lowerExpr(r, lang)},${x}<=${t},${x}>=${t})`;
  return cases.reduceRight((inner, [sym, test]) => `IF(${r.op}=${q(sym)},${test},${inner})`, fallback);
}

/**
 * Where the straight line from the baseline to the target stands at the middle
 * of the target year: with baseline year B and target year T the line is
 * (T-B-0.5)/(T-B) of the way; without both years, half way (a one-year plan).
 */
export function midYearExpectedExpr(r: RowRefs): string {
  const frac = `IF(AND(ISNUMBER(${r.baselineYear}),ISNUMBER(${r.targetYear}),${r.targetYear}>${r.baselineYear}),(${r.targetYear}-${r.baselineYear}-0.5)/(${r.targetYear}-${r.baselineYear}),0.5)`;
  return `(${r.baseline}+(${r.target}-${r.baseline})*${frac})`;
}

/**
 * Trạng thái: "" without a numeric target; judged on the full-year result when
 * there is one; "Có nguy cơ" when only the 6-month result is in and it is
 * behind the mid-year point of the line (needs a baseline); otherwise
 * "Chưa có số liệu" (the year is not over: nothing to judge yet).
 */
export function statusFormula(r: RowRefs, lang: Lang = "vi"): string {
  const s = VOCABULARY[lang].status;
  const expected = midYearExpectedExpr(r);
  const behind = `IF(${lowerExpr(r, lang)},${r.result6m}>${expected},${r.result6m}<${expected})`;
  return (
    `=IF(NOT(ISNUMBER(${r.target})),"",` +
    `IF(ISNUMBER(${r.resultYear}),IF(${metExpr(r.resultYear, r, lang)},${q(s.met)},${q(s.missed)}),` +
    `IF(AND(ISNUMBER(${r.result6m}),ISNUMBER(${r.baseline})),IF(${behind},${q(s.atRisk)},${q(s.noData)}),${q(s.noData)})))`
  );
}

/** The latest result: the full-year one, else the 6-month one. Only used where one of them is a number. */
function latest(r: RowRefs): string {
  return `IF(ISNUMBER(${r.resultYear}),${r.resultYear},${r.result6m})`;
}

/**
 * Chênh lệch so với mục tiêu, signed so that a positive number is always
 * better than the target (result − target, or target − result when lower is
 * better); inside a range 0, outside it the distance to the nearer bound.
 */
export function gapFormula(r: RowRefs, lang: Lang = "vi"): string {
  return `=IF(OR(NOT(ISNUMBER(${r.target})),AND(NOT(ISNUMBER(${r.resultYear})),NOT(ISNUMBER(${r.result6m})))),"",${gapExpr(latest(r), r, lang)})`;
}

type PlanRefs = Omit<RowRefs, "result6m" | "resultYear">;

function gapExpr(x: string, r: PlanRefs, lang: Lang): string {
  const o = VOCABULARY[lang].ops;
  const range = `IF(${x}<${r.target},${x}-${r.target},IF(AND(ISNUMBER(${r.targetMax}),${x}>${r.targetMax}),${r.targetMax}-${x},0))`;
  return `IF(${r.op}=${q(o.range)},${range},IF(${lowerExpr(r, lang)},${r.target}-${x},${x}-${r.target}))`;
}

/**
 * % hoàn thành: the share of the way from the baseline to the target covered
 * by the latest result ((x−gốc)/(mục tiêu−gốc), right for both directions and
 * for a zero baseline); without a usable baseline, result ÷ target (target ÷
 * result when lower is better). Any division by zero gives "".
 */
export function completionFormula(r: RowRefs, lang: Lang = "vi"): string {
  const x = latest(r);
  return (
    `=IF(OR(NOT(ISNUMBER(${r.target})),AND(NOT(ISNUMBER(${r.resultYear})),NOT(ISNUMBER(${r.result6m})))),"",` +
    `IFERROR(IF(AND(ISNUMBER(${r.baseline}),${r.baseline}<>${r.target}),(${x}-${r.baseline})/(${r.target}-${r.baseline}),` +
    `IF(${lowerExpr(r, lang)},${r.target}/${x},${x}/${r.target})),""))`
  );
}

/** Expressions of one period's judgement: the row's plan cells, its result for the period and the period's end (a date serial). */
export interface PeriodRefs extends Omit<RowRefs, "result6m" | "resultYear"> {
  /** The row's result for the chosen period (a number, or "" when there is none). */
  result: string;
  /** The chosen period's last day as a date serial (a defined name, "KyBaoCaoKetThuc"). */
  end: string;
}

/** TRUE when the period is judged against the target itself (mirrors isFinalAt). */
function finalExpr(r: PeriodRefs): string {
  return `IF(ISNUMBER(${r.targetYear}),${r.end}>=DATE(${r.targetYear},12,31),MONTH(${r.end})=12)`;
}

/**
 * Giá trị theo lộ trình (mirrors expectedAt): the target once the period is
 * final or without a full baseline, else the straight line from the baseline
 * (31/12 of its year) to the target (31/12 of its year) read at the period's end.
 */
export function expectedFormula(r: PeriodRefs): string {
  const from = `DATE(${r.baselineYear},12,31)`;
  const line = `${r.baseline}+(${r.target}-${r.baseline})*(${r.end}-${from})/(DATE(${r.targetYear},12,31)-${from})`;
  const hasLine = `AND(ISNUMBER(${r.baseline}),ISNUMBER(${r.baselineYear}),ISNUMBER(${r.targetYear}),${r.targetYear}>${r.baselineYear})`;
  return `=IF(OR(NOT(ISNUMBER(${r.target})),NOT(ISNUMBER(${r.end}))),"",IF(${finalExpr(r)},${r.target},IF(${hasLine},${line},${r.target})))`;
}

/**
 * Trạng thái of the chosen period (mirrors evaluateAt). `expected` is the
 * row's Giá trị theo lộ trình cell, so the line is written once per row.
 */
export function periodStatusFormula(r: PeriodRefs, expected: string, lang: Lang = "vi"): string {
  const s = VOCABULARY[lang].status;
  const x = r.result;
  const ahead = `IF(${lowerExpr(r, lang)},${x}<=${expected},${x}>=${expected})`;
  return (
    `=IF(NOT(ISNUMBER(${r.target})),"",IF(NOT(ISNUMBER(${x})),${q(s.noData)},` +
    `IF(${finalExpr(r)},IF(${metExpr(x, r, lang)},${q(s.met)},${q(s.missed)}),` +
    `IF(${ahead},${q(s.onTrack)},${q(s.atRisk)}))))`
  );
}

/** % so với kế hoạch: result ÷ target × 100; "" without a result or with a zero target (never from the baseline). */
export function percentOfPlanFormula(r: PeriodRefs): string {
  return `=IF(OR(NOT(ISNUMBER(${r.result})),NOT(ISNUMBER(${r.target}))),"",IF(${r.target}=0,"",${r.result}/${r.target}*100))`;
}

/** Chênh lệch so với mục tiêu of the chosen period's result (same sign rules as gapFormula). */
export function periodGapFormula(r: PeriodRefs, lang: Lang = "vi"): string {
  return `=IF(OR(NOT(ISNUMBER(${r.target})),NOT(ISNUMBER(${r.result}))),"",${gapExpr(r.result, r, lang)})`;
}
