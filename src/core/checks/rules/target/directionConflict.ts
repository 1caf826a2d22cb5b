import type { Rule } from "../../types";
import { fmt, fmtEn, rowLabel, rowLabelEn } from "../../_lib/text";
import { hasLowerMarker, isIndicator, opDirection } from "./_lib";

/**
 * The lower-is-better marker (`*`) and the operator disagree: a starred
 * indicator asked to be "Trên hoặc bằng …". (A "Dưới hoặc bằng" without the star is
 * not reported: PDF copies lose the star too often to call that a defect.)
 */
export const targetDirectionConflict: Rule = {
  id: "target.directionConflict",
  severity: "error",
  description: "The operator contradicts the lower-is-better marker (*) / direction conflict",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const t = ind.target;
      if (!isIndicator(ind) || !t) continue;
      const dir = opDirection(t.op);
      const marked = hasLowerMarker(ind);
      if (dir === "higher" && (marked || ind.lowerIsBetter)) {
        ctx.report(this, { row: r, field: "op" }, {
          vi: `${rowLabel(ind)} đánh dấu * (thấp hơn là tốt) nhưng mục tiêu là "${t.raw}" (${fmt(t.value, t.percent)} trở lên).`,
          en: `${rowLabelEn(ind)} is marked * (lower is better) but the target is "${t.raw}" (at least ${fmtEn(t.value, t.percent)}).`,
        });
      }
    }
  },
};
