/**
 * Results for the demo workbook (`chitieu import --demo-results`), typed into
 * the Kết quả theo kỳ grid and chosen so that every status and colour shows:
 * a year-end result exactly on the target (equality meets ≥/≤), one that
 * misses, a first-half result behind the line (at risk), one that beats the
 * target (Vượt), a first-half result on track, and one left empty.
 */
import type { Plan } from "../model";
import { indicatorKeysOf, indicatorsOf } from "../layout/_lib/indicators";
import type { UserData } from "../layout/_lib/userData";
import type { LayoutValue } from "../layout/types";
import { planPeriods } from "../period";
import { isPercentIndicator } from "../judge";

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function demoResults(plan: Plan): UserData {
  const keys = indicatorKeysOf(plan);
  const indicators: Record<string, Record<string, LayoutValue>> = {};
  const periodResults: Record<string, Record<string, LayoutValue>> = {};
  const lastYear = planPeriods(plan).at(-1)?.year ?? null;
  let n = 0;
  indicatorsOf(plan).forEach(({ indicator }, i) => {
    const t = indicator.target;
    const key = keys[i];
    const year = t?.year ?? lastYear;
    if (!t || t.value === null || key === undefined || year === null) return;
    const pct = isPercentIndicator(indicator);
    const scale = pct ? 100 : 1;
    const target = t.value / scale;
    const lower = indicator.lowerIsBetter || t.op === "<=" || t.op === "<" || t.kind !== "value";
    // A tenth of the target (1 for a zero target); a percent result never goes past 100 %.
    const step = target === 0 ? (pct ? 0.01 : 1) : Math.abs(target) * 0.1;
    const cap = (x: number): number => (pct ? Math.min(Math.max(x, 0), 1) : x);
    const worse = round(cap(lower ? target + step : target - step));
    const better = round(cap(t.op === "range" ? target : lower ? target - step : target + step));
    const baseline = indicator.baseline?.value ?? null;
    const h1 = `${year}-H1`;
    const full = `${year}`;
    const at = n++ % 6;
    if (at === 0) {
      periodResults[key] = { [full]: t.op === ">" || t.op === "<" ? better : target };
      indicators[key] = { note: "Số liệu minh họa" };
    } else if (at === 1) {
      periodResults[key] = { [full]: worse };
      indicators[key] = { note: "Số liệu minh họa" };
    } else if (at === 2) periodResults[key] = { [h1]: baseline !== null ? round(baseline / scale) : worse };
    else if (at === 3) periodResults[key] = { [full]: better };
    else if (at === 4) periodResults[key] = { [h1]: better };
  });
  return { indicators, tasks: {}, goneIndicators: [], goneTasks: [], periodResults };
}
