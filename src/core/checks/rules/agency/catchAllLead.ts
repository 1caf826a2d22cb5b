import type { Agency } from "../../../model";
import type { Rule } from "../../types";
import { agencyLists } from "./_lib";

/**
 * The lead is only a catch-all group ("Các sở, ngành; UBND cấp huyện"): every
 * body is named and none is accountable. Reported once per list.
 */
export const agencyCatchAllLead: Rule = {
  id: "agency.catchAllLead",
  severity: "warning",
  description: "The lead is only a catch-all group / nobody specifically accountable",
  run(ctx) {
    for (const l of agencyLists(ctx)) {
      if (l.lead.length === 0 || !l.lead.every((a) => a.kind === "group")) continue;
      // A task sharing its indicator's lead (a merged cell) is the indicator's finding, said once.
      if (l.subject.task && sameList(l.lead, l.subject.row.indicator.lead)) continue;
      const names = l.lead.map((a) => a.raw || a.name).join("; ");
      ctx.report(this, { ...l.subject, field: "lead" }, {
        vi: `${l.label}: đơn vị chủ trì chỉ là nhóm chung "${names}", không có cơ quan cụ thể chịu trách nhiệm.`,
        en: `${l.labelEn}: the lead is only the catch-all "${names}"; no single agency is accountable.`,
      });
    }
  },
};

function sameList(a: Agency[], b: Agency[]): boolean {
  return a.length === b.length && a.every((x, i) => x.name === b[i]?.name);
}
