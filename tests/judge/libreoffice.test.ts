/**
 * Acceptance of issue #19 with LibreOffice as the other engine: the cases of
 * ./cases.ts are one workbook, one row each; their results (and the earlier
 * years of totals and averages) are typed into "Kết quả theo kỳ" over UNO in
 * ONE LibreOffice session; for every period of the cases KyBaoCao is chosen
 * and LibreOffice recalculates. LibreOffice's verdict on each case's own
 * period is the planner's, and on every row and every period its status,
 * expected value, judged number and % so với kế hoạch equal `chitieu status`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import { buildLayout } from "../../src/core/layout";
import { periodLabel, periodOf } from "../../src/core/period";
import type { StatusTable } from "../../src/core/statusTable";
import { statusLabel } from "../../src/core/status";
import { writeWorkbook } from "../../src/xlsx";
import { columnsOf, runLibreOffice } from "../support/lo";
import type { LoStep } from "../support/lo";
import { CASES, CASE_PERIODS } from "./cases";
import { caseKey, casesPlan } from "./_lib";

const dir = mkdtempSync(join(tmpdir(), "judge-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GRID = "Kết quả theo kỳ";
const HEADERS = ["Khóa", "Trạng thái", "Giá trị theo lộ trình", "% so với kế hoạch", "Giá trị đánh giá"];

async function status(file: string, period: string): Promise<StatusTable> {
  const io = diskIo(new Date("2031-03-01T00:00:00Z"));
  expect(await main(["status", file, "--json", "--period", period], io)).toBe(0);
  return JSON.parse(io.stdout.join("\n")) as StatusTable;
}

/** What an official types: a percent row as "8.5%", other numbers as they are. */
const typed = (x: number, percent: boolean): string => (percent ? `${Math.round(x * 1e6) / 1e4}%` : String(x));

describe("the issue's cases typed into LibreOffice", () => {
  const source = join(dir, "cases.xlsx");
  const saved = join(dir, "cases-lo.xlsx");
  const periods = [...CASE_PERIODS].map(periodOf).sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
  let lo: Record<string, Record<string, unknown[]>> = {};

  beforeAll(async () => {
    const { plan, results } = casesPlan(CASES);
    // The quarter and nine-month columns exist once a result names them: give the grid one each, then type over it.
    results.periodResults = Object.fromEntries(CASES.map((c, i) => [caseKey(i), c.result !== null ? { [c.period]: c.result } : {}]));
    writeFileSync(source, await writeWorkbook(buildLayout(plan, { lang: "vi", results })));
    const steps: LoStep[] = [{ op: "open", path: source }];
    CASES.forEach((c, i) => {
      const key = caseKey(i);
      const put = (period: string, x: number | null): void => {
        steps.push(x === null
          ? { op: "setByKey", sheet: GRID, keyHeader: "Khóa", key, header: periodLabel(periodOf(period)), value: null }
          : { op: "type", sheet: GRID, keyHeader: "Khóa", key, header: periodLabel(periodOf(period)), text: typed(x, c.percent ?? false) });
      };
      for (const [y, x] of Object.entries(c.years ?? {})) put(y, x);
      put(c.period, c.result);
    });
    const reads: Array<[string, number]> = [];
    for (const p of periods) {
      steps.push({ op: "setName", name: "KyBaoCao", value: periodLabel(p) }, { op: "recalc" });
      reads.push([p.id, steps.length]);
      steps.push({ op: "columns", sheet: "Chỉ tiêu", headers: HEADERS });
    }
    steps.push({ op: "save", path: saved });
    const out = runLibreOffice(steps);
    lo = Object.fromEntries(reads.map(([id, at]) => [id, columnsOf(out[at])]));
  }, 300_000);

  const cell = (period: string, key: string, header: string): unknown => {
    const cols = lo[period] ?? {};
    const at = (cols["Khóa"] ?? []).indexOf(key);
    return at < 0 ? undefined : (cols[header]?.[at] ?? null);
  };

  it("gives each case, at its own period, the verdict a planner writes", () => {
    const got = CASES.map((c, i) => [c.what, cell(c.period, caseKey(i), "Trạng thái")]);
    expect(got).toEqual(CASES.map((c) => [c.what, statusLabel(c.verdict)]));
  });

  it("equals chitieu status on every row and every period: status, expected value, judged number, % so với kế hoạch", async () => {
    for (const p of periods) {
      const table = await status(saved, p.id);
      const cols = lo[p.id] ?? {};
      const keys = (cols["Khóa"] ?? []).map(String);
      expect(keys.length).toBe(CASES.length);
      const mine = new Map(table.indicators.map((r) => [r.key, r]));
      keys.forEach((k, i) => {
        const r = mine.get(k);
        expect([p.id, k, r?.statusLabel]).toEqual([p.id, k, cols["Trạng thái"]?.[i] ?? ""]);
        for (const [header, mineValue] of [["Giá trị theo lộ trình", r?.expected], ["% so với kế hoạch", r?.percentOfPlan], ["Giá trị đánh giá", r?.judged]] as const) {
          const theirs = cols[header]?.[i];
          if (typeof theirs === "number") expect([p.id, k, header, mineValue]).toEqual([p.id, k, header, expect.closeTo(theirs, 9)]);
          else expect([p.id, k, header, mineValue ?? null]).toEqual([p.id, k, header, null]);
        }
      });
    }
  });
});
