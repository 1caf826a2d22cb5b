/**
 * Who gets a form. Each specific lead agency gets one with the indicators and
 * tasks it leads. An indicator without a lead of its own (Phụ lục II lists
 * leads per task) goes to the leads of its tasks. What only a catch-all group
 * leads ("Các sở, ngành", "UBND cấp huyện") goes to one form for the planning
 * office, which follows it up itself. So every indicator is in some form.
 *
 * For periods after the 2025 reorganisation, `route` maps an agency named by
 * the plan to the agency that reports now (Sở KH&ĐT → Sở Tài chính); agencies
 * merged into one get one form.
 */
import type { Agency } from "../../model";
import { successorsOn } from "../../agency";
import type { AgencyDirectory } from "../../agency";
import type { FormSource } from "../source";

/** The planning office's form: clearly not an agency of the plan. */
export const PLANNING_OFFICE = {
  vi: "Cơ quan tổng hợp kế hoạch (chỉ tiêu, nhiệm vụ giao chung cho các sở, ngành, địa phương)",
  en: "Planning office (indicators and tasks assigned to groups of agencies)",
  /** Its file name: the full name folds to an unwieldy slug. */
  slug: "co-quan-tong-hop-giao-chung",
} as const;

export interface FormRecipient {
  /** The agency's canonical name, or PLANNING_OFFICE.vi. */
  agency: string;
  kind: "agency" | "planningOffice";
  indicatorKeys: string[];
  taskKeys: string[];
  /** Names in the plan that now report through this agency (empty when the plan names it itself). */
  formerly: string[];
}

/** Today's reporting agencies for an agency named by the plan; [] when it no longer exists and nobody was named to take over. */
export type AgencyRoute = (agency: Agency) => string[];

const asNamed: AgencyRoute = (a) => [a.name];

/**
 * Who reports, for a period ending on `periodEnd`, for each agency the plan
 * names: itself while it exists; its successor(s) once it was merged away
 * (Sở Kế hoạch và Đầu tư → Sở Tài chính from 1/3/2025); nobody when its level
 * of government ended (UBND cấp huyện from 1/7/2025), so its work falls to the
 * planning office's form. The history is the agency directory's.
 * @example
 * routeOn("2026-12-31")({ name: "Sở Kế hoạch và Đầu tư", raw: "Sở KH&ĐT", kind: "agency" }) // ["Sở Tài chính"]
 * routeOn("2023-12-31")({ name: "Sở Kế hoạch và Đầu tư", raw: "Sở KH&ĐT", kind: "agency" }) // ["Sở Kế hoạch và Đầu tư"]
 */
export function routeOn(periodEnd: string, dir?: AgencyDirectory): AgencyRoute {
  return (a) => {
    const s = successorsOn(a, periodEnd, dir);
    if (s.status === "current") return [a.name];
    if (s.status === "reassign") return [];
    return s.successors.map((x) => x.name);
  };
}

/** Specific (non-group) agencies of a list, routed, without repeats. */
function specific(list: Agency[], route: AgencyRoute, formerly: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const a of list) {
    if (a.kind === "group") continue;
    for (const name of route(a)) {
      if (name !== a.name) {
        const set = formerly.get(name) ?? new Set<string>();
        set.add(a.name);
        formerly.set(name, set);
      }
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}

/**
 * @example
 * formRecipients(source).map((r) => `${r.agency}: ${r.indicatorKeys.length}`)
 * // ["Sở Thông tin và Truyền thông: 8", "Sở Tư pháp: 2", …, "Cơ quan tổng hợp kế hoạch (…): 3"]
 */
export function formRecipients(source: FormSource, route: AgencyRoute = asNamed): FormRecipient[] {
  const byAgency = new Map<string, FormRecipient>();
  const formerly = new Map<string, Set<string>>();
  const office: FormRecipient = { agency: PLANNING_OFFICE.vi, kind: "planningOffice", indicatorKeys: [], taskKeys: [], formerly: [] };
  const add = (names: string[], what: "indicatorKeys" | "taskKeys", key: string): void => {
    if (names.length === 0) {
      office[what].push(key);
      return;
    }
    for (const name of names) {
      const r = byAgency.get(name) ?? { agency: name, kind: "agency" as const, indicatorKeys: [], taskKeys: [], formerly: [] };
      if (!r[what].includes(key)) r[what].push(key);
      byAgency.set(name, r);
    }
  };
  const tasksOf = new Map<string, FormSource["tasks"]>();
  for (const t of source.tasks) tasksOf.set(t.indicatorKey, [...(tasksOf.get(t.indicatorKey) ?? []), t]);

  for (const ind of source.indicators) {
    let names = specific(ind.lead, route, formerly);
    // No lead of its own: whoever leads its tasks reports its result.
    if (ind.lead.length === 0) names = specific((tasksOf.get(ind.key) ?? []).flatMap((t) => t.lead), route, formerly);
    add(names, "indicatorKeys", ind.key);
  }
  for (const t of source.tasks) add(specific(t.lead, route, formerly), "taskKeys", t.key);

  const out = [...byAgency.values()].map((r) => ({ ...r, formerly: [...(formerly.get(r.agency) ?? [])] }));
  if (office.indicatorKeys.length > 0 || office.taskKeys.length > 0) out.push(office);
  return out;
}
