import { officeWorkbookWithReturns, asExcel } from "../../tests/forms/support/office";
import { createStandInContext, dumpWorkbook, findSheet, readCell, typeIntoCell } from "../../tests/support/excel-standin";
import { collectIntoWorkbook, createReturnsOperations } from "./collect";

describe("collectIntoWorkbook (Office.js)", () => {
  // Issue #13: at most 3 round trips. 2 read (which tables, then all of ours at once) and 1 writes. The stand-in
  // refuses, as Excel on the web does, any request or response over 5 MB, so the count holds only while the
  // 1,500 rows fit one response; the test shows how much room is left.
  it("takes 30 forms × 50 rows into the open workbook in 3 round trips, each request and response under Excel's 5 MB", async () => {
    const { state, forms } = await officeWorkbookWithReturns(30, 50);
    const context = createStandInContext(state);
    const sync = jest.spyOn(context, "sync");
    const from = state.syncLog.length;
    const { outcome, syncs } = await collectIntoWorkbook(asExcel(context), forms, "2024-12-31T09:00:00.000Z");
    expect(outcome.rejected).toEqual([]);
    expect(outcome.accepted).toHaveLength(30);
    expect(outcome.writes).toHaveLength(1500);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(syncs).toBe(3);
    const log = state.syncLog.slice(from);
    expect(Math.max(...log.map((s) => s.responseBytes ?? 0))).toBeLessThan(4 * 1024 * 1024);
    expect(Math.max(...log.map((s) => s.bytes))).toBeLessThan(4 * 1024 * 1024);
    const dump = dumpWorkbook(state);
    const grid = dump.tables.find((t) => t.name === "KetQuaTheoKy");
    const year = grid?.headers.indexOf("Năm 2024") ?? -1;
    expect(grid?.rows.every((r) => typeof r[year] === "number")).toBe(true);
    expect(dump.sheetNames).toEqual(expect.arrayContaining(["Nguồn số liệu", "Tiến độ nộp báo cáo"]));
    expect(dump.tables.find((t) => t.name === "TienDoNopBaoCao")?.rows).toHaveLength(30);
  }, 60_000);

  it("changes nothing, in 2 round trips (the read alone), when the same forms come again; and replaces its history sheets rather than adding more", async () => {
    const { state, forms } = await officeWorkbookWithReturns(3, 4);
    await collectIntoWorkbook(asExcel(createStandInContext(state)), forms, "2024-12-31T09:00:00.000Z");
    const before = JSON.stringify(dumpWorkbook(state));
    const again = await collectIntoWorkbook(asExcel(createStandInContext(state)), forms, "2025-01-02T09:00:00.000Z");
    expect(again.syncs).toBe(2);
    expect(again.outcome.changed).toBe(false);
    expect(JSON.stringify(dumpWorkbook(state))).toBe(before);
    const ops = createReturnsOperations((batch) => batch(asExcel(createStandInContext(state))));
    const status = await ops.status();
    expect(status.pending).toEqual([]);
    expect(dumpWorkbook(state).sheetNames.filter((n) => n === "Nguồn số liệu")).toHaveLength(1);
  }, 60_000);

  it("writes only what changed in Nguồn số liệu, in requests split by their measured size, never the whole history again", async () => {
    const { state, forms } = await officeWorkbookWithReturns(30, 50);
    // A request limit the whole history (about 1,450 records) exceeds; the stand-in refuses just above it.
    const limit = 250_000;
    state.payloadLimitBytes = limit + 20_000;
    const first = await collectIntoWorkbook(asExcel(createStandInContext(state)), forms.slice(0, 29), "2024-12-31T09:00:00.000Z", undefined, { requestBytes: limit });
    expect(first.outcome.accepted).toHaveLength(29);
    const from = state.syncLog.length;
    const second = await collectIntoWorkbook(asExcel(createStandInContext(state)), forms.slice(29), "2025-01-02T09:00:00.000Z", undefined, { requestBytes: limit });
    expect(second.outcome.accepted).toHaveLength(1);
    // Two reads, then the write: the 50 new records and what they change, not the 1,450 already there.
    const written = state.syncLog.slice(from + 2).reduce((n, s) => n + s.bytes, 0);
    expect(written).toBeLessThan(60_000);
    expect(dumpWorkbook(state).tables.find((t) => t.name.startsWith("NguonSoLieu"))?.rows.length ?? 0).toBeGreaterThanOrEqual(1500);
  }, 120_000);

  it("lists a hand-typed difference as a conflict, and the planner's choice writes the agency's figure", async () => {
    const { state, forms } = await officeWorkbookWithReturns(2, 3);
    const ops = createReturnsOperations((batch) => batch(asExcel(createStandInContext(state))));
    // The grid's first data row (G2 = "Năm 2024") holds the first agency's first indicator: typed by hand first.
    typeIntoCell(state, "'Kết quả theo kỳ'!G2", 99);
    const { outcome } = await ops.collect(forms, "2024-12-31T09:00:00.000Z");
    expect(outcome.conflicts).toEqual([expect.objectContaining({ key: "PL1:1.1", workbook: 99, form: 10, reason: "handTyped" })]);
    const sheet = findSheet(state, "Kết quả theo kỳ");
    if (!sheet) throw new Error("no grid sheet");
    expect(readCell(sheet, 1, 6)).toBe(99);
    const status = await ops.status();
    expect(status.conflicts).toHaveLength(1);
    const conflict = status.conflicts[0];
    if (!conflict) throw new Error("no conflict");
    await ops.resolve(conflict, "useForm");
    expect(readCell(sheet, 1, 6)).toBe(10);
    expect((await ops.status()).conflicts).toEqual([]);
  }, 60_000);
});
