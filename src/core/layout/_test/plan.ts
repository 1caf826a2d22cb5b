/** Small hand-made plans for workbook tests (layout, merge, writers): every field explicit, so a test shows what it relies on. Test-only. */
import type { Agency, Indicator, Plan, Target, Task } from "../../model";

export const agency = (name: string, kind: Agency["kind"] = "agency"): Agency => ({ name, raw: name, kind });

export function target(op: Target["op"], value: number | null, extra: Partial<Target> = {}): Target {
  return { op, value, max: null, percent: false, year: 2024, kind: "value", of: null, unit: null, raw: `${op ?? ""} ${value ?? ""}`, ...extra };
}

export function task(text: string, extra: Partial<Task> = {}): Task {
  return { code: null, text, lead: [agency("Sở Nội vụ")], coordinating: [], deadline: null, source: {}, ...extra };
}

export function indicator(key: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    key,
    stt: key,
    code: key,
    name: `Chỉ tiêu ${key}`,
    unit: null,
    baseline: null,
    rank: null,
    target: target(">=", 10),
    lowerIsBetter: false,
    level: "indicator",
    lead: [agency("Sở Kế hoạch và Đầu tư")],
    coordinating: [agency("Sở Tài chính")],
    deadline: null,
    tasks: [],
    extra: {},
    source: {},
    ...extra,
  };
}

export function plan(indicators: Indicator[], title = "Kế hoạch thử"): Plan {
  return {
    title,
    issuer: "UBND tỉnh",
    number: "01/KH-UBND",
    date: "2024-01-15",
    dateRaw: "15/01/2024",
    period: { from: 2024, to: 2024 },
    appendices: [{ id: "PL1", title: "Phụ lục I", kind: "indicators", headers: [], indicators, source: {} }],
  };
}
