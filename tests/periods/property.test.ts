/**
 * Property: for random indicators (kind, operator, direction, target, range,
 * baseline and years, or none of them), random periods (halves, years,
 * quarters, nine months) and random results (numbers, the target itself,
 * text, blanks), the core's evaluatePeriod gives exactly the status,
 * expected value and % so với kế hoạch that LibreOffice computes from the
 * workbook's formulas. All cases sit in ONE workbook and ONE soffice run:
 * KyBaoCao is switched period by period and the Chỉ tiêu sheet read back.
 *
 * Results within a hair (1e-9, relative) of a computed boundary (the line's
 * value, ≈'s tolerance band) are nudged away: on such a boundary the two
 * engines' last-bit rounding, not the formula, would decide.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { buildLayout, layoutPeriods } from "../../src/core/layout";
import type { Indicator, TargetOp } from "../../src/core/model";
import { INDICATOR_KINDS, VOCABULARY } from "../../src/core/status";
import type { IndicatorKind } from "../../src/core/status";
import { evaluatePeriod, expectedAtPeriod, periodOf, statusLabelOf } from "./_lib";
import type { PlanRow } from "../../src/core/period";
import { writeWorkbook } from "../../src/xlsx";
import { indicator, plan, target } from "../../src/core/layout/_test/plan";
import { columnsOf, runLibreOffice } from "../support/lo";
import type { LoStep } from "../support/lo";

const PERIODS = ["2023-H1", "2023", "2024-Q3", "2025-9M", "2026", "2027-Q1"].map(periodOf);
const TOLERANCE = 0.05;

interface Case {
  kind: IndicatorKind;
  op: TargetOp | null;
  lower: boolean;
  target: number;
  width: number;
  baseline: number | null;
  baselineYear: number | null;
  targetYear: number | null;
  results: Array<{ kind: "number" | "target" | "text" | "blank"; value: number }>;
}

const amount = fc.oneof(fc.integer({ min: -50, max: 200 }), fc.double({ min: -50, max: 200, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000));
const caseArb: fc.Arbitrary<Case> = fc.record({
  kind: fc.constantFrom<IndicatorKind>(...INDICATOR_KINDS),
  op: fc.constantFrom<TargetOp | null>(">=", "<=", ">", "<", "=", "~", "range", null),
  lower: fc.boolean(),
  target: amount,
  width: fc.integer({ min: 1, max: 30 }),
  baseline: fc.option(amount, { nil: null }),
  baselineYear: fc.option(fc.integer({ min: 2019, max: 2025 }), { nil: null }),
  targetYear: fc.option(fc.integer({ min: 2022, max: 2030 }), { nil: null }),
  results: fc.array(
    fc.record({ kind: fc.constantFrom<"number" | "target" | "text" | "blank">("number", "number", "target", "text", "blank"), value: amount }),
    { minLength: PERIODS.length, maxLength: PERIODS.length },
  ),
});

const dir = mkdtempSync(join(tmpdir(), "periods-prop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Moves x off a boundary b by a visible amount when it is within a hair of it. */
const away = (x: number, b: number | null): number => (b !== null && Math.abs(x - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? x + 0.001 * Math.max(1, Math.abs(b)) : x);

describe("evaluatePeriod against LibreOffice", () => {
  it("agrees on status, expected value and % so với kế hoạch for 150 random indicators × 6 periods", async () => {
    const cases = fc.sample(caseArb, { numRuns: 150, seed: 20261130 });
    const indicators: Indicator[] = cases.map((c, i) =>
      indicator(`P${i}`, {
        target: target(c.op, c.target, { year: c.targetYear, max: c.op === "range" ? c.target + c.width : null }),
        baseline: c.baseline === null ? null : { value: c.baseline, percent: false, year: c.baselineYear, raw: String(c.baseline) },
        lowerIsBetter: c.lower,
      }),
    );
    const p = { ...plan(indicators), period: { from: 2023, to: 2023 } };
    // The planner's Loại chỉ tiêu, one of the six kinds at random.
    const kinds = Object.fromEntries(cases.map((c, i) => [`P${i}`, { kind: VOCABULARY.vi.kinds[c.kind] }]));
    // The layout turns each indicator into its sheet cells; the core judges those same cells.
    const rows = buildLayout(p, { lang: "vi", results: { indicators: kinds, tasks: {}, goneIndicators: [], goneTasks: [] } }).sheets[0]?.tables[0];
    if (!rows) throw new Error("no table");
    const at = (key: string): number => rows.columns.findIndex((col) => col.key === key);
    const planRows: PlanRow[] = rows.rows.map((r) =>
      Object.fromEntries(["op", "target", "targetMax", "direction", "kind", "unit", "baseline", "baselineYear", "targetYear"].map((k) => [k, r[at(k)] ?? null])) as unknown as PlanRow,
    );
    const periodResults: Record<string, Record<string, string | number | null>> = {};
    cases.forEach((c, i) => {
      const row = planRows[i] as PlanRow;
      const values: Record<string, string | number | null> = {};
      PERIODS.forEach((period, j) => {
        const r = c.results[j] ?? { kind: "blank", value: 0 };
        if (r.kind === "blank") return;
        if (r.kind === "text") values[period.id] = "khoảng 20";
        else if (r.kind === "target") values[period.id] = c.target;
        else {
          const t = c.target;
          let x = away(r.value, expectedAtPeriod(row, period));
          x = away(x, t * (1 + TOLERANCE));
          x = away(x, t * (1 - TOLERANCE));
          values[period.id] = x;
        }
      });
      periodResults[`P${i}`] = values;
    });
    const layout = buildLayout(p, { lang: "vi", results: { indicators: kinds, tasks: {}, goneIndicators: [], goneTasks: [], periodResults } });
    const grid = layoutPeriods(p, { indicators: kinds, tasks: {}, goneIndicators: [], goneTasks: [], periodResults });
    const file = join(dir, "property.xlsx");
    writeFileSync(file, await writeWorkbook(layout));

    const read: LoStep = { op: "columns", sheet: "Chỉ tiêu", headers: ["Khóa", "Trạng thái", "Giá trị theo lộ trình", "% so với kế hoạch"] };
    const steps: LoStep[] = [{ op: "open", path: file }];
    for (const period of PERIODS) steps.push({ op: "setName", name: "KyBaoCao", value: period.label }, { op: "recalc" }, read);
    const results = runLibreOffice(steps);

    const mismatches: string[] = [];
    PERIODS.forEach((period, j) => {
      const cols = columnsOf(results[1 + j * 3 + 2]);
      (cols["Khóa"] ?? []).forEach((k, n) => {
        const i = Number(String(k).slice(1));
        const own = periodResults[String(k)] ?? {};
        // Plan-period totals and averages read the row's full-year cells of the grid.
        const years = new Map(grid.filter((g) => g.kind === "year").map((g) => [g.year, own[g.id] ?? null]));
        const others = grid.filter((g) => g.kind !== "year").map((g) => own[g.id] ?? null);
        const core = evaluatePeriod(planRows[i] as PlanRow, period, own[period.id] ?? null, TOLERANCE, "vi", years, others);
        const lo = { status: cols["Trạng thái"]?.[n] ?? "", expected: cols["Giá trị theo lộ trình"]?.[n] ?? null, pct: cols["% so với kế hoạch"]?.[n] ?? null };
        const close = (a: number | null, b: unknown): boolean =>
          a === null ? b === null || b === "" : typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
        if (statusLabelOf(core.status) !== lo.status || !close(core.expected, lo.expected) || !close(core.percentOfPlan, lo.pct)) {
          mismatches.push(`${String(k)} ${period.id}: core ${JSON.stringify(core)} vs LibreOffice ${JSON.stringify(lo)}; row ${JSON.stringify(planRows[i])}, result ${JSON.stringify(periodResults[String(k)]?.[period.id])}`);
        }
      });
    });
    expect(mismatches).toEqual([]);
    // The sample must exercise every status, or the property says little.
    const seen = new Set(PERIODS.flatMap((period, j) => columnsOf(results[1 + j * 3 + 2])["Trạng thái"] ?? []));
    expect([...seen].sort()).toEqual(["Chưa có số liệu", "Có nguy cơ", "Không đạt", "Đúng tiến độ", "Đạt", "Vượt"].sort());
  }, 180_000);
});
