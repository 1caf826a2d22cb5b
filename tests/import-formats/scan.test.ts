/**
 * Scans scored against the Word original they were printed from
 * (tests/fixtures/build-scan-fixtures.ts: LibreOffice → pdftoppm → turned,
 * noisy, JPEG): the fields the planner relies on (name, baseline, target
 * operator and value, lead and coordinating agencies) must be right for at
 * least 95 % of them, and every field that is wrong must be covered by a
 * warning on its page and row. OCR is slow on two cores, so this file reads
 * four pages in all: the image-only PDF (2), the colour photo (1) and the
 * mixed PDF's scanned page (1).
 */
import { readFileSync } from "node:fs";
import { importFile } from "../../src/import";
import type { ImportOutcome } from "../../src/import";
import type { ImportResult, ImportWarning, Indicator } from "../../src/core/model";
import { nodeOcrSetup } from "../../src/cli/_lib/ocr";
import { tesseractRecognizer, workerOptions } from "../../src/import/scan/ocr";
import { buildScanFixtures } from "../fixtures/build-scan-fixtures";
import type { ScanFixtures } from "../fixtures/build-scan-fixtures";

jest.setTimeout(300_000);

const FIELDS = ["name", "baseline", "targetOp", "targetValue", "lead", "coordinating"] as const;
type Field = (typeof FIELDS)[number];
/** The column a warning names for each field (the core and the scan reader name columns by role). */
const COLUMN: Record<Field, string> = { name: "name", baseline: "baseline", targetOp: "target", targetValue: "target", lead: "lead", coordinating: "coordinating" };

function fields(i: Indicator): Record<Field, string> {
  return {
    name: i.name.replace(/\s+/g, " ").trim(),
    baseline: String(i.baseline?.value ?? null),
    targetOp: String(i.target?.op ?? null),
    targetValue: String(i.target?.value ?? null),
    lead: i.lead.map((a) => a.name).sort().join("; "),
    coordinating: i.coordinating.map((a) => a.name).sort().join("; "),
  };
}

interface Score {
  total: number;
  right: number;
  wrong: { appendix: string; row: number | undefined; field: Field; expected: string; got: string; covered: boolean }[];
}

function covers(w: ImportWarning, i: Indicator, field: Field): boolean {
  return w.ref.page === i.source.page && w.ref.row === i.source.row && (w.ref.column === undefined || w.ref.column === COLUMN[field]);
}

/** Field by field against the Word file's indicators, appendix by appendix (matched by title), row by row. */
function score(reference: ImportResult, scan: ImportResult, appendices?: string[]): Score {
  const out: Score = { total: 0, right: 0, wrong: [] };
  for (const ref of reference.plan.appendices.filter((a) => a.kind !== "body" && (!appendices || appendices.includes(a.id)))) {
    const got = scan.plan.appendices.find((a) => a.id === ref.id);
    ref.indicators.forEach((want, k) => {
      const have = got?.indicators[k];
      const w = fields(want);
      const h = have ? fields(have) : null;
      for (const f of FIELDS) {
        out.total++;
        if (h && h[f] === w[f]) out.right++;
        else out.wrong.push({ appendix: ref.id, row: have?.source.row, field: f, expected: w[f], got: h?.[f] ?? "(missing)", covered: !!have && scan.warnings.some((x) => covers(x, have, f)) });
      }
    });
  }
  return out;
}

let fx: ScanFixtures;
let reference: ImportResult;
const ocr = { recognizer: () => tesseractRecognizer(nodeOcrSetup()) };
const read = async (path: string, name: string, progress?: number[]): Promise<ImportResult> => {
  const outcome: ImportOutcome = await importFile(name, new Uint8Array(readFileSync(path)), { ocr: { ...ocr, onProgress: (p) => progress?.push(p.page) } });
  if (!outcome.ok) throw new Error(outcome.error.messageEn);
  return outcome.result;
};

beforeAll(async () => {
  fx = await buildScanFixtures();
  const word = await importFile("ke-hoach.docx", new Uint8Array(readFileSync(fx.docx)));
  if (!word.ok) throw new Error(word.error.messageEn);
  reference = word.result;
});

describe("reading scans by OCR", () => {
  it("loads the model from node_modules with no cache and no network address", () => {
    const opts = workerOptions(nodeOcrSetup());
    expect(String(opts.langPath)).toMatch(/node_modules\/@tesseract\.js-data\/vie\/4\.0\.0_best_int$/);
    expect(opts.cacheMethod).toBe("none");
    expect(JSON.stringify(opts)).not.toMatch(/https?:/);
  });

  it("reads the Word original's 13 indicators (the reference)", () => {
    expect(reference.plan.appendices.filter((a) => a.kind !== "body").map((a) => a.indicators.length)).toEqual([7, 6]);
  });

  it("reads an image-only PDF (200 dpi grey, turned, noisy, JPEG) with ≥ 95 % of fields right and every wrong field warned", async () => {
    const pages: number[] = [];
    const started = Date.now();
    const scan = await read(fx.imagePdf, "ke-hoach-quet.pdf", pages);
    const s = score(reference, scan);
    console.log(`image-only PDF: ${s.right}/${s.total} fields right in ${Date.now() - started} ms`, s.wrong);
    expect(new Set(pages)).toEqual(new Set([1, 2]));
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong.filter((w) => !w.covered)).toEqual([]);
  });

  it("reads a colour photo of page 2 (150 dpi, yellowed, −1.2°, .jpg) the same way", async () => {
    const scan = await read(fx.jpg, "trang-2.jpg");
    const s = score(reference, scan, ["PL-II"]);
    console.log(`colour JPEG: ${s.right}/${s.total} fields right`, s.wrong);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong.filter((w) => !w.covered)).toEqual([]);
  });

  it("reads a PDF whose first page is text and whose second is scanned: both appendices", async () => {
    const pages: number[] = [];
    const scan = await read(fx.mixedPdf, "ke-hoach-tron.pdf", pages);
    expect(new Set(pages)).toEqual(new Set([2]));
    const s = score(reference, scan);
    console.log(`mixed PDF: ${s.right}/${s.total} fields right`, s.wrong);
    expect(s.right / s.total).toBeGreaterThanOrEqual(0.95);
    expect(s.wrong.filter((w) => !w.covered)).toEqual([]);
  });

  it("refuses a picture without OCR, saying it is a scanned page", async () => {
    const outcome = await importFile("trang-1.png", new Uint8Array(readFileSync(fx.png)));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe("picture.needsOcr");
  });

  it("stops when cancelled and imports nothing", async () => {
    const controller = new AbortController();
    let recognizerMade = 0;
    const counted = { recognizer: () => (recognizerMade++, ocr.recognizer()), signal: controller.signal, onProgress: () => controller.abort() };
    const outcome = await importFile("trang-1.png", new Uint8Array(readFileSync(fx.png)), { ocr: counted });
    expect(recognizerMade).toBe(1);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe("scan.cancelled");
  });
});
