/**
 * Turning layout cells into what Office.js receives, safely, and estimating
 * how big a request gets (Excel on the web refuses requests above 5 MB).
 */
import type { LayoutCell } from "../../core/layout/types";

/**
 * Excel reads a string set through `values` or `formulas` as the user's typing: "=…", "+…", "-…", "@…" become
 * formulas, and whatever looks like a number, date, time, percentage, currency or boolean *in the user's
 * locale* is converted ("05" → 5, "(1)" → −1, "$5" → 5, "Jan 2025" → a date, "1.000" → 1000 in vi-VN).
 * No list of patterns covers every locale, so every text is sent with the leading apostrophe, Excel's own
 * "this is text" mark: it is not part of the value and reads back without it.
 */

/**
 * A layout cell as a value for `range.values` / `range.formulas`.
 *
 * @example
 * toExcelInput("=1+1")            // "'=1+1" (text, never a formula)
 * toExcelInput("(1)")             // "'(1)" (text, never −1)
 * toExcelInput({ formula: "=A1" }) // "=A1"
 * toExcelInput(null)              // ""
 */
export function toExcelInput(cell: LayoutCell): string | number | boolean {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.formula;
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  return cell;
}

/** Text for a single cell (a defined name's cell, a confirmed edit): marked as text as above. */
export function textInput(text: string): string {
  return text === "" ? "" : `'${text}`;
}

const encoder = new TextEncoder();

/** Fixed cost of one queued action (object ids, method names) in a request. */
export const ACTION_OVERHEAD_BYTES = 60;

/** Estimated bytes a value adds to the JSON request Office.js sends. */
export function estimateBytes(value: unknown): number {
  if (value === undefined) return ACTION_OVERHEAD_BYTES;
  return ACTION_OVERHEAD_BYTES + encoder.encode(JSON.stringify(value)).length;
}

/** Safety margin under Excel on the web's 5 MB limit (headers, ids and our estimate's error). */
export const DEFAULT_PAYLOAD_LIMIT = 4 * 1024 * 1024;
