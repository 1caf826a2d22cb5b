/**
 * Seed workbooks for the forms tests: `chitieu import` of a seed, then
 * the period grid. Test-only.
 */
import { existsSync } from "node:fs";
import { promises as fs } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { CliIo } from "../../../src/cli/io";
import { main } from "../../../src/cli/main";
import { updateWorkbookCells } from "../../../src/xlsx";

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
      return { kind: s.isDirectory() ? ("directory" as const) : s.isFile() ? ("file" as const) : ("other" as const), size: s.size, realPath: await fs.realpath(p), id: `${s.dev}:${s.ino}` };
    },
    rename: (a: string, b: string) => fs.rename(a, b),
    remove: (p: string) => fs.rm(p, { force: true }),
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

/**
 * Adds the period grid ("Kết quả theo kỳ", table KetQuaTheoKy: Mã, Chỉ tiêu, one column per period label,
 * hidden Khóa) when the import did not write one.
 */
export async function ensurePeriodGrid(path: string, labels: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  if (wb.worksheets.some((w) => w.getTables().some((t) => ((t as unknown as { table?: { name?: string } }).table?.name ?? (t as unknown as { name?: string }).name) === "KetQuaTheoKy"))) return;
  const ind = wb.getWorksheet("Chỉ tiêu");
  if (!ind) throw new Error("no Chỉ tiêu sheet");
  const header = (ind.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const col = (h: string) => header.indexOf(h);
  const rows: unknown[][] = [];
  for (let r = 2; r <= ind.rowCount; r++) {
    const cells = ind.getRow(r).values as unknown[];
    const key = cells[col("Khóa")];
    if (!key) continue;
    rows.push([cells[col("Mã")] ?? null, cells[col("Chỉ tiêu")] ?? null, ...labels.map(() => null), String(key)]);
  }
  const ws = wb.addWorksheet("Kết quả theo kỳ");
  ws.addTable({ name: "KetQuaTheoKy", ref: "A1", headerRow: true, totalsRow: false, style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ["Mã", "Chỉ tiêu", ...labels, "Khóa"].map((name) => ({ name })), rows });
  // exceljs regroups validations it read into overlapping ranges; the updater's regrouping is what a real write does too.
  const { bytes } = await updateWorkbookCells(new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer), { cells: [], sheets: [] });
  await fs.writeFile(path, bytes);
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
