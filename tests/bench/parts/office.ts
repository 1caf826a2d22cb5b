/**
 * Office.js cost, measured by running the real adapter (src/excel) against
 * the in-memory Excel stand-in: round trips (`context.sync`) to import 10 and
 * 5,000 indicators, and to highlight gaps on an existing 5,000-row table the
 * user made; plus the largest request sent (Excel on the web refuses 5 MB)
 * and wall-clock milliseconds in the stand-in (not Excel's own time).
 */
import { buildLayout } from "../../../src/core/layout";
import { indicator, plan, target } from "../../../src/core/layout/_test/plan";
import { highlightGaps } from "../../../src/excel/highlight";
import { writeLayout } from "../../../src/excel/write";
import { addUserTable, createStandInContext, createWorkbookState } from "../../support/excel-standin";

const asExcel = (c: ReturnType<typeof createStandInContext>) => c as unknown as Excel.RequestContext;

async function importOnce(n: number): Promise<{ syncs: number; ms: number; maxRequestKB: number }> {
  const p = plan(Array.from({ length: n }, (_, i) => indicator(`PL1:${i + 1}`, { name: `Tỷ lệ số ${i + 1} đạt chuẩn theo kế hoạch của tỉnh`, target: target(i % 2 ? ">=" : "<=", 50 + (i % 40)) })));
  const layout = buildLayout(p, { lang: "vi" });
  const state = createWorkbookState(["Sheet1"]);
  const context = createStandInContext(state);
  const started = performance.now();
  await writeLayout(asExcel(context), layout);
  const ms = performance.now() - started;
  return { syncs: context.syncCount, ms: Math.round(ms), maxRequestKB: Math.round(Math.max(...state.syncLog.map((s) => s.bytes)) / 1024) };
}

async function highlightOnce(n: number): Promise<{ syncs: number; ms: number }> {
  const state = createWorkbookState(["Theo dõi"]);
  const rows = Array.from({ length: n }, (_, i) => [i + 1, `Chỉ tiêu ${i + 1}`, "≥", 10 + (i % 7), i % 3 === 0 ? null : 9 + (i % 9), "Sở Tài chính", "ghi chú"]);
  addUserTable(state, "Theo dõi", "A1", "Bang1", ["STT", "Tên chỉ tiêu", "So sánh", "Chỉ tiêu KH 2025", "Thực hiện", "Đơn vị chủ trì", "Ghi chú"], rows);
  const context = createStandInContext(state);
  const started = performance.now();
  const result = await highlightGaps(asExcel(context));
  const ms = performance.now() - started;
  if (!result.done) throw new Error("highlight did not recognise the bench table's columns");
  return { syncs: context.syncCount, ms: Math.round(ms) };
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const i10 = await importOnce(10);
  const i5000 = await importOnce(5000);
  const h5000 = await highlightOnce(5000);
  log(`import 10 indicators: ${i10.syncs} syncs, ${i10.ms} ms in the stand-in, largest request ${i10.maxRequestKB} KB`);
  log(`import 5000 indicators: ${i5000.syncs} syncs, ${i5000.ms} ms in the stand-in, largest request ${i5000.maxRequestKB} KB (limit 5120 KB)`);
  log(`highlight a 5000-row user table: ${h5000.syncs} syncs (2 reads to find the table under the selection, then 1 read + 1 write), ${h5000.ms} ms in the stand-in`);
  return {
    officeImport: { "10": { syncs: i10.syncs }, "5000": { syncs: i5000.syncs } },
    officeHighlight: { "5000": { syncs: h5000.syncs } },
    officeTimings: { import10Ms: i10.ms, import5000Ms: i5000.ms, highlight5000Ms: h5000.ms, import5000MaxRequestKB: i5000.maxRequestKB },
  };
}
