/**
 * The same appendix tables as .docx, .pdf, .xlsx, .csv and as the text a PDF
 * viewer copies (the seed itself) must give the same model, field by field.
 * The fixtures are built from one transcription of the seeds
 * (tests/fixtures/build/seed-tables.ts) by tests/fixtures/build-fixtures.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import type { ImportResult, Indicator } from "../../src/core/model";

const FIXTURES = join(__dirname, "../fixtures");
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));

async function load(path: string): Promise<ImportResult> {
  const outcome = await importFile(path.replace(/^.*\//, ""), bytes(path));
  if (!outcome.ok) throw new Error(`${path}: ${outcome.error.messageEn}`);
  return outcome.result;
}

const flat = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/\s+/g, " ").trim());

/** The fields the issue names, in a form that does not depend on how a format broke lines. */
function summary(i: Indicator): Record<string, unknown> {
  return {
    stt: i.stt,
    code: i.code,
    name: flat(i.name),
    unit: i.unit,
    level: i.level,
    baseline: i.baseline && { value: i.baseline.value, percent: i.baseline.percent, year: i.baseline.year },
    rank: i.rank && { value: i.rank.value, of: i.rank.of },
    target: i.target && { op: i.target.op, value: i.target.value, max: i.target.max, percent: i.target.percent, year: i.target.year, kind: i.target.kind },
    lowerIsBetter: i.lowerIsBetter,
    lead: i.lead.map((a) => a.name),
    coordinating: i.coordinating.map((a) => a.name),
    deadline: i.deadline && { kind: i.deadline.kind, start: i.deadline.start, end: i.deadline.end },
    tasks: i.tasks.length,
  };
}

/** Indicators of the table appendices (targets found in the plan's running text are another matter). */
function tables(result: ImportResult): Record<string, unknown>[][] {
  return result.plan.appendices.filter((a) => a.kind !== "body" && a.id !== "VB").map((a) => a.indicators.map(summary));
}

describe.each([
  ["000-bac-giang-nq02-2025", 1],
  ["002-pci-minh-bach-2023", 2],
  ["004-pii-2024", 1],
])("seed %s", (id, count) => {
  let docx: Record<string, unknown>[][];

  beforeAll(async () => {
    docx = tables(await load(`docx/${id}.docx`));
  });

  it(`reads ${count} appendix table(s) from the Word file`, () => {
    expect(docx).toHaveLength(count);
    expect(docx.every((t) => t.length > 0)).toBe(true);
  });

  it("gives the same model from the PDF", async () => {
    expect(tables(await load(`pdf/${id}.pdf`))).toEqual(docx);
  });

  it("gives the same model from the Excel workbook", async () => {
    expect(tables(await load(`xlsx/${id}.xlsx`))).toEqual(docx);
  });

  it("gives the same model as the text copied from the PDF viewer (the seed)", async () => {
    expect(tables(await load(`seeds/${id}.txt`))).toEqual(docx);
  });
});

describe("CSV", () => {
  it("gives the same model per table as the Word file", async () => {
    const docx = tables(await load("docx/002-pci-minh-bach-2023.docx"));
    expect(tables(await load("xlsx/002-pci-pl1.csv"))).toEqual([docx[0]]);
    expect(tables(await load("xlsx/002-pci-pl2.csv"))).toEqual([docx[1]]);
    expect(tables(await load("xlsx/004-pii.csv"))).toEqual(tables(await load("docx/004-pii-2024.docx")));
  });
});

describe("the counts the issue states, from the Word files", () => {
  it("000 has 4 rows", async () => {
    const [t000] = tables(await load("docx/000-bac-giang-nq02-2025.docx"));
    expect(t000).toHaveLength(4);
  });

  it("002 Phụ lục I has the component row III and 17 indicators", async () => {
    const [pl1] = tables(await load("docx/002-pci-minh-bach-2023.docx"));
    expect(pl1!.filter((i) => i.level === "component").map((i) => i.stt)).toEqual(["III"]);
    expect(pl1!.filter((i) => i.level === "indicator")).toHaveLength(17);
  });

  it("004 has 17 indicators, one without STT", async () => {
    const [t004] = tables(await load("docx/004-pii-2024.docx"));
    expect(t004).toHaveLength(17);
    expect(t004!.filter((i) => i.stt === null)).toHaveLength(1);
  });
});
