/**
 * checkMs5000: running every rule on a synthetic 5,000-indicator plan (two
 * appendices stating the same indicators, so the duplicate rule has real
 * work; tasks, agencies, deadlines, typed results); goal < 1,000 ms. Median
 * of runs after a warm-up. checkMs1000 too, to show the growth is linear
 * (ratio ≈ 5, not 25, for 5× the indicators).
 */
import { runRules } from "../../../src/core/checks";
import type { ResultEntry } from "../../../src/core/checks";
import type { Agency, Indicator, Plan } from "../../../src/core/model";

const A = (name: string, kind: Agency["kind"] = "agency"): Agency => ({ name, raw: name, kind });
const AGENCIES = ["Sở Kế hoạch và Đầu tư", "Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính", "Sở Công Thương", "Sở Xây dựng"];

function indicator(i: number, appendix: string): Indicator {
  const pct = i % 3 === 0;
  return {
    key: `${appendix}:${i + 1}`, stt: i % 97 === 5 ? null : String(i + 1), code: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    name: `Chỉ số thành phần số ${i + 1} về ${i % 2 ? "công khai thông tin" : "cải cách hành chính"} (1=Không thể; 5=Rất dễ)`,
    unit: pct ? "%" : null,
    baseline: { value: 10 + (i % 40), percent: pct, year: 2022, raw: String(10 + (i % 40)) },
    rank: null,
    target: { op: i % 5 === 0 ? "<=" : ">=", value: 20 + (i % 70), max: null, percent: pct && i % 7 !== 0, year: 2023, kind: "value", of: null, unit: null, raw: `≥ ${20 + (i % 70)}` },
    lowerIsBetter: i % 5 === 0, level: "indicator",
    lead: i % 11 === 0 ? [A("Các sở, ngành", "group")] : [A(AGENCIES[i % AGENCIES.length] ?? "Sở Tư pháp")],
    coordinating: [A("Sở Tài chính"), A(AGENCIES[(i + 1) % AGENCIES.length] ?? "Sở Nội vụ")],
    deadline: { kind: "quarters", year: 2023, quarters: [2, 3], raw: "Quý II +III.", start: "2023-04-01", end: "2023-09-30" },
    tasks: [{ code: `${i + 1}.1`, text: "Nhiệm vụ", lead: [A("Sở Tư pháp")], coordinating: [], deadline: null, source: {} }],
    extra: {}, source: {},
  };
}

export function syntheticPlan(n: number): Plan {
  const half = Math.ceil(n / 2);
  const app = (id: string, count: number) => ({
    id, title: `Phụ lục ${id}`, kind: "indicators" as const, headers: [], source: {},
    indicators: Array.from({ length: count }, (_, i) => indicator(i, id)),
  });
  return { title: "Kế hoạch", issuer: null, number: null, date: "2023-07-01", dateRaw: null, period: { from: 2023, to: 2023 },
    appendices: [app("I", half), app("II", n - half)] };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function time(plan: Plan, results: Map<string, ResultEntry>, runs: number): { ms: number; findings: number } {
  let findings = 0;
  const ms: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    findings = runRules({ plan, results, today: new Date("2023-12-31") }).length;
    ms.push(performance.now() - t0);
  }
  return { ms: Math.round(median(ms) * 10) / 10, findings };
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  const results = new Map<string, ResultEntry>();
  for (let i = 0; i < 5000; i += 2) results.set(`I:${i + 1}`, { periods: { "2023-H1": i % 4 ? 3.2 : "chưa có" } });
  const small = syntheticPlan(1000);
  const big = syntheticPlan(5000);
  time(big, results, 1); // warm-up: directory compiled, code JIT-ed
  const s = time(small, results, 5);
  const b = time(big, results, 5);
  log(`checks: 1,000 indicators ${s.ms} ms (${s.findings} findings); 5,000 indicators ${b.ms} ms (${b.findings} findings); goal < 1000 ms`);
  return { checkMs5000: b.ms, checkMs1000: s.ms, checkGrowth5x: Math.round((b.ms / s.ms) * 10) / 10, checkFindings5000: b.findings, checkGoalMet: b.ms < 1000 };
}
