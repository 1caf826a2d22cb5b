/**
 * Recognises the columns of a table a planner built themselves, from its
 * headers alone, so the add-in can add a live status column to it: which
 * column holds the target, the result, the operator, the lead agency, the
 * baseline, the direction. Headers are renamed freely ("Chỉ tiêu KH 2025",
 * "Thực hiện", "KQ năm", "So sánh"), so each role is a table of patterns
 * with a score; what is missing or ambiguous is returned for the user to
 * confirm, never guessed silently.
 */
import { HEADER_PATTERNS, normalizeHeader, type HighlightRole } from "./_lib/patterns";

export type { HighlightRole } from "./_lib/patterns";
export { HIGHLIGHT_ROLES, normalizeHeader } from "./_lib/patterns";

/** A role's column: its 0-based index and header, with how sure we are (0..1). */
export interface RoleMatch {
  index: number;
  header: string;
  score: number;
}

export interface ColumnDetection {
  /** Role → column, null when no header fits. */
  mapping: Record<HighlightRole, RoleMatch | null>;
  /** The lowest score among the roles a status needs (target and a result); 0 when one is missing. */
  confidence: number;
  /** Roles the user should confirm or pick: needed and missing, weakly matched, or matched by two columns equally. */
  needsConfirmation: HighlightRole[];
  /** Target and a result were found with confidence: the status can be added without asking. */
  ready: boolean;
}

/** Below this a match is shown as a suggestion to confirm. */
export const CONFIDENT = 0.8;

const NEEDED: HighlightRole[] = ["target", "result"];

function score(header: string, role: HighlightRole): number {
  const h = normalizeHeader(header);
  if (h === "") return 0;
  let best = 0;
  for (const p of HEADER_PATTERNS[role]) {
    if (p.not?.test(h)) continue;
    if (p.re.test(h)) best = Math.max(best, p.score);
  }
  return best;
}

/**
 * @example
 * detectColumns(["STT", "Chỉ tiêu", "Chỉ tiêu KH 2025", "Thực hiện", "Đơn vị chủ trì"])
 * // mapping.target → { index: 2, header: "Chỉ tiêu KH 2025", score: 0.9 }
 * // mapping.result → { index: 3, header: "Thực hiện", … }, ready: true
 */
export function detectColumns(headers: string[]): ColumnDetection {
  const roles = Object.keys(HEADER_PATTERNS) as HighlightRole[];
  const candidates: Array<{ role: HighlightRole; index: number; score: number }> = [];
  headers.forEach((h, index) => {
    for (const role of roles) {
      const s = score(h, role);
      if (s > 0) candidates.push({ role, index, score: s });
    }
  });
  // Strongest matches first; each column serves one role and each role takes one column.
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const mapping = Object.fromEntries(roles.map((r) => [r, null])) as Record<HighlightRole, RoleMatch | null>;
  const usedColumns = new Set<number>();
  const ambiguous = new Set<HighlightRole>();
  for (const c of candidates) {
    const taken = mapping[c.role];
    if (taken) {
      if (taken.score === c.score && !usedColumns.has(c.index)) ambiguous.add(c.role);
      continue;
    }
    if (usedColumns.has(c.index)) continue;
    mapping[c.role] = { index: c.index, header: headers[c.index] ?? "", score: c.score };
    usedColumns.add(c.index);
  }
  // With a 6-month result but no full-year one, the 6-month column is the result to judge.
  if (!mapping.result && mapping.result6m) {
    mapping.result = mapping.result6m;
    mapping.result6m = null;
  }
  const needsConfirmation = roles.filter((r) => {
    const m = mapping[r];
    if (NEEDED.includes(r)) return !m || m.score < CONFIDENT || ambiguous.has(r);
    return m !== null && (m.score < CONFIDENT || ambiguous.has(r));
  });
  const needed = NEEDED.map((r) => mapping[r]?.score ?? 0);
  const confidence = Math.min(...needed);
  return { mapping, confidence, needsConfirmation, ready: confidence >= CONFIDENT && !NEEDED.some((r) => ambiguous.has(r)) };
}

/**
 * Applies the user's choices (role → header text) over a detection: what the
 * user picked is certain; a role set to null is cleared.
 */
export function confirmMapping(headers: string[], detection: ColumnDetection, choices: Partial<Record<HighlightRole, string | null>>): ColumnDetection {
  const mapping = { ...detection.mapping };
  for (const [role, header] of Object.entries(choices) as Array<[HighlightRole, string | null]>) {
    if (header === null) {
      mapping[role] = null;
      continue;
    }
    const index = headers.indexOf(header);
    // A header that is not in the table is a caller's mistake, not the user's data.
    if (index < 0) throw new Error(`confirmMapping: "${header}" is not a header of this table.`);
    mapping[role] = { index, header, score: 1 };
  }
  const confidence = Math.min(...NEEDED.map((r) => mapping[r]?.score ?? 0));
  const needsConfirmation = NEEDED.filter((r) => !mapping[r]);
  return { mapping, confidence, needsConfirmation, ready: needsConfirmation.length === 0 && confidence >= CONFIDENT };
}
