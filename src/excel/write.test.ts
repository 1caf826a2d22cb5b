import { buildLayout } from "../core/layout";
import { indicator, plan } from "../core/layout/_test/plan";
import { layoutSnapshot } from "../core/workbook";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { createStandInContext, createWorkbookState, dumpWorkbook, findSheet, typeIntoCell, type WorkbookState } from "../../tests/support/excel-standin";
import { readWorkbook } from "./read";
import { writeLayout, WriteError } from "./write";
import { widthPoints } from "./_lib/actions";

const ctx = (state: WorkbookState) => createStandInContext(state) as unknown as Excel.RequestContext & { syncCount: number };
const planOf = (n: number) => plan(Array.from({ length: n }, (_, i) => indicator(String(i + 1), { name: `Chỉ tiêu số ${i + 1}` })));

/** Empty rows stand for an empty table (Excel keeps one blank data row). */
function withoutBlankRows(s: WorkbookSnapshot): WorkbookSnapshot {
  return { ...s, tables: s.tables.map((t) => ({ ...t, rows: t.rows.filter((r) => r.some((v) => v !== null)) })) };
}

/** Everything a user could see of a workbook, to compare before and after a failed write. */
function fingerprint(state: WorkbookState): string {
  return JSON.stringify({
    sheets: state.sheets.map((s) => ({ name: s.name, cells: [...s.cells], tables: s.tables, cfs: s.conditionalFormats.length })),
    names: state.names,
  });
}

describe("writeLayout, a plan that assigns only tasks (issue 25)", () => {
  it("hides the empty indicator sheets, keeps their tables for the reader, and leaves Nhiệm vụ in sight", async () => {
    const tasksOnly = plan([]);
    tasksOnly.appendices = [{ id: "VB", title: "Nhiệm vụ trong văn bản", kind: "tasks", headers: [], source: {}, indicators: [{ ...indicator("II.1"), target: null, level: "component", tasks: [{ code: "II.1.1", text: "Rà soát thủ tục", lead: [], coordinating: [], deadline: null, source: {} }] }] }];
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(tasksOnly, { lang: "vi" }));
    expect(state.sheets.map((s) => [s.name, s.visibility ?? "Visible"])).toEqual([
      ["Sheet1", "Visible"], ["Nhiệm vụ", "Visible"], ["Chỉ tiêu", "Hidden"], ["Kết quả theo kỳ", "Hidden"], ["Cơ quan", "Visible"], ["Tổng hợp", "Visible"], ["Kiểm tra", "Visible"], ["Thông tin báo cáo", "Visible"],
    ]);
    expect((await readWorkbook(ctx(state))).snapshot.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["ChiTieu", "KetQuaTheoKy", "NhiemVu", "LichBaoCao"]));
  });
});

