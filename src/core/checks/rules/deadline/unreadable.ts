import type { Rule } from "../../types";
import { deadlines } from "./_lib";

/** A deadline the parser could not read as a date, period or "Thường xuyên". */
export const deadlineUnreadable: Rule = {
  id: "deadline.unreadable",
  severity: "warning",
  description: "A deadline that cannot be read / unreadable deadline",
  run(ctx) {
    for (const d of deadlines(ctx)) {
      if (d.deadline.kind !== "text") continue;
      ctx.report(this, d.subject, {
        vi: `${d.label}: không đọc được thời hạn "${d.deadline.raw}".`,
        en: `${d.labelEn}: the deadline "${d.deadline.raw}" cannot be read.`,
      });
    }
  },
};
