/**
 * Runs every hostile case in one process, for peak-memory measurement:
 * `/usr/bin/time -f %M node -e 'require("tsx/cjs"); require("./tests/support/hostile/measure.ts").main()'`.
 * Pass case names to run only those (each printed with its time and outcome).
 */
import { importFile } from "../../../src/import";
import { readWorkbook } from "../../../src/xlsx";
import {
  bigCsv, gridSpanBombDocx, lyingZipBombDocx, millionRowRefWorkbook, nestedTablesDocx, rowsDocx, strayCellXlsx, vMergeBombDocx,
  wholeColumnMergeXlsx, zipBombDocx,
} from ".";

export const CASES: Record<string, () => Promise<string>> = {
  nested: async () => outcome("n.docx", await nestedTablesDocx(5000)),
  gridSpan: async () => outcome("g.docx", await gridSpanBombDocx(200_000_000)),
  vMerge: async () => outcome("v.docx", await vMergeBombDocx(40_000)),
  zipBomb: async () => outcome("b.docx", await zipBombDocx(130)),
  lyingZipBomb: async () => outcome("l.docx", await lyingZipBombDocx(20)),
  strayCell: async () => outcome("s.xlsx", await strayCellXlsx()),
  wholeColumnMerge: async () => outcome("m.xlsx", await wholeColumnMergeXlsx()),
  csv300k: async () => outcome("c.csv", bigCsv(300_000)),
  millionRowRef: async () => `${(await readWorkbook(await millionRowRefWorkbook())).tables.find((t) => t.name === "ChiTieu")?.rows.length} rows`,
  docx20k: async () => outcome("r.docx", await rowsDocx(20_000)),
};

async function outcome(name: string, bytes: Uint8Array): Promise<string> {
  const o = await importFile(name, bytes);
  return o.ok ? `${o.result.plan.appendices.reduce((n, a) => n + a.indicators.length, 0)} indicators` : o.error.code;
}

export async function main(names = process.argv.slice(2).filter((a) => a in CASES)): Promise<void> {
  for (const name of names.length > 0 ? names : Object.keys(CASES)) {
    const started = Date.now();
    console.log(`${name}: ${await CASES[name]!()} (${Date.now() - started} ms)`);
  }
}
