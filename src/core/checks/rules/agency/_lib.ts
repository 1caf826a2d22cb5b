/** Shared by the agency rules: every lead/coordinating list in the plan, indicator- and task-level. */
import type { Agency, Task } from "../../../model";
import type { Row, RuleContext, Subject } from "../../types";

export interface AgencyList {
  subject: Omit<Subject, "field">;
  lead: Agency[];
  coordinating: Agency[];
  /** "STT 3.4" or "nhiệm vụ 6.1 (STT 6)". */
  label: string;
  labelEn: string;
}

function taskLabel(row: Row, task: Task, index: number): { vi: string; en: string } {
  const under = row.indicator.stt ? ` (STT ${row.indicator.stt})` : "";
  const underEn = row.indicator.stt ? ` (No. ${row.indicator.stt})` : "";
  if (task.code) return { vi: `Nhiệm vụ ${task.code}${under}`, en: `Task ${task.code}${underEn}` };
  const text = task.text.replace(/\s+/g, " ").slice(0, 40);
  return { vi: `Nhiệm vụ "${text}…"${under}`, en: `Task #${index + 1} "${text}…"${underEn}` };
}

export function agencyLists(ctx: RuleContext): AgencyList[] {
  const out: AgencyList[] = [];
  for (const row of ctx.rows) {
    const ind = row.indicator;
    out.push({
      subject: { row },
      lead: ind.lead,
      coordinating: ind.coordinating,
      label: ind.stt ? `STT ${ind.stt}` : `"${ind.name.slice(0, 40)}"`,
      labelEn: ind.stt ? `No. ${ind.stt}` : `"${ind.name.slice(0, 40)}"`,
    });
    const same = (a: Agency[], b: Agency[]): boolean => a.length === b.length && a.every((x, i) => x.raw === b[i]?.raw);
    ind.tasks.forEach((task, index) => {
      // A task that carries its row's own agencies (work assigned in prose, issue 25) is the row's assignment: judged once, at the row.
      if (ind.lead.length > 0 && same(task.lead, ind.lead) && same(task.coordinating, ind.coordinating)) return;
      const l = taskLabel(row, task, index);
      out.push({ subject: { row, task: { task, index } }, lead: task.lead, coordinating: task.coordinating, label: l.vi, labelEn: l.en });
    });
  }
  return out;
}
