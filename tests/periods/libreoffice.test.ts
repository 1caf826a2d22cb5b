/**
 * Acceptance of reporting periods (issue #12) with LibreOffice as the other
 * spreadsheet engine: officials type results into "Kết quả theo kỳ" through
 * the UNO API (as typed text: "45%", "3.4"), choose KyBaoCao, and the statuses
 * LibreOffice computes on "Chỉ tiêu" must equal what `chitieu status` returns
 * from the saved file — for every row, not only the typed ones.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import type { StatusTable } from "../../src/core/statusTable";
import { columnsOf, runLibreOffice } from "../support/lo";
import type { LoStep } from "../support/lo";

const dir = mkdtempSync(join(tmpdir(), "periods-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io = diskIo(new Date("2026-11-30T00:00:00Z"));
  const code = await main(args, io);
  out.push(...(io.stdout));
  return { code, out: out.join("\n") };
}

async function status(file: string, period?: string): Promise<StatusTable> {
  const r = await cli(["status", file, "--json", ...(period ? ["--period", period] : [])]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as StatusTable;
}

const GRID = "Kết quả theo kỳ";
const type = (key: string, header: string, text: string): LoStep => ({ op: "type", sheet: GRID, keyHeader: "Khóa", key, header, text });
const read: LoStep = { op: "columns", sheet: "Chỉ tiêu", headers: ["Khóa", "Trạng thái", "Giá trị theo lộ trình", "% so với kế hoạch"] };

// Seed 002 reports quarterly (issue 25): its grid has Quý I–IV and the year; mid-year is Quý II, ending 30/6 like 6 tháng.
describe("seed 002 (baseline 2022, targets 2023) typed in LibreOffice", () => {
  const source = join(dir, "002.xlsx");
  const h1File = join(dir, "002-h1.xlsx");
  const yearFile = join(dir, "002-year.xlsx");
  let lo: { h1: Record<string, unknown[]>; year: Record<string, unknown[]>; summaryH1: unknown };

  beforeAll(async () => {
    expect((await cli(["import", "tests/fixtures/seeds/002-pci-minh-bach-2023.txt", "-o", source])).code).toBe(0);
    const results = runLibreOffice([
      { op: "open", path: source },
      // Mid-year, higher is better: 45 % against a line at ≈ 39 % (on track); 44 % against ≈ 50.9 % (at risk).
      type("PL-I/3.6", "Quý II/2023", "45%"),
      type("PL-I/3.9", "Quý II/2023", "44%"),
      // Mid-year, lower is better: 3 days against a line at ≈ 3.02 (on track).
      type("PL-I/3.5", "Quý II/2023", "3"),
      // No target year and no baseline: a mid-year result is compared with the target itself.
      type("PL-II/1", "Quý II/2023", "3.3"),
      // Year end: exactly the ≥ target (met), below it (not met), lower-is-better on its boundary (met) and below it (Vượt).
      type("PL-I/3.1", "Năm 2023", "3.4"),
      type("PL-I/3.13", "Năm 2023", "79%"),
      type("PL-I/3.10", "Năm 2023", "21%"),
      type("PL-I/3.5", "Năm 2023", "1"),
      type("PL-II/1", "Năm 2023", "3.5"),
      { op: "setName", name: "KyBaoCao", value: "Quý II/2023" },
      { op: "recalc" },
      read,
      { op: "columns", sheet: "Tổng hợp", headers: ["Trạng thái", "Số chỉ tiêu"], headerRow: 7 },
      { op: "save", path: h1File },
      { op: "setName", name: "KyBaoCao", value: "Năm 2023" },
      { op: "recalc" },
      read,
      { op: "save", path: yearFile },
    ]);
    lo = { h1: columnsOf(results[12]), summaryH1: results[13], year: columnsOf(results[17]) };
  }, 180_000);

  const byKey = (cols: Record<string, unknown[]>, column: string): Record<string, unknown> =>
    Object.fromEntries((cols["Khóa"] ?? []).map((k, i) => [String(k), cols[column]?.[i] ?? null]));

  it("computes mid-year on track and at risk, against the line from the baseline", () => {
    const s = byKey(lo.h1, "Trạng thái");
    expect(s["PL-I/3.6"]).toBe("Đúng tiến độ");
    expect(s["PL-I/3.9"]).toBe("Có nguy cơ");
    expect(s["PL-I/3.5"]).toBe("Đúng tiến độ");
    expect(s["PL-II/1"]).toBe("Có nguy cơ");
    expect(s["PL-I/3.1"]).toBe("Chưa có số liệu");
  });

  it("computes year-end met and not met, lower-is-better on its boundary met and beyond it Vượt, and empty rows as no data", () => {
    const s = byKey(lo.year, "Trạng thái");
    expect(s["PL-I/3.1"]).toBe("Đạt");
    expect(s["PL-I/3.13"]).toBe("Không đạt");
    expect(s["PL-I/3.10"]).toBe("Đạt");
    expect(s["PL-I/3.5"]).toBe("Vượt");
    expect(s["PL-II/1"]).toBe("Vượt");
    expect(s["PL-I/3.2"]).toBe("Chưa có số liệu");
    expect(byKey(lo.year, "% so với kế hoạch")["PL-I/3.13"]).toBeCloseTo((0.79 / 0.82) * 100, 9);
  });

  it("gives, for every row and both periods, the statuses, expected values and % so với kế hoạch that chitieu status gives", async () => {
    for (const [file, cols, period] of [[h1File, lo.h1, "2023-Q2"], [yearFile, lo.year, "2023"]] as const) {
      // Without --period: the period KyBaoCao shows in the file LibreOffice saved.
      const table = await status(file);
      expect(table.period.id).toBe(period);
      const mine = Object.fromEntries(table.indicators.map((r) => [r.key, r]));
      const keys = (cols["Khóa"] ?? []).map(String);
      expect(keys.length).toBe(table.indicators.length);
      keys.forEach((k, i) => {
        const r = mine[k];
        expect([k, r?.statusLabel]).toEqual([k, cols["Trạng thái"]?.[i] ?? ""]);
        const e = cols["Giá trị theo lộ trình"]?.[i];
        if (typeof e === "number") expect(r?.expected).toBeCloseTo(e, 9);
        else expect(r?.expected ?? null).toBeNull();
        const p = cols["% so với kế hoạch"]?.[i];
        if (typeof p === "number") expect(r?.percentOfPlan).toBeCloseTo(p, 9);
        else expect(r?.percentOfPlan ?? null).toBeNull();
      });
    }
  });

  it("counts the chosen period's statuses on Tổng hợp like chitieu status", async () => {
    const table = await status(h1File);
    const counts = columnsOf(lo.summaryH1);
    // Rows with a count: the chart's caption sits below the table in the same column.
    const got = Object.fromEntries((counts["Trạng thái"] ?? []).map((s, i) => [s, counts["Số chỉ tiêu"]?.[i]]).filter(([, n]) => typeof n === "number"));
    expect(got).toEqual({ "Vượt": table.counts.exceeded, "Đạt": table.counts.met, "Đúng tiến độ": table.counts.onTrack, "Có nguy cơ": table.counts.atRisk, "Không đạt": table.counts.missed, "Chưa có số liệu": table.counts.noData });
  });

  it("evaluates another period than KyBaoCao on request, by id or label", async () => {
    const byId = await status(h1File, "2023");
    const byLabel = await status(h1File, "Năm 2023");
    expect(byId.indicators.map((r) => r.statusLabel)).toEqual(lo.year["Trạng thái"]?.map((s) => s ?? ""));
    expect(byLabel).toEqual(byId);
  });
});

describe("seed 003 (2020 baselines, 2030 targets)", () => {
  it("judges a 2025 result for the GRDP share (47.1 % in 2020 → 60 % in 2030) against about 53.55 %", async () => {
    const source = join(dir, "003.xlsx");
    const saved = join(dir, "003-2025.xlsx");
    expect((await cli(["import", "tests/fixtures/seeds/003-cong-nghiep-2021-2030.txt", "-o", source])).code).toBe(0);
    const key = "ND/1.2";
    const results = runLibreOffice([
      { op: "open", path: source },
      type(key, "Năm 2025", "53.6%"),
      type("ND/5", "Năm 2025", "33%"),
      { op: "setName", name: "KyBaoCao", value: "Năm 2025" },
      { op: "recalc" },
      read,
      { op: "save", path: saved },
    ]);
    const cols = columnsOf(results[5]);
    const at = (cols["Khóa"] ?? []).indexOf(key);
    expect(cols["Giá trị theo lộ trình"]?.[at]).toBeCloseTo(0.5355, 10);
    expect(cols["Trạng thái"]?.[at]).toBe("Đúng tiến độ");
    const table = await status(saved);
    const row = table.indicators.find((r) => r.key === key);
    expect(row?.expected).toBeCloseTo(0.5355, 10);
    expect(row?.status).toBe("onTrack");
    // 30.9 % (2020) → 36 % (2030): 33 % in 2025 is below the line at 33.45 %.
    expect(table.indicators.find((r) => r.key === "ND/5")?.statusLabel).toBe(cols["Trạng thái"]?.[(cols["Khóa"] ?? []).indexOf("ND/5")]);
    expect(table.indicators.find((r) => r.key === "ND/5")?.status).toBe("atRisk");
  }, 120_000);
});
