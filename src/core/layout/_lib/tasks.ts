/** The Nhiệm vụ sheet: one row per task, with a status list officials fill in. */
import { TASK_STATUS } from "../../model";
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import type { LayoutValue, SheetSpec, TableSpec } from "../types";
import { DEFINED_NAMES, GONE_FROM_SOURCE, TABLE_NAMES, TASK_COLUMNS, headerOf } from "./columns";
import { taskKeys, uniqueKeys } from "./keys";
import type { UserData } from "./userData";

export const TASK_STATUS_EN = ["Not started", "In progress", "Done"] as const;

export interface TaskRow {
  key: string;
  indicatorKey: string;
  values: Record<string, LayoutValue>;
}

/** Every task of the plan, with its row values and key. */
export function taskRows(plan: Plan): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const a of plan.appendices) {
    for (const ind of a.indicators) {
      const keys = taskKeys(ind.key, ind.tasks.map((t) => t.text));
      ind.tasks.forEach((t, i) => {
        const key = keys[i] ?? `${ind.key}|${i}`;
        rows.push({
          key,
          indicatorKey: ind.key,
          values: {
            code: t.code ?? ind.code,
            text: t.text,
            lead: t.lead.map((x) => x.name).join("; ") || null,
            coordinating: t.coordinating.map((x) => x.name).join("; ") || null,
            deadline: t.deadline?.raw ?? null,
            status: null,
            note: null,
            sourceState: null,
            key,
            indicatorKey: ind.key,
          },
        });
      });
    }
  }
  const unique = uniqueKeys(rows.map((r) => r.key));
  return rows.map((r, i) => {
    const key = unique[i] ?? r.key;
    return { ...r, key, values: { ...r.values, key } };
  });
}

export function tasksSheet(name: string, plan: Plan, lang: Lang, user: UserData | undefined): SheetSpec {
  const all = taskRows(plan).map((r) => ({ ...r.values, ...(user?.tasks[r.key] ?? {}) }));
  for (const gone of user?.goneTasks ?? []) all.push({ ...gone.values, ...(gone.mark ? { sourceState: GONE_FROM_SOURCE[lang] } : {}) });
  const statuses = lang === "en" ? [...TASK_STATUS_EN] : [...TASK_STATUS];
  const agencyList = { formula: `=${DEFINED_NAMES.agencyList}` };
  const columns = TASK_COLUMNS.map((def) => {
    const col: TableSpec["columns"][number] = { key: def.key, header: headerOf(def, lang), width: def.width };
    if (def.numberFormat) col.numberFormat = def.numberFormat;
    if (def.hidden) col.hidden = true;
    if (def.wrap) col.wrap = true;
    if (def.input) col.input = true;
    if (def.key === "status") col.validation = { type: "list", source: { items: statuses }, errorStyle: "stop", allowBlank: true };
    if (def.key === "lead" || def.key === "coordinating") {
      col.validation = { type: "list", source: agencyList, errorStyle: "warning", allowBlank: true };
    }
    return col;
  });
  return {
    name,
    role: "tasks",
    tables: [{
      name: TABLE_NAMES.tasks,
      anchor: "A1",
      columns,
      rows: all.map((r) => TASK_COLUMNS.map((def) => r[def.key] ?? null)),
      cellFormats: [],
      style: "TableStyleMedium2",
      rowKey: "key",
    }],
    cells: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 2 },
  };
}
