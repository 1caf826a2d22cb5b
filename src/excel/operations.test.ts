import type { Finding } from "../core/model";
import { agency, indicator, plan, target } from "../core/layout/_test/plan";
import { checksSheet } from "../core/layout/checksSheet";
import { interpretSnapshot } from "../core/workbook";
import { createStandInContext, createWorkbookState, dumpWorkbook, findSheet, StandInError, typeIntoCell, type WorkbookState } from "../../tests/support/excel-standin";
import { createOperations, summarizeReading, type ChecksDeps, type Runner } from "./operations";
import { OperationError } from "./errors";

function createStandInRun(state: WorkbookState): Runner {
  return async (batch) => batch(createStandInContext(state) as unknown as Excel.RequestContext);
}

function setup(state: WorkbookState = createWorkbookState(["Sheet1"]), checks?: ChecksDeps) {
  const contexts: Array<{ syncCount: number }> = [];
  const run: Runner = async (batch) => {
    const context = createStandInContext(state);
    contexts.push(context);
    return await batch(context as unknown as Excel.RequestContext);
  };
  return { state, ops: createOperations(run, checks), syncs: () => contexts.reduce((n, c) => n + c.syncCount, 0) };
}

const p1 = plan([indicator("1", { target: target(">=", 10) }), indicator("2", { target: target("<=", 5) })]);

