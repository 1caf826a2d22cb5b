import type { HistoryFigure, Indicator } from "../../../model";
import type { Rule } from "../../types";
import { fmt, fmtEn, rowLabel, rowLabelEn } from "../../_lib/text";
import { fold } from "../../../_lib/fold";

/** Decimals the document printed ("115,3" → 1), so "110,8" matches 110,75… rounded. */
function decimalsOf(raw: string): number {
  const m = /[.,](\d+)\s*%?\s*$/.exec(raw.trim());
  return m?.[1] && m[1].length <= 2 ? m[1].length : 0;
}

/** The latest single-year result or estimate, and the figures it can be compared with. */
function comparisons(history: readonly HistoryFigure[], against: "previous" | "plan" | "either"): Array<{ ratio: number; what: "previous" | "plan"; base: HistoryFigure; latest: HistoryFigure }> {
  const single = history.filter((h) => (h.kind === "actual" || h.kind === "estimate") && h.value !== null && h.from !== null && h.from === h.to);
  const latest = single.reduce<HistoryFigure | null>((best, h) => (!best || (h.from ?? 0) > (best.from ?? 0) ? h : best), null);
  if (!latest || latest.value === null || latest.from === null) return [];
  const out: Array<{ ratio: number; what: "previous" | "plan"; base: HistoryFigure; latest: HistoryFigure }> = [];
  const prev = single.find((h) => h.from === (latest.from ?? 0) - 1);
  if (against !== "plan" && prev?.value) out.push({ ratio: (latest.value / prev.value) * 100, what: "previous", base: prev, latest });
  const plan = history.find((h) => h.kind === "plan" && h.from === latest.from && h.to === latest.to && h.max === null);
  if (against !== "previous" && plan?.value) out.push({ ratio: (latest.value / plan.value) * 100, what: "plan", base: plan, latest });
  return out;
}

/** What a comparison header says it compares: "so với cùng kỳ / năm trước / TH", "so với kế hoạch / KH", or not. */
function againstOf(column: string): "previous" | "plan" | "either" {
  const f = fold(column);
  if (/\b(ke hoach|kh|du toan)\b/.test(f)) return "plan";
  if (/\b(cung ky|nam truoc|th \d{4}|thuc hien nam)\b/.test(f)) return "previous";
  return "either";
}

/**
 * A "So sánh (%)" / "Tăng, giảm (%)" cell the document computed, recomputed
 * from the row's own figures (the latest result or estimate ÷ the year
 * before, or ÷ that year's plan, × 100). A cell matching neither reading, at
 * the precision it was printed, is reported at its cell.
 */
export const historyCompareMismatch: Rule = {
  id: "history.compareMismatch",
  severity: "warning",
  description: "A 'So sánh (%)' cell differs from the ratio of the row's own figures / comparison cell does not recompute",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind: Indicator = r.indicator;
      for (const cell of ind.history ?? []) {
        if (cell.kind !== "compare" || cell.value === null) continue;
        const options = comparisons(ind.history ?? [], againstOf(cell.column));
        if (options.length === 0) continue;
        const half = 0.5 * 10 ** -decimalsOf(cell.raw) + 1e-9;
        if (options.some((o) => Math.abs(o.ratio - cell.value!) <= half)) continue;
        const o = options[0]!;
        const round = (x: number): number => Math.round(x * 10) / 10;
        const what = o.what === "previous" ? `${o.latest.raw} ÷ ${o.base.raw} (năm ${o.base.from ?? ""})` : `${o.latest.raw} ÷ kế hoạch ${o.base.raw}`;
        const whatEn = o.what === "previous" ? `${o.latest.raw} ÷ ${o.base.raw} (year ${o.base.from ?? ""})` : `${o.latest.raw} ÷ plan ${o.base.raw}`;
        ctx.report(this, { row: r, field: cell.column }, {
          vi: `${rowLabel(ind)}: cột "${cell.column}" ghi ${cell.raw} nhưng ${what} × 100 = ${fmt(round(o.ratio))}.`,
          en: `${rowLabelEn(ind)}: column "${cell.column}" says ${cell.raw} but ${whatEn} × 100 = ${fmtEn(round(o.ratio))}.`,
        });
      }
    }
  },
};
