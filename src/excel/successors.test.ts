import { agency, indicator, plan, task } from "../core/layout/_test/plan";
import { createStandInContext, createWorkbookState, dumpWorkbook, typeIntoCell } from "../../tests/support/excel-standin";
import { createOperations, type Runner } from "./operations";

function setup() {
  const state = createWorkbookState(["Sheet1"]);
  const contexts: Array<{ syncCount: number }> = [];
  const run: Runner = async (batch) => {
    const context = createStandInContext(state);
    contexts.push(context);
    return await batch(context as unknown as Excel.RequestContext);
  };
  return { state, ops: createOperations(run), syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}

const p = plan([
  indicator("1", { lead: [agency("Sở Kế hoạch và Đầu tư")], coordinating: [agency("Sở Thông tin và Truyền thông")] }),
  indicator("2", { lead: [agency("Sở Tư pháp")], coordinating: [], tasks: [task("Rà soát", { lead: [agency("UBND cấp huyện", "group")] })] }),
]);

describe("Đổi sang đơn vị kế thừa (Office.js)", () => {
  it("previews the cells to rewrite without changing the workbook", async () => {
    const { state, ops, syncs } = setup();
    await ops.importPlan(p, { mode: "create" });
    const before = JSON.stringify(dumpWorkbook(state));
    const n = syncs();
    const preview = await ops.previewSuccessors("2026-11-30");
    // Only the workbook read (as many round trips as readWorkbook takes, whatever the size).
    expect(syncs() - n).toBeLessThanOrEqual(3);
    expect(preview.edits.map((e) => [e.cell, e.after])).toEqual([["P2", "Sở Tài chính"], ["Q2", "Sở Khoa học và Công nghệ"]]);
    expect(preview.reassign.map((r) => r.names)).toEqual([["UBND cấp huyện"]]);
    expect(JSON.stringify(dumpWorkbook(state))).toBe(before);
  });

  it("writes the confirmed cells in one write after the read, and leaves a cell someone changed since the preview", async () => {
    const { state, ops, syncs } = setup();
    await ops.importPlan(p, { mode: "create" });
    const preview = await ops.previewSuccessors("2026-11-30");
    typeIntoCell(state, "'Chỉ tiêu'!Q2", "Sở Tư pháp");
    const n = syncs();
    const result = await ops.applySuccessors(preview.edits, "2026-11-30");
    expect(syncs() - n).toBe(result.syncs);
    expect(result.syncs).toBeLessThanOrEqual(4);
    expect(result.applied.map((e) => e.cell)).toEqual(["P2"]);
    expect(result.skipped.map((e) => e.cell)).toEqual(["Q2"]);
    const row = dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows[0];
    expect(row?.[15]).toBe("Sở Tài chính");
    expect(row?.[16]).toBe("Sở Tư pháp");
  });

  it("writes nothing when nothing is confirmed", async () => {
    const { state, ops } = setup();
    await ops.importPlan(p, { mode: "create" });
    const before = JSON.stringify(dumpWorkbook(state));
    expect((await ops.applySuccessors([], "2026-11-30")).applied).toEqual([]);
    expect(JSON.stringify(dumpWorkbook(state))).toBe(before);
  });
});
