import { sameAgency } from "../../../agency";
import type { Rule } from "../../types";
import { agencyLists } from "./_lib";

/**
 * The same agency listed twice in one cell ("Ban Quản lý các Khu công
 * nghiệp, …, Ban quản lý các khu công nghiệp tỉnh"): a copy-paste slip that
 * also hides which spelling is meant.
 */
export const agencyListedTwice: Rule = {
  id: "agency.listedTwice",
  severity: "warning",
  description: "The same agency listed twice in one cell / agency listed twice",
  run(ctx) {
    for (const l of agencyLists(ctx)) {
      for (const [field, list] of [["lead", l.lead], ["coordinating", l.coordinating]] as const) {
        list.forEach((a, i) => {
          if (a.kind === "group") return;
          const earlier = list.slice(0, i).find((b) => b.kind !== "group" && sameAgency(a, b, ctx.directory));
          if (!earlier) return;
          const role = field === "lead" ? "chủ trì" : "phối hợp";
          ctx.report(this, { ...l.subject, field }, {
            vi: `${l.label}: "${a.name}" được ghi hai lần trong đơn vị ${role} ("${earlier.raw}" và "${a.raw}").`,
            en: `${l.labelEn}: "${a.name}" is listed twice among the ${field === "lead" ? "lead" : "coordinating"} agencies ("${earlier.raw}" and "${a.raw}").`,
          });
        });
      }
    }
  },
};
