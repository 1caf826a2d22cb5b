/**
 * The Cơ quan sheet: the agency directory plus every agency the plan names,
 * with live counts of what each leads and coordinates. Its name column feeds
 * the lead/coordinating validation lists through a defined name.
 */
import { successorText, unverifiedText, LATEST } from "../../agency";
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import { thisRow } from "../../status/formula";
import type { DefinedName, LayoutValue, SheetSpec, TableSpec } from "../types";
import { AGENCY_COLUMNS, DEFINED_NAMES, TABLE_NAMES, header, headerOf } from "./columns";
import { address, quoteSheet } from "./a1";
import type { AgencyRole } from "./roles";
import { AGENCY_ROLE, ROLE_KIND, roleCountFormula, rolesTable } from "./roles";

/** One agency of a directory, as the agency module lists them. */
export interface DirectoryRow {
  name: string;
  /** "agency" for a directory entry, "group" for a catch-all label. */
  kind?: "agency" | "group" | "unknown";
  abbreviations?: string[];
}

const KIND_LABEL = {
  vi: { agency: "Trong danh mục", group: "Nhóm chung", unknown: "Chưa có trong danh mục" },
  en: { agency: "In the directory", group: "Catch-all group", unknown: "Not in the directory" },
} as const;

/** Directory rows first, then agencies named in the plan that the directory lacks (by exact name). */
export function agencyRows(plan: Plan, directory: DirectoryRow[]): Array<Required<DirectoryRow>> {
  const out: Array<Required<DirectoryRow>> = [];
  const seen = new Set<string>();
  const add = (name: string, kind: "agency" | "group" | "unknown", abbreviations: string[] = []): void => {
    const k = name.trim().toLowerCase();
    if (k === "" || seen.has(k)) return;
    seen.add(k);
    out.push({ name: name.trim(), kind, abbreviations });
  };
  for (const d of directory) add(d.name, d.kind ?? "agency", d.abbreviations);
  for (const a of plan.appendices) {
    for (const ind of a.indicators) {
      for (const ag of [...ind.lead, ...ind.coordinating]) add(ag.name, ag.kind);
      for (const t of ind.tasks) for (const ag of [...t.lead, ...t.coordinating]) add(ag.name, ag.kind);
    }
  }
  return out;
}

/** The roles table sits one empty column to the right of the agency table. */
export const ROLES_ANCHOR = address(1, AGENCY_COLUMNS.length + 2);

/**
 * @param asOf the day the successor column is judged at (ISO); by default the
 * latest known state, so a workbook written today shows today's bodies.
 */
export function agenciesSheet(
  name: string,
  plan: Plan,
  directory: DirectoryRow[],
  lang: Lang,
  roles: AgencyRole[] = [],
  asOf: string = LATEST,
): { sheet: SheetSpec; names: DefinedName[] } {
  const rows = agencyRows(plan, directory);
  const me = thisRow(TABLE_NAMES.agencies, header(AGENCY_COLUMNS, "name", lang));
  // Exact membership, counted from the roles table (see ./roles).
  const count = (kind: AgencyRole["kind"], role: AgencyRole["role"]): string => roleCountFormula(lang, me, { kind, role });
  const formulas: Record<string, string> = {
    leadIndicators: count(ROLE_KIND.indicator, AGENCY_ROLE.lead),
    coordIndicators: count(ROLE_KIND.indicator, AGENCY_ROLE.coordinating),
    leadTasks: count(ROLE_KIND.task, AGENCY_ROLE.lead),
    coordTasks: count(ROLE_KIND.task, AGENCY_ROLE.coordinating),
  };
  const columns = AGENCY_COLUMNS.map((def) => {
    const col: TableSpec["columns"][number] = { key: def.key, header: headerOf(def, lang), width: def.width };
    if (def.wrap) col.wrap = true;
    const f = formulas[def.key];
    if (f) col.formula = f;
    return col;
  });
  const values = rows.map((r): LayoutValue[] => [
    r.name, KIND_LABEL[lang][r.kind], r.abbreviations.join(", ") || null, null, null, null, null,
    r.kind === "unknown" ? null : successorText(r.name, lang, asOf),
    r.kind === "unknown" ? null : unverifiedText(r.name, lang, asOf),
  ]);
  return {
    sheet: {
      name,
      role: "agencies",
      tables: [
        { name: TABLE_NAMES.agencies, anchor: "A1", columns, rows: values, cellFormats: [], style: "TableStyleLight9", rowKey: "name" },
        rolesTable(roles, lang, ROLES_ANCHOR, asOf),
      ],
      cells: [],
      conditionalFormats: [],
      charts: [],
      freeze: { rows: 1, columns: 1 },
    },
    names: [{ name: DEFINED_NAMES.agencyList, formula: `=${quoteSheet(name)}!$A$2:$A$${Math.max(rows.length, 1) + 1}` }],
  };
}
