/**
 * "So với cùng kỳ" with LibreOffice as the other engine: the annual plan
 * (tests/fixtures/shapes) is imported with its history in the grid (2024
 * results, 2025 estimates); officials type results through UNO for 6 months
 * and the year, with the same half of 2025 where the appendix has none; the
 * "Cùng kỳ năm trước" and "% so với cùng kỳ" LibreOffice computes on Chỉ tiêu
 * must equal `chitieu status --json` on every row.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import type { StatusTable } from "../../src/core/statusTable";
import { columnsOf, runLibreOffice } from "../support/lo";
import type { LoStep } from "../support/lo";

const dir = mkdtempSync(join(tmpdir(), "history-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const io = diskIo(new Date("2026-12-05T00:00:00Z"));
  const code = await main(args, io);
  return { code, out: io.stdout.join("\n") };
}

async function status(file: string, period: string): Promise<StatusTable> {
  const r = await cli(["status", file, "--json", "--period", period]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as StatusTable;
}

const GRID = "Kết quả theo kỳ";
const type = (key: string, header: string, text: string): LoStep => ({ op: "type", sheet: GRID, keyHeader: "Khóa", key, header, text });
const read: LoStep = { op: "columns", sheet: "Chỉ tiêu", headers: ["Khóa", "Kết quả kỳ báo cáo", "Cùng kỳ năm trước", "% so với cùng kỳ"] };

describe("the annual plan 2026 typed in LibreOffice", () => {
  const source = join(dir, "kh-2026.xlsx");
  const h1File = join(dir, "kh-2026-h1.xlsx");
  const yearFile = join(dir, "kh-2026-year.xlsx");
  let lo: { h1: Record<string, unknown[]>; year: Record<string, unknown[]> };

  beforeAll(async () => {
    expect((await cli(["import", "tests/fixtures/shapes/ke-hoach-nam-2026.docx", "-o", source])).code).toBe(0);
    const results = runLibreOffice([
      { op: "open", path: source },
      // 6 months: budget revenue 3.126 against 2.900 a year earlier (107,8 %); GRDP growth is a rate (no ratio).
      type("PL/4", "6 tháng đầu năm 2025", "2900"),
      type("PL/4", "6 tháng đầu năm 2026", "3126"),
      type("PL/1", "6 tháng đầu năm 2025", "6.8%"),
      type("PL/1", "6 tháng đầu năm 2026", "7.9%"),
      type("PL/7", "6 tháng đầu năm 2026", "700"),
      // The year: against the appendix's 2025 estimates already in the grid.
      type("PL/4", "Năm 2026", "6650"),
      type("PL/13", "Năm 2026", "13.4"),
      type("PL/9", "Năm 2026", "0.6"),
      type("PL/8", "Năm 2026", "12"),
      { op: "setName", name: "KyBaoCao", value: "6 tháng đầu năm 2026" },
      { op: "recalc" },
      read,
      { op: "save", path: h1File },
      { op: "setName", name: "KyBaoCao", value: "Năm 2026" },
      { op: "recalc" },
      read,
      { op: "save", path: yearFile },
    ]);
    lo = { h1: columnsOf(results[12]), year: columnsOf(results[16]) };
  }, 180_000);

  const byKey = (cols: Record<string, unknown[]>, column: string): Record<string, unknown> =>
    Object.fromEntries((cols["Khóa"] ?? []).map((k, i) => [String(k), cols[column]?.[i] ?? null]));

  it("compares the 6 months with the same 6 months of 2025, and leaves a growth rate's ratio empty", () => {
    expect(byKey(lo.h1, "Cùng kỳ năm trước")["PL/4"]).toBe(2900);
    expect(byKey(lo.h1, "% so với cùng kỳ")["PL/4"]).toBeCloseTo((3126 / 2900) * 100, 9);
    expect(byKey(lo.h1, "Cùng kỳ năm trước")["PL/1"]).toBeCloseTo(0.068, 12);
    expect(byKey(lo.h1, "% so với cùng kỳ")["PL/1"] ?? "").toBe("");
  });

  it("compares the year with the appendix's 2025 estimate", () => {
    expect(byKey(lo.year, "Cùng kỳ năm trước")["PL/4"]).toBe(6150);
    expect(byKey(lo.year, "% so với cùng kỳ")["PL/4"]).toBeCloseTo((6650 / 6150) * 100, 9);
    expect(byKey(lo.year, "% so với cùng kỳ")["PL/9"] ?? "").toBe("");
  });

  it("gives, for every row and both periods, the Cùng kỳ and % so với cùng kỳ that chitieu status gives", async () => {
    for (const [file, cols, period] of [[h1File, lo.h1, "2026-H1"], [yearFile, lo.year, "2026"]] as const) {
      const table = await status(file, period);
      const mine = Object.fromEntries(table.indicators.map((r) => [r.key, r]));
      const keys = (cols["Khóa"] ?? []).map(String);
      expect(keys.length).toBe(table.indicators.length);
      keys.forEach((k, i) => {
        const r = mine[k];
        const prev = cols["Cùng kỳ năm trước"]?.[i];
        if (typeof prev === "number") expect(r?.previous?.value).toBeCloseTo(prev, 12);
        else expect([k, r?.previous?.value ?? ""]).toEqual([k, prev ?? ""]);
        const p = cols["% so với cùng kỳ"]?.[i];
        if (typeof p === "number") expect(r?.percentOfPrevious).toBeCloseTo(p, 9);
        else expect([k, r?.percentOfPrevious ?? null]).toEqual([k, null]);
      });
      expect(table.indicators.find((r) => r.key === "PL/4")?.previous?.period.id).toBe(period === "2026" ? "2025" : "2025-H1");
    }
  });
});
