import type { Rule } from "../../types";
import { scaleOf } from "../../_lib/scale";
import { fmt, fmtEn } from "../../_lib/text";
import { asNumber, isPercentRow, resultFields } from "./_lib";

/**
 * A result outside what the indicator can take: a score outside its stated
 * scale ("(1=Không thể; 5=Rất dễ)"), a share outside 0–100% (92 typed
 * instead of 92% shows as 9.200%), or a negative count.
 */
export const resultOutOfScale: Rule = {
  id: "result.outOfScale",
  severity: "error",
  description: "A result outside the indicator's scale / result out of scale",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const res = results.get(ind.key);
      if (!res) continue;
      const scale = scaleOf(ind.name);
      const pct = !scale && isPercentRow(ind) && !/tốc độ|tăng trưởng/iu.test(ind.name);
      for (const { field, vi, en, value } of resultFields(res)) {
        const n = asNumber(value);
        if (n === null) continue;
        const who = ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu";
        const whoEn = ind.stt ? `No. ${ind.stt}` : "Indicator";
        if (scale && (n < scale.min || n > scale.max)) {
          ctx.report(this, { row: r, field }, {
            vi: `${who}: ${vi} ${fmt(n)} nằm ngoài thang điểm ${scale.min}–${scale.max}.`,
            en: `${whoEn}: the ${en} ${fmtEn(n)} is outside the ${scale.min}–${scale.max} scale.`,
          });
        } else if (pct && (n < 0 || n > 1)) {
          ctx.report(this, { row: r, field }, {
            vi: `${who}: ${vi} ${fmt(n * 100, true)} nằm ngoài 0–100% (có phải đã nhập ${fmt(n)} thay vì ${fmt(n)}%?).`,
            en: `${whoEn}: the ${en} ${fmtEn(n * 100, true)} is outside 0–100% (was ${fmtEn(n)} typed instead of ${fmtEn(n)}%?).`,
          });
        }
      }
    }
  },
};
