/**
 * A row's history cells → HistoryFigure[], and the baseline they imply: the
 * latest result or estimate before the target's first year, with its year and
 * nature ("Ước thực hiện năm 2025" in a plan for 2026, not "Thực hiện năm
 * 2024"). Faithful: a cell that holds no number keeps its text (value null);
 * a dash or an empty cell is no figure.
 */
import type { Baseline, HistoryFigure, Nature } from "../../../model";
import { parseRange } from "../../../parse/number";
import { parseBaseline } from "../../../parse/target";
import type { ColumnRole } from "../../columns";
import { headerYears } from "../../columns";

const NATURE: Record<HistoryFigure["kind"], Nature | null> = { actual: "official", estimate: "estimate", plan: null, compare: null };
const DASH = /^[-–—.x]*$/i;

/** Figures of one row, in column order. */
export function historyOf(cells: readonly string[], columns: readonly ColumnRole[]): HistoryFigure[] {
  const out: HistoryFigure[] = [];
  columns.forEach((c, i) => {
    if ((c.role !== "history" && c.role !== "compare") || !c.figure) return;
    const raw = (cells[i] ?? "").trim();
    if (!raw || DASH.test(raw)) return;
    const one = parseBaseline(raw, null);
    let value = one.value;
    let max: number | null = null;
    let percent = one.percent;
    if (value === null && c.figure.kind === "plan") {
      const range = parseRange(raw.replace(/^[≥≤<>]=?\s*/, ""));
      if (range.ok) {
        value = range.min;
        max = range.max;
        percent = range.percent;
      }
    }
    if (value === null && c.figure.kind === "plan") {
      // "≥ 95,5", "≤ 2,5": an earlier target with an operator; the number is its bound.
      const bound = parseBaseline(raw.replace(/^(?:[≥≤<>]=?|trên|dưới|tối thiểu|tối đa)\s*/iu, ""), null);
      value = bound.value;
      percent = bound.percent;
    }
    out.push({ kind: c.figure.kind, from: c.figure.from, to: c.figure.to, value, max, percent, nature: NATURE[c.figure.kind], raw, column: c.header });
  });
  return out;
}

/** The first year the plan's target covers: the target column's first year, else the plan's year. */
export function targetStartYear(columns: readonly ColumnRole[], planYear: number | null): number | null {
  const t = columns.find((c) => c.role === "target");
  const years = t ? (t.year !== null ? headerYears(t.header) ?? { from: t.year, to: t.year } : headerYears(t.header)) : null;
  return years?.from ?? planYear;
}

/**
 * The latest single-year result or estimate before `before` (an official
 * figure beats an estimate of the same year), as a baseline; null when the
 * row has none.
 *
 * @example
 * baselineFromHistory([th2024, uth2025], 2026) // { value: 7.05, year: 2025, nature: "estimate", … }
 */
export function baselineFromHistory(history: readonly HistoryFigure[], before: number | null): Baseline | null {
  let best: HistoryFigure | null = null;
  for (const h of history) {
    if ((h.kind !== "actual" && h.kind !== "estimate") || h.value === null || h.from === null || h.from !== h.to) continue;
    if (before !== null && h.from >= before) continue;
    if (!best || (best.from ?? 0) < h.from || (best.from === h.from && best.kind === "estimate" && h.kind === "actual")) best = h;
  }
  if (!best) return null;
  return { value: best.value, percent: best.percent, year: best.from, raw: best.raw, nature: best.nature };
}
