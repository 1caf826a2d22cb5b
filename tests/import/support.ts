/**
 * Helpers for the seed acceptance tests: read a seed through the pasted-text
 * importer and compare every field of every indicator with a row written
 * from reading the document.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ImportResultSchema, type ImportResult, type Indicator, type TargetOp } from "../../src/core/model";
import { importText } from "../../src/core/import/text";

export function importSeed(file: string): ImportResult {
  const text = readFileSync(join(__dirname, "..", "fixtures", "seeds", file), "utf8");
  return ImportResultSchema.parse(importText(text, file));
}

export interface ExpectedRow {
  stt: string | null;
  code: string | null;
  name: string;
  unit: string | null;
  /** [value, year] */
  baseline: [number, number | null] | null;
  rank: number | null;
  /** [op, value, year]; op null for a bare number (at least, or at most when lower is better) */
  target: [TargetOp | null, number, number | null] | null;
  lower: boolean;
  lead: string[];
  co: string[];
  deadline: string | null;
}

/** Assert each field; the message names the row so a failure says which one. */
export function expectRow(ind: Indicator | undefined, want: ExpectedRow): void {
  expect(ind).toBeDefined();
  if (!ind) return;
  const got = {
    stt: ind.stt,
    code: ind.code,
    name: ind.name,
    unit: ind.unit,
    baseline: ind.baseline ? [ind.baseline.value, ind.baseline.year] : null,
    rank: ind.rank ? ind.rank.value : null,
    target: ind.target ? [ind.target.op, ind.target.value, ind.target.year] : null,
    lower: ind.lowerIsBetter,
    lead: ind.lead.map((a) => a.name),
    co: ind.coordinating.map((a) => a.name),
    deadline: ind.deadline ? ind.deadline.raw : null,
  };
  expect(got).toEqual(want);
}

export function warningCodes(r: ImportResult): string[] {
  return r.warnings.map((w) => w.code);
}
