/**
 * Opens written workbooks with LibreOffice and checks what IT computes: the
 * status of boundary rows, lower-is-better rows, ranges, ≈ with the sheet's
 * tolerance, empty results and first-half rows on track or at risk, plus the
 * gap, % so với kế hoạch and summary counts, each in the view of the period
 * its result was typed for (KyBaoCao). Keeps a PNG of the Chỉ tiêu sheet in test-results/.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLayout } from "../../src/core/layout";
import type { UserData } from "../../src/core/layout";
import { statusLabel } from "../../src/core/status";
import { evaluatePeriod, periodOf } from "../../src/core/period";
import type { PlanRow } from "../../src/core/period";
import type { Indicator } from "../../src/core/model";
import { readWorkbook, writeWorkbook } from "../../src/xlsx";
import { indicator, plan, target, task } from "../../src/core/layout/_test/plan";
import { pdfPageToPng, resaveAsXlsx, sheetsAsCsv, toPdf } from "./support/libreoffice";
import { interpretSnapshot } from "../../src/core/workbook";

interface Case {
  why: string;
  ind: Partial<Indicator>;
  typed: { result6m?: number; resultYear?: number };
  expected: string;
}

const base = (value: number, year: number | null = null): Indicator["baseline"] => ({ value, percent: false, year, raw: String(value) });

const CASES: Case[] = [
  { why: "≥ met at equality", ind: { target: target(">=", 6.35) }, typed: { resultYear: 6.35 }, expected: "Đạt" },
  { why: "≥ missed just below", ind: { target: target(">=", 6.35) }, typed: { resultYear: 6.34 }, expected: "Không đạt" },
  { why: "≤ percent met at equality", ind: { target: target("<=", 21, { percent: true }), lowerIsBetter: true, unit: "%" }, typed: { resultYear: 0.21 }, expected: "Đạt" },
  { why: "≤ percent missed above", ind: { target: target("<=", 21, { percent: true }), lowerIsBetter: true, unit: "%" }, typed: { resultYear: 0.215 }, expected: "Không đạt" },
  { why: "lower-is-better without operator, below target", ind: { target: target(null, 20), lowerIsBetter: true }, typed: { resultYear: 19 }, expected: "Vượt" },
  { why: "lower-is-better without operator, above target", ind: { target: target(null, 20), lowerIsBetter: true }, typed: { resultYear: 21 }, expected: "Không đạt" },
  { why: "> not met at equality", ind: { target: target(">", 5) }, typed: { resultYear: 5 }, expected: "Không đạt" },
  { why: "range met at upper bound", ind: { target: target("range", 5, { max: 7 }) }, typed: { resultYear: 7 }, expected: "Đạt" },
  { why: "range missed above", ind: { target: target("range", 5, { max: 7 }) }, typed: { resultYear: 7.5 }, expected: "Vượt" },
  { why: "≈ within 5 %", ind: { target: target("~", 100) }, typed: { resultYear: 104 }, expected: "Đạt" },
  { why: "≈ outside 5 %", ind: { target: target("~", 100) }, typed: { resultYear: 94 }, expected: "Không đạt" },
  { why: "no result yet", ind: { target: target(">=", 90) }, typed: {}, expected: "Chưa có số liệu" },
  { why: "6-month behind the line", ind: { target: target(">=", 80), baseline: base(60, 2023) }, typed: { result6m: 65 }, expected: "Có nguy cơ" },
  { why: "6-month on the line", ind: { target: target(">=", 80), baseline: base(60, 2023) }, typed: { result6m: 70 }, expected: "Đúng tiến độ" },
  { why: "6-month already at the target", ind: { target: target(">=", 6.35) }, typed: { result6m: 6.35 }, expected: "Đúng tiến độ" },
  { why: "lower-is-better 6-month behind", ind: { target: target("<=", 20), lowerIsBetter: true, baseline: base(30, 2023) }, typed: { result6m: 28 }, expected: "Có nguy cơ" },
  { why: "zero baseline, half way", ind: { target: target(">=", 10), baseline: base(0, 2023) }, typed: { resultYear: 5 }, expected: "Không đạt" },
  { why: "no target", ind: { target: null }, typed: { resultYear: 5 }, expected: "" },
];

const dir = mkdtempSync(join(tmpdir(), "w-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a workbook opened in LibreOffice", () => {
  const p = plan(CASES.map((c, i) => indicator(`c${i}`, { ...c.ind, tasks: i === 0 ? [task("=1+1 không phải công thức"), task("@SUM(A1)")] : [] })));
  const periodResults = Object.fromEntries(CASES.map((c, i) => [`c${i}`, {
    ...(c.typed.result6m !== undefined ? { "2024-H1": c.typed.result6m } : {}),
    ...(c.typed.resultYear !== undefined ? { "2024": c.typed.resultYear } : {}),
  }]));
  const user = (reportPeriod: string): UserData => ({ indicators: {}, periodResults, reportPeriod, tasks: {}, goneIndicators: [], goneTasks: [] });
  // Two copies, KyBaoCao on the year and on the first half: each case is read in its own period's view.
  const layout = buildLayout(p, { lang: "vi", results: user("2024") });
  const file = join(dir, "ranh-gioi.xlsx");
  const halfFile = join(dir, "ranh-gioi-6-thang.xlsx");
  let sheets: Record<string, string[][]> = {};
  let half: Record<string, string[][]> = {};

  beforeAll(async () => {
    writeFileSync(file, await writeWorkbook(layout));
    writeFileSync(halfFile, await writeWorkbook(buildLayout(p, { lang: "vi", results: user("2024-H1") })));
    sheets = sheetsAsCsv(file, dir);
    half = sheetsAsCsv(halfFile, dir);
  });

  const chiTieu = (of = sheets): { header: string[]; rows: string[][] } => {
    const [header = [], ...rows] = of["Chỉ tiêu"] ?? [];
    return { header, rows };
  };
  const viewOf = (c: Case) => (c.typed.result6m !== undefined ? half : sheets);

  it.each(CASES.map((c, i) => [c.why, i, c] as const))("computes the status of '%s'", (_why, i, c) => {
    const { header, rows } = chiTieu(viewOf(c));
    expect(rows[i]?.[header.indexOf("Trạng thái")]).toBe(c.expected);
  });

  it("agrees with the TypeScript evaluator on every row, in both periods", () => {
    const t = layout.sheets[0]?.tables[0];
    if (!t) throw new Error("no table");
    const at = (k: string): number => t.columns.findIndex((c) => c.key === k);
    for (const [view, period] of [[sheets, periodOf("2024")], [half, periodOf("2024-H1")]] as const) {
      const { header, rows } = chiTieu(view);
      t.rows.forEach((r, i) => {
        const row = Object.fromEntries(["op", "target", "targetMax", "direction", "baseline", "baselineYear", "targetYear"].map((k) => [k, r[at(k)]])) as unknown as PlanRow;
        const result = periodResults[`c${i}`]?.[period.id as "2024"] ?? null;
        expect(rows[i]?.[header.indexOf("Trạng thái")]).toBe(statusLabel(evaluatePeriod(row, period, result).status));
      });
    }
  });

  it("computes the gap and % so với kế hoạch (result ÷ target, never from the baseline), blank without a result", () => {
    const { header, rows } = chiTieu();
    const gap = header.indexOf("Chênh lệch so với mục tiêu");
    const pct = header.indexOf("% so với kế hoạch");
    // Zero baseline, target 10, result 5: 50.0 % of the plan (progress from the baseline would say the same here by chance).
    expect(rows[16]?.[gap]).toBe("-5");
    expect(rows[16]?.[pct]).toBe("50.0");
    // ≤ 21 %, result 21.5 %: behind by half a point, shown in the row's percent format; no "% of plan" for a
    // lower-is-better figure (a planner does not print "102.4 %" of a ceiling).
    expect(rows[3]?.[gap]).toBe("-0.5%");
    expect(rows[3]?.[pct]).toBe("");
    // ≥ 6.35, result 6.34: 99.8 % of the plan.
    expect(rows[1]?.[pct]).toBe("99.8");
    expect(rows[11]?.[pct]).toBe("");
    // The first half's result is not shown in the year's view.
    expect(rows[12]?.[pct]).toBe("");
  });

  it("counts statuses and lead agencies on Tổng hợp", () => {
    const rows = sheets["Tổng hợp"] ?? [];
    const count = (label: string): string | undefined => rows.find((r) => r[0] === label)?.[1];
    expect(count("Đạt")).toBe(String(CASES.filter((c) => c.expected === "Đạt").length));
    expect(count("Không đạt")).toBe(String(CASES.filter((c) => c.expected === "Không đạt").length));
    expect(count("Vượt")).toBe(String(CASES.filter((c) => c.expected === "Vượt").length));
    const halfRows = half["Tổng hợp"] ?? [];
    expect(halfRows.find((r) => r[0] === "Có nguy cơ")?.[1]).toBe("2");
    expect(halfRows.find((r) => r[0] === "Đúng tiến độ")?.[1]).toBe("2");
    // The year's view: the four first-half rows and the empty one have no result for the year.
    expect(count("Có nguy cơ")).toBe("0");
    expect(count("Chưa có số liệu")).toBe("5");
    // Grouped by today's body: what Sở Kế hoạch và Đầu tư led counts under Sở Tài chính (merged 1/3/2025).
    const lead = rows.find((r) => r[3] === "Sở Tài chính");
    const leadHeader = rows.find((r) => r[3] === "Đơn vị chủ trì") ?? [];
    expect(lead?.[leadHeader.indexOf("Tổng")]).toBe(String(CASES.length));
    expect(rows.some((r) => r[3] === "Sở Kế hoạch và Đầu tư")).toBe(false);
  });

  it("counts what each agency leads and coordinates on Cơ quan", () => {
    const rows = sheets["Cơ quan"] ?? [];
    expect(rows.find((r) => r[0] === "Sở Kế hoạch và Đầu tư")?.slice(3, 7)).toEqual([String(CASES.length), "0", "0", "0"]);
    expect(rows.find((r) => r[0] === "Sở Tài chính")?.slice(3, 7)).toEqual(["0", String(CASES.length), "0", "0"]);
    expect(rows.find((r) => r[0] === "Sở Nội vụ")?.slice(3, 7)).toEqual(["0", "0", "2", "0"]);
    // The successor column, as LibreOffice shows it.
    expect(rows.find((r) => r[0] === "Sở Kế hoạch và Đầu tư")?.[7]).toMatch(/^Sở Tài chính \(từ 1\/3\/2025; Nghị định 45\/2025\/NĐ-CP\)/);
  });

  it("shows text that looks like a formula as text", () => {
    const rows = sheets["Nhiệm vụ"] ?? [];
    expect(rows[1]?.[1]).toBe("=1+1 không phải công thức");
    expect(rows[2]?.[1]).toBe("@SUM(A1)");
  });

  it("reads back a copy saved by LibreOffice: same rows, typed results and the statuses it computed", async () => {
    const resaved = resaveAsXlsx(file, mkdtempSync(join(dir, "resave-")));
    const reading = interpretSnapshot(await readWorkbook(readFileSync(resaved)));
    expect(reading.isChiTieu).toBe(true);
    expect(reading.indicators.map((r) => r.key)).toEqual(CASES.map((_, i) => `c${i}`));
    expect(reading.indicators.map((r) => r.values.status ?? "")).toEqual(CASES.map((c) => (c.typed.result6m !== undefined ? "Chưa có số liệu" : c.expected)));
    // The year before's periods (cùng kỳ) and the full-year estimate column read back empty.
    expect(reading.periodResults.c12).toEqual({ "2023-H1": null, "2023": null, "2024-H1": 65, "2024-H1/FY": null, "2024": null });
    expect(reading.reportPeriod?.id).toBe("2024");
  });

  it("renders the Chỉ tiêu sheet to a PNG for people to look at", () => {
    const pdf = toPdf(file, dir);
    const out = join(process.cwd(), "test-results", "xlsx");
    mkdirSync(out, { recursive: true });
    const png = pdfPageToPng(pdf, 1, 80, join(out, "chi-tieu"));
    copyFileSync(file, join(out, "ranh-gioi.xlsx"));
    expect(png.endsWith(".png")).toBe(true);
  });
});

describe("an English workbook opened in LibreOffice", () => {
  it("computes statuses with the English words its colour rules match", async () => {
    const p = plan([indicator("e0"), indicator("e1"), indicator("e2")]);
    const user: UserData = { indicators: {}, periodResults: { e0: { "2024": 10 }, e1: { "2024": 9 } }, tasks: {}, goneIndicators: [], goneTasks: [] };
    const layout = buildLayout(p, { lang: "en", results: user });
    const file = join(dir, "english.xlsx");
    writeFileSync(file, await writeWorkbook(layout));
    const [header = [], ...rows] = sheetsAsCsv(file, dir)["Indicators"] ?? [];
    expect(rows.map((r) => r[header.indexOf("Status")])).toEqual(["Met", "Not met", "No data yet"]);
    // The colour rules look at the Status column, wherever the layout puts it.
    const status = String.fromCharCode(65 + header.indexOf("Status"));
    expect(status).toMatch(/^[A-Z]$/);
    expect(layout.sheets[0]?.conditionalFormats.map((c) => c.formula)).toEqual(["Not met", "At risk", "Met", "Exceeded", "On track"].map((w) => `=$${status}2="${w}"`));
  });
});
