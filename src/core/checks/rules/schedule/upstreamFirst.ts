import { parsePeriod } from "../../../period";
import type { Rule } from "../../types";
import { SCHEDULE_APPENDIX, sentenceOf, viDay } from "./_lib";

/** The focal agency's report upward due before the agencies' reports it consolidates: it cannot hold them. */
export const scheduleUpstreamFirst: Rule = {
  id: "schedule.upstreamFirst",
  severity: "warning",
  description: "The upward report due before the agencies' reports / upward report due before the agencies'",
  run(ctx) {
    const r = ctx.input.plan.reporting;
    if (!r?.upstream) return;
    for (const up of r.upstream.due) {
      const own = r.due.find((d) => d.period === up.period);
      if (!own || up.date >= own.date) continue;
      const label = parsePeriod(up.period);
      ctx.reportPlan(this, { appendix: SCHEDULE_APPENDIX, field: "reporting.upstream", period: up.period }, {
        vi: `${label?.label ?? up.period}: báo cáo lên ${r.upstream.to ?? "cấp trên"} hạn ${viDay(up.date)}, sớm hơn hạn các đơn vị gửi ${r.to ?? "cơ quan tổng hợp"} (${viDay(own.date)}) — câu "${sentenceOf(r, up.raw)}".`,
        en: `${label?.labelEn ?? up.period}: the report to ${r.upstream.to ?? "the higher body"} is due ${up.date}, before the agencies' reports to ${r.to ?? "the focal agency"} (${own.date}) — sentence "${sentenceOf(r, up.raw)}".`,
      });
    }
  },
};
