/**
 * PDF import speed on the same 230-row synthetic appendix (21 pages) printed
 * two ways by LibreOffice: in one font that has every letter
 * (`pdf20PagesMs`), and in Nimbus Roman, whose missing Vietnamese letters a
 * fallback font draws as separate runs (`pdf20PagesFallbackMs`, the harder
 * case for the glyph-level reader). Each through `importFile` and through the
 * PDF reader alone (to tell layout rebuilding from the core's table logic);
 * the two files are timed in alternation, median of 5 after a warm-up, so the
 * shared machine's load falls on both alike. Goal: fallback ≤ 1.5 × single font.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../../src/import";
import { readPdf } from "../../../src/import/pdf";

const RUNS = 5;
const FIXTURES = join(__dirname, "../../fixtures/pdf");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function importOk(name: string, bytes: Uint8Array): Promise<number> {
  const outcome = await importFile(name, bytes);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.messageEn}`);
  return outcome.result.plan.appendices.reduce((n, a) => n + a.indicators.length, 0);
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const files = { single: "bench-20-pages.pdf", fallback: "bench-20-pages-fallback.pdf" } as const;
  const bytes = { single: new Uint8Array(readFileSync(join(FIXTURES, files.single))), fallback: new Uint8Array(readFileSync(join(FIXTURES, files.fallback))) };
  const found = { single: await importOk(files.single, bytes.single), fallback: await importOk(files.fallback, bytes.fallback) }; // warm-up (loads pdfjs)
  if (found.single !== found.fallback) throw new Error(`the two PDFs gave ${found.single} and ${found.fallback} indicators`);
  const reader = { single: [] as number[], fallback: [] as number[] };
  const whole = { single: [] as number[], fallback: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ["single", "fallback"] as const) {
      reader[kind].push(await timed(() => readPdf(bytes[kind], files[kind])));
      whole[kind].push(await timed(() => importOk(files[kind], bytes[kind])));
    }
  }
  const ms = (xs: number[]): number => Math.round(median(xs));
  const ratio = median(whole.fallback) / median(whole.single);
  log(`pdf, one font: 21 pages, reader ${ms(reader.single)} ms, importFile ${ms(whole.single)} ms; ${found.single} indicators`);
  log(`pdf, fallback font: 21 pages, reader ${ms(reader.fallback)} ms, importFile ${ms(whole.fallback)} ms → ${ratio.toFixed(2)} × one font (goal ≤ 1.5)`);
  return {
    pdf20PagesMs: ms(whole.single),
    pdf20PagesReaderMs: ms(reader.single),
    pdf20PagesFallbackMs: ms(whole.fallback),
    pdf20PagesFallbackReaderMs: ms(reader.fallback),
    pdf20PagesFallbackRatio: Number(ratio.toFixed(2)),
  };
}
