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
function lowerExpr(r: RowRefs, lang: Lang): string {
  const v = VOCABULARY[lang];
  return `OR(${r.direction}=${q(v.lowerIsBetter)},${r.op}=${q(v.ops["<="])},${r.op}=${q(v.ops["<"])})`;
}

/**
 * TRUE when value `x` meets the target. A blank operator falls back on the
 * direction (≥ for higher-is-better, ≤ for lower-is-better); equality at the
 * boundary meets ≥ and ≤; a range without an upper bound is "at least".
 */
export function metExpr(x: string, r: RowRefs, lang: Lang): string {
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
  const x = latest(r);
  const o = VOCABULARY[lang].ops;
  const range = `IF(${x}<${r.target},${x}-${r.target},IF(AND(ISNUMBER(${r.targetMax}),${x}>${r.targetMax}),${r.targetMax}-${x},0))`;
  return (
    `=IF(OR(NOT(ISNUMBER(${r.target})),AND(NOT(ISNUMBER(${r.resultYear})),NOT(ISNUMBER(${r.result6m})))),"",` +
    `IF(${r.op}=${q(o.range)},${range},IF(${lowerExpr(r, lang)},${r.target}-${x},${x}-${r.target})))`
  );
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
