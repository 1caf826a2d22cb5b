import { suggestAgency } from "../../../agency";
import type { Rule } from "../../types";
import { agencyLists } from "./_lib";

/** An agency not in the directory; the nearest directory entry is suggested when one is close. */
export const agencyUnknown: Rule = {
  id: "agency.unknown",
  severity: "warning",
  description: "An agency not in the directory (with a suggestion) / unknown agency",
  run(ctx) {
    for (const l of agencyLists(ctx)) {
      for (const [field, list] of [["lead", l.lead], ["coordinating", l.coordinating]] as const) {
        for (const a of list) {
          if (a.kind !== "unknown") continue;
          const s = suggestAgency(a.name, ctx.directory);
          const role = field === "lead" ? "chủ trì" : "phối hợp";
          ctx.report(this, { ...l.subject, field }, {
            vi: `${l.label}: đơn vị ${role} "${a.raw || a.name}" không có trong danh mục cơ quan${s ? ` — có phải "${s.entry.name}"?` : "."}`,
            en: `${l.labelEn}: the ${field === "lead" ? "lead" : "coordinating"} agency "${a.raw || a.name}" is not in the directory${s ? ` — did you mean "${s.entry.name}"?` : "."}`,
          });
        }
      }
    }
  },
};
