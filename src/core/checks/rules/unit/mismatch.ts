import type { Rule } from "../../types";
import { rowLabel, rowLabelEn } from "../../_lib/text";

/**
 * Baseline and target written in different units: one with "%", one without
 * ("0.00" → "≥ 10%"), so they cannot be compared and one of them is wrong.
 */
export const unitMismatch: Rule = {
  id: "unit.mismatch",
  severity: "warning",
  description: "Baseline and target differ in unit (one with %, one without) / unit mismatch",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const b = ind.baseline;
      const t = ind.target;
      if (!b || !t || b.value === null || t.value === null || t.kind !== "value") continue;
      if (b.percent === t.percent) continue;
      const [withP, without] = t.percent ? ["mục tiêu", "giá trị gốc"] : ["giá trị gốc", "mục tiêu"];
      const [withEn, withoutEn] = t.percent ? ["the target", "the baseline"] : ["the baseline", "the target"];
      ctx.report(this, { row: r, field: t.percent ? "baseline" : "target" }, {
        vi: `${rowLabel(ind)}: giá trị gốc "${b.raw}" và mục tiêu "${t.raw}" khác đơn vị — ${withP} có %, ${without} không.`,
        en: `${rowLabelEn(ind)}: baseline "${b.raw}" and target "${t.raw}" differ in unit — ${withEn} has %, ${withoutEn} has not.`,
      });
    }
  },
};
