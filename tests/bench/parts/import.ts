/**
 * Import speed: the pasted-text importer on a synthetic appendix of 2,400
 * indicators in the seeds' style (MB of input per second, median of 7 runs
 * after 3 warm-ups; goal ≥ 5). PDFs are measured in ./pdf.ts.
 */
import { importText } from "../../../src/core/import/text";
import { syntheticPastedText } from "../../fixtures/build/synthetic";

const INDICATORS = 2400;
const RUNS = 7;
/** The first runs pay for V8's compilation of the parsers; they are not the steady speed. */
const WARM_UP = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const text = syntheticPastedText(INDICATORS);
  const mb = Buffer.byteLength(text, "utf8") / 1024 / 1024;
  for (let i = 0; i < WARM_UP; i++) importText(text, "bench.txt");
  const textMs: number[] = [];
  let found = 0;
  for (let i = 0; i < RUNS; i++) {
    textMs.push(await timed(() => {
      const r = importText(text, "bench.txt");
      found = r.plan.appendices.reduce((n, a) => n + a.indicators.length, 0);
    }));
  }
  const parseTextMBps = mb / (median(textMs) / 1000);
  log(`text: ${INDICATORS} indicators, ${mb.toFixed(2)} MB, median ${median(textMs).toFixed(0)} ms → ${parseTextMBps.toFixed(2)} MB/s (goal ≥ 5); ${found} indicators read`);

  return { parseTextMBps: Number(parseTextMBps.toFixed(2)) };
}
