import type { Rule } from "../../types";
import { isBlank } from "../result/_lib";
import { isoDay, viDate } from "./_lib";
import { planPeriods } from "../../../period";

/**
 * A reporting period that is over (by the `today` given as input, never the
 * clock) with no result typed for an indicator it covers: every period of
 * the plan up to the indicator's deadline (or the end of its target's year).
 * One finding per indicator and period, so the checks screen can group them
 * by period. Only when checking a workbook.
 */
export const deadlinePassedNoResult: Rule = {
  id: "deadline.passedNoResult",
  severity: "warning",
  description: "A reporting period is over and no result is entered / period over without result",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    const today = isoDay(ctx.input.today);
    const periods = (ctx.input.periods ?? planPeriods(ctx.input.plan)).filter((p) => p.end < today);
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (ind.level !== "indicator") continue;
      // "Hằng năm" / "Thường xuyên" have no end: the target's year closes them.
      const close = ind.deadline?.end ?? (ind.target?.year != null ? `${ind.target.year}-12-31` : null);
      const res = results.get(ind.key);
      for (const p of periods) {
        if (close !== null && p.end > close) continue;
        if (res && !isBlank(res.periods[p.id])) continue;
        ctx.report(this, { row: r, field: `period:${p.id}` }, {
          vi: `${ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu"}: kỳ "${p.label}" đã kết thúc (${viDate(p.end)}) mà chưa có kết quả.`,
          en: `${ind.stt ? `No. ${ind.stt}` : "Indicator"}: the period "${p.labelEn}" ended (${p.end}) and no result is entered.`,
        });
      }
    }
  },
};