describe("operations", () => {
  it("never says a read-only operation may have written: summarise, preview successors, the returns' status and the report's read", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const failing = (async (batch: (context: Excel.RequestContext) => Promise<unknown>) => {
      const context = createStandInContext(state);
      context.failOnSync(2, 1);
      return batch(context as unknown as Excel.RequestContext);
    }) as Runner;
    const { createReturnsOperations } = await import("./collect");
    const { runReportSource } = await import("./reportSource");
    await createOperations(async (batch) => batch(createStandInContext(state) as unknown as Excel.RequestContext)).importPlan(p1, { mode: "create" });
    const ops = createOperations(failing);
    const errors = await Promise.all([
      ops.summarize().catch((e: unknown) => e),
      ops.previewSuccessors("2025-08-01").catch((e: unknown) => e),
      createReturnsOperations(failing).status().catch((e: unknown) => e),
      createReturnsOperations(failing).readFormSource().catch((e: unknown) => e),
      runReportSource(failing).catch((e: unknown) => e),
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(OperationError);
      expect((e as OperationError).message).toContain("Sổ tính không bị thay đổi");
      expect((e as OperationError).message).not.toMatch(/có thể đã được ghi/);
    }
  });

  it("imports a plan into new sheets (create) in 2 round trips", async () => {
    const { state, ops, syncs } = setup();
    const report = await ops.importPlan(p1, { mode: "create" });
    expect(report.indicatorsSheet).toBe("Chỉ tiêu");
    expect(syncs()).toBe(2);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(2);
  });

  it("updates in 3 round trips (2 reads, 1 write): keeps results and notes officials typed, adds new indicators, marks those gone", async () => {
    const { state, ops, syncs } = setup();
    await ops.importPlan(p1, { mode: "create" });
    // Officials type a result into the grid (Năm 2024 of indicator 1) and a note on Chỉ tiêu.
    typeIntoCell(state, "'Kết quả theo kỳ'!H2", 11);
    typeIntoCell(state, "'Chỉ tiêu'!AA3", "đã báo cáo UBND");
    const before = syncs();
    const p2 = plan([indicator("1", { target: target(">=", 12) }), indicator("3")]);
    const report = await ops.importPlan(p2, { mode: "update" });
    expect(syncs() - before).toBe(3);
    expect(report.syncs).toBe(3);
    expect(report).toMatchObject({ mode: "update", added: [expect.stringContaining("3")], gone: [expect.stringContaining("2")] });
    const rows = dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows ?? [];
    const byKey = new Map(rows.map((r) => [r[28], r]));
    const grid = dumpWorkbook(state).tables.find((t) => t.name === "KetQuaTheoKy")?.rows ?? [];
    expect(grid.find((r) => r[8] === report.kept[0])?.[7]).toBe(11);
    expect(byKey.get(report.kept[0] ?? "")?.[11]).toBe(12);
    expect(byKey.get(report.gone[0] ?? "")?.[26]).toBe("đã báo cáo UBND");
    expect(byKey.get(report.gone[0] ?? "")?.[27]).toBe("Không còn trong văn bản");
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", "Chỉ tiêu", "Kết quả theo kỳ", "Nhiệm vụ", "Cơ quan", "Tổng hợp", "Kiểm tra", "Thông tin báo cáo"]);
  });

  it("refreshes the Kiểm tra sheet on each run of the checks without duplicating it", async () => {
    const finding: Finding = { rule: "target.missing", severity: "error", message: "Thiếu mục tiêu", messageEn: "Missing target", ref: { sheet: "Chỉ tiêu", cell: "J2" } };
    const checks: ChecksDeps = {
      runRules: ({ reading }) => reading.indicators.map(() => finding),
      checksSheet: (findings, { lang, name }) => checksSheet(findings, { lang, name }),
    };
    const { state, ops } = setup(undefined, checks);
    await ops.importPlan(p1, { mode: "create" });
    expect(await ops.runChecks("2024-07-01")).toHaveLength(2);
    expect(await ops.runChecks("2024-07-01")).toHaveLength(2);
    expect(state.sheets.filter((s) => s.name.startsWith("Kiểm tra")).map((s) => s.name)).toEqual(["Kiểm tra"]);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "KiemTra")?.rows).toHaveLength(2);
  });

  it("keeps a finding's Đã xem mark in the workbook across re-checks, and brings an older Kiểm tra table up to date", async () => {
    const f = (stt: string): Finding => ({ rule: "target.missing", severity: "error", message: `STT ${stt}: thiếu mục tiêu.`, messageEn: "Missing target", ref: { stt, sheet: "Chỉ tiêu", cell: "J2" } });
    let found: Finding[] = [f("1"), f("2")];
    const checks: ChecksDeps = { runRules: () => found, checksSheet: (findings, options) => checksSheet(findings, options) };
    const { state, ops, syncs } = setup(undefined, checks);
    await ops.importPlan(p1, { mode: "create" });
    // A Kiểm tra sheet written by an earlier version: its table has the first 8 columns only.
    const old = checksSheet([f("1")], { lang: "vi" });
    const spec = old.tables[0];
    if (!spec) throw new Error("no table");
    const narrow = { ...old, tables: [{ ...spec, columns: spec.columns.slice(0, 8), rows: spec.rows.map((r) => r.slice(0, 8)) }] };
    const { writeLayout } = await import("./write");
    state.sheets = state.sheets.filter((x) => x.name !== "Kiểm tra");
    await createStandInRun(state)((context) => writeLayout(context, { sheets: [narrow], names: [] }));
    expect(dumpWorkbook(state).tables.filter((t) => t.name.startsWith("KiemTra")).map((t) => [t.name, t.headers.length])).toEqual([["KiemTra", 8]]);
    const first = await ops.runChecks("2026-11-30");
    let table = dumpWorkbook(state).tables.find((t) => t.name === "KiemTra");
    expect(table?.headers.slice(8)).toEqual(["Căn cứ pháp lý", "Chưa xác minh", "Đã xem", "Mã phát hiện"]);
    expect(first.every((x) => !x.seen)).toBe(true);
    const ids = table?.rows.map((r) => r[11]) as string[];
    const before = syncs();
    expect(await ops.markSeen([ids[1] as string], true)).toBe(1);
    expect(syncs() - before).toBe(3);
    // Re-checked the next day with a new finding above: the mark stays with STT 2's finding.
    found = [f("0"), f("1"), f("2")];
    const again = await ops.runChecks("2026-12-01");
    expect(again.map((x) => Boolean(x.seen))).toEqual([false, false, true]);
    table = dumpWorkbook(state).tables.find((t) => t.name === "KiemTra");
    expect(table?.rows.map((r) => r[10])).toEqual([null, null, "x"]);
    // Typed by hand in Excel, a mark counts too; clearing it from the pane removes it.
    await ops.markSeen([ids[1] as string], false);
    expect((await ops.runChecks("2026-12-01")).some((x) => x.seen)).toBe(false);
  });

  it("shrinks Kiểm tra by emptying the rows that go away and resizing the table: a user's formula on a gone row keeps its address, nothing below moves up", async () => {
    const globals = globalThis as { Office?: unknown };
    globals.Office = { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version.split(".")[1]) <= 13 } } };
    try {
      let count = 3;
      const finding = (i: number): Finding => ({ rule: "target.missing", severity: "error", message: `Thiếu mục tiêu ${i}`, messageEn: "Missing target", ref: { sheet: "Chỉ tiêu", cell: "J2" } });
      const checks: ChecksDeps = {
        runRules: () => Array.from({ length: count }, (_, i) => finding(i + 1)),
        checksSheet: (findings, { lang, name }) => checksSheet(findings, { lang, name }),
      };
      const { state, ops } = setup(undefined, checks);
      await ops.importPlan(p1, { mode: "create" });
      await ops.runChecks("2024-07-01");
      const sheet = findSheet(state, "Kiểm tra");
      const table = sheet?.tables.find((t) => t.name === "KiemTra");
      if (!sheet || !table) throw new Error("no Kiểm tra table");
      const lastRow = table.rect.row + 3; // the third finding's row (0-based)
      const below = table.rect.row + 10;
      typeIntoCell(state, `Sheet1!A1`, `=COUNTA('Kiểm tra'!A${lastRow + 1}:C${lastRow + 1})`);
      typeIntoCell(state, `'Kiểm tra'!A${below + 1}`, "ghi chú của tôi");
      count = 1;
      await ops.runChecks("2024-07-01");
      expect(findSheet(state, "Sheet1")?.cells.get("0,0")?.formula).toBe(`=COUNTA('Kiểm tra'!A${lastRow + 1}:C${lastRow + 1})`);
      expect(table.rect.rows).toBe(2);
      expect(sheet.cells.get(`${lastRow},0`)?.value ?? "").toBe("");
      expect(sheet.cells.get(`${below},0`)?.value).toBe("ghi chú của tôi");
    } finally {
      delete globals.Office;
    }
  });

  it("selects a finding's cell on its sheet in 1 round trip", async () => {
    const { state, ops, syncs } = setup();
    await ops.importPlan(p1, { mode: "create" });
    const before = syncs();
    await ops.selectCell("Chỉ tiêu", "J3");
    expect(syncs() - before).toBe(1);
    expect(state.activeSheet).toBe("Chỉ tiêu");
    expect(state.selection).toBe("'Chỉ tiêu'!J3");
  });

  it("says a district-level lead must be reassigned for a period ending after 1/7/2025, not for one before", async () => {
    const district = plan([indicator("1", { target: target(">=", 10), lead: [agency("UBND cấp huyện", "group")] })]);
    const late = { ...district, period: { from: 2025, to: 2025 } };
    const { ops } = setup();
    await ops.importPlan(late, { mode: "create" });
    const byPeriod = async (id: string) => (await ops.summarize(id, "current", "2026-11-30")).byLead;
    expect((await byPeriod("2025"))[0]).toMatchObject({ agency: "UBND cấp huyện", reassignSince: "2025-07-01" });
    expect((await byPeriod("2025-H1"))[0]?.reassignSince).toBeUndefined();
  });

  it("summarises counts by status and by lead agency for the period KyBaoCao shows, and sets KyBaoCao in 1 round trip", async () => {
    const { state, ops, syncs } = setup();
    await ops.importPlan(p1, { mode: "create" });
    typeIntoCell(state, "'Kết quả theo kỳ'!F2", 4);
    typeIntoCell(state, "'Kết quả theo kỳ'!H2", 10);
    typeIntoCell(state, "'Kết quả theo kỳ'!H3", 6);
    const first = await ops.summarize();
    expect(first.period?.id).toBe("2024-H1");
    expect(first.periods.map((p) => p.label)).toEqual(["6 tháng đầu năm 2023", "Năm 2023", "6 tháng đầu năm 2024", "Năm 2024"]);
    expect(first.byStatus).toEqual({ met: 0, exceeded: 0, missed: 0, atRisk: 1, noData: 1, onTrack: 0 });
    const before = syncs();
    await ops.setReportPeriod("Năm 2024");
    expect(syncs() - before).toBe(1);
    expect(findSheet(state, "Tổng hợp")?.cells.get("4,1")?.value).toBe("Năm 2024");
    const summary = await ops.summarize(undefined, "asWritten");
    expect(summary).toEqual({
      sheet: "Chỉ tiêu",
      period: { id: "2024", label: "Năm 2024", end: "2024-12-31" },
      periods: [{ id: "2023-H1", label: "6 tháng đầu năm 2023" }, { id: "2023", label: "Năm 2023" }, { id: "2024-H1", label: "6 tháng đầu năm 2024" }, { id: "2024", label: "Năm 2024" }],
      total: 2,
      byStatus: { met: 1, exceeded: 0, missed: 1, atRisk: 0, noData: 0, onTrack: 0 },
      byLead: [{ agency: "Sở Kế hoạch và Đầu tư", count: 2, met: 1, exceeded: 0, onTrack: 0, atRisk: 0, missed: 1, noData: 0 }],
    });
    // By default leads are grouped under today's body: Sở Kế hoạch và Đầu tư went into Sở Tài chính on 1/3/2025.
    const lead = { count: 2, met: 1, exceeded: 0, onTrack: 0, atRisk: 0, missed: 1, noData: 0 };
    expect((await ops.summarize(undefined, "current", "2026-11-30")).byLead).toEqual([{ agency: "Sở Tài chính", ...lead, merged: [{ name: "Sở Kế hoạch và Đầu tư", since: "2025-03-01" }] }]);
    expect((await ops.summarize(undefined, "current", "2024-12-31")).byLead).toEqual([{ agency: "Sở Kế hoạch và Đầu tư", ...lead }]);
    expect(summarizeReading(interpretSnapshot({ sheetNames: ["Sheet1"], tables: [] })).total).toBe(0);
  });

  it("turns Excel's refusals into a plain Vietnamese sentence and leaves the workbook as it was", async () => {
    const { state, ops } = setup();
    const names = state.sheets.map((s) => s.name);
    state.payloadLimitBytes = 1000;
    const error = await ops.importPlan(p1, { mode: "create" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect((error as OperationError).message).toMatch(/^Dữ liệu quá lớn/);
    expect(state.sheets.map((s) => s.name)).toEqual(names);
    expect(findSheet(state, "Chỉ tiêu")).toBeUndefined();
    expect(new StandInError("X", "y").code).toBe("X");
  });
});
