/**
 * The agency roles table: one row per (indicator or task, agency, role),
 * hidden beside the Cơ quan table. Agency counts on Cơ quan and Tổng hợp (and
 * any per-agency summary) count rows of this table with exact text, so "UBND
 * tỉnh" is not counted again in every row led by "Văn phòng UBND tỉnh", and
 * "Ban *" does not match every "Ban …".
 *
 * Why a long table rather than a formula over the "A; B; C" cells: criteria
 * functions only do substring matching with wildcards, and exact membership
 * in a list is one equality per (row, agency) once the list is unrolled.
 * The table is written from the rows the writers write (including rows kept
 * because they left the document), so it agrees with what the sheets show.
 */
import { currentAgencyName, LATEST } from "../../agency";
import type { Lang } from "../../status/labels";
import { thisRow } from "../../status/formula";
import type { LayoutCell, TableSpec } from "../types";
import { INDICATOR_COLUMNS, ROLE_COLUMNS, TABLE_NAMES, TASK_COLUMNS, header, headerOf } from "./columns";

/** Stable codes in the roles table (not translated: formulas and other modules compare with them). */
export const ROLE_KIND = { indicator: "indicator", task: "task" } as const;
export const AGENCY_ROLE = { lead: "lead", coordinating: "coordinating" } as const;

export interface AgencyRole {
  /** The indicator or task key (null for a row an official added without a key). */
  key: string | null;
  kind: (typeof ROLE_KIND)[keyof typeof ROLE_KIND];
  agency: string;
  role: (typeof AGENCY_ROLE)[keyof typeof AGENCY_ROLE];
}

/** The agencies of a "A; B; C" cell, each once (case-insensitively, as Excel compares text). */
export function splitAgencies(cell: LayoutCell): string[] {
  if (typeof cell !== "string") return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of cell.split(";")) {
    const name = part.trim();
    const k = name.toLowerCase();
    if (name === "" || seen.has(k)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}

/** One role row per agency of the lead and coordinating cells of each row of the indicator and task tables. */
export function agencyRoles(indicators: TableSpec | undefined, tasks: TableSpec | undefined): AgencyRole[] {
  const out: AgencyRole[] = [];
  const collect = (table: TableSpec | undefined, kind: AgencyRole["kind"]): void => {
    if (!table) return;
    const at = (key: string): number => table.columns.findIndex((c) => c.key === key);
    const [keyAt, leadAt, coordAt] = [at("key"), at("lead"), at("coordinating")];
    for (const row of table.rows) {
      const keyCell = row[keyAt];
      const key = typeof keyCell === "string" && keyCell !== "" ? keyCell : null;
      for (const agency of splitAgencies(row[leadAt] ?? null)) out.push({ key, kind, agency, role: AGENCY_ROLE.lead });
      for (const agency of splitAgencies(row[coordAt] ?? null)) out.push({ key, kind, agency, role: AGENCY_ROLE.coordinating });
    }
  };
  collect(indicators, ROLE_KIND.indicator);
  collect(tasks, ROLE_KIND.task);
  return out;
}

/**
 * An exact-text criterion for COUNTIF(S)/SUMIF(S) from an expression: "=" first
 * (so a name starting with < > = is not read as a comparison) and `~ * ?`
 * escaped (so they are not wildcards).
 * @example exactCriterion("A2") // '"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A2,"~","~~"),"*","~*"),"?","~?")'
 */
export function exactCriterion(expr: string): string {
  return `"="&${escapeWildcards(expr)}`;
}

/** `~ * ?` escaped with `~`, for MATCH, COUNTIF and the other functions that read wildcards. */
export function escapeWildcards(expr: string): string {
  return `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${expr},"~","~~"),"*","~*"),"?","~?")`;
}

/** A criterion pair list for COUNTIFS over the roles table. */
export function roleCountFormula(
  lang: Lang,
  agencyExpr: string,
  filter: { kind?: AgencyRole["kind"]; role?: AgencyRole["role"]; status?: string; by?: "agency" | "current" },
): string {
  const col = (key: string): string => `${TABLE_NAMES.agencyRoles}[${header(ROLE_COLUMNS, key, lang)}]`;
  const q = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  // by "current": match today's body (Sở Tài chính counts what Sở Kế hoạch và Đầu tư led).
  const parts = [`${col(filter.by ?? "agency")},${exactCriterion(agencyExpr)}`];
  if (filter.kind) parts.push(`${col("kind")},${q(filter.kind)}`);
  if (filter.role) parts.push(`${col("role")},${q(filter.role)}`);
  if (filter.status !== undefined) parts.push(`${col("status")},${q(`=${filter.status}`)}`);
  return `=COUNTIFS(${parts.join(",")})`;
}

/**
 * The roles table, anchored at `anchor`, all columns hidden. Its status column
 * looks up the indicator's or task's status by key (exact: the key is escaped
 * for MATCH), so per-agency status counts follow what officials type.
 */
export function rolesTable(roles: AgencyRole[], lang: Lang, anchor: string, asOf: string = LATEST): TableSpec {
  const me = (key: string): string => thisRow(TABLE_NAMES.agencyRoles, header(ROLE_COLUMNS, key, lang));
  const lookup = (table: string, statusHeader: string, keyHeader: string): string =>
    `INDEX(${table}[${statusHeader}],MATCH(${escapeWildcards(me("key"))},${table}[${keyHeader}],0))`;
  const indicatorStatus = lookup(TABLE_NAMES.indicators, header(INDICATOR_COLUMNS, "status", lang), header(INDICATOR_COLUMNS, "key", lang));
  const taskStatus = lookup(TABLE_NAMES.tasks, header(TASK_COLUMNS, "status", lang), header(TASK_COLUMNS, "key", lang));
  // A task without a status typed yet gives 0 through INDEX; &"" keeps it an empty text.
  const status = `=IFERROR(IF(${me("kind")}="${ROLE_KIND.indicator}",${indicatorStatus},${taskStatus})&"","")`;
  return {
    name: TABLE_NAMES.agencyRoles,
    anchor,
    columns: ROLE_COLUMNS.map((def) => ({
      key: def.key,
      header: headerOf(def, lang),
      width: def.width,
      hidden: true,
      ...(def.numberFormat ? { numberFormat: def.numberFormat } : {}),
      ...(def.key === "status" ? { formula: status } : {}),
    })),
    rows: roles.map((r) => [r.key, r.kind, r.agency, r.role, null, currentAgencyName(r.agency, asOf)]),
    cellFormats: [],
    style: "TableStyleLight9",
  };
}
