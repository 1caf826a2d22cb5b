/**
 * Update in place keeps the user's work (issue #9), the Office.js writer, on the Excel stand-in (which
 * rewrites references on rename and delete as Excel does, so the old rename-and-delete update fails
 * here). Random workbooks: the user's own sheets with formulas pointing at our tables and names, a
 * column of their own in ChiTieu, numbers and formulas typed into result cells (the period cells of the
 * Kết quả theo kỳ grid) and notes, a name of their own.
 * Each is updated with a changed appendix; every cell that is not ours, and every name, must be exactly
 * as it was, and no reference may have become #REF!.
 */
import fc from "fast-check";
import { buildLayout, GONE_FROM_SOURCE } from "../../src/core/layout";
import type { Indicator } from "../../src/core/model";
import { interpretSnapshot } from "../../src/core/workbook";
import { columnLetter } from "../../src/core/layout/_lib/a1";
import { indicator, plan, target, task } from "../../src/core/layout/_test/plan";
import { createOperations, type Runner } from "../../src/excel/operations";
import { readSnapshot } from "../../src/excel/read";
import { createStandInContext, createWorkbookState, typeIntoCell, type WorkbookState } from "../support/excel-standin";
import { GRID_SHEET, H1, NOTE, ours, T, USER_COLUMN, YEAR } from "./support";


const userFormulas = [
  "=SUM(ChiTieu[Mục tiêu])",
  "=COUNTA(ChiTieu[Khóa])",
  `='Chỉ tiêu'!${T}2`,
  `=SUM('Chỉ tiêu'!${T}2:${T}3)*2`,
  "=SaiSoChoPhep*100",
  "=COUNTIF(ChiTieu[Trạng thái],\"Đạt\")",
  "=COUNTA(NhiemVu[Nhiệm vụ])+COUNTA(CoQuan[Tên cơ quan])",
  "=COUNTA(KetQuaTheoKy[Khóa])",
];
const cellValue = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("ghi chú", "Quý III"), fc.constantFrom(...userFormulas));
const caseArb = fc.record({
  n: fc.integer({ min: 2, max: 7 }),
  drop: fc.integer({ min: 0, max: 2 }),
  add: fc.integer({ min: 0, max: 3 }),
  retarget: fc.boolean(),
  sheets: fc.dictionary(fc.constantFrom("Theo dõi", "Báo cáo quý", "Sheet U"), fc.dictionary(fc.constantFrom("A1", "A2", "B1", "C2", "D5"), cellValue, { minKeys: 1 }), { minKeys: 1 }),
  column: fc.option(fc.dictionary(fc.constantFrom("1", "2", "3"), fc.constantFrom("Anh Tuấn", "Chị Lan")), { nil: null }),
  results: fc.array(fc.record({
    row: fc.nat(6),
    // A result for the first half or the year (grid), or a note (Chỉ tiêu).
    cell: fc.constantFrom(`'${GRID_SHEET}'!${H1}`, `'${GRID_SHEET}'!${YEAR}`, `'Chỉ tiêu'!${NOTE}`),
    value: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(`='Chỉ tiêu'!${T}{r}*0.9`, "=LEN(KetQuaTheoKy[[#This Row],[Mã]])*1.1", "đã báo cáo")),
  }), { maxLength: 6 }),
});

const indicators = (n: number, retarget = false, prefix = ""): Indicator[] =>
  Array.from({ length: n }, (_, i) => indicator(`${prefix}${i}`, { target: target(">=", (retarget ? 20 : 10) + i), tasks: i % 2 ? [] : [task(`Nhiệm vụ ${prefix}${i}`)] }));

/** Every non-empty cell as "Sheet!A1" → formula or value. */
function cells(state: WorkbookState): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of state.sheets) {
    for (const [k, c] of s.cells) {
      const [r = 0, col = 0] = k.split(",").map(Number);
      const content = c.formula ?? c.value;
      if (content !== "") out.set(`${s.name}!${columnLetter(col + 1)}${r + 1}`, content);
    }
  }
  return out;
}

describe("update in place (Office.js)", () => {
  it("leaves every cell, formula, name and reference of the user exactly as it was", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const state = createWorkbookState(["Sheet1"]);
        const run: Runner = async (batch) => batch(createStandInContext(state) as unknown as Excel.RequestContext);
        const ops = createOperations(run);
        const before = plan(indicators(c.n));
        await ops.importPlan(before, { mode: "create" });
        const layout = buildLayout(before, { lang: "vi" });
        // The user's own sheets, column and name, through the API as an add-in or a user would.
        await run(async (context) => {
          for (const name of Object.keys(c.sheets)) context.workbook.worksheets.add(name);
          if (c.column) context.workbook.tables.getItem("ChiTieu").columns.add(undefined, undefined, "Người phụ trách");
          context.workbook.names.add("TongMucTieu", "=SUM(ChiTieu[Mục tiêu])");
          await context.sync();
        });
        for (const [name, typed] of Object.entries(c.sheets)) for (const [addr, v] of Object.entries(typed)) typeIntoCell(state, `'${name}'!${addr}`, v);
        for (const [row, v] of Object.entries(c.column ?? {})) if (Number(row) <= c.n) typeIntoCell(state, `'Chỉ tiêu'!${USER_COLUMN}${Number(row) + 1}`, v);
        for (const r of c.results) {
          const row = (r.row % c.n) + 2;
          typeIntoCell(state, `${r.cell}${row}`, typeof r.value === "string" ? r.value.replace("{r}", String(row)) : r.value);
        }
        const old = cells(state);
        const oldNames = state.names.filter((n) => n.name === "TongMucTieu").map((n) => ({ ...n }));

        const after = plan([...indicators(c.n, c.retarget).slice(Math.min(c.drop, c.n - 1)), ...indicators(c.add, false, "moi-")]);
        await ops.importPlan(after, { mode: "update" });

        const now = cells(state);
        const changed = [...old].filter(([where, v]) => {
          const bang = where.lastIndexOf("!");
          return !ours(layout, where.slice(0, bang), where.slice(bang + 1), v) && now.get(where) !== v;
        });
        expect(changed.map(([where, v]) => `${where}: ${JSON.stringify(v)} → ${JSON.stringify(now.get(where))}`)).toEqual([]);
        expect(state.names.filter((n) => n.name === "TongMucTieu")).toEqual(oldNames);
        expect([...now.values()].filter((v) => typeof v === "string" && v.includes("#REF!"))).toEqual([]);
        expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name), ...Object.keys(c.sheets)]);
        expect(layout.sheets.map((s) => s.name)).toContain(GRID_SHEET);

        const reading = await run(async (context) => interpretSnapshot(await readSnapshot(context)));
        for (const ind of after.appendices[0]?.indicators ?? []) {
          const row = reading.indicators.find((r) => r.key === ind.key);
          expect(row?.values.target).toBe(ind.target?.value);
          expect(row?.values.sourceState ?? null).toBeNull();
        }
        expect(reading.indicators.filter((r) => r.values.sourceState === GONE_FROM_SOURCE.vi)).toHaveLength(Math.min(c.drop, c.n - 1));
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });
});
