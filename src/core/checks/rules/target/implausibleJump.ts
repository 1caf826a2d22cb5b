import type { Rule } from "../../types";
import { fmt, fmtEn, rowLabel, rowLabelEn } from "../../_lib/text";
import { comparable, isIndicator } from "./_lib";

/** Percent points a target may move per year before it looks implausible. */
export const MAX_POINTS_PER_YEAR = 40;
/** Times a non-percent value may grow per year before it looks implausible. */
export const MAX_RATIO_PER_YEAR = 3;

/**
 * A target implausibly far from its baseline within the years between them
 * (13,93% → 92,0% in one year): worth confirming it is not a typo.
 */
export const targetImplausibleJump: Rule = {
  id: "target.implausibleJump",
  severity: "warning",
  description: "The target is implausibly far from the baseline / implausible jump",
  run(ctx) {
    const planTo = ctx.input.plan.period?.to ?? null;
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const c = comparable(ind);
      if (!isIndicator(ind) || !c) continue;
      const from = ind.baseline?.year ?? null;
      const to = ind.target?.year ?? planTo;
      const years = from !== null && to !== null && to > from ? to - from : 1;
      const lo = Math.min(c.base, c.target);
      const hi = Math.max(c.base, c.target);
      // Percent points move either way; a plain value is judged only when it must grow (a fall
      // to a fifth, 5 days → 1 day, is a reduction target, not a typo).
      const tooFar = c.percent
        ? hi - lo > MAX_POINTS_PER_YEAR * years
        : c.target > c.base && lo > 0 && hi / lo > MAX_RATIO_PER_YEAR ** years;
      if (!tooFar) continue;
      const span = years === 1 ? "trong 1 năm" : `trong ${years} năm`;
      const spanEn = years === 1 ? "in one year" : `in ${years} years`;
      const by = c.percent ? `${fmt(hi - lo)} điểm %` : `${fmt(Math.round((hi / lo) * 10) / 10)} lần`;
      const byEn = c.percent ? `${fmtEn(hi - lo)} percentage points` : `${fmtEn(Math.round((hi / lo) * 10) / 10)} times`;
      ctx.report(this, { row: r, field: "target" }, {
        vi: `${rowLabel(ind)}: từ ${fmt(c.base, c.percent)} lên ${fmt(c.target, c.percent)} ${span} (${by}) — kiểm tra lại số liệu.`,
        en: `${rowLabelEn(ind)}: from ${fmtEn(c.base, c.percent)} to ${fmtEn(c.target, c.percent)} ${spanEn} (${byEn}) — please confirm.`,
      });
    }
  },
};
