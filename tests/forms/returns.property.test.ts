/**
 * Property (issue 22): whatever sequence of returns arrives — honest forms,
 * the same form again, corrected forms, forged forms, forms of another period
 * — with a planner typing into the grid and editing the history between
 * collects, and collects killed with SIGKILL at random moments: every value
 * the planner typed and every provenance row is still there after each step,
 * the workbook and its backup are always whole files, and no forged value
 * ever reaches the grid. One case edits the workbook in LibreOffice.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { readIdentity } from "../../src/core/forms";
import type { SnapshotValue } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx";
import { runLibreOffice } from "../support/lo";
import { fillWithExceljs } from "./support/fill";
import { cli, ROOT, seed002Workbook } from "./support/workbook";

const dir = mkdtempSync(join(tmpdir(), "returns-prop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values no honest form brings: a forged form carries them, and the grid must never show them. */
const FORGED = [4242.42, 4343.43];
const CELLS = [
  { key: "PL-I/3.2", agency: "Sở Tư pháp" },
  { key: "PL-I/3.5", agency: "Sở Kế hoạch và Đầu tư" },
] as const;
const PERIODS = [{ id: "2023", header: "Năm 2023" }, { id: "2023-H1", header: "6 tháng đầu năm 2023" }] as const;

let base = "";
/** Filled forms by name, made once. */
const pool: Record<string, string> = {};

async function forge(form: string, out: string, edit: (cell: (field: string) => ExcelJS.Cell | undefined, ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.getWorksheet("_BieuMau");
  if (!ws) throw new Error("no identity sheet");
  ws.state = "visible";
  const cell = (field: string): ExcelJS.Cell | undefined => {
    let found: ExcelJS.Cell | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === field) found = row.getCell(2);
    });
    return found;
  };
  edit(cell, ws);
  await wb.xlsx.writeFile(out);
}

beforeAll(async () => {
  base = await seed002Workbook(dir);
  const blank: Record<string, Record<string, string>> = {};
  for (const p of [...PERIODS, { id: "2024", header: "" }]) {
    const out = join(dir, `forms-${p.id}`);
    expect((await cli(["forms", base, "--period", p.id, "-o", out], "2024-01-05T08:00:00.000Z")).code).toBe(0);
    for (const f of readdirSync(out)) {
      const id = readIdentity(await readWorkbook(readFileSync(join(out, f))));
      if (id.ok) (blank[p.id] ??= {})[id.identity.agency] = join(out, f);
    }
  }
  for (const p of PERIODS) {
    for (const [i, c] of CELLS.entries()) {
      const form = blank[p.id]?.[c.agency] ?? "";
      for (const [kind, value] of [["honest", 10 + i], ["corrected", 20 + i]] as const) {
        const out = join(dir, `${kind}-${i}-${p.id}.xlsx`);
        await fillWithExceljs(form, out, [{ key: c.key, column: "Kết quả kỳ này", value }]);
        pool[`${kind}-${i}-${p.id}`] = out;
      }
    }
  }
  // Forged: Sở Tư pháp's form claiming to be Sở KH&ĐT's; and one whose row key was switched to another agency's row.
  const tuPhap = pool["honest-0-2023"] ?? "";
  const withValue = join(dir, "tu-phap-forged-value.xlsx");
  await fillWithExceljs(blank["2023"]?.["Sở Tư pháp"] ?? "", withValue, [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: FORGED[0]! }]);
  await forge(withValue, join(dir, "forged-agency.xlsx"), (cell) => {
    cell("donVi")!.value = "Sở Kế hoạch và Đầu tư";
  });
  pool["forged-agency"] = join(dir, "forged-agency.xlsx");
  await forge(withValue, join(dir, "forged-row.xlsx"), (_, ws) => {
    ws.eachRow((row) => {
      if (row.getCell(4).value === "PL-I/3.2") row.getCell(4).value = "PL-I/3.5";
    });
    const body = ws.workbook.getWorksheet("Báo cáo");
    body?.eachRow((row) => row.eachCell((c) => {
      if (c.value === "PL-I/3.2") c.value = "PL-I/3.5";
    }));
  });
  pool["forged-row"] = join(dir, "forged-row.xlsx");
  // A form of a period the workbook does not have (2024), signed by this workbook: refused for its period.
  const other = join(dir, "other-period.xlsx");
  await fillWithExceljs(blank["2024"]?.["Sở Tư pháp"] ?? "", other, [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: FORGED[1]! }]);
  pool["other-period"] = other;
  expect(existsSync(tuPhap)).toBe(true);
}, 240_000);

