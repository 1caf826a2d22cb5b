/**
 * LibreOffice as an independent spreadsheet engine: it opens our .xlsx files
 * and computes the formulas itself, so a test sees what a colleague without
 * the add-in sees. Each call uses its own profile directory (parallel jest
 * workers must not share one).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function soffice(args: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), "lo-w-"));
  try {
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", ...args], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Every sheet of the file as rows of text, computed by LibreOffice (one CSV per sheet). */
export function sheetsAsCsv(xlsx: string, outDir: string): Record<string, string[][]> {
  // Token 12 = -1: one CSV per sheet, named "<file>-<sheet>.csv" (LibreOffice ≥ 7.2); UTF-8 (76); formatted text as shown.
  soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", outDir, xlsx]);
  const base = xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, "");
  const out: Record<string, string[][]> = {};
  for (const f of readdirSync(outDir)) {
    if (f.startsWith(`${base}-`) && f.endsWith(".csv")) out[f.slice(base.length + 1, -4)] = parseCsv(readFileSync(join(outDir, f), "utf8"));
  }
  return out;
}

/** The file rendered to PDF by LibreOffice; returns the PDF's path. */
export function toPdf(xlsx: string, outDir: string): string {
  soffice(["--convert-to", "pdf", "--outdir", outDir, xlsx]);
  return join(outDir, xlsx.replace(/^.*\//, "").replace(/\.xlsx$/, ".pdf"));
}

/** The file opened and saved again by LibreOffice as .xlsx (as a colleague without the add-in would); returns the new path. */
export function resaveAsXlsx(xlsx: string, outDir: string): string {
  soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, xlsx]);
  return join(outDir, xlsx.replace(/^.*\//, ""));
}

/** Page `page` of a PDF as a PNG at `dpi` (pdftoppm); returns the PNG's path. */
export function pdfPageToPng(pdf: string, page: number, dpi: number, outPrefix: string): string {
  const r = spawnSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, outPrefix], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return `${outPrefix}.png`;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(cell); cell = ""; }
    else if (ch === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else if (ch !== "\r") cell += ch;
  }
  if (cell !== "" || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
