/**
 * Results for the demo workbook (`chitieu import --demo-results`), chosen so
 * that every status and colour shows: a full-year result exactly on the
 * target (equality meets ≥/≤), one that misses, a 6-month result behind the
 * line (at risk), one that beats the target, and one left empty.
 */
import type { Plan } from "../model";
import { indicatorKeysOf, indicatorsOf } from "../layout/_lib/indicators";
import type { UserData } from "../layout/_lib/userData";
import type { LayoutValue } from "../layout/types";

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function demoResults(plan: Plan): UserData {
  const keys = indicatorKeysOf(plan);
  const indicators: Record<string, Record<string, LayoutValue>> = {};
  let n = 0;
  indicatorsOf(plan).forEach(({ indicator }, i) => {
    const t = indicator.target;
    const key = keys[i];
    if (!t || t.value === null || key === undefined) return;
    const scale = t.percent ? 100 : 1;
    const target = t.value / scale;
    const lower = indicator.lowerIsBetter || t.op === "<=" || t.op === "<" || t.kind !== "value";
    // A tenth of the target (1 for a zero target); a percent result never goes past 100 %.
    const step = target === 0 ? (t.percent ? 0.01 : 1) : Math.abs(target) * 0.1;
    const cap = (x: number): number => (t.percent ? Math.min(Math.max(x, 0), 1) : x);
    const worse = round(cap(lower ? target + step : target - step));
    const better = round(cap(t.op === "range" ? target : lower ? target - step : target + step));
    const baseline = indicator.baseline?.value ?? null;
    const at = n++ % 5;
    if (at === 0) indicators[key] = { resultYear: t.op === ">" || t.op === "<" ? better : target, note: "Số liệu minh họa" };
    else if (at === 1) indicators[key] = { resultYear: worse, note: "Số liệu minh họa" };
    else if (at === 2) indicators[key] = { result6m: baseline !== null ? round(baseline / (indicator.baseline?.percent ? 100 : 1)) : worse };
    else if (at === 3) indicators[key] = { resultYear: better };
  });
  return { indicators, tasks: {}, goneIndicators: [], goneTasks: [] };
}
