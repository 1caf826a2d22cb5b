import type { Rule } from "../../types";
import { asNumber, isBlank, resultFields } from "./_lib";

/**
 * A result that is not a number. Text that reads as one ("92%") is still
 * reported, as a warning: the status formulas cannot compute with text.
 */
export const resultNotNumber: Rule = {
  id: "result.notNumber",
  severity: "error",
  description: "A result that is not a number / result not a number",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    for (const r of ctx.rows) {
      const res = results.get(r.indicator.key);
      if (!res) continue;
      for (const { field, vi, en, value: v } of resultFields(res)) {
        if (isBlank(v) || typeof v === "number") continue;
        const shown = typeof v === "string" ? v : JSON.stringify(v);
        const n = asNumber(v);
        ctx.report(this, { row: r, field }, n === null
          ? { vi: `${r.indicator.stt ? `STT ${r.indicator.stt}` : "Chỉ tiêu"}: ${vi} "${shown}" không phải là số.`,
              en: `${r.indicator.stt ? `No. ${r.indicator.stt}` : "Indicator"}: the ${en} "${shown}" is not a number.` }
          : { severity: "warning",
              vi: `${r.indicator.stt ? `STT ${r.indicator.stt}` : "Chỉ tiêu"}: ${vi} "${shown}" được nhập dạng chữ; hãy nhập số để công thức tính được.`,
              en: `${r.indicator.stt ? `No. ${r.indicator.stt}` : "Indicator"}: the ${en} "${shown}" was typed as text; type a number so the formulas can use it.` });
      }
    }
  },
};
