/** Hand-built plans for the rule tests: an indicator with sensible defaults, overridden per test. */
import type { Agency, Appendix, Baseline, Indicator, Plan, Target, Task } from "../../model";
import { runRules } from "..";
import type { CheckInput } from "../types";

export const agency = (name: string, kind: Agency["kind"] = "agency", raw = name): Agency => ({ name, raw, kind });
export const group = (name: string): Agency => agency(name, "group");

export function target(op: Target["op"], value: number | null, percent = false, raw?: string): Target {
  return { op, value, max: null, percent, year: null, kind: "value", of: null, unit: null, raw: raw ?? `${op ?? ""} ${value ?? ""}${percent ? "%" : ""}` };
}

export function baseline(value: number | null, percent = false, year: number | null = 2022): Baseline {
  return { value, percent, year, raw: `${value ?? ""}${percent ? "%" : ""}` };
}

export function task(over: Partial<Task> = {}): Task {
  return { code: null, text: "Nhiệm vụ", lead: [agency("Sở Tư pháp")], coordinating: [], deadline: null, source: {}, ...over };
}

let n = 0;
export function ind(over: Partial<Indicator> = {}): Indicator {
  n++;
  return {
    key: `K${n}`, stt: String(n), code: null, name: `Chỉ tiêu số ${n} về tiếp cận thông tin`, unit: null,
    baseline: null, rank: null, target: target(">=", 5), lowerIsBetter: false, level: "indicator",
    lead: [agency("Sở Kế hoạch và Đầu tư")], coordinating: [], deadline: null, tasks: [], extra: {}, source: {},
    ...over,
  };
}

export function appendix(indicators: Indicator[], over: Partial<Appendix> = {}): Appendix {
  return { id: "PL-I", title: "Phụ lục I — CHỈ TIÊU", kind: "indicators", headers: ["STT", "Chỉ tiêu"], indicators, source: {}, ...over };
}

export function plan(appendices: Appendix[], over: Partial<Plan> = {}): Plan {
  return { title: "Kế hoạch", issuer: null, number: null, date: "2023-07-01", dateRaw: "tháng 7 năm 2023", period: { from: 2023, to: 2023 }, appendices, ...over };
}

/** Findings of one rule only. */
export function findings(rule: string, p: Plan, extra: Omit<Partial<CheckInput>, "plan"> = {}) {
  return runRules({ plan: p, today: new Date("2023-12-31T00:00:00Z"), ...extra }).filter((f) => f.rule === rule);
}
