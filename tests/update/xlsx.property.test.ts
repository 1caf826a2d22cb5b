/**
 * Update in place keeps the user's work (issue #9), the .xlsx writer. Random workbooks are made the way a
 * planner makes them, with a tool we did not write (openpyxl): their own sheets with formulas that point at
 * our tables (structured and A1 references, our names), a column of their own in ChiTieu ("Người phụ
 * trách"), numbers and formulas typed into result cells (the period cells of the Kết quả theo kỳ grid),
 * notes. Each is updated with a changed appendix
 * (indicators removed, added, targets changed). Then every cell that is not ours must be exactly as it
 * was (values and formula text), our rows must follow the new appendix, and LibreOffice must compute the
 * user's formulas without an error. One python process edits the batch, one dumps it, one soffice run
 * computes it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { buildLayout, GONE_FROM_SOURCE } from "../../src/core/layout";
import type { WorkbookLayout } from "../../src/core/layout/types";
import type { Indicator } from "../../src/core/model";
import { interpretSnapshot } from "../../src/core/workbook";
import { mergeIntoWorkbook } from "../../src/core/merge";
import { readWorkbook, updateWorkbookInPlace, writeWorkbook } from "../../src/xlsx";
import { parseAddress } from "../../src/core/layout/_lib/a1";
import { indicator, plan, target, task } from "../../src/core/layout/_test/plan";
import { readWithOpenpyxl, type ReaderDump } from "../support/fidelity";
import JSZip from "jszip";
import { changedParts, GRID_SHEET, H1, mayChange, NOTE, ours, sheetParts, T, USER_COLUMN, YEAR } from "./support";

async function definedName(bytes: Uint8Array, name: string): Promise<string | null> {
  const xml = (await (await JSZip.loadAsync(bytes)).file("xl/workbook.xml")?.async("string")) ?? "";
  return new RegExp(`<definedName[^>]*name="${name}"[^>]*>([^<]*)<`).exec(xml)?.[1] ?? null;
}

const dir = mkdtempSync(join(tmpdir(), "inplace-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** Formulas a planner writes on their own sheets, pointing at ours. */
const userFormulas = [
  "=SUM(ChiTieu[Mục tiêu])",
  "=COUNTA(ChiTieu[Khóa])",
  `='Chỉ tiêu'!${T}2`,
  `=SUM('Chỉ tiêu'!${T}2:${T}3)*2`,
  "=SaiSoChoPhep*100",
  "=COUNTIF(ChiTieu[Trạng thái],\"Đạt\")",
  "=ChiTieu[[#Headers],[Mục tiêu]]",
  "=COUNTA(NhiemVu[Nhiệm vụ])",
  "=COUNTA(KetQuaTheoKy[Khóa])",
];
const cellValue = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom("ghi chú", "Quý III", "số liệu sơ bộ"), fc.constantFrom(...userFormulas));
const userSheet = fc.dictionary(fc.constantFrom("A1", "A2", "B1", "B3", "C2", "D5"), cellValue, { minKeys: 1 });
const caseArb = fc.record({
  n: fc.integer({ min: 2, max: 7 }),
  drop: fc.integer({ min: 0, max: 2 }),
  add: fc.integer({ min: 0, max: 3 }),
  retarget: fc.boolean(),
  sheets: fc.uniqueArray(fc.constantFrom("Theo dõi", "Báo cáo quý", "Sheet U"), { minLength: 1, maxLength: 3 }).chain((names) =>
    fc.tuple(...names.map((n) => userSheet.map((cells) => [n, cells] as const)))),
  chart: fc.boolean(),
  column: fc.option(fc.dictionary(fc.constantFrom("1", "2", "3"), fc.constantFrom("Anh Tuấn", "Chị Lan", "Phòng Tổng hợp")), { nil: null }),
  results: fc.array(
    fc.record({
      row: fc.integer({ min: 0, max: 6 }),
      // A result for the first half or the year (grid), or a note (Chỉ tiêu).
      cell: fc.constantFrom(`${GRID_SHEET}!${H1}`, `${GRID_SHEET}!${YEAR}`, `Chỉ tiêu!${NOTE}`),
      value: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(`='Chỉ tiêu'!${T}{r}*0.9`, "=LEN(KetQuaTheoKy[[#This Row],[Mã]])*1.1", "='Theo dõi'!A1", "đã báo cáo")),
    }),
    { maxLength: 6 },
  ),
});

const indicators = (n: number, retarget = false, prefix = ""): Indicator[] =>
  Array.from({ length: n }, (_, i) => indicator(`${prefix}${i}`, { target: target(">=", (retarget ? 20 : 10) + i), tasks: i % 2 ? [] : [task(`Nhiệm vụ ${prefix}${i}`)] }));

