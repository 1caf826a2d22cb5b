/**
 * CLI start-up: best of 5 wall-clock runs of `node bin/chitieu.js --help` and of
 * importing seed 002 (.docx → .xlsx), each against Node loading exceljs alone
 * (`node -e "require('exceljs')"`) in the same run, interleaved so the machine's
 * load hits all three alike. Goals: help ≤ 0.6×, import ≤ 2× that baseline.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");
const SEED_002 = join(ROOT, "tests", "fixtures", "docx", "002-pci-minh-bach-2023.docx");
const RUNS = 5;

function seconds(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const elapsed = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

export interface CliTimes {
  baseline: number;
  help: number;
  import: number;
  cliHelpRatio: number;
  cliImportRatio: number;
}

/** Measures the three, best of `runs` each (the build is brought up to date first, outside the timing). */
export function measureCli(runs = RUNS): CliTimes {
  // As `npm install` leaves it: built, with the code cache an import run writes.
  const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js"), "--warm"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);
  const dir = mkdtempSync(join(tmpdir(), "chitieu-bench-cli-"));
  const best = { baseline: Infinity, help: Infinity, import: Infinity };
  try {
    for (let i = 0; i < runs; i++) {
      best.baseline = Math.min(best.baseline, seconds(["-e", "require('exceljs')"]));
      best.help = Math.min(best.help, seconds(["bin/chitieu.js", "--help"]));
      best.import = Math.min(best.import, seconds(["bin/chitieu.js", "import", SEED_002, "-o", join(dir, `out-${i}.xlsx`)]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    baseline: round(best.baseline),
    help: round(best.help),
    import: round(best.import),
    cliHelpRatio: round(best.help / best.baseline),
    cliImportRatio: round(best.import / best.baseline),
  };
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const t = measureCli();
  log(`node -e "require('exceljs')": ${t.baseline.toFixed(3)} s (best of ${RUNS})`);
  log(`chitieu --help: ${t.help.toFixed(3)} s = ${t.cliHelpRatio.toFixed(2)}× (goal ≤ 0.6×)`);
  log(`chitieu import seed 002: ${t.import.toFixed(3)} s = ${t.cliImportRatio.toFixed(2)}× (goal ≤ 2×)`);
  return { cliBaselineSeconds: t.baseline, cliHelpSeconds: t.help, cliImportSeconds: t.import, cliHelpRatio: t.cliHelpRatio, cliImportRatio: t.cliImportRatio };
}
