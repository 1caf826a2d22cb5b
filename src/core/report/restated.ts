/**
 * One indicator, counted once. Plans often restate in a later appendix what
 * an earlier one defines (seed 002: Phụ lục II lists 13 of Phụ lục I's 18
 * indicators again as the tasks' targets). A row is a restatement of an
 * earlier row of another appendix when both name the same thing (the name
 * before any parenthesis, folded) with the same target, or when one name has
 * no target of its own. The defining row stays, with its restatements listed
 * for a cross-reference; a figure only the restating row holds is the
 * indicator's figure.
 */
import type { StatusRow } from "./input";

const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

/** "tiep can tai lieu phap ly" from "Tiếp cận tài liệu pháp lý (1 = không dễ; 5 = rất dễ)". */
function baseName(name: string): string {
  return fold(name.replace(/\(.*$/su, "")).replace(/[^a-z0-9]+/g, " ").trim();
}

/** "PL-II" from "PL-II/8": the appendix part of our keys. */
export function appendixOf(key: string): string {
  const i = key.indexOf("/");
  return i > 0 ? key.slice(0, i) : "";
}

function sameTarget(a: StatusRow, b: StatusRow): boolean {
  if (!a.target || !b.target || a.target.value === null || b.target.value === null) return true;
  return a.target.op === b.target.op && Math.abs(a.target.value - b.target.value) < 1e-9 && (a.target.max ?? null) === (b.target.max ?? null);
}

function hasResult(r: StatusRow): boolean {
  return r.result !== null && r.result !== "";
}

/**
 * @example
 * countedOnce(rows).length // 18 for seed 002 (31 rows)
 */
export function countedOnce(rows: StatusRow[]): StatusRow[] {
  const kept: StatusRow[] = [];
  const byName = new Map<string, number>();
  for (const row of rows) {
    const name = baseName(row.name);
    const at = name === "" ? undefined : byName.get(name);
    const first = at === undefined ? undefined : kept[at];
    if (at !== undefined && first && appendixOf(first.key) !== appendixOf(row.key) && sameTarget(first, row)) {
      const restated = [...(first.restatedAs ?? []), { key: row.key, stt: row.stt, appendix: appendixOf(row.key) }];
      // The figure an agency returned against the restating row is the indicator's figure when the defining row has none.
      const merged: StatusRow = !hasResult(first) && hasResult(row)
        ? { ...first, result: row.result, status: row.status, percentOfPlan: row.percentOfPlan, expected: row.expected }
        : first;
      kept[at] = { ...merged, lead: first.lead.length > 0 ? first.lead : row.lead, restatedAs: restated };
      continue;
    }
    if (name !== "" && !byName.has(name)) byName.set(name, kept.length);
    kept.push(row);
  }
  return kept;
}