function python(script: string, input: string): void {
  const r = spawnSync("/usr/bin/python3", [join(__dirname, script)], { input, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
}

function cellsOf(dump: ReaderDump | undefined): Record<string, Record<string, unknown>> {
  if (!dump || "error" in dump) throw new Error(`openpyxl could not read: ${dump && "error" in dump ? dump.error : "nothing"}`);
  return dump.sheets;
}

describe("update in place (.xlsx)", () => {
  it("leaves every cell, formula and reference of the user exactly as it was, and LibreOffice computes them", async () => {
    // Generated up front (fast-check, fixed seed) so that one python and one soffice process serve the batch.
    const cases = fc.sample(caseArb, { numRuns: 10, seed: 20261130 });
    const jobs = [];
    const before: WorkbookLayout[] = [];
    for (const [i, c] of cases.entries()) {
      const layout = buildLayout(plan(indicators(c.n)), { lang: "vi" });
      before.push(layout);
      writeFileSync(join(dir, `base-${i}.xlsx`), await writeWorkbook(layout));
      const cells: Record<string, unknown> = {};
      for (const r of c.results) {
        const row = (r.row % c.n) + 2;
        cells[`${r.cell}${row}`] = typeof r.value === "string" ? r.value.replace("{r}", String(row)) : r.value;
      }
      jobs.push({
        in: join(dir, `base-${i}.xlsx`),
        out: join(dir, `edited-${i}.xlsx`),
        sheets: Object.fromEntries(c.sheets),
        column: c.column === null ? null : { header: "Người phụ trách", values: Object.fromEntries(Object.entries(c.column).filter(([row]) => Number(row) <= c.n)) },
        cells,
        chart: c.chart,
        name: { name: "TongMucTieu", formula: "SUM(ChiTieu[Mục tiêu])" },
      });
    }
    python("user_edits.py", JSON.stringify(jobs));

    const updated: string[] = [];
    for (const [i, c] of cases.entries()) {
      const edited = readFileSync(join(dir, `edited-${i}.xlsx`));
      const after = plan([...indicators(c.n, c.retarget).slice(Math.min(c.drop, c.n - 1)), ...indicators(c.add, false, "moi-")]);
      const merged = mergeIntoWorkbook(after, interpretSnapshot(await readWorkbook(edited)));
      const result = await updateWorkbookInPlace(edited, buildLayout(after, { lang: "vi", results: merged.user }));
      if (!result.ok) throw new Error(result.problems.map((p) => p.vi).join(" "));
      writeFileSync(join(dir, `updated-${i}.xlsx`), result.bytes);
      // Byte for byte, every part but our sheets, our tables, styles, shared strings and the workbook is as it was:
      // the user's sheets, their chart and its drawing, the theme.
      const parts = await sheetParts(edited);
      const oursParts = (before[i] as WorkbookLayout).sheets.map((s) => parts[s.name] ?? "");
      expect((await changedParts(edited, result.bytes)).filter((p) => !mayChange(p, oursParts))).toEqual([]);
      if (c.chart) expect(Object.keys((await JSZip.loadAsync(result.bytes)).files).some((f) => f.startsWith("xl/charts/"))).toBe(true);
      expect(await definedName(result.bytes, "TongMucTieu")).toBe("SUM(ChiTieu[Mục tiêu])");
      updated.push(join(dir, `updated-${i}.xlsx`));

      const reading = interpretSnapshot(await readWorkbook(result.bytes));
      const keys = reading.indicators.map((r) => r.key);
      for (const ind of after.appendices[0]?.indicators ?? []) expect(keys).toContain(ind.key);
      for (const r of reading.indicators) {
        const inPlan = after.appendices[0]?.indicators.some((x) => x.key === r.key);
        expect(r.values.sourceState ?? null).toBe(inPlan ? null : GONE_FROM_SOURCE.vi);
        const key = String(r.key);
        if (inPlan) expect(r.values.target).toBe(key.startsWith("moi-") ? 10 + Number(key.slice(4)) : (c.retarget ? 20 : 10) + Number(key));
      }
    }

    const dumps = readWithOpenpyxl(cases.flatMap((_, i) => [join(dir, `edited-${i}.xlsx`), join(dir, `updated-${i}.xlsx`)]));
    for (const [i] of cases.entries()) {
      const old = cellsOf(dumps[join(dir, `edited-${i}.xlsx`)]);
      const now = cellsOf(dumps[join(dir, `updated-${i}.xlsx`)]);
      expect(Object.keys(now)).toEqual(Object.keys(old));
      const changed: string[] = [];
      for (const [sheet, cells] of Object.entries(old)) {
        for (const [addr, v] of Object.entries(cells)) {
          if (ours(before[i] as WorkbookLayout, sheet, addr, v)) continue;
          if (now[sheet]?.[addr] !== v) changed.push(`${sheet}!${addr}: ${JSON.stringify(v)} → ${JSON.stringify(now[sheet]?.[addr])}`);
        }
      }
      expect(changed).toEqual([]);
      // The user's column is still a column of the table, with its header.
      if (cases[i]?.column) expect(now["Chỉ tiêu"]?.[`${USER_COLUMN}1`]).toBe("Người phụ trách");
    }

    // LibreOffice computes every updated workbook (one soffice run for the batch): no reference broke.
    const out = join(dir, "csv");
    const profile = mkdtempSync(join(tmpdir(), "lo-inplace-"));
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, ...updated], { encoding: "utf8", timeout: 180_000 });
    rmSync(profile, { recursive: true, force: true });
    expect(r.status).toBe(0);
    const files = readdirSync(out);
    for (const [i, c] of cases.entries()) {
      for (const [name, cells] of c.sheets) {
        const csv = files.find((f) => f === `updated-${i}-${name}.csv`);
        expect(csv).toBeDefined();
        const text = readFileSync(join(out, csv as string), "utf8");
        expect(text).not.toMatch(/#REF!|#NAME\?|Err:\d+/);
        // A count over our table follows its new rows.
        const lines = text.split("\n").map((l) => l.split(","));
        for (const [addr, v] of Object.entries(cells)) {
          // The grid keeps a row for every indicator, gone ones included, as the indicator table does.
          if (v !== "=COUNTA(ChiTieu[Khóa])" && v !== "=COUNTA(KetQuaTheoKy[Khóa])") continue;
          const at = parseAddress(addr);
          const rows = c.n + c.add;
          expect(Number(lines[at.row - 1]?.[at.col - 1])).toBe(rows);
        }
      }
    }
  });
});
