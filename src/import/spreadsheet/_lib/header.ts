/**
 * How much a row looks like an appendix header: the number of distinct column
 * roles the core's `recognizeColumns` finds in it (STT, name, unit, target…).
 * Distinct, so a data row whose cells merely start like a header word
 * ("Chỉ số: 1.1.1. …" twice) does not pass for one.
 */
import { recognizeColumns } from "../../../core/import/columns";

/** @example scoreHeaderRow(["STT", "Chỉ tiêu", "Đơn vị tính", "6,35"]) // 3 */
export function scoreHeaderRow(row: string[]): number {
  const roles = new Set(recognizeColumns([row]).map((c) => c.role));
  roles.delete("unknown");
  return roles.size;
}
