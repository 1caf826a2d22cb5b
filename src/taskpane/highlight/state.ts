/**
 * The highlight screen as a pure reducer: find the table where the user is,
 * let them confirm or correct the column mapping, apply, report counts.
 */
import type { ColumnMapping, HighlightProbe, MappingRole, StatusCounts } from "../../app/services";

export interface HighlightState {
  phase: "idle" | "detecting" | "ready" | "applying" | "done";
  probe: HighlightProbe | null;
  /** The mapping the user will apply (starts as the detected one). */
  mapping: ColumnMapping | null;
  counts: StatusCounts | null;
  error: string | null;
}

export type HighlightAction =
  | { type: "detect/start" }
  | { type: "detect/ok"; probe: HighlightProbe }
  | { type: "detect/fail"; error: string }
  | { type: "map"; role: MappingRole; header: string | null }
  | { type: "apply/start" }
  | { type: "apply/ok"; counts: StatusCounts }
  | { type: "apply/fail"; error: string }
  | { type: "error/dismiss" };

export const initialHighlightState: HighlightState = { phase: "idle", probe: null, mapping: null, counts: null, error: null };

export function highlightReducer(state: HighlightState, action: HighlightAction): HighlightState {
  switch (action.type) {
    case "detect/start":
      return { ...initialHighlightState, phase: "detecting" };
    case "detect/ok":
      return {
        ...initialHighlightState,
        phase: action.probe.kind === "none" ? "idle" : "ready",
        probe: action.probe,
        mapping: action.probe.kind === "userTable" ? { ...action.probe.mapping } : null,
      };
    case "detect/fail":
      return { ...initialHighlightState, error: action.error };
    case "map":
      if (!state.mapping) return state;
      return { ...state, mapping: withRole(state.mapping, action.role, action.header), counts: null, phase: "ready" };
    case "apply/start":
      return canApply(state) ? { ...state, phase: "applying", error: null } : state;
    case "apply/ok":
      return { ...state, phase: "done", counts: action.counts };
    case "apply/fail":
      return { ...state, phase: "ready", error: action.error };
    case "error/dismiss":
      return { ...state, error: null };
  }
}

/** Sets a role's column; a header can serve one role only, so it is taken from any other role. */
function withRole(mapping: ColumnMapping, role: MappingRole, header: string | null): ColumnMapping {
  const next: ColumnMapping = { ...mapping, [role]: header };
  if (header !== null) {
    for (const other of Object.keys(next) as MappingRole[]) {
      if (other !== role && next[other] === header) next[other] = null;
    }
  }
  return next;
}

/** A Chỉ tiêu sheet always can; a user's table needs at least its target and result columns. */
export function canApply(state: HighlightState): boolean {
  if (!state.probe || state.probe.kind === "none") return false;
  if (state.probe.kind === "chitieu") return true;
  return Boolean(state.mapping?.target && state.mapping.result);
}
