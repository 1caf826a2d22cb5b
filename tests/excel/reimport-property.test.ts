/**
 * Property: whatever officials type into an imported workbook (results in
 * the Kết quả theo kỳ grid, notes, task statuses), re-importing an updated plan through Office.js keeps
 * every bit of it — on indicators still in the document and on those gone.
 */
import fc from "fast-check";
import { INDICATOR_COLUMNS, TASK_COLUMNS } from "../../src/core/layout";
import { indicator, plan, target, task } from "../../src/core/layout/_test/plan";
import { TASK_STATUS } from "../../src/core/model";
import { interpretSnapshot } from "../../src/core/workbook";
import { columnLetters } from "../../src/excel/_lib/a1";
import { createOperations, type Runner } from "../../src/excel/operations";
import { readWorkbook } from "../../src/excel/read";
import { createStandInContext, createWorkbookState, dumpWorkbook, typeIntoCell, type WorkbookState } from "../support/excel-standin";

const col = (defs: typeof INDICATOR_COLUMNS, key: string) => defs.findIndex((d) => d.key === key);

function opsOn(state: WorkbookState) {
  const run: Runner = async (batch) => await batch(createStandInContext(state) as unknown as Excel.RequestContext);
  return createOperations(run);
}

const planFrom = (ids: number[]) =>
  plan(ids.map((id) => indicator(`K${id}`, { target: target(">=", id), tasks: [task(`Nhiệm vụ ${id}a`), task(`Nhiệm vụ ${id}b`)] })));

// What an official may type: numbers, or text (never starting with "=": that would be their own formula).
const typed = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.startsWith("=") && s.trim() !== ""),
);

const edit = fc.record({
  row: fc.nat(),
  column: fc.constantFrom("2024-H1", "2024", "note"),
  value: typed,
});
const taskEdit = fc.record({
  row: fc.nat(),
  column: fc.constantFrom("status", "note"),
  value: fc.oneof(fc.constantFrom(...TASK_STATUS), typed),
});

describe("re-import through Office.js (stand-in)", () => {
  it("never loses a result, note or task status an official typed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
        fc.array(edit, { maxLength: 8 }),
        fc.array(taskEdit, { maxLength: 6 }),
        async (firstIds, secondIds, edits, taskEdits) => {
          const state = createWorkbookState(["Sheet1"]);
          const ops = opsOn(state);
          await ops.importPlan(planFrom(firstIds), { mode: "create" });

          // Officials type into the cells, as in Excel.
          const expected = new Map<string, unknown>();
          const tables = dumpWorkbook(state).tables;
          const ind = tables.find((t) => t.name === "ChiTieu")?.rows ?? [];
          const grid = tables.find((t) => t.name === "KetQuaTheoKy");
          for (const e of edits) {
            const r = e.row % ind.length;
            const key = String(ind[r]?.[col(INDICATOR_COLUMNS, "key")]);
            if (e.column === "note") {
              typeIntoCell(state, `'Chỉ tiêu'!${columnLetters(col(INDICATOR_COLUMNS, "note"))}${r + 2}`, e.value);
            } else {
              // Results go into the Kết quả theo kỳ grid: the key's row, the period's column.
              const g = grid?.rows.findIndex((row) => row.at(-1) === key) ?? -1;
              const c = grid?.headers.indexOf(e.column === "2024" ? "Năm 2024" : "6 tháng đầu năm 2024") ?? -1;
              typeIntoCell(state, `'Kết quả theo kỳ'!${columnLetters(c)}${g + 2}`, e.value);
            }
            expected.set(`i|${key}|${e.column}`, e.value);
          }
          const tasks = tables.find((t) => t.name === "NhiemVu")?.rows ?? [];
          for (const e of taskEdits) {
            const r = e.row % tasks.length;
            const key = String(tasks[r]?.[col(TASK_COLUMNS, "key")]);
            const c = col(TASK_COLUMNS, e.column);
            typeIntoCell(state, `'Nhiệm vụ'!${columnLetters(c)}${r + 2}`, e.value);
            expected.set(`t|${key}|${e.column}`, e.value);
          }

          await ops.importPlan(planFrom(secondIds), { mode: "update" });

          const reading = interpretSnapshot((await readWorkbook(createStandInContext(state) as unknown as Excel.RequestContext)).snapshot);
          const found = new Map<string, unknown>();
          for (const row of reading.indicators) {
            found.set(`i|${row.key}|note`, row.values.note);
            for (const id of ["2024-H1", "2024"]) found.set(`i|${row.key}|${id}`, reading.periodResults[row.key ?? ""]?.[id]);
          }
          for (const row of reading.tasks) for (const c of ["status", "note"]) found.set(`t|${row.key}|${c}`, row.values[c]);
          for (const [k, v] of expected) expect([k, found.get(k)]).toEqual([k, v]);
          // Every indicator of the new document is there, and none of the old ones vanished.
          const keys = new Set(reading.indicators.map((r) => r.key));
          for (const id of [...firstIds, ...secondIds]) expect(keys.has(`K${id}`)).toBe(true);
        },
      ),
      { numRuns: 40, seed: 20241123 },
    );
  });
});
