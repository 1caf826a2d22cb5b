/** Shared by the period tests: the core's judgement, its expected value at a period, and the sheet's word for a status. */
import { evaluatePeriod, periodOf } from "../../src/core/period";
import type { Period, PlanRow } from "../../src/core/period";
import { expectedAt, statusLabel } from "../../src/core/status";
import type { StatusKey } from "../../src/core/status";

export { evaluatePeriod, periodOf };

export function expectedAtPeriod(row: PlanRow, period: Period): number | null {
  return expectedAt(row, period.end);
}

export function statusLabelOf(key: StatusKey): string {
  return statusLabel(key);
}
