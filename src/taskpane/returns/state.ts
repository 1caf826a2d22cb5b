/**
 * The agency-returns screen as a pure reducer: pick a period and make the
 * forms; drop returned forms (several at once) and see what was taken,
 * rejected and in conflict; choose for each conflict; see who has not
 * returned yet.
 */
import type { OfferOutcome } from "../../app/services";
import type { CollectReport, Conflict } from "../../core/forms";
import type { ReturnsStatus } from "../../app/services";

export interface ReturnsState {
  periods: Array<{ id: string; label: string }>;
  periodId: string | null;
  phase: "loading" | "idle" | "making" | "collecting" | "resolving";
  /** The last collect's report (what was taken, rejected, warned). */
  report: CollectReport | null;
  conflicts: Conflict[];
  pending: string[];
  periodLabel: string | null;
  /** The period's due day, days late by pending agency, and the next due day (issue 25; absent in older workbooks). */
  due: string | null;
  daysLate: Record<string, number>;
  nextDue: ReturnsStatus["nextDue"] | null;
  /** The last round of forms made: how many, the file handed over, and how it reached the planner. */
  madeForms: { count: number; fileName: string; outcome: OfferOutcome } | null;
  error: string | null;
}

export type ReturnsAction =
  | { type: "load/ok"; periods: Array<{ id: string; label: string }>; status: ReturnsStatus }
  | { type: "load/fail"; error: string }
  | { type: "period"; id: string }
  | { type: "make/start" }
  | { type: "make/ok"; count: number; fileName: string; outcome: OfferOutcome }
  | { type: "collect/start" }
  /** status null: the write succeeded but reading the status again failed (the last one is kept). */
  | { type: "collect/ok"; report: CollectReport; status: ReturnsStatus | null }
  | { type: "resolve/start" }
  | { type: "resolve/ok"; status: ReturnsStatus | null }
  | { type: "fail"; error: string }
  | { type: "error/dismiss" };

export const initialReturnsState: ReturnsState = {
  periods: [], periodId: null, phase: "loading", report: null, conflicts: [], pending: [], periodLabel: null, due: null, daysLate: {}, nextDue: null, madeForms: null, error: null,
};

const withStatus = (state: ReturnsState, status: ReturnsStatus | null): ReturnsState =>
  status === null
    ? state
    : {
        ...state, conflicts: status.conflicts, pending: status.pending, periodLabel: status.periodLabel,
        due: status.due ?? null, daysLate: status.daysLate ?? {}, nextDue: status.nextDue ?? null,
      };

export function returnsReducer(state: ReturnsState, action: ReturnsAction): ReturnsState {
  switch (action.type) {
    case "load/ok":
      // The latest period is the usual choice: the round being reported now.
      return withStatus({ ...state, phase: "idle", periods: action.periods, periodId: state.periodId ?? action.periods.at(-1)?.id ?? null }, action.status);
    case "load/fail":
      return { ...state, phase: "idle", error: action.error };
    case "period":
      return { ...state, periodId: action.id, madeForms: null };
    case "make/start":
      return state.periodId === null ? state : { ...state, phase: "making", madeForms: null, error: null };
    case "make/ok":
      return { ...state, phase: "idle", madeForms: { count: action.count, fileName: action.fileName, outcome: action.outcome } };
    case "collect/start":
      return { ...state, phase: "collecting", report: null, error: null };
    case "collect/ok":
      return withStatus({ ...state, phase: "idle", report: action.report }, action.status);
    case "resolve/start":
      return { ...state, phase: "resolving", error: null };
    case "resolve/ok":
      return withStatus({ ...state, phase: "idle" }, action.status);
    case "fail":
      return { ...state, phase: "idle", error: action.error };
    case "error/dismiss":
      return { ...state, error: null };
  }
}

/** How a conflict reads in the list: the indicator, the period, the two figures. */
export function conflictKey(c: Conflict): string {
  return `${c.kind}|${c.key}|${c.period}|${c.agency}|${String(c.form)}`;
}
