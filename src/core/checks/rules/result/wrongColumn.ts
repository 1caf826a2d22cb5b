import type { Rule } from "../../types";
import { isoDay } from "../deadline/_lib";
import { asNumber, isBlank } from "./_lib";

/**
 * A result typed in the wrong column: a full-year result before the year is
 * over while the six-month column is empty, or a bare number in Ghi chú
 * while both result columns are empty.
 */
export const resultWrongColumn: Rule = {
  id: "result.wrongColumn",
  severity: "warning",
  description: "A result typed in the wrong column / result in wrong column",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    const today = isoDay(ctx.input.today);
    const period = ctx.input.plan.period;
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const res = results.get(ind.key);
      if (!res) continue;
      const who = ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu";
      const whoEn = ind.stt ? `No. ${ind.stt}` : "Indicator";
      const year = ind.target?.year ?? (period && period.from === period.to ? period.to : null);
      if (year !== null && !isBlank(res.resultYear) && isBlank(res.result6m) && today < `${year}-12-31` && today >= `${year}-01-01`) {
        ctx.report(this, { row: r, field: "resultYear" }, {
          vi: `${who}: đã nhập Kết quả cả năm khi năm ${year} chưa kết thúc và Kết quả 6 tháng còn trống — có nhập nhầm cột?`,
          en: `${whoEn}: a full-year result is entered before ${year} is over while the six-month result is empty — wrong column?`,
        });
      }
      if (typeof res.note !== "undefined" && isBlank(res.result6m) && isBlank(res.resultYear) && !isBlank(res.note) && asNumber(res.note) !== null) {
        ctx.report(this, { row: r, field: "note" }, {
          vi: `${who}: Ghi chú chứa số "${String(res.note)}" trong khi chưa có kết quả — có nhập nhầm cột?`,
          en: `${whoEn}: the note holds the number "${String(res.note)}" while no result is entered — wrong column?`,
        });
      }
    }
  },
};
