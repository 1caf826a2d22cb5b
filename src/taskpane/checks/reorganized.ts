/**
 * The "Sắp xếp tổ chức 2025" part of the checks screen as a pure reducer:
 * findings of agency.reorganized shown apart, and the two-step
 * "Đổi sang đơn vị kế thừa" (preview, then the planner confirms; nothing is
 * written before the confirmation).
 */
import type { SuccessorEdits } from "../../core/successorEdits";
import type { Finding } from "../../core/model";

export const REORGANIZED_RULE = "agency.reorganized";

export type ReorgState =
  | { phase: "idle" }
  | { phase: "preparing" }
  | { phase: "confirm"; preview: SuccessorEdits }
  | { phase: "applying"; preview: SuccessorEdits }
  | { phase: "done"; applied: number; skipped: number }
  | { phase: "failed"; error: string };

export type ReorgAction =
  | { type: "preview/start" }
  | { type: "preview/ok"; preview: SuccessorEdits }
  | { type: "apply/start" }
  | { type: "apply/ok"; applied: number; skipped: number }
  | { type: "fail"; error: string }
  | { type: "cancel" };

export const initialReorgState: ReorgState = { phase: "idle" };

export function reorgReducer(state: ReorgState, action: ReorgAction): ReorgState {
  switch (action.type) {
    case "preview/start":
      return { phase: "preparing" };
    case "preview/ok":
      return { phase: "confirm", preview: action.preview };
    case "apply/start":
      // Only a preview the planner is looking at can be applied.
      return state.phase === "confirm" ? { phase: "applying", preview: state.preview } : state;
    case "apply/ok":
      return { phase: "done", applied: action.applied, skipped: action.skipped };
    case "fail":
      return { phase: "failed", error: action.error };
    case "cancel":
      return { phase: "idle" };
  }
}

/** The findings of the reorganisation rule, kept with their index in the full list. */
export function reorganizedFindings(findings: readonly Finding[]): { finding: Finding; index: number }[] {
  return findings.flatMap((finding, index) => (finding.rule === REORGANIZED_RULE ? [{ finding, index }] : []));
}