interface Model {
  /** key|period → what the planner typed last. */
  typed: Map<string, number>;
  /** History rows the planner edited (whole rows, as read back). */
  edited: string[];
}

async function snapshot(path: string): Promise<{ grid: Map<string, SnapshotValue>; history: string[][]; headers: string[] }> {
  const s = await readWorkbook(readFileSync(path));
  const g = s.tables.find((t) => t.name === "KetQuaTheoKy");
  const grid = new Map<string, SnapshotValue>();
  for (const r of g?.rows ?? []) for (const p of PERIODS) grid.set(`${String(r[g!.headers.indexOf("Khóa")])}|${p.id}`, r[g!.headers.indexOf(p.header)] ?? null);
  const h = s.tables.find((t) => t.name === "NguonSoLieu");
  return { grid, history: (h?.rows ?? []).map((r) => r.map((v) => JSON.stringify(v))), headers: h?.headers ?? [] };
}

/** The planner types a figure into the grid, or rewrites a history row's Tình trạng, with exceljs (as Excel would save). */
async function plannerEdit(path: string, model: Model, edit: { cell: number; period: number; value: number } | { historyRow: number; n: number }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  if ("cell" in edit) {
    const ws = wb.getWorksheet("Kết quả theo kỳ")!;
    const headers = ws.getRow(1).values as unknown[];
    const key = CELLS[edit.cell]!.key;
    const period = PERIODS[edit.period]!;
    ws.eachRow((row) => {
      if (row.getCell(headers.indexOf("Khóa")).value === key) row.getCell(headers.indexOf(period.header)).value = edit.value;
    });
    model.typed.set(`${key}|${period.id}`, edit.value);
  } else {
    const ws = wb.getWorksheet("Nguồn số liệu");
    if (!ws) return;
    const headers = ws.getRow(2).values as unknown[];
    const rows = ws.rowCount - 2;
    if (rows < 1) return;
    const row = ws.getRow(3 + (edit.historyRow % rows));
    row.getCell(headers.indexOf("Tình trạng")).value = `Cán bộ đã kiểm tra ${edit.n}`;
  }
  // exceljs writes the print areas it read back as "$ANaN:$VNaN", which it then cannot read itself; a planner's
  // Excel keeps them as they were, so the stand-in for Excel here drops them rather than break its own next edit.
  for (const ws of wb.worksheets) delete ws.pageSetup.printArea;
  await wb.xlsx.writeFile(path);
  if ("historyRow" in edit) {
    const s = await snapshot(path);
    const state = s.headers.indexOf("Tình trạng");
    for (const r of s.history) if (r[state] === JSON.stringify(`Cán bộ đã kiểm tra ${edit.n}`)) model.edited.push(JSON.stringify(r));
  }
}

/**
 * A collect in a child process, killed with SIGKILL after `ms` (or finished first). The loader runs inside the
 * collect's own process (`node --import tsx`): tsx's cli.mjs would run it in a grandchild that SIGKILL of the
 * wrapper leaves running, so the "killed" collect would finish later and replace a file the planner edited since.
 */
function killedCollect(form: string, into: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "collect", form, "--into", into], { stdio: "ignore", cwd: ROOT });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The history row without its Tình trạng (which collect itself changes: Đang dùng → Đã thay thế). */
const withoutState = (row: string[], state: number): string => JSON.stringify(row.filter((_, i) => i !== state));

