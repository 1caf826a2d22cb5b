import type { Rule } from "../../types";
import { rowLabel, shortName, rowLabelEn } from "../../_lib/text";

/**
 * An indicator nobody leads: no lead on the row and none on any of its tasks.
 * Plan text (body targets) has no lead column and is left out. A task alone
 * without a lead is not reported: PDF copies drop merged cells shared with
 * the rows above.
 */
export const agencyNoLead: Rule = {
  id: "agency.noLead",
  severity: "error",
  description: "No lead agency for an indicator / no lead",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (ind.level !== "indicator" || r.appendix.kind === "body") continue;
      if (ind.lead.length > 0 || ind.tasks.some((t) => t.lead.length > 0)) continue;
      ctx.report(this, { row: r, field: "lead" }, {
        vi: `${rowLabel(ind)} "${shortName(ind)}" không có đơn vị chủ trì.`,
        en: `${rowLabelEn(ind)} "${shortName(ind)}" has no lead agency.`,
      });
    }
  },
};
