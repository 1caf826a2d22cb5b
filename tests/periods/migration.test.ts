/**
 * A workbook written by main before periods existed (committed fixtures:
 * "Kết quả 6 tháng" / "Kết quả cả năm" columns, no grid) is updated with
 * `chitieu import --update`: every typed result lands in the Kết quả theo kỳ
 * grid (first half and whole of the target's year), notes stay, nothing is
 * lost, and `chitieu status` judges the old file and the migrated one alike.
 * The update is in place: the old columns stay in Chỉ tiêu as the user's.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diskIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import type { StatusTable } from "../../src/core/statusTable";
import { interpretSnapshot } from "../../src/core/workbook";
import type { WorkbookReading } from "../../src/core/workbook";
import { checkReading } from "../../src/core/checks";
import { readWorkbook } from "../../src/xlsx";
import { sheetsAsCsv } from "../xlsx/support/libreoffice";
import { expectXlsxFidelity } from "../support/fidelity";

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
    expect(migrated.grid).not.toBeNull();
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

  // Updated in place, the old columns stay in the table as the user's (a formula of theirs may point at
  // them): untouched, and never again read as results once the grid holds them.
  it("leaves the old result columns on Chỉ tiêu as the user's, untouched, next to the new ones that follow the grid", () => {
    expect(Object.keys(migrated.columns.indicators)).toEqual(expect.arrayContaining(["result6m", "resultYear", "result", "expected", "percentOfPlan"]));
    expect(migrated.results).toEqual(old.results);
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

  // The old columns stay beside the grid, but only the grid counts: a number typed there later must not be lost silently.
  it("warns, naming the old cell, about a number typed into an old result column after the migration", () => {
    const inOldColumns = (reading: WorkbookReading) => checkReading({ reading, today: "2026-11-30" })
      .filter((f) => f.rule === "result.wrongColumn" && (f.ref.field === "result6m" || f.ref.field === "resultYear"));
    // Every old value is in the grid: nothing to say.
    expect(inOldColumns(migrated)).toEqual([]);
    const typedLater = structuredClone(migrated);
    const row = typedLater.indicators.find((r) => typeof r.values.resultYear === "number");
    if (!row) throw new Error("no full-year result in the fixture");
    row.values.resultYear = (row.values.resultYear as number) + 1;
    const f = inOldColumns(typedLater);
    expect(f.map((x) => x.ref)).toEqual([expect.objectContaining({ sheet: "Chỉ tiêu", cell: `${migrated.columns.indicators.resultYear}${row.sheetRow}` })]);
    expect(f[0]?.message).toContain("không được tính");
  });

  // The grid was added to the old file in place: LibreOffice must compute Chỉ tiêu's status from it, for the
  // period KyBaoCao starts on, as `chitieu status` does.
  it("shows on Chỉ tiêu, computed by LibreOffice, the statuses chitieu status gives for KyBaoCao's period", async () => {
    const table = JSON.parse((await cli(["status", out, "--json"])).out) as StatusTable;
    expect(migrated.reportPeriod?.id).toBe(table.period.id);
    const rows = sheetsAsCsv(out, mkdtempSync(join(dir, `csv-${name}-`)))["Chỉ tiêu"] ?? [];
    const header = rows[0] ?? [];
    const [keyAt, statusAt] = [header.indexOf("Khóa"), header.indexOf("Trạng thái")];
    expect([keyAt, statusAt].every((i) => i >= 0)).toBe(true);
    const shown = new Map(rows.slice(1).map((r) => [r[keyAt], r[statusAt]]));
    const withResult = table.indicators.filter((r) => r.result !== null);
    expect(withResult.length).toBeGreaterThan(0);
    expect(table.indicators.map((r) => [r.key, shown.get(r.key ?? "")])).toEqual(table.indicators.map((r) => [r.key, r.statusLabel]));
    expectXlsxFidelity([out]);
  });
});
