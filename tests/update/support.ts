/** Shared by the update property tests: which cells of the old workbook an update may change. */
import { parseAddress } from "../../src/core/layout/_lib/a1";
import type { WorkbookLayout } from "../../src/core/layout/types";

/**
 * Is this cell of the old workbook ours to change? Cells in our tables' own columns and our free cells are;
 * an input column's cell (result, note, task status) only while it is empty. Everything else is the user's.
 */
export function ours(layout: WorkbookLayout, sheet: string, addr: string, content: unknown): boolean {
  const spec = layout.sheets.find((s) => s.name === sheet);
  if (!spec) return false;
  const at = parseAddress(addr);
  if (spec.cells.some((c) => c.address === addr && !c.input)) return true;
  for (const t of spec.tables) {
    const a = parseAddress(t.anchor);
    const col = t.columns[at.col - a.col];
    if (!col || at.row < a.row || at.row > a.row + Math.max(t.rows.length, 1)) continue;
    return !col.input || content === null || content === undefined || content === "";
  }
  return false;
}
