import type { Rule } from "../../types";
import { fmt, fmtEn, rowLabel, rowLabelEn } from "../../_lib/text";
import { comparable, isIndicator, lowerIsBetter } from "./_lib";

/** A higher-is-better target set below the baseline: the plan asks for a decline. */
export const targetBelowBaseline: Rule = {
  id: "target.belowBaseline",
  severity: "warning",
  description: "A higher-is-better target is below the baseline / target below baseline",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const c = comparable(ind);
      if (!isIndicator(ind) || !c || lowerIsBetter(ind) || c.target >= c.base) continue;
      ctx.report(this, { row: r, field: "target" }, {
        vi: `${rowLabel(ind)}: mục tiêu ${fmt(c.target, c.percent)} thấp hơn giá trị gốc ${fmt(c.base, c.percent)} dù cao hơn là tốt.`,
        en: `${rowLabelEn(ind)}: the target ${fmtEn(c.target, c.percent)} is below the baseline ${fmtEn(c.base, c.percent)} although higher is better.`,
      });
    }
  },
};

/** A lower-is-better target set above the baseline: the plan accepts a worsening. */
export const targetAboveBaseline: Rule = {
  id: "target.aboveBaseline",
  severity: "warning",
  description: "A lower-is-better target is above the baseline / target above baseline",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const c = comparable(ind);
      if (!isIndicator(ind) || !c || !lowerIsBetter(ind) || c.target <= c.base) continue;
      ctx.report(this, { row: r, field: "target" }, {
        vi: `${rowLabel(ind)}: mục tiêu ${fmt(c.target, c.percent)} cao hơn giá trị gốc ${fmt(c.base, c.percent)} dù thấp hơn là tốt.`,
        en: `${rowLabelEn(ind)}: the target ${fmtEn(c.target, c.percent)} is above the baseline ${fmtEn(c.base, c.percent)} although lower is better.`,
      });
    }
  },
};
