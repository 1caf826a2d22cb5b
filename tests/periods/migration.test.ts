/**
 * A workbook written by main before periods existed (committed fixtures:
 * "Kết quả 6 tháng" / "Kết quả cả năm" columns, no grid) is updated with
 * `chitieu import --update`: every typed result lands in the Kết quả theo kỳ
 * grid (first half and whole of the target's year), notes stay, nothing is
 * lost, and `chitieu status` judges the old file and the migrated one alike.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import type { StatusTable } from "../../src/core/period";
import { interpretSnapshot } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx";

const dir = mkdtempSync(join(tmpdir(), "periods-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io = diskIo(new Date("2026-11-30T00:00:00Z"));
  const code = await main(args, io);
  out.push(...io.lines);
  return { code, out: out.join("\n") };
}

const read = async (file: string) => interpretSnapshot(await readWorkbook(readFileSync(file)));

describe.each([
  ["002", "tests/fixtures/seeds/002-pci-minh-bach-2023.txt", "tests/fixtures/legacy/002-main-2026-11-30.xlsx"],
  ["003", "tests/fixtures/seeds/003-cong-nghiep-2021-2030.txt", "tests/fixtures/legacy/003-main-2026-11-30.xlsx"],
])("seed %s: a workbook written by main before the period grid", (name, seed, legacy) => {
  const out = join(dir, `${name}-migrated.xlsx`);
  let old: Awaited<ReturnType<typeof read>>;
  let migrated: Awaited<ReturnType<typeof read>>;

  beforeAll(async () => {
    old = await read(legacy);
    const r = await cli(["import", seed, "--update", legacy, "-o", out]);
    expect([r.code, r.out]).toEqual([0, expect.stringContaining("giữ")]);
    migrated = await read(out);
  });

  it("is the old layout (a test that relies on it must know)", () => {
    expect(old.legacy).toBe(true);
    expect(old.grid).toBeNull();
    expect(Object.values(old.results).some((r) => r.result6m !== null)).toBe(true);
  });

  it("moves every typed result into the grid, as the first half and the whole of the target's year", () => {
    expect(migrated.legacy).toBe(false);
    let moved = 0;
    for (const row of old.indicators) {
      const key = row.key ?? "";
      const year = typeof row.values.targetYear === "number" ? row.values.targetYear : Math.max(...migrated.periods.map((p) => p.year));
      const was = old.results[key];
      if (!was) continue;
      if (was.result6m !== null) {
        expect([key, migrated.periodResults[key]?.[`${year}-H1`]]).toEqual([key, was.result6m]);
        moved++;
      }
      if (was.resultYear !== null) {
        expect([key, migrated.periodResults[key]?.[`${year}`]]).toEqual([key, was.resultYear]);
        moved++;
      }
    }
    expect(moved).toBeGreaterThan(0);
  });

  it("keeps every note and every row", () => {
    for (const [key, note] of Object.entries(old.notes)) expect([key, migrated.notes[key]]).toEqual([key, note]);
    expect(migrated.indicators.map((r) => r.key)).toEqual(old.indicators.map((r) => r.key));
  });

  it("no longer has the old result columns on Chỉ tiêu", () => {
    expect(Object.keys(migrated.columns.indicators)).not.toContain("result6m");
    expect(Object.keys(migrated.columns.indicators)).not.toContain("completion");
  });

  it("gives the same statuses before and after migration, for every period with a result", async () => {
    const periods = [...new Set(Object.values(migrated.periodResults).flatMap((v) => Object.entries(v).filter(([, x]) => x !== null).map(([id]) => id)))];
    expect(periods.length).toBeGreaterThan(0);
    for (const id of periods) {
      const a = JSON.parse((await cli(["status", legacy, "--period", id, "--json"])).out) as StatusTable;
      const b = JSON.parse((await cli(["status", out, "--period", id, "--json"])).out) as StatusTable;
      expect(b.indicators.map((r) => [r.key, r.status, r.result])).toEqual(a.indicators.map((r) => [r.key, r.status, r.result]));
    }
  });
});
