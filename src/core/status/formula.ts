/**
 * Builds the Excel formulas of the status, gap and completion columns from
 * expressions for each field of a row. Expressions are passed in (not column
 * names) so the same builder serves our own table (structured references) and
 * a table the user built themselves (whatever its headers are).
 *
 * No LET/LAMBDA: LibreOffice 7.4 and Excel 2016 must compute these too, so
 * sub-expressions are repeated instead.
 */
import type { Lang, StatusVocabulary } from "./labels";
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

type DirRefs = Pick<RowRefs, "direction" | "op"> & { kind?: string };

/**
 * TRUE when lower is better (mirrors isLower): the Chiều cell says so; a blank
 * or unknown Chiều falls back on a rank kind or an operator ≤ / <.
 */
function lowerExpr(r: DirRefs, lang: Lang): string {
  const v = VOCABULARY[lang];
  const rank = r.kind !== undefined ? `${r.kind}=${q(v.kinds.rank)},` : "";
  return `OR(${r.direction}=${q(v.lowerIsBetter)},AND(${r.direction}<>${q(v.higherIsBetter)},OR(${rank}${r.op}=${q(v.ops["<="])},${r.op}=${q(v.ops["<"])})))`;
}

type TargetRefs = Pick<RowRefs, "op" | "target" | "targetMax" | "direction" | "tolerance"> & { kind?: string };

/** One IF per operator, the blank operator (a bare number) last. */
function byOp(r: TargetRefs, lang: Lang, cases: Array<[keyof StatusVocabulary["ops"], string]>, bare: string): string {
  const o = VOCABULARY[lang].ops;
  return cases.reduceRight((inner, [op, test]) => `IF(${r.op}=${q(o[op])},${test},${inner})`, bare);
}

/**
 * Vượt, Đạt or Không đạt for a final value (mirrors finalVerdict). Each
 * operator compares through SIGN and picks the word with CHOOSE, so the value
 * and the target are written once or twice per operator (a user's table
 * repeats long NUMBERVALUE expressions for both, under Excel's 8,192 characters):
 * - ≥ / ≤ and a bare number (at least, or at most when lower is better): the
 *   boundary meets, beyond it is Vượt;
 * - > / < and =: met or not, never exceeded;
 * - ≈: met within the tolerance, Vượt beyond it on the good side;
 * - a range: met from its near bound, Vượt beyond its far bound.
 * With s = −1 when lower is better, `a + b` of two SIGNs runs −2…2: below the
 * near bound, on it, between, on the far bound, beyond it.
 */