describe("writeLayout", () => {
  it("writes every table's headers and values exactly as the layout has them, and reads them back the same", async () => {
    const layout = buildLayout(planOf(10), { lang: "vi" });
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), layout);
    const expected = withoutBlankRows(layoutSnapshot(layout));
    const dumped = withoutBlankRows(dumpWorkbook(state));
    expect(dumped.sheetNames).toEqual(["Sheet1", ...expected.sheetNames]);
    expect(dumped.tables).toEqual(expected.tables);
    const read = await readWorkbook(ctx(state));
    expect(withoutBlankRows(read.snapshot).tables).toEqual(expected.tables);
    expect(read.syncs).toBe(2);
  });

  it("imports 10 and 5,000 indicators in 2 round trips with calculation suspended", async () => {
    for (const n of [10, 5000]) {
      const state = createWorkbookState();
      const context = ctx(state);
      const report = await writeLayout(context, buildLayout(planOf(n), { lang: "vi" }));
      expect(context.syncCount).toBe(2);
      expect(report.syncs).toBe(2);
      expect(state.calculationSuspensions).toBe(1);
      expect(dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(n);
    }
  });

  it("writes the status formula into every row, the tables after their values, and the layout's rules", async () => {
    const layout = buildLayout(planOf(3), { lang: "vi" });
    const state = createWorkbookState();
    await writeLayout(ctx(state), layout);
    const sheet = findSheet(state, "Chỉ tiêu");
    const spec = layout.sheets[0];
    const statusCol = spec?.tables[0]?.columns.findIndex((c) => c.key === "status") ?? -1;
    const formula = spec?.tables[0]?.columns[statusCol]?.formula;
    expect(formula).toMatch(/^=IF\(/);
    for (const row of [1, 2, 3]) expect(sheet?.cells.get(`${row},${statusCol}`)?.formula).toBe(formula);
    expect(sheet?.conditionalFormats.map((cf) => cf.formula)).toEqual(spec?.conditionalFormats.map((cf) => cf.formula));
    expect(sheet?.conditionalFormats[0]?.fill).toBe("#F4C7CE");
    expect(sheet?.freeze).toEqual({ rows: 1, columns: 3 });
    // A4 landscape at 70 % (too wide for one readable page), STT/Mã/Chỉ tiêu and the header row repeated, technical columns not printed.
    expect(sheet?.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { scale: 70 },
      printTitleRows: "$1:$1",
      printTitleColumns: "$A:$C",
      printArea: "A:AB",
      footer: { left: "&A", center: "Trang &P/&N" },
      margins: { unit: "Centimeters", top: 1.9, bottom: 1.9, left: 0.6, right: 0.6, header: 0.8, footer: 0.8 },
    });
    expect(findSheet(state, "Tổng hợp")?.pageLayout.printTitleRows).toBe("$7:$7");
    // Kiểm tra (12 columns) is too wide for one page at 70 %: it prints at 70 %; Thông tin báo cáo fits one page wide.
    expect(findSheet(state, "Kiểm tra")?.pageLayout.zoom).toEqual({ scale: 70 });
    expect(findSheet(state, "Thông tin báo cáo")?.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    expect(sheet?.columnWidths.get(2)).toBe(widthPoints(48));
    expect([...(sheet?.hiddenColumns ?? [])]).toEqual([28, 29, 30]);
    expect(sheet?.validations.length).toBeGreaterThan(0);
    expect(state.names.map((n) => n.name).sort()).toEqual(layout.names.map((n) => n.name).sort());
    const chart = findSheet(state, "Tổng hợp")?.charts[0];
    expect(chart?.type).toBe("BarStacked");
    // Same bars as the .xlsx chart part: one series per status column (Vượt first), in the status colours.
    expect(chart?.seriesBy).toBe("Columns");
    expect(chart?.titleFormula).toMatch(/^='Tổng hợp'!\$A\$\d+$/);
    expect(chart?.seriesColors).toEqual(["#4CAF50", "#006100", "#1F4E79", "#9C5700", "#9C0006", "#9E9E9E"]);
    expect(chart?.title).toBe(layout.sheets.find((s) => s.role === "summary")?.charts[0]?.title);
  });

  it("writes text that starts with = + - @ tab or CR, and number-like codes, as text", async () => {
    const risky = ["=HYPERLINK(\"http://x\")", "+84 912", "-SUM(A1)", "@ref", "\tthụt lề", "\rdòng", "05", "1.1"];
    const p = plan(risky.map((name, i) => indicator(String(i + 1), { name, code: name === "05" || name === "1.1" ? name : `C${i}` })));
    const state = createWorkbookState();
    await writeLayout(ctx(state), buildLayout(p, { lang: "vi" }));
    const sheet = findSheet(state, "Chỉ tiêu");
    const rows = dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows ?? [];
    expect(rows.map((r) => r[2])).toEqual(risky);
    expect(rows.map((r) => r[1]).slice(6)).toEqual(["05", "1.1"]);
    for (let r = 1; r <= risky.length; r++) expect(sheet?.cells.get(`${r},2`)?.formula).toBeUndefined();
  });

  it("never overwrites a sheet, table or name the user made: ours get suffixed and formulas follow", async () => {
    const state = createWorkbookState(["Chỉ tiêu"]);
    typeIntoCell(state, "'Chỉ tiêu'!A1", "của tôi");
    state.names.push({ name: "SaiSoChoPhep", formula: "=1" });
    const report = await writeLayout(ctx(state), buildLayout(planOf(2), { lang: "vi" }));
    expect(report.sheets["Chỉ tiêu"]).toBe("Chỉ tiêu (2)");
    expect(report.names.SaiSoChoPhep).toBe("SaiSoChoPhep2");
    expect(findSheet(state, "Chỉ tiêu")?.cells.get("0,0")?.value).toBe("của tôi");
    const status = findSheet(state, "Chỉ tiêu (2)")?.cells.get("1,21")?.formula ?? "";
    expect(status).toContain("SaiSoChoPhep2*");
    expect(state.names.find((n) => n.name === "SaiSoChoPhep")?.formula).toBe("=1");
  });

  it("splits a write bigger than the request limit into requests that each fit", async () => {
    const state = createWorkbookState();
    state.payloadLimitBytes = 400_000;
    const context = ctx(state);
    const report = await writeLayout(context, buildLayout(planOf(5000), { lang: "vi" }), { payloadLimitBytes: 300_000 });
    expect(report.requests.length).toBeGreaterThan(1);
    expect(Math.max(...state.syncLog.map((s) => s.bytes))).toBeLessThanOrEqual(400_000);
    expect(dumpWorkbook(state).tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(5000);
  });

  it("leaves the workbook as it was when Excel fails half-way through the write", async () => {
    const state = createWorkbookState(["Sheet1"]);
    typeIntoCell(state, "Sheet1!B2", 42);
    const before = fingerprint(state);
    for (const failAt of [1, 2, 50, 150]) {
      const context = createStandInContext(state);
      // The read round trip has no queued writes; the failure is injected into the write request.
      context.failOnSync(2, failAt);
      await expect(writeLayout(context as unknown as Excel.RequestContext, buildLayout(planOf(5), { lang: "vi" }))).rejects.toBeInstanceOf(WriteError);
      expect(fingerprint(state)).toBe(before);
    }
  });

  it("shows why an update must not rename or delete our sheets: the stand-in turns the user's references into #REF! as Excel does", async () => {
    const state = createWorkbookState(["Sheet1"]);
    await writeLayout(ctx(state), buildLayout(planOf(2), { lang: "vi" }));
    typeIntoCell(state, "Sheet1!A1", "=SUM(ChiTieu[Mục tiêu])");
    typeIntoCell(state, "Sheet1!A2", "='Chỉ tiêu'!J2*SaiSoChoPhep");
    const context = ctx(state);
    context.workbook.tables.getItem("ChiTieu").name = "ChiTieu_Cu";
    context.workbook.worksheets.getItem("Chỉ tiêu").name = "ChiTieuCu1";
    await context.sync();
    const sheet1 = state.sheets.find((s) => s.name === "Sheet1");
    expect(sheet1?.cells.get("0,0")?.formula).toBe("=SUM(ChiTieu_Cu[Mục tiêu])");
    expect(sheet1?.cells.get("1,0")?.formula).toBe("='ChiTieuCu1'!J2*SaiSoChoPhep");
    context.workbook.worksheets.getItem("ChiTieuCu1").delete();
    context.workbook.worksheets.getItem("Tổng hợp").delete();
    await context.sync();
    expect(sheet1?.cells.get("0,0")?.formula).toBe("=SUM(#REF!)");
    expect(sheet1?.cells.get("1,0")?.formula).toBe("=#REF!*SaiSoChoPhep");
    expect(state.names.find((n) => n.name === "SaiSoChoPhep")?.formula).toBe("=#REF!");
  });
});
