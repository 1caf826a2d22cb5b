/** The checks screen as a pure reducer (grouping of findings is the core's: src/core/checks/group.ts). */
import type { Finding, FindingRef, Severity } from "../../core/model";

export interface ChecksState {
  phase: "idle" | "running" | "done";
  findings: Finding[];
  error: string | null;
  /** The finding last clicked, so it stays marked while the user works in the sheet. */
  selected: number | null;
}

export type ChecksAction =
  | { type: "run/start" }
  | { type: "run/ok"; findings: Finding[] }
  | { type: "run/fail"; error: string }
  | { type: "select"; index: number }
  | { type: "select/fail"; error: string }
  | { type: "error/dismiss" }
  /** The planner marked findings "Đã xem" (or cleared the mark). */
  | { type: "seen"; indices: number[]; seen: boolean };

export const initialChecksState: ChecksState = { phase: "idle", findings: [], error: null, selected: null };

export function checksReducer(state: ChecksState, action: ChecksAction): ChecksState {
  switch (action.type) {
    case "run/start":
      return { ...state, phase: "running", error: null };
    case "run/ok":
      return { phase: "done", findings: action.findings, error: null, selected: null };
    case "run/fail":
      // Keep the previous findings visible: a failed re-run must not look like "no problems".
      return { ...state, phase: state.findings.length > 0 ? "done" : "idle", error: action.error };
    case "select":
      return { ...state, selected: action.index, error: null };
    case "select/fail":
      return { ...state, error: action.error };
    case "error/dismiss":
      return { ...state, error: null };
    case "seen": {
      const marked = new Set(action.indices);
      return { ...state, findings: state.findings.map((f, i) => (marked.has(i) ? { ...f, seen: action.seen } : f)) };
    }
  }
}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

/**
 * Where a finding points, as the user reads it in Excel.
 *
 * @example
 * cellLabel({ sheet: "Chỉ tiêu", cell: "J7" }) // "'Chỉ tiêu'!J7"
 * cellLabel({ stt: "3" }) // null
 */
export function cellLabel(ref: FindingRef): string | null {
  if (!ref.cell) return null;
  if (!ref.sheet) return ref.cell;
  const quoted = /^[A-Za-z0-9_]+$/.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${ref.cell}`;
}
