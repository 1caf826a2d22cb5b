/**
 * The status of a row of a user's own table, as a live Excel formula and as
 * the same judgement in TypeScript (to tell the user the counts at once).
 * Users type operators as ">=" or "≥" and numbers as text with a decimal
 * comma ("6,35"), so the formula normalises both, and the TypeScript mirror
 * does exactly the same.
 */
import { DEFAULT_TOLERANCE, evaluateStatus, type StatusRow } from "../status";
import { statusFormula, thisRow, type RowRefs } from "../status/formula";
import type { Lang, StatusKey } from "../status/labels";
import { columnLetter } from "../layout/_lib/a1";
import type { ColumnDetection, HighlightRole, RoleMatch } from "./index";

/** The header of the status column the add-in adds to a user's table (recognised on a second run). */
export const ADDED_STATUS_HEADER: Record<Lang, string> = { vi: "Trạng thái (Chỉ tiêu)", en: "Status (Chỉ tiêu)" };

const EMPTY = '""';

/** A number, or text that NUMBERVALUE reads with "," as the decimal mark and "." grouping. */
function numeric(ref: string): string {
  return `IF(ISNUMBER(${ref}),${ref},IFERROR(NUMBERVALUE(${ref},",","."),""))`;
}

/**
 * Formula expressions for each field of a row of table `table` (structured
 * references), blanks for roles without a column.
 *
 * @example
 * userRowRefs("Bang1", detection).target // 'IF(ISNUMBER(Bang1[[#This Row],[Mục tiêu]]),…)'
 */
export function userRowRefs(table: string, detection: ColumnDetection, refOf: (m: RoleMatch) => string = (m) => thisRow(table, m.header)): RowRefs {
  const ref = (role: HighlightRole): string | null => {
    const m = detection.mapping[role];
    return m ? refOf(m) : null;
  };
  const num = (role: HighlightRole) => {
    const r = ref(role);
    return r ? numeric(r) : EMPTY;
  };
  const op = ref("operator");
  return {
    op: op ? `SUBSTITUTE(SUBSTITUTE(TRIM(${op}),">=","≥"),"<=","≤")` : EMPTY,
    target: num("target"),
    targetMax: EMPTY,
    direction: ref("direction") ?? EMPTY,
    baseline: num("baseline"),
    baselineYear: EMPTY,
    targetYear: EMPTY,
    result6m: num("result6m"),
    resultYear: num("result"),
    tolerance: String(DEFAULT_TOLERANCE),
  };
}

/** Excel refuses a formula longer than this many characters. */
export const MAX_FORMULA_LENGTH = 8192;

/**
 * The status formula for a user's table (see {@link userRowRefs}), for the row
 * whose first cell is `firstRow` (0-based sheet row and column of the table's
 * first data cell). Structured references read best, but each repeats the
 * header, and with long headers (up to 255 characters) and every role mapped
 * the formula passes Excel's 8,192-character limit: then it refers to the
 * row's cells as `$C4` (column fixed, row relative), which Excel also keeps
 * pointing at the same cells when columns are inserted or moved.
 */
export function userStatusFormula(table: string, detection: ColumnDetection, lang: Lang = "vi", firstRow?: { row: number; col: number }): string {
  const structured = statusFormula(userRowRefs(table, detection), lang);
  if (structured.length <= MAX_FORMULA_LENGTH || !firstRow) return structured;
  return statusFormula(userRowRefs(table, detection, (m) => `$${columnLetter(firstRow.col + m.index + 1)}${firstRow.row + 1}`), lang);
}

/** What NUMBERVALUE(x, ",", ".") gives: numbers as they are, "6,35" → 6.35, "1.000,5" → 1000.5, else null. */
export function readUserNumber(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = v.trim().replace(/\s/g, "");
  if (!/^[+-]?[\d.]*,?\d+%?$/.test(t) && !/^[+-]?[\d.]+,?%?$/.test(t)) return null;
  const pct = t.endsWith("%");
  const n = Number(t.replace(/%$/, "").replace(/\./g, "").replace(",", "."));
  return Number.isFinite(n) ? (pct ? n / 100 : n) : null;
}

/**
 * The status key the formula computes for one row of values (cells in table order).
 *
 * @example
 * userRowStatus([">=", "6,35", 6.4], detection) // "met"
 */
export function userRowStatus(cells: unknown[], detection: ColumnDetection, lang: Lang = "vi"): StatusKey {
  const at = (role: HighlightRole): unknown => {
    const m = detection.mapping[role];
    return m ? cells[m.index] : "";
  };
  const op = at("operator");
  const row: StatusRow = {
    op: typeof op === "string" ? op.trim().replace(">=", "≥").replace("<=", "≤") : op,
    target: readUserNumber(at("target")),
    targetMax: null,
    direction: at("direction"),
    baseline: readUserNumber(at("baseline")),
    baselineYear: null,
    targetYear: null,
    result6m: readUserNumber(at("result6m")),
    resultYear: readUserNumber(at("result")),
  };
  return evaluateStatus(row, DEFAULT_TOLERANCE, lang);
}
