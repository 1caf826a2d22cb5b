/**
 * Holds an .xlsx we wrote to the readers we did not write, as issue #10 asks of every
 * .xlsx any command or the pane writes:
 * - the ECMA-376 schemas plus Excel's unwritten rules (../shared/ooxml/ooxml-validate.sh --strict);
 * - openpyxl (Debian python3-openpyxl), which refuses bad colours outright;
 * - plain, unpatched exceljs 4.4, in a process of its own (our writer patches exceljs's prototypes),
 *   which must read the same value in every cell as openpyxl;
 * - LibreOffice, which computes every formula: no cell may end as Err:5xx, #NAME?, #REF!, #VALUE!.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sheetsAsCsv } from "../../xlsx/support/libreoffice";

const ROOT = resolve(__dirname, "../../..");
const VALIDATOR = resolve(ROOT, "../shared/ooxml/ooxml-validate.sh");

/** The problem lines of `ooxml-validate.sh --strict` (empty when the file is clean). */
export function ooxmlProblems(path: string): string[] {
  const r = spawnSync("bash", [VALIDATOR, path, "--strict"], { encoding: "utf8", timeout: 120_000 });
  const lines = (r.stdout ?? "").trim().split("\n");
  const last = lines.at(-1) ?? "";
  const m = /^ooxml problems: (\d+)$/.exec(last);
  if (!m) throw new Error(`ooxml-validate.sh gave no count for ${path}: ${r.stdout}${r.stderr}`);
  return Number(m[1]) === 0 ? [] : lines.slice(0, -1);
}

/** One reader's view of a file: every non-empty cell by sheet and A1 address, or the reader's refusal. */
export type ReaderDump = { error: string } | { sheets: Record<string, Record<string, unknown>>; tables: Record<string, string[]> };

function runJson(cmd: string, args: string[]): Record<string, ReaderDump> {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000, maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args[0] ?? ""} failed (${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, ReaderDump>;
}

/** The files as openpyxl reads them (one python process for all). */
export function readWithOpenpyxl(paths: string[]): Record<string, ReaderDump> {
  return runJson("/usr/bin/python3", [join(__dirname, "openpyxl_dump.py"), ...paths]);
}

/** The files as unpatched exceljs reads them (one node process for all). */
export function readWithPlainExceljs(paths: string[]): Record<string, ReaderDump> {
  return runJson(process.execPath, [join(__dirname, "exceljs-plain-dump.cjs"), ...paths]);
}

const LO_ERRORS = /^(Err:\d+|#NAME\?|#REF!|#VALUE!|#DIV\/0!|#NUM!|#NULL!)$/;

/** Cells LibreOffice could not compute, as "Sheet!row,col: text". */
export function libreOfficeErrors(path: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), "fidelity-lo-"));
  try {
    const sheets = sheetsAsCsv(path, dir);
    if (Object.keys(sheets).length === 0) return [`LibreOffice wrote no sheet for ${path}`];
    const bad: string[] = [];
    for (const [sheet, rows] of Object.entries(sheets)) {
      rows.forEach((row, r) => row.forEach((text, c) => {
        if (LO_ERRORS.test(text.trim())) bad.push(`${sheet}!R${r + 1}C${c + 1}: ${text}`);
      }));
    }
    return bad;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where two readers disagree on a cell, as "Sheet!A1: openpyxl … / exceljs …" (both read the file). */
export function readerDisagreements(a: ReaderDump, b: ReaderDump): string[] {
  if ("error" in a || "error" in b) return [];
  const out: string[] = [];
  const sheets = new Set([...Object.keys(a.sheets), ...Object.keys(b.sheets)]);
  for (const s of sheets) {
    const x = a.sheets[s] ?? {};
    const y = b.sheets[s] ?? {};
    for (const addr of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!sameCell(x[addr], y[addr])) out.push(`${s}!${addr}: openpyxl ${JSON.stringify(x[addr])} / exceljs ${JSON.stringify(y[addr])}`);
    }
  }
  return out;
}

function sameCell(p: unknown, q: unknown): boolean {
  if (typeof p === "number" && typeof q === "number") return Math.abs(p - q) <= 1e-9 * Math.max(1, Math.abs(p));
  return (p ?? null) === (q ?? null);
}

export interface FidelityFailures {
  ooxml: string[];
  openpyxl: string | null;
  exceljs: string | null;
  disagreements: string[];
  libreoffice: string[];
}

/**
 * Every check above for each file; returns what failed per file (all lists empty when the file holds).
 * One python and one node process serve all files, so pass a batch.
 */
export function checkXlsxFidelity(paths: string[], options: { libreoffice?: boolean } = {}): Record<string, FidelityFailures> {
  const py = readWithOpenpyxl(paths);
  const js = readWithPlainExceljs(paths);
  const out: Record<string, FidelityFailures> = {};
  for (const p of paths) {
    const a = py[p] ?? { error: "openpyxl gave nothing" };
    const b = js[p] ?? { error: "exceljs gave nothing" };
    out[p] = {
      ooxml: ooxmlProblems(p),
      openpyxl: "error" in a ? a.error : null,
      exceljs: "error" in b ? b.error : null,
      disagreements: readerDisagreements(a, b).slice(0, 20),
      libreoffice: options.libreoffice === false ? [] : libreOfficeErrors(p).slice(0, 20),
    };
  }
  return out;
}

const CLEAN: FidelityFailures = { ooxml: [], openpyxl: null, exceljs: null, disagreements: [], libreoffice: [] };

/** The jest form: fails with every problem of every file listed. */
export function expectXlsxFidelity(paths: string[], options: { libreoffice?: boolean } = {}): void {
  const report = checkXlsxFidelity(paths, options);
  expect(report).toEqual(Object.fromEntries(paths.map((p) => [p, CLEAN])));
}
