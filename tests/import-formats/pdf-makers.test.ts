/**
 * Issue #11's corpus: the same tables of seeds 000, 002 and 004 printed by
 * four PDF makers (LibreOffice with a font lacking Vietnamese letters, so a
 * fallback font draws them; LibreOffice with a full font; headless Chromium;
 * Ghostscript's ps2pdf of a PostScript export), with margins and font sizes
 * that put page breaks inside rows. Every scored field of every indicator must
 * equal the .docx import of the same tables. Built by
 * tests/fixtures/build-pdf-corpus.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import type { ImportResult, Indicator } from "../../src/core/model";
import { CORPUS, corpusFile } from "../fixtures/build-pdf-corpus";

const DIR = join(__dirname, "../fixtures/pdf/makers");

async function load(name: string): Promise<ImportResult> {
  const outcome = await importFile(name, new Uint8Array(readFileSync(join(DIR, name))));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.messageEn}`);
  return outcome.result;
}

const flat = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/\s+/g, " ").trim());

/** The fields the issue scores: STT/code, name, baseline, target operator and value, lead and coordinating agency sets. */
function scored(i: Indicator): Record<string, unknown> {
  return {
    stt: i.stt,
    code: i.code,
    name: flat(i.name),
    baseline: i.baseline && { value: i.baseline.value, percent: i.baseline.percent, year: i.baseline.year },
    target: i.target && { op: i.target.op, value: i.target.value, max: i.target.max, percent: i.target.percent },
    lead: [...i.lead.map((a) => a.name)].sort(),
    coordinating: [...i.coordinating.map((a) => a.name)].sort(),
  };
}

const tables = (r: ImportResult): Record<string, unknown>[][] => r.plan.appendices.filter((a) => a.kind !== "body").map((a) => a.indicators.map(scored));

const cases = CORPUS.map((e) => [e.seed, e.maker, corpusFile(e), `${e.style.font} ${e.style.cellPt} pt, margins ${e.style.marginMm ?? "default"} mm`] as const);

describe.each(cases)("seed %s printed by %s", (seed, _maker, file, layout) => {
  it(`gives every scored field of the Word file (${layout})`, async () => {
    const docx = tables(await load(`${seed}.docx`));
    expect(docx.flat().length).toBeGreaterThan(0);
    expect(tables(await load(file))).toEqual(docx);
  });
});

describe("the corpus", () => {
  it("breaks a page inside a row (a multi-line cell continued on the next page) in several of its PDFs", async () => {
    const split = [];
    for (const e of CORPUS) {
      const r = await load(corpusFile(e));
      if (r.warnings.some((w) => w.code === "pdf.rowSplit")) split.push(corpusFile(e));
    }
    expect(split.length).toBeGreaterThanOrEqual(4);
  });
});
