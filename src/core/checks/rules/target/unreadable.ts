import { findTargets } from "../../../parse";
import type { Rule } from "../../types";
import { rowLabel, rowLabelEn } from "../../_lib/text";
import { isIndicator } from "./_lib";

/** A target whose text gives no number, or a name that states several targets at once. */
export const targetUnreadable: Rule = {
  id: "target.unreadable",
  severity: "error",
  description: "The target cannot be read as a number / unreadable target",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (!isIndicator(ind)) continue;
      if (ind.target && ind.target.value === null) {
        ctx.report(this, { row: r, field: "target" }, {
          vi: `${rowLabel(ind)}: không đọc được mục tiêu "${ind.target.raw}".`,
          en: `${rowLabelEn(ind)}: the target "${ind.target.raw}" cannot be read.`,
        });
        continue;
      }
      if (ind.target) continue;
      const hits = findTargets(ind.name);
      if (hits.length < 2) continue;
      const list = hits.map((h) => h.target.raw).join("; ");
      ctx.report(this, { row: r, field: "target" }, {
        vi: `${rowLabel(ind)}: tên chỉ tiêu ghi ${hits.length} mục tiêu (${list}), không rõ mục tiêu nào áp dụng (có thể hai chỉ tiêu bị gộp).`,
        en: `${rowLabelEn(ind)}: the name states ${hits.length} targets (${list}); which one applies is unclear (two indicators merged?).`,
      });
    }
  },
};
