/**
 * Property, end to end through the CLI on seed 002: agencies fill their 2023
 * forms at random (numbers, percents typed as text, blanks, words, error
 * values, rows sorted their own way); after `chitieu collect`, `chitieu
 * status` returns exactly the values that were taken, and every value that
 * was not taken is in the collect report (words, and figures no indicator can
 * have, such as 1,01 in a share: 101 %). A few runs: each one writes and
 * reads real .xlsx files.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { formSourceFromWorkbook, readIdentity } from "../../src/core/forms";
import type { FormIndicator } from "../../src/core/forms";
import { plausible } from "../../src/core/forms/collect/plausible";
import { interpretSnapshot } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx";
import { cli, seed002Workbook } from "./support/workbook";

const dir = mkdtempSync(join(tmpdir(), "forms-status-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = { typed: number | string | null; taken: number | null; rejected: boolean };
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 0, max: 5000 }).map((n): Cell => ({ typed: n / 100, taken: n / 100, rejected: false })),
  fc.integer({ min: 0, max: 1000 }).map((n): Cell => ({ typed: `${n / 10}%`.replace(".", ","), taken: n / 1000, rejected: false })),
  fc.constantFrom<Cell>({ typed: null, taken: null, rejected: false }, { typed: "  ", taken: null, rejected: false }),
  fc.constantFrom<Cell>(
    { typed: "khoảng 20", taken: null, rejected: true },
    { typed: "đạt", taken: null, rejected: true },
    { typed: "#N/A", taken: null, rejected: true },
  ),
);

let workbook = "";
const forms: Array<{ path: string; keys: string[] }> = [];
let indicators = new Map<string, FormIndicator>();

beforeAll(async () => {
  workbook = await seed002Workbook(dir);
  expect((await cli(["forms", workbook, "--period", "2023", "-o", join(dir, "forms")])).code).toBe(0);
  const snapshot = await readWorkbook(readFileSync(workbook));
  indicators = new Map(formSourceFromWorkbook(snapshot, interpretSnapshot(snapshot), "").indicators.map((i) => [i.key, i]));
  for (const f of readdirSync(join(dir, "forms")).sort()) {
    const path = join(dir, "forms", f);
    const id = readIdentity(await readWorkbook(readFileSync(path)));
    if (!id.ok) throw new Error(id.message);
    const keys = id.identity.rows.filter((r) => r.kind === "indicator").map((r) => r.key);
    // Indicators led by two agencies would make the second return a conflict: one form per indicator here.
    if (keys.length > 0 && !keys.some((k) => forms.some((g) => g.keys.includes(k)))) forms.push({ path, keys });
  }
}, 60_000);

async function fill(form: string, out: string, cells: Map<string, Cell>, reverse: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.getWorksheet("Báo cáo");
  if (!ws) throw new Error("no Báo cáo");
  let headers: string[] = [];
  const rows: Array<{ number: number; values: unknown[] }> = [];
  ws.eachRow((row, number) => {
    const texts = (row.values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    if (texts.includes("Khóa")) headers = texts;
    else if (headers.includes("Kết quả kỳ này") && (row.values as unknown[])[headers.indexOf("Khóa")]) {
      const key = String((row.values as unknown[])[headers.indexOf("Khóa")] ?? "");
      const c = cells.get(key);
      const values = [...(row.values as unknown[])];
      if (c) values[headers.indexOf("Kết quả kỳ này")] = c.typed;
      rows.push({ number, values });
    }
  });
  // The agency sorts its indicator rows its own way (here: backwards); rows are matched by key.
  const order = reverse ? [...rows].reverse() : rows;
  order.forEach((r, i) => {
    const target = ws.getRow(rows[i]?.number ?? r.number);
    r.values.forEach((v, j) => {
      if (j > 0) target.getCell(j).value = (v ?? null) as ExcelJS.CellValue;
    });
  });
  await wb.xlsx.writeFile(out);
}

describe("collect, then chitieu status", () => {
  it("returns exactly the accepted values and reports every rejected one", async () => {
    const keys = forms.flatMap((f) => f.keys);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { minLength: keys.length, maxLength: keys.length }), fc.boolean(), async (cells, reverse) => {
        run++;
        // A number no indicator can have (a share above 100 %) is not taken, and reported, like a word.
        const judged = (k: string, c: Cell): Cell => (c.taken !== null && !plausible(c.taken, indicators.get(k)).ok ? { ...c, taken: null, rejected: true } : c);
        const byKey = new Map(keys.map((k, i) => [k, judged(k, cells[i] ?? { typed: null, taken: null, rejected: false })]));
        const into = join(dir, `theo-doi-${run}.xlsx`);
        copyFileSync(workbook, into);
        const filled: string[] = [];
        for (const [i, f] of forms.entries()) {
          const out = join(dir, `run-${run}-${i}.xlsx`);
          await fill(f.path, out, byKey, reverse);
          filled.push(out);
        }
        const collected = await cli(["collect", ...filled, "--into", into, "--json"]);
        const report = JSON.parse(collected.out) as { rowsRejected: Array<{ key: string }>; rejected: unknown[] };
        expect(report.rejected).toEqual([]);
        expect(report.rowsRejected.map((r) => r.key).sort()).toEqual(keys.filter((k) => byKey.get(k)?.rejected).sort());
        const status = await cli(["status", into, "--period", "2023", "--json"]);
        const table = JSON.parse(status.out) as { indicators: Array<{ key: string; result: number | string | null }> };
        for (const k of keys) {
          const row = table.indicators.find((x) => x.key === k);
          const expected = byKey.get(k)?.taken ?? null;
          if (expected === null) expect(row?.result ?? null).toBeNull();
          else expect(row?.result).toBeCloseTo(expected, 9);
        }
      }),
      { numRuns: 4 },
    );
  }, 180_000);
});
