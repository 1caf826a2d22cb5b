import type { Rule } from "../../types";
import { isBlank } from "../result/_lib";
import { isoDay, viDate } from "./_lib";

/**
 * An indicator whose deadline has passed (by the `today` given as input,
 * never the clock) with no result typed. Only when checking a workbook.
 */
export const deadlinePassedNoResult: Rule = {
  id: "deadline.passedNoResult",
  severity: "warning",
  description: "The deadline has passed and no result is entered / overdue without result",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    const today = isoDay(ctx.input.today);
    for (const r of ctx.rows) {
      const ind = r.indicator;
      // "Hằng năm" / "Thường xuyên" have no end: the target's year (or a yearly plan's) closes them.
      const year = ind.target?.year ?? (ctx.input.plan.period?.from === ctx.input.plan.period?.to ? ctx.input.plan.period?.to : null) ?? null;
      const end = ind.deadline?.end ?? (year !== null ? `${year}-12-31` : null);
      if (ind.level !== "indicator" || !end || end >= today) continue;
      const res = results.get(ind.key);
      if (res && (!isBlank(res.result6m) || !isBlank(res.resultYear))) continue;
      ctx.report(this, { row: r, field: "resultYear" }, {
        vi: `${ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu"}: đã quá thời hạn "${ind.deadline?.raw ?? `năm ${year ?? ""}`}" (${viDate(end)}) mà chưa có kết quả.`,
        en: `${ind.stt ? `No. ${ind.stt}` : "Indicator"}: the deadline "${ind.deadline?.raw ?? `year ${year ?? ""}`}" (${end}) has passed and no result is entered.`,
      });
    }
  },
};
