/**
 * Reading a scan: `ocrPageMs` is one A4 page at 200 dpi (the invented
 * appendix's page 1 as a PNG, 7 rows × 8 columns, from
 * tests/fixtures/build-scan-fixtures.ts) through `importFile` with the CLI's
 * recogniser, model loading included: what a planner waits for per page.
 * Median of 3 after a warm-up (the first run also builds the fixture). Also
 * `ocrModelLoadMs`: starting the worker with the Vietnamese model.
 */
import { readFileSync } from "node:fs";
import { importFile } from "../../../src/import";
import { nodeOcrSetup } from "../../../src/cli/_lib/ocr";
import { tesseractRecognizer } from "../../../src/import/scan/ocr";
import { buildScanFixtures } from "../../fixtures/build-scan-fixtures";

const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const fx = await buildScanFixtures();
  const bytes = new Uint8Array(readFileSync(fx.png));
  const once = async (): Promise<{ ms: number; indicators: number; warnings: number }> => {
    const t0 = performance.now();
    const outcome = await importFile("trang-1.png", bytes, { ocr: { recognizer: () => tesseractRecognizer(nodeOcrSetup()) } });
    const ms = performance.now() - t0;
    if (!outcome.ok) throw new Error(outcome.error.messageEn);
    return { ms, indicators: outcome.result.plan.appendices.reduce((n, a) => n + a.indicators.length, 0), warnings: outcome.result.warnings.length };
  };
  const warm = await once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await once()).ms);
  const t0 = performance.now();
  const recognizer = await tesseractRecognizer(nodeOcrSetup());
  const ocrModelLoadMs = Math.round(performance.now() - t0);
  await recognizer.terminate();
  const ocrPageMs = Math.round(median(times));
  log(`one A4 page at 200 dpi (${warm.indicators} indicators, ${warm.warnings} warnings): ${ocrPageMs} ms (median of ${RUNS}: ${times.map(Math.round).join(", ")}); model load ${ocrModelLoadMs} ms`);
  return { ocrPageMs, ocrModelLoadMs };
}
