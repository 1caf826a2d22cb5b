import { sameAgency } from "../../../agency";
import type { Rule } from "../../types";
import { agencyLists } from "./_lib";

/** An agency listed both as the lead and among the coordinating agencies of the same row. */
export const agencyLeadAlsoCoordinating: Rule = {
  id: "agency.leadAlsoCoordinating",
  severity: "warning",
  description: "The lead agency is also listed as coordinating / lead also coordinating",
  run(ctx) {
    for (const l of agencyLists(ctx)) {
      for (const lead of l.lead) {
        if (lead.kind === "group") continue;
        const twice = l.coordinating.find((c) => c.kind !== "group" && sameAgency(lead, c, ctx.directory));
        if (!twice) continue;
        ctx.report(this, { ...l.subject, field: "coordinating" }, {
          vi: `${l.label}: "${lead.name}" vừa chủ trì vừa có tên trong đơn vị phối hợp.`,
          en: `${l.labelEn}: "${lead.name}" is the lead and also listed as coordinating.`,
        });
      }
    }
  },
};
