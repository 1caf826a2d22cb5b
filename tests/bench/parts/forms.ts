/**
 * Agency returns in Office.js: 30 returned forms of 50 indicators each taken
 * into the open workbook (the real adapter src/excel/collect against the
 * Excel stand-in): round trips and wall-clock milliseconds (the core's
 * decisions plus the stand-in's work, not Excel's own time).
 */
import { collectIntoWorkbook } from "../../../src/excel/collect";
import { createStandInContext } from "../../support/excel-standin";
import { asExcel, officeWorkbookWithReturns } from "../../forms/support/office";

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const { state, forms } = await officeWorkbookWithReturns(30, 50);
  const context = createStandInContext(state);
  const started = performance.now();
  const { outcome } = await collectIntoWorkbook(asExcel(context), forms, new Date().toISOString());
  const ms = Math.round(performance.now() - started);
  if (outcome.writes.length !== 1500) throw new Error(`expected 1500 figures, took ${outcome.writes.length}`);
  log(`collect 30 forms × 50 rows into the open workbook: ${context.syncCount} syncs, ${ms} ms in the stand-in`);
  return { collect30Forms: { syncs: context.syncCount, ms } };
}
