/** Shared by the deadline rules: every deadline in the plan with where it is. */
import type { Deadline } from "../../../model";
import type { RuleContext, Subject } from "../../types";
import { agencyLists } from "../agency/_lib";

export interface DeadlineAt {
  subject: Subject;
  deadline: Deadline;
  label: string;
  labelEn: string;
}

export function deadlines(ctx: RuleContext): DeadlineAt[] {
  const out: DeadlineAt[] = [];
  for (const l of agencyLists(ctx)) {
    const d = l.subject.task ? l.subject.task.task.deadline : l.subject.row.indicator.deadline;
    if (d) out.push({ subject: { ...l.subject, field: "deadline" }, deadline: d, label: l.label, labelEn: l.labelEn });
  }
  return out;
}

/** "2023-06-30" → "30/6/2023". */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}/${Number(m)}/${y ?? ""}`;
}

/** A Date as ISO yyyy-mm-dd in UTC (dates are days, not instants). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
