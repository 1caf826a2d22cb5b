import type { Rule } from "../../types";
import { isoDay, viDate } from "../deadline/_lib";
import { asNumber, isBlank, resultFields } from "./_lib";

/**
 * A result typed in the wrong place: a result for a period that is not over
 * yet (typed in the next round's column), or a bare number in Ghi chú while
 * no period has a result.
 */
export const resultWrongColumn: Rule = {
  id: "result.wrongColumn",
  severity: "warning",
  description: "A result typed in the wrong column / result in wrong column",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    const today = isoDay(ctx.input.today);
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const res = results.get(ind.key);
      if (!res) continue;
      const who = ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu";
      const whoEn = ind.stt ? `No. ${ind.stt}` : "Indicator";
      const fields = resultFields(res);
      for (const { field, period, value } of fields) {
        if (isBlank(value) || today >= period.end) continue;
        ctx.report(this, { row: r, field }, {
          vi: `${who}: đã nhập kết quả cho kỳ "${period.label}" khi kỳ chưa kết thúc (${viDate(period.end)}) — có nhập nhầm cột?`,
          en: `${whoEn}: a result is entered for "${period.labelEn}" before the period is over (${period.end}) — wrong column?`,
        });
      }
      const none = fields.every((f) => isBlank(f.value));
      if (typeof res.note !== "undefined" && none && !isBlank(res.note) && asNumber(res.note) !== null) {
        ctx.report(this, { row: r, field: "note" }, {
          vi: `${who}: Ghi chú chứa số "${String(res.note)}" trong khi chưa có kết quả — có nhập nhầm cột?`,
          en: `${whoEn}: the note holds the number "${String(res.note)}" while no result is entered — wrong column?`,
        });
      }
    }
  },
};
