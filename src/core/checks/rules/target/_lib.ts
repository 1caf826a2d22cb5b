/** Shared by the target rules. */
import type { Indicator, TargetOp } from "../../../model";

const HIGHER: ReadonlySet<TargetOp> = new Set([">=", ">"]);
const LOWER: ReadonlySet<TargetOp> = new Set(["<=", "<"]);

/** The `*` after the name that marks a lower-is-better indicator, as the importer kept it. */
export function hasLowerMarker(ind: Indicator): boolean {
  return "*" in ind.extra || /\*\s*$/.test(ind.name);
}

/** "higher" / "lower" from the operator, null when it says nothing (=, ~, range, none). */
export function opDirection(op: TargetOp | null): "higher" | "lower" | null {
  if (op === null) return null;
  if (HIGHER.has(op)) return "higher";
  if (LOWER.has(op)) return "lower";
  return null;
}

/** Whether lower values are better: the marker or flag, else the operator. */
export function lowerIsBetter(ind: Indicator): boolean {
  return ind.lowerIsBetter || hasLowerMarker(ind) || opDirection(ind.target?.op ?? null) === "lower";
}

/** Target and baseline comparable as values (both numbers, same percent-ness, a value target). */
export function comparable(ind: Indicator): { base: number; target: number; percent: boolean } | null {
  const b = ind.baseline;
  const t = ind.target;
  if (!b || !t || b.value === null || t.value === null || t.kind !== "value") return null;
  if (b.percent !== t.percent) return null;
  return { base: b.value, target: t.value, percent: t.percent };
}

/** Is this row one whose target matters: a real indicator (not a section heading). */
export function isIndicator(ind: Indicator): boolean {
  return ind.level === "indicator";
}