async function checkInvariants(path: string, model: Model, before: string[][]): Promise<string[][]> {
  // The workbook (and its backup, when there is one) are whole, readable files whatever was killed when.
  const now = await snapshot(path);
  if (existsSync(`${path}.bak`)) await readWorkbook(readFileSync(`${path}.bak`));
  for (const [cell, value] of model.typed) expect([cell, now.grid.get(cell)]).toEqual([cell, value]);
  for (const v of now.grid.values()) expect(FORGED).not.toContain(v);
  const state = now.headers.indexOf("Tình trạng");
  const after = new Set(now.history.map((r) => withoutState(r, state)));
  for (const r of before) expect(after).toContain(withoutState(r, state));
  const whole = new Set(now.history.map((r) => JSON.stringify(r)));
  for (const r of model.edited) expect(whole).toContain(r);
  return now.history;
}

type Step =
  | { op: "collect"; forms: string[] }
  | { op: "type"; cell: number; period: number; value: number }
  | { op: "editHistory"; row: number; n: number }
  | { op: "kill"; form: string; ms: number };

const formName = fc.constantFrom(...["honest-0-2023", "honest-1-2023", "corrected-0-2023", "corrected-1-2023", "honest-0-2023-H1", "corrected-1-2023-H1", "forged-agency", "forged-row", "other-period"]);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.array(formName, { minLength: 1, maxLength: 3 }).map((forms): Step => ({ op: "collect", forms })) },
  { weight: 2, arbitrary: fc.record({ cell: fc.nat(1), period: fc.nat(1), value: fc.integer({ min: 1000, max: 9999 }) }).map((r): Step => ({ op: "type", ...r })) },
  { weight: 1, arbitrary: fc.record({ row: fc.nat(50), n: fc.nat(1000) }).map((r): Step => ({ op: "editHistory", ...r })) },
  { weight: 1, arbitrary: fc.record({ form: formName, ms: fc.integer({ min: 300, max: 7000 }) }).map((r): Step => ({ op: "kill", ...r })) },
);

describe("returns, planner edits and kills in any order", () => {
  it("keep every planner-typed value and provenance row, and let no forged value into the grid", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 6 }), async (steps) => {
        const path = join(dir, `so-${++run}.xlsx`);
        copyFileSync(base, path);
        const model: Model = { typed: new Map(), edited: [] };
        let { history } = await snapshot(path);
        for (const s of steps) {
          if (s.op === "collect") await cli(["collect", ...s.forms.map((f) => pool[f] ?? f), "--into", path]);
          else if (s.op === "type") await plannerEdit(path, model, { cell: s.cell, period: s.period, value: s.value });
          else if (s.op === "editHistory") await plannerEdit(path, model, { historyRow: s.row, n: s.n });
          else await killedCollect(pool[s.form] ?? s.form, path, s.ms);
          // A planner's own edit may rewrite rows (that is theirs); the rows a collect or a kill saw must stay.
          if (s.op === "type" || s.op === "editHistory") ({ history } = await snapshot(path));
          else history = await checkInvariants(path, model, history);
        }
        // The next run cleans what the killed ones left.
        await cli(["collect", pool["honest-0-2023"] ?? "", "--into", path]);
        await checkInvariants(path, model, history);
        expect(readdirSync(dir).filter((f) => f.startsWith(`.so-${run}.xlsx`) && f.includes(".tmp-"))).toEqual([]);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  }, 600_000);

  it("keeps a figure the planner typed in LibreOffice through the next collects", async () => {
    const path = join(dir, "so-lo.xlsx");
    copyFileSync(base, path);
    await cli(["collect", pool["honest-0-2023"] ?? "", "--into", path]);
    const { history } = await snapshot(path);
    runLibreOffice([
      { op: "open", path },
      { op: "setByKey", sheet: "Kết quả theo kỳ", keyHeader: "Khóa", key: "PL-I/3.5", header: "Năm 2023", value: 1234 },
      { op: "save", path },
    ]);
    const model: Model = { typed: new Map([["PL-I/3.5|2023", 1234]]), edited: [] };
    await cli(["collect", pool["honest-1-2023"] ?? "", pool["corrected-1-2023"] ?? "", pool["forged-row"] ?? "", "--into", path]);
    await checkInvariants(path, model, history);
  }, 180_000);
});
