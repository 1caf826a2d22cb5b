/**
 * "Đổi sang đơn vị kế thừa" in the open workbook: which lead/coordinating
 * cells name dissolved agencies (the core decides, src/core/agency/rewrite),
 * and, after the planner confirms, writing exactly the confirmed cells. A cell
 * someone changed since the preview is left alone and reported: Excel
 * batches are not transactions, so each write is checked against what was
 * confirmed instead of trusting the preview.
 */
import { successorEdits, type AgencyCellEdit, type SuccessorEdits } from "../core/successorEdits";
import { interpretSnapshot } from "../core/workbook";
import { toExcelInput } from "./_lib/cells";
import { readWorkbook } from "./read";

export interface SuccessorsApplied {
  /** Cells rewritten. */
  applied: AgencyCellEdit[];
  /** Confirmed cells whose text changed since the preview (or no longer needs a change): not written. */
  skipped: AgencyCellEdit[];
  syncs: number;
}

/** The cells to rewrite as of `day` (ISO), and the round trips the workbook read took. */
async function preview(context: Excel.RequestContext, day: string): Promise<SuccessorEdits & { syncs: number }> {
  const { snapshot, syncs } = await readWorkbook(context);
  return { ...successorEdits(interpretSnapshot(snapshot), day), syncs };
}

/** The cells to rewrite as of `day` (ISO). Only the workbook read's round trips. */
export async function previewSuccessors(context: Excel.RequestContext, day: string): Promise<SuccessorEdits> {
  const { edits, reassign } = await preview(context, day);
  return { edits, reassign };
}

const same = (a: AgencyCellEdit, b: AgencyCellEdit): boolean => a.sheet === b.sheet && a.cell === b.cell && a.before === b.before && a.after === b.after;

/**
 * Writes the confirmed edits that still hold: the workbook is read again and
 * an edit is written only if the same cell still reads as `before` and would
 * still become `after`. The workbook read's round trips plus 1 write, however many cells.
 */
export async function applySuccessors(context: Excel.RequestContext, confirmed: readonly AgencyCellEdit[], day: string): Promise<SuccessorsApplied> {
  const fresh = await preview(context, day);
  const applied = confirmed.filter((c) => fresh.edits.some((f) => same(f, c)));
  const skipped = confirmed.filter((c) => !applied.includes(c));
  if (applied.length === 0) return { applied, skipped, syncs: fresh.syncs };
  for (const e of applied) context.workbook.worksheets.getItem(e.sheet).getRange(e.cell).values = [[toExcelInput(e.after)]];
  await context.sync();
  return { applied, skipped, syncs: fresh.syncs + 1 };
}
