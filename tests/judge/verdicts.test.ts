/**
 * Acceptance of issue #19 in the core: every case of ./cases.ts gets the
 * verdict a planner writes, with the expected value and % so với kế hoạch
 * they would print where the case states them.
 */
import { evaluatePeriod, periodOf } from "../../src/core/period";
import { CASES } from "./cases";
import { sheetRow, yearsOf } from "./_lib";

describe("the verdict a planner writes", () => {
  it.each(CASES.map((c) => [c.what, c] as const))("%s", (_what, c) => {
    const e = evaluatePeriod(sheetRow(c), periodOf(c.period), c.result, 0.05, "vi", yearsOf(c));
    expect(e.status).toBe(c.verdict);
    if (c.expected !== undefined) expect(e.expected).toBeCloseTo(c.expected, 9);
    if (c.percentOfPlan === null) expect(e.percentOfPlan).toBeNull();
    else if (c.percentOfPlan !== undefined) expect(e.percentOfPlan).toBeCloseTo(c.percentOfPlan, 9);
  });

  it("covers every kind, both directions, every target shape and every period of the issue", () => {
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(["level", "flow", "growth", "periodTotal", "periodAverage", "rank"]));
    expect(new Set(CASES.map((c) => c.direction))).toEqual(new Set(["higher", "lower"]));
    expect(new Set(CASES.map((c) => c.op))).toEqual(new Set([null, "range", ">=", "<=", ">", "<", "="]));
    for (const p of ["2026-Q1", "2026-H1", "2026-9M", "2026", "2028", "2030"]) expect(CASES.some((c) => c.period === p)).toBe(true);
    expect(new Set(CASES.map((c) => c.verdict))).toEqual(new Set(["exceeded", "met", "missed", "onTrack", "atRisk", "noData"]));
  });
});
