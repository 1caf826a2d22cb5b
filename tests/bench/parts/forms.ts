/**
 * Agency returns in Office.js: 30 returned forms of 50 indicators each taken
 * into the open workbook (the real adapter src/excel/collect against the
 * Excel stand-in): round trips, wall-clock milliseconds (the core's
 * decisions plus the stand-in's work, not Excel's own time), and the largest
 * request and response, which must stay under Excel on the web's 5 MB for
 * the round trips to hold.
 */
import { collectIntoWorkbook } from "../../../src/excel/collect";
import { createStandInContext } from "../../support/excel-standin";
import { asExcel, officeWorkbookWithReturns } from "../../forms/support/office";

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const { state, forms } = await officeWorkbookWithReturns(30, 50);
  const context = createStandInContext(state);
  const from = state.syncLog.length;
  const started = performance.now();
  const { outcome } = await collectIntoWorkbook(asExcel(context), forms, new Date().toISOString());
  const ms = Math.round(performance.now() - started);
  if (outcome.writes.length !== 1500) throw new Error(`expected 1500 figures, took ${outcome.writes.length}`);
  const syncs = state.syncLog.slice(from);
  const maxRequestKB = Math.round(Math.max(...syncs.map((s) => s.bytes)) / 1024);
  const maxResponseKB = Math.round(Math.max(...syncs.map((s) => s.responseBytes ?? 0)) / 1024);
  log(`collect 30 forms × 50 rows into the open workbook: ${context.syncCount} syncs, ${ms} ms in the stand-in, largest request ${maxRequestKB} KB, largest response ${maxResponseKB} KB (limit 5120 KB)`);
  return { collect30Forms: { syncs: context.syncCount, ms, maxRequestKB, maxResponseKB } };
}
