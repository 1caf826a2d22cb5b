/** Figures as planners read them. A module of its own: the task pane's first bundle takes it and nothing heavier. */
import type { SnapshotValue } from "../workbook/snapshot";

/** "92" / "3,4" / "0,575": a number the Vietnamese way, at most four decimals. */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 1e4) / 1e4;
  return String(rounded).replace(".", ",");
}

/**
 * A figure as a planner reads it: "92%" for a percent fraction, "3,55" the Vietnamese way, text as typed.
 * @example
 * showValue(0.925, true) // "92,5%"
 */
export function showValue(v: SnapshotValue, percent: boolean, empty = "(trống)"): string {
  if (v === null || v === "") return empty;
  if (typeof v === "number") return percent ? `${formatNumber(v * 100)}%` : formatNumber(v);
  return String(v);
}
