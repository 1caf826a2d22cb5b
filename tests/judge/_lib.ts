/** The cases of ./cases.ts as sheet rows (the words the Chỉ tiêu sheet holds) and as a plan the layout writes. */
import type { Indicator, Plan } from "../../src/core/model";
import { VOCABULARY } from "../../src/core/status";
import type { PlanRow, YearResults } from "../../src/core/status";
import type { UserData } from "../../src/core/layout";
import type { VerdictCase } from "./cases";

const v = VOCABULARY.vi;

export const caseKey = (i: number): string => `TH/${i + 1}`;

export function sheetRow(c: VerdictCase): PlanRow {
  return {
    op: c.op === null ? null : v.ops[c.op],
    target: c.target,
    targetMax: c.max ?? null,
    direction: c.direction === "lower" ? v.lowerIsBetter : v.higherIsBetter,
    kind: v.kinds[c.kind],
    unit: c.unit,
    baseline: c.baseline ?? null,
    baselineYear: c.baselineYear ?? null,
    targetYear: c.targetYear,
  };
}

export function yearsOf(c: VerdictCase): YearResults {
  return new Map(Object.entries(c.years ?? {}).map(([y, x]) => [Number(y), x]));
}

/** One indicator per case; kind, direction and operator as the sheet holds them (the planner's cells). */
export function casesPlan(cases: readonly VerdictCase[]): { plan: Plan; results: UserData } {
  const indicators: Indicator[] = cases.map((c, i) => ({
    key: caseKey(i), stt: String(i + 1), code: String(i + 1), name: c.what, unit: c.unit,
    baseline: c.baseline !== undefined ? { value: c.percent ? c.baseline * 100 : c.baseline, percent: c.percent ?? false, year: c.baselineYear ?? null, raw: String(c.baseline) } : null,
    rank: null,
    target: { op: c.op, value: c.percent ? c.target * 100 : c.target, max: c.max ?? null, percent: c.percent ?? false, year: c.targetYear, kind: c.kind === "rank" ? "rank" : "value", of: null, unit: null, raw: String(c.target) },
    lowerIsBetter: c.direction === "lower", level: "indicator",
    lead: [{ name: "Sở Tài chính", raw: "Sở Tài chính", kind: "agency" }], coordinating: [], deadline: null, tasks: [], extra: {},
    source: { row: i + 1 },
  }));
  const plan: Plan = {
    title: "Kế hoạch phát triển kinh tế - xã hội 5 năm 2026 - 2030", issuer: null, number: null, date: "2026-01-15", dateRaw: null,
    period: { from: 2026, to: 2030 },
    appendices: [{ id: "TH", title: "Phụ lục", kind: "indicators", headers: [], indicators, source: {} }],
  };
  const results: UserData = {
    indicators: Object.fromEntries(cases.map((c, i) => [caseKey(i), { kind: v.kinds[c.kind], direction: c.direction === "lower" ? v.lowerIsBetter : v.higherIsBetter }])),
    // Every period a case names gets its grid column (a blank placeholder is not a result: the column exists but stays empty).
    periodResults: {},
    tasks: {}, goneIndicators: [], goneTasks: [],
  };
  return { plan, results };
}
