import type { Rule } from "../../types";
import { deadlines, viDate } from "./_lib";

/** A deadline that starts after the plan period ends (a 2024 deadline in a 2023 plan). */
export const deadlineAfterPeriod: Rule = {
  id: "deadline.afterPeriod",
  severity: "error",
  description: "A deadline after the plan period / deadline after period",
  run(ctx) {
    const period = ctx.input.plan.period;
    if (!period) return;
    const last = `${period.to}-12-31`;
    for (const d of deadlines(ctx)) {
      const from = d.deadline.start ?? d.deadline.end;
      if (!from || from <= last) continue;
      const span = period.from === period.to ? `năm ${period.to}` : `giai đoạn ${period.from}–${period.to}`;
      ctx.report(this, d.subject, {
        vi: `${d.label}: thời hạn "${d.deadline.raw}" (${viDate(from)}) nằm sau kỳ kế hoạch (${span}).`,
        en: `${d.labelEn}: the deadline "${d.deadline.raw}" (${from}) falls after the plan period (${period.from}–${period.to}).`,
      });
    }
  },
};
