import type { Rule } from "../../types";
import { deadlines, viDate } from "./_lib";

/**
 * A deadline that ends before the plan was issued (error), or starts before it
 * ("Quý II +III." in a July plan: the second quarter is already over; warning).
 */
export const deadlineBeforePlan: Rule = {
  id: "deadline.beforePlan",
  severity: "error",
  description: "A deadline before the plan's own date / deadline before plan",
  run(ctx) {
    const plan = ctx.planDate;
    if (!plan) return;
    const planVi = ctx.input.plan.dateRaw?.trim() || viDate(plan);
    for (const d of deadlines(ctx)) {
      const { start, end, raw } = d.deadline;
      if (end && end < plan) {
        ctx.report(this, d.subject, {
          vi: `${d.label}: thời hạn "${raw}" (hết ${viDate(end)}) trước ngày ban hành kế hoạch (${planVi}).`,
          en: `${d.labelEn}: the deadline "${raw}" (ends ${end}) is before the plan's date (${plan}).`,
        });
      } else if (start && end && start < plan && d.deadline.kind !== "ongoing" && d.deadline.kind !== "annual") {
        ctx.report(this, d.subject, {
          severity: "warning",
          vi: `${d.label}: thời hạn "${raw}" bắt đầu từ ${viDate(start)}, trước ngày ban hành kế hoạch (${planVi}) — một phần thời hạn đã qua.`,
          en: `${d.labelEn}: the deadline "${raw}" starts ${start}, before the plan's date (${plan}) — part of it had already passed.`,
        });
      }
    }
  },
};
