/**
 * The two plan shapes (tests/fixtures/shapes, built by build-shapes.ts) import
 * with their history: results and estimates of earlier years, earlier plans'
 * targets and the document's "So sánh (%)", and a baseline that is the latest
 * figure before the target year (the 2025 estimate), with its nature.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import type { ImportResult, Indicator } from "../../src/core/model";
import { runRules } from "../../src/core/checks";

const SHAPES = join(__dirname, "../fixtures/shapes");

async function load(name: string): Promise<ImportResult> {
  const outcome = await importFile(name, new Uint8Array(readFileSync(join(SHAPES, name))));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.messageEn}`);
  return outcome.result;
}

const byStt = (r: ImportResult, stt: string): Indicator => {
  const ind = r.plan.appendices.flatMap((a) => a.indicators).find((i) => i.stt === stt);
  if (!ind) throw new Error(`no indicator ${stt}`);
  return ind;
};

const figures = (i: Indicator): Array<[string, number | null, number | null, number | null, string | null]> =>
  (i.history ?? []).map((h) => [h.kind, h.from, h.to, h.value, h.nature]);

describe.each(["ke-hoach-nam-2026.docx", "ke-hoach-nam-2026.txt", "ke-hoach-nam-2026.pdf"])("the annual plan %s", (file) => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await load(file);
  });

  it("reads Thực hiện 2024, Năm 2025 (Kế hoạch, Ước thực hiện) and So sánh (%) as history, not as unknown columns", () => {
    expect(figures(byStt(r, "4"))).toEqual([
      ["actual", 2024, 2024, 5420, "official"],
      ["plan", 2025, 2025, 5800, null],
      ["estimate", 2025, 2025, 6150, "estimate"],
      ["compare", null, null, 115.3, null],
    ]);
    expect(r.warnings.filter((w) => w.code === "column.unknown")).toEqual([]);
  });

  it("keeps an earlier target written as a range or with an operator", () => {
    const grdp = byStt(r, "1").history?.find((h) => h.kind === "plan");
    expect([grdp?.value, grdp?.max, grdp?.raw]).toEqual([6.6, 6.8, "6,6-6,8"]);
    expect(byStt(r, "10").history?.find((h) => h.kind === "plan")?.value).toBe(2.5);
  });

  it("takes the 2025 estimate as the baseline, with its year and nature", () => {
    expect(byStt(r, "1").baseline).toMatchObject({ value: 7.05, year: 2025, nature: "estimate" });
    expect(byStt(r, "13").baseline).toMatchObject({ value: 12.6, year: 2025, nature: "estimate" });
  });

  it("falls back to the official 2024 figure where 2025 has no estimate (PCI)", () => {
    expect(byStt(r, "8").baseline).toMatchObject({ value: 18, year: 2024, nature: "official" });
  });

  it("finds the deliberately wrong So sánh (%) cell, and no other", () => {
    const f = runRules({ plan: r.plan, today: new Date("2026-01-15T00:00:00Z") }).filter((x) => x.rule === "history.compareMismatch");
    expect(f.map((x) => [x.ref.stt, x.ref.field, x.message])).toEqual([
      ["4", "So sánh (%)", 'STT 4: cột "So sánh (%)" ghi 115,3 nhưng 6.150 ÷ 5.420 (năm 2024) × 100 = 113,5.'],
    ]);
  });

  it("still reads the 2026 target and its lead agency", () => {
    expect(byStt(r, "7").target).toMatchObject({ op: ">=", value: 1400, year: 2026 });
    expect(byStt(r, "15").lead.map((a) => a.name)).toEqual(["Sở Nông nghiệp và Môi trường"]);
  });
});

describe.each(["ke-hoach-5-nam-2026-2030.docx", "ke-hoach-5-nam-2026-2030.txt", "ke-hoach-5-nam-2026-2030.pdf"])("the 5-year plan %s", (file) => {
  let r: ImportResult;
  beforeAll(async () => {
    r = await load(file);
  });

  it("reads Thực hiện giai đoạn 2021-2025 as a figure of the whole period and the 2025 estimate as a year's", () => {
    expect(figures(byStt(r, "8"))).toEqual([
      ["actual", 2021, 2025, 238400, "official"],
      ["estimate", 2025, 2025, 49800, "estimate"],
    ]);
  });

  it("takes the 2025 estimate as the baseline, not the period's figure", () => {
    expect(byStt(r, "11").baseline).toMatchObject({ value: 12.6, year: 2025, nature: "estimate" });
    expect(byStt(r, "4").baseline).toMatchObject({ value: 57800, year: 2025, nature: "estimate" });
  });

  it("has no baseline for PCI, whose only figure covers the whole period", () => {
    expect(byStt(r, "7").baseline).toBeNull();
  });
});
