/**
 * Seed workbooks for the forms tests: `chitieu import` of a seed, then
 * the period grid. Test-only.
 */
import { existsSync } from "node:fs";
import { promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import type { CliIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { readWorkbook } from "../../../src/xlsx";

export const ROOT = resolve(__dirname, "../../..");

export function io(today = "2024-01-15T08:00:00.000Z", lines: string[] = []): CliIo & { lines: string[] } {
  // The real disk, with the file operations commands may use (stat, rename, remove).
  const disk = {
    lines,
    out: (l: string) => void lines.push(l),
    err: (l: string) => void lines.push(l),
    readFile: async (p: string) => new Uint8Array(await fs.readFile(p)),
    writeFile: (p: string, d: Uint8Array) => fs.writeFile(p, d),
    stat: async (p: string) => {
      const s = await fs.stat(p).catch(() => null);
      if (!s) return null;
      return { kind: s.isDirectory() ? ("directory" as const) : s.isFile() ? ("file" as const) : ("other" as const), size: s.size, realPath: await fs.realpath(p), id: `${s.dev}:${s.ino}`, readOnly: s.isFile() && (s.mode & 0o222) === 0 };
    },
    rename: (a: string, b: string) => fs.rename(a, b),
    remove: (p: string) => fs.rm(p, { force: true }),
    list: (d: string) => fs.readdir(d),
    today: () => new Date(today),
  };
  return disk;
}

/** Runs the CLI; returns its exit code and everything it printed. */
export async function cli(args: string[], today?: string): Promise<{ code: number; out: string }> {
  const i = io(today);
  const code = await main(args, i);
  return { code, out: i.lines.join("\n") };
}

/** The import writes the period grid ("Kết quả theo kỳ", table KetQuaTheoKy); the forms tests need these period columns in it. */
export async function ensurePeriodGrid(path: string, labels: string[]): Promise<void> {
  const snapshot = await readWorkbook(new Uint8Array(await fs.readFile(path)));
  const grid = snapshot.tables.find((t) => t.name === "KetQuaTheoKy");
  const missing = labels.filter((l) => !grid?.headers.includes(l));
  if (!grid || missing.length > 0) throw new Error(`${path}: no period grid with ${missing.join(", ")}`);
}

/** Seed 002 (PCI 2023) imported from its .docx, with the period grid. */
export async function seed002Workbook(dir: string): Promise<string> {
  const path = join(dir, "pci-002.xlsx");
  if (!existsSync(path)) {
    const r = await cli(["import", join(ROOT, "tests/fixtures/docx/002-pci-minh-bach-2023.docx"), "-o", path]);
    if (r.code !== 0) throw new Error(r.out);
    await ensurePeriodGrid(path, ["6 tháng đầu năm 2023", "Năm 2023"]);
  }
  return path;
}
