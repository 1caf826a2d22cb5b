/**
 * Nothing an official types is lost on re-import (the .xlsx writer): write a
 * workbook, type random results, notes and task statuses into it (as a file,
 * through exceljs), re-import the same or a changed plan, write, read back,
 * and find every typed value again on its key's row (a row whose indicator
 * left the document is kept and marked, never deleted).
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { buildLayout, locateCell, GONE_FROM_SOURCE } from "../../src/core/layout";
import { TASK_STATUS } from "../../src/core/model";
import type { Indicator } from "../../src/core/model";
import { interpretSnapshot } from "../../src/core/workbook";
import { mergeIntoWorkbook } from "../../src/core/merge";
import { readWorkbook, writeWorkbook } from "../../src/xlsx";
import { indicator, plan, target, task } from "../../src/core/layout/_test/plan";

type Typed = string | number;
interface Edit {
  kind: "indicator" | "task";
  index: number;
  column: "period:2024-H1" | "period:2024" | "note" | "status";
  value: Typed;
}

const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).filter((x) => !Object.is(x, -0));
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom("Đã hoàn thành, chờ Cục Thống kê xác nhận", "=SUM(A1:A3)", "+84 123", "-", "@ghi chú", "\tthụt đầu dòng"),
);
const edit = fc.oneof(
  fc.record({ kind: fc.constant("indicator" as const), index: fc.nat(), column: fc.constantFrom("period:2024-H1" as const, "period:2024" as const), value: fc.oneof(number, text) }),
  fc.record({ kind: fc.constant("indicator" as const), index: fc.nat(), column: fc.constant("note" as const), value: text }),
  fc.record({ kind: fc.constant("task" as const), index: fc.nat(), column: fc.constant("status" as const), value: fc.constantFrom(...TASK_STATUS) }),
  fc.record({ kind: fc.constant("task" as const), index: fc.nat(), column: fc.constant("note" as const), value: text }),
);

function makeIndicators(n: number, prefix = ""): Indicator[] {
  return Array.from({ length: n }, (_, i) =>
    indicator(`${prefix}${i}`, { target: target(i % 2 ? "<=" : ">=", 10 + i, { percent: i % 3 === 0 }), tasks: i % 2 ? [] : [task(`Nhiệm vụ ${i}`)] }));
}

/** Types the edits into the file, the way Excel would save them. */
async function typeInto(bytes: Uint8Array, edits: Edit[], layout: ReturnType<typeof buildLayout>): Promise<{ bytes: Uint8Array; expected: Map<string, Typed> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const tasks = layout.sheets.find((s) => s.role === "tasks")?.tables[0];
  const indicatorKeys = layout.sheets[0]?.tables[0]?.rows.map((r) => String(r[r.length - 3])) ?? [];
  const expected = new Map<string, Typed>();
  for (const e of edits) {
    if (e.kind === "indicator") {
      const key = indicatorKeys[e.index % indicatorKeys.length];
      const at = key === undefined ? null : locateCell(layout, key, e.column);
      if (!at || key === undefined) continue;
      const ws = wb.getWorksheet(at.sheet);
      if (!ws) throw new Error(`no sheet ${at.sheet}`);
      ws.getCell(at.address).value = e.value;
      expected.set(`i:${key}:${e.column}`, e.value);
    } else if (tasks && tasks.rows.length > 0) {
      const row = e.index % tasks.rows.length;
      const keyCol = tasks.columns.findIndex((c) => c.key === "key");
      const col = tasks.columns.findIndex((c) => c.key === e.column);
      const key = String(tasks.rows[row]?.[keyCol]);
      const ws = wb.getWorksheet(layout.sheets.find((s) => s.role === "tasks")?.name ?? "");
      if (!ws) throw new Error("no tasks sheet");
      ws.getCell(row + 2, col + 1).value = e.value;
      expected.set(`t:${key}:${e.column}`, e.value);
    }
  }
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), expected };
}

describe("re-importing into an edited workbook", () => {
  it("keeps every result, note and task status typed by officials", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(edit, { minLength: 1, maxLength: 15 }),
        fc.record({ drop: fc.integer({ min: 0, max: 3 }), add: fc.integer({ min: 0, max: 3 }) }),
        async (n, edits, change) => {
          const before = plan(makeIndicators(n));
          const layout = buildLayout(before, { lang: "vi" });
          const { bytes, expected } = await typeInto(await writeWorkbook(layout), edits, layout);

          const kept = makeIndicators(n).slice(Math.min(change.drop, n - 1));
          const after = plan([...kept, ...makeIndicators(change.add, "moi-")]);
          const merged = mergeIntoWorkbook(after, interpretSnapshot(await readWorkbook(bytes)));
          const final = interpretSnapshot(await readWorkbook(await writeWorkbook(buildLayout(after, { lang: "vi", results: merged.user }))));

          for (const [where, value] of expected) {
            const [kind, key, ...rest] = where.split(":") as [string, string, string];
            const column = rest.join(":");
            const rows = kind === "i" ? final.indicators : final.tasks;
            const row = rows.find((r) => r.key === key);
            // Results live in the grid, every period kept; notes and task statuses on their rows.
            const got = column.startsWith("period:") ? final.periodResults[key]?.[column.slice("period:".length)] : row?.values[column];
            expect([where, got]).toEqual([where, value]);
            if (kind === "i" && !after.appendices[0]?.indicators.some((x) => x.key === key)) {
              expect(row?.values.sourceState).toBe(GONE_FROM_SOURCE.vi);
            }
          }
          expect(final.indicators.filter((r) => r.values.sourceState === null || r.values.sourceState === undefined).map((r) => r.key))
            .toEqual(after.appendices[0]?.indicators.map((x) => x.key));
        },
      ),
      { numRuns: 30, seed: 20261123 },
    );
  });
});