export function verdictExpr(x: string, r: TargetRefs, lang: Lang): string {
  const st = VOCABULARY[lang].status;
  const [E, M, X] = [q(st.exceeded), q(st.met), q(st.missed)];
  const t = r.target;
  const sgn = `IF(${lowerExpr(r, lang)},-1,1)`;
  const far = `IF(ISNUMBER(${r.targetMax}),${r.targetMax},${t})`;
  const tol = `${r.tolerance}*ABS(${t})`;
  const three = (sign: string, below: string, on: string, above: string): string => `CHOOSE(SIGN(${sign})+2,${below},${on},${above})`;
  const five = (a: string, b: string): string => `CHOOSE(SIGN(${a})+SIGN(${b})+3,${X},${M},${M},${M},${E})`;
  return byOp(r, lang, [
    [">=", three(`${x}-${t}`, X, M, E)],
    ["<=", three(`${x}-${t}`, E, M, X)],
    [">", three(`${x}-${t}`, X, X, M)],
    ["<", three(`${x}-${t}`, M, X, X)],
    ["=", `IF(${x}=${t},${M},${X})`],
    ["~", `CHOOSE(SIGN((${x}-${t})*${sgn}-${tol})+SIGN((${x}-${t})*${sgn}+${tol})+3,${X},${M},${M},${M},${E})`],
    ["range", five(`${sgn}*(${x}-IF(${sgn}<0,${t},${far}))`, `${sgn}*(${x}-IF(${sgn}<0,${far},${t}))`)],
  ], three(`(${x}-${t})*${sgn}`, X, M, E));
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
    `IF(ISNUMBER(${r.resultYear}),${verdictExpr(r.resultYear, r, lang)},` +
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

/** Where the grid of period results is, for plan-period totals and averages. */
export interface GridRefs {
  /** The row's cells over the grid's period columns ("INDEX(KetQuaTheoKy[[Quý I/2026]:[Năm 2030]],MATCH(…),0)"). */
  row: string;
  /** The same columns' headers ("KetQuaTheoKy[[#Headers],[Quý I/2026]:[Năm 2030]]"). */
  headers: string;
  /** What a full year's header starts with ("Năm "), followed by its four digits. */
  yearPrefix: string;
}

/** Expressions of one period's judgement: the row's plan cells, its result for the period and the period's end (a date serial). */
export interface PeriodRefs extends Omit<RowRefs, "result6m" | "resultYear"> {
  /** The Loại chỉ tiêu cell. */
  kind: string;
  /** The Đơn vị tính cell (a "%" unit makes a plan-period average geometric). */
  unit: string;
  /** The row's result for the chosen period (a number, or "" when there is none). */
  result: string;
  /** The chosen period's last day as a date serial (a defined name, "KyBaoCaoKetThuc"). */
  end: string;
  /** The grid, when the workbook has one. */
  grid: GridRefs | null;
}

const kindIs = (r: PeriodRefs, kind: keyof StatusVocabulary["kinds"], lang: Lang): string => `${r.kind}=${q(VOCABULARY[lang].kinds[kind])}`;

/** TRUE when the period is judged against the target itself (mirrors isFinalAt). */
function finalExpr(r: PeriodRefs): string {
  return `IF(ISNUMBER(${r.targetYear}),${r.end}>=DATE(${r.targetYear},12,31),MONTH(${r.end})=12)`;
}

/** The bound a result must reach (mirrors nearBound). */
function nearExpr(r: PeriodRefs, lang: Lang): string {
  return `IF(AND(${r.op}=${q(VOCABULARY[lang].ops.range)},${lowerExpr(r, lang)},ISNUMBER(${r.targetMax})),${r.targetMax},${r.target})`;
}

/** The first year of the row's plan (mirrors planStart). */
function fromExpr(r: PeriodRefs): string {
  return `IF(ISNUMBER(${r.baselineYear}),${r.baselineYear}+1,${r.targetYear})`;
}

/** The straight line from the baseline to the near bound, read on date serial `day` (mirrors lineAt). */
function lineExpr(r: PeriodRefs, day: string, near: string): string {
  const from = `DATE(${r.baselineYear},12,31)`;
  const hasLine = `AND(ISNUMBER(${r.baseline}),ISNUMBER(${r.baselineYear}),ISNUMBER(${r.targetYear}),${r.targetYear}>${r.baselineYear})`;
  return `IF(${hasLine},${r.baseline}+(${near}-${r.baseline})*(${day}-${from})/(DATE(${r.targetYear},12,31)-${from}),${near})`;
}

/**
 * Giá trị theo lộ trình (mirrors expectedAt): the near bound once the period
 * is final; before, by kind: the line (level), the year's target × the share
 * of the year elapsed (flow), the target (growth, average, rank), the target ×
 * years elapsed ÷ years of the plan (total).
 */
export function expectedFormula(r: PeriodRefs, lang: Lang = "vi"): string {
  const near = nearExpr(r, lang);
  const from = fromExpr(r);
  const flow = `${lineExpr(r, `DATE(YEAR(${r.end}),12,31)`, near)}*MONTH(${r.end})/12`;
  const total = `IF(AND(ISNUMBER(${r.targetYear}),ISNUMBER(${from})),${near}*MAX(0,YEAR(${r.end})-${from}+MONTH(${r.end})/12)/(${r.targetYear}-${from}+1),${near}*MONTH(${r.end})/12)`;
  return (
    `=IF(OR(NOT(ISNUMBER(${r.target})),NOT(ISNUMBER(${r.end}))),"",IF(${finalExpr(r)},${near},` +
    `IF(${kindIs(r, "flow", lang)},${flow},` +
    `IF(OR(${kindIs(r, "growth", lang)},${kindIs(r, "periodAverage", lang)},${kindIs(r, "rank", lang)}),${near},` +
    `IF(${kindIs(r, "periodTotal", lang)},${total},${lineExpr(r, r.end, near)})))))`
  );
}

/**
 * Giá trị đánh giá (mirrors judgedValue): the result; for a plan-period
 * total, plus the full-year results of the plan's earlier years; for an
 * average, their mean with the result (geometric for a "%" unit). The years
 * are the grid's "Năm yyyy" columns from the plan's first year to the year
 * before the period's, picked by comparing their four digits as text (no
 * VALUE, so other headers raise no error inside SUMPRODUCT).
 */
export function judgedFormula(r: PeriodRefs, lang: Lang = "vi"): string {
  const x = r.result;
  const g = r.grid;
  let sum = "0";
  let count = "0";
  let logs = "0";
  if (g) {
    const p = q(g.yearPrefix);
    const h = g.headers;
    const cond = `(LEFT(${h},${g.yearPrefix.length})=${p})*(LEN(${h})=${g.yearPrefix.length + 4})*(RIGHT(${h},4)>=""&${fromExpr(r)})*(RIGHT(${h},4)<""&YEAR(${r.end}))`;
    sum = `SUMPRODUCT(${cond},${g.row})`;
    count = `SUMPRODUCT(${cond},--ISNUMBER(${g.row}))`;
    logs = `SUMPRODUCT(${cond},LN(1+${g.row}))`;
  }
  const average = `IF(AND(ISNUMBER(SEARCH("%",${r.unit})),NOT(ISNUMBER(SEARCH("điểm",${r.unit})))),EXP((LN(1+${x})+${logs})/(1+${count}))-1,(${x}+${sum})/(1+${count}))`;
  return (
    `=IFERROR(IF(NOT(ISNUMBER(${x})),"",IF(${kindIs(r, "periodTotal", lang)},${x}+${sum},` +
    `IF(${kindIs(r, "periodAverage", lang)},${average},${x}))),"")`
  );
}

/**
 * Trạng thái of the chosen period (mirrors evaluateAt). `judged` and
 * `expected` are the row's Giá trị đánh giá and Giá trị theo lộ trình cells,
 * so the sums and the line are written once per row.
 */
export function periodStatusFormula(r: PeriodRefs, judged: string, expected: string, lang: Lang = "vi"): string {
  const s = VOCABULARY[lang].status;
  const x = judged;
  const ahead = `IF(${lowerExpr(r, lang)},${x}<=${expected},${x}>=${expected})`;
  return (
    `=IF(NOT(ISNUMBER(${r.target})),"",IF(NOT(ISNUMBER(${x})),${q(s.noData)},` +
    `IF(${finalExpr(r)},${verdictExpr(x, r, lang)},` +
    `IF(${ahead},${q(s.onTrack)},${q(s.atRisk)}))))`
  );
}

/**
 * % so với kế hoạch (mirrors percentOfPlanAt): judged ÷ plan × 100, the plan
 * being the year's target for a flow and the near bound otherwise; "" where
 * it means nothing (lower is better, a rank, an equality) and for a zero plan.
 */
export function percentOfPlanFormula(r: PeriodRefs, judged: string, expected: string, lang: Lang = "vi"): string {
  const plan = `IF(${kindIs(r, "flow", lang)},${expected}*12/MONTH(${r.end}),${nearExpr(r, lang)})`;
  return (
    `=IF(OR(NOT(ISNUMBER(${judged})),NOT(ISNUMBER(${r.target})),NOT(ISNUMBER(${expected}))),"",` +
    `IF(OR(${lowerExpr(r, lang)},${kindIs(r, "rank", lang)},${r.op}=${q(VOCABULARY[lang].ops["="])}),"",` +
    `IF(${plan}=0,"",${judged}/${plan}*100)))`
  );
}

/** Chênh lệch so với mục tiêu of the chosen period's judged number (same sign rules as gapFormula). */
export function periodGapFormula(r: PeriodRefs, judged: string, lang: Lang = "vi"): string {
  return `=IF(OR(NOT(ISNUMBER(${r.target})),NOT(ISNUMBER(${judged}))),"",${gapExpr(judged, r, lang)})`;
}
