import { parsePeriod } from "../../../period";
import type { Rule } from "../../types";
import { SCHEDULE_APPENDIX, sentenceOf, viDay } from "./_lib";

/**
 * A round whose report is due before its period's last month has begun — a
 * drafting slip ("báo cáo quý trước ngày 02 của tháng đầu tiên quý" for "quý
 * tiếp theo"). A report due in the period's last month is normal practice, with
 * estimates (a year report in early December, a 6-month report in June).
 */
export const scheduleBeforePeriodEnd: Rule = {
  id: "schedule.beforePeriodEnd",
  severity: "warning",
  description: "A report due before its period's last month / report due before the period ends",
  run(ctx) {
    const r = ctx.input.plan.reporting;
    if (!r) return;
    for (const [due, whose, whoseEn] of [...r.due.map((d) => [d, "các đơn vị gửi", "agencies"] as const), ...(r.upstream?.due ?? []).map((d) => [d, "báo cáo cấp trên", "upward report"] as const)]) {
      const period = parsePeriod(due.period);
      if (!period) continue;
      const lastMonthStarts = `${period.end.slice(0, 8)}01`;
      if (due.date >= lastMonthStarts) continue;
      const sentence = sentenceOf(r, due.raw);
      ctx.reportPlan(this, { appendix: SCHEDULE_APPENDIX, field: "reporting.due", period: period.id }, {
        vi: `${period.label}: hạn ${whose} ${viDay(due.date)} ("${due.raw ?? ""}") trước cả tháng cuối của kỳ (kỳ kết thúc ${viDay(period.end)}) — kiểm tra lại câu "${sentence}".`,
        en: `${period.labelEn}: the ${whoseEn} is due ${due.date} ("${due.raw ?? ""}"), before the period's last month (it ends ${period.end}) — check the sentence "${sentence}".`,
      });
    }
  },
};
