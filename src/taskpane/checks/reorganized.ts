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

/** One dissolved or renamed agency, with every cell of the plan that still names it. */
export interface ReorgEntry {
  /** The directory's name of the former agency: one entry per agency, however the plan spelled it. */
  agency: string;
  status: "replaced" | "reassign";
  since: string;
  successors: string[];
  /** Indicators (appendix and STT) it leads and coordinates, each counted once however many cells name it. */
  lead: number;
  coordinating: number;
  basis: { vi: string; en: string } | null;
  unverified: { vi: string; en: string } | null;
  items: Array<{ finding: Finding; index: number }>;
}

/**
 * The reorganisation as a planner thinks of it: per agency, not per cell. A cell naming three former
 * agencies appears under each of them. Entries keep the order of first appearance, the levels of
 * government that ended (district UBND) last, as they need a decision rather than a rename.
 *
 * @example
 * reorgByAgency(findings).map((e) => `${e.agency}: ${e.lead}/${e.coordinating}`)
 * // ["Sở Kế hoạch và Đầu tư: 12/5", …, "UBND cấp huyện: 0/20"]
 */
export function reorgByAgency(items: ReadonlyArray<{ finding: Finding; index: number }>): ReorgEntry[] {
  const byAgency = new Map<string, ReorgEntry & { leads: Set<string>; coords: Set<string> }>();
  for (const item of items) {
    const { ref, changes } = item.finding;
    const row = `${ref.appendix ?? ""}|${ref.stt ?? ""}|${ref.code ?? ""}`;
    const leading = (ref.field ?? "").endsWith("lead");
    for (const c of changes ?? []) {
      let e = byAgency.get(c.agency);
      if (!e) {
        e = { agency: c.agency, status: c.status, since: c.since, successors: c.successors, lead: 0, coordinating: 0, basis: c.basis ?? null, unverified: c.unverified ?? null, items: [], leads: new Set(), coords: new Set() };
        byAgency.set(c.agency, e);
      }
      (leading ? e.leads : e.coords).add(row);
      if (!e.items.some((x) => x.index === item.index)) e.items.push(item);
    }
  }
  const all = [...byAgency.values()].map(({ leads, coords, ...e }) => ({ ...e, lead: leads.size, coordinating: coords.size }));
  return [...all.filter((e) => e.status === "replaced"), ...all.filter((e) => e.status === "reassign")];
}
