import { buildLayout, describeProblems } from "../core/layout";
import type { WorkbookLayout } from "../core/layout/types";
import { indicator, plan, target } from "../core/layout/_test/plan";
import { createStandInContext, createWorkbookState, dumpWorkbook, typeIntoCell } from "../../tests/support/excel-standin";
import { updateInPlace } from "./update";
import { createOperations, type Runner } from "./operations";
import { OperationError } from "./errors";
import { writeLayout } from "./write";

const v1 = plan([indicator("a", { target: target(">=", 10) })]);
const ctx = (state: ReturnType<typeof createWorkbookState>) => createStandInContext(state) as unknown as Excel.RequestContext;

function withNewTable(layout: WorkbookLayout): WorkbookLayout {
  layout.sheets.find((s) => s.role === "summary")?.tables.push({
    name: "DanhSachKyThu", anchor: "K7", style: "TableStyleLight9", cellFormats: [], rowKey: "id",
    columns: [{ key: "label", header: "Kỳ báo cáo", width: 22 }, { key: "id", header: "Mã kỳ", width: 10 }],
    rows: [["Năm 2026", "2026"]],
  });
  return layout;
}

describe("updateInPlace", () => {
  it("adds a table a later version put on one of our sheets, in 4 round trips", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
    const report = await updateInPlace(ctx(state), withNewTable(buildLayout(v1, { lang: "vi" })));
    expect(report.refused).toBe(false);
    expect(report.syncs).toBe(4);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "DanhSachKyThu")).toMatchObject({ sheet: "Tổng hợp", rows: [["Năm 2026", "2026"]] });
  });

  it("never fills an input cell whose user formula shows nothing (checked in one more read)", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
    typeIntoCell(state, "'Chỉ tiêu'!Q2", '=IF(J2>0,"",1)');
    const withDemo = buildLayout(v1, { lang: "vi", results: { indicators: { a: { resultYear: 5, result6m: 3 } }, tasks: {}, goneIndicators: [], goneTasks: [] } });
    const report = await updateInPlace(ctx(state), withDemo);
    expect(report.syncs).toBe(4);
    const cells = state.sheets.find((s) => s.name === "Chỉ tiêu")?.cells;
    expect(cells?.get("1,16")?.formula).toBe('=IF(J2>0,"",1)');
    expect(cells?.get("1,15")?.value).toBe(3);
  });

  it("keeps a 2,000-indicator update under Excel on the web's 5 MB request limit: each formula goes once down its column", async () => {
    const many = (n: number, t: number) => plan(Array.from({ length: n }, (_, i) => indicator(`k${i}`, { target: target(">=", t + i) })));
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(many(2000, 10), { lang: "vi" }));
    const before = state.syncLog.length;
    const report = await updateInPlace(ctx(state), buildLayout(many(2100, 20), { lang: "vi" }));
    expect(report.refused).toBe(false);
    const biggest = Math.max(...state.syncLog.slice(before).map((x) => x.bytes));
    expect(biggest).toBeLessThan(2.5 * 1024 * 1024);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(2100);
  });

  it("says honestly that an interrupted update may be partly written, and a second run finishes it", async () => {
    const state = createWorkbookState(["Sheet1"]);
    let failNextWrite = false;
    const run: Runner = async (batch) => {
      const context = createStandInContext(state);
      const sync = context.sync.bind(context);
      let n = 0;
      context.sync = async () => {
        // The third round trip of an update is its write.
        if (failNextWrite && ++n === 3) state.failAtOperation = 40;
        return sync();
      };
      return batch(context as unknown as Excel.RequestContext);
    };
    const ops = createOperations(run);
    await ops.importPlan(v1, { mode: "create" });
    typeIntoCell(state, "Sheet1!A1", "=SUM(ChiTieu[Mục tiêu])");
    const v2 = plan([indicator("a", { target: target(">=", 12) }), indicator("b", { target: target(">=", 30) })]);
    failNextWrite = true;
    const error = await ops.importPlan(v2, { mode: "update" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).code).toBe("partialUpdate");
    expect((error as OperationError).message).toContain("Hãy chạy Cập nhật lại");
    expect(state.sheets[0]?.cells.get("0,0")?.formula).toBe("=SUM(ChiTieu[Mục tiêu])");
    failNextWrite = false;
    delete state.failAtOperation;
    await ops.importPlan(v2, { mode: "update" });
    const rows = dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows ?? [];
    expect(rows.map((r) => [r[22], r[9]])).toEqual([["a", 12], ["b", 30]]);
  });

  it("writes nothing and names the cell when the user's data is where the new table goes", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(v1, { lang: "vi" }));
    typeIntoCell(state, "'Tổng hợp'!L8", "ghi chú của tôi");
    const before = JSON.stringify(dumpWorkbook(state));
    const report = await updateInPlace(ctx(state), withNewTable(buildLayout(v1, { lang: "vi" })));
    expect(report.refused).toBe(true);
    expect(describeProblems(report.plan.problems).vi).toContain("ô L8");
    expect(JSON.stringify(dumpWorkbook(state))).toBe(before);
  });
});
