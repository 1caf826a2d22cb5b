/**
 * Consistency checks on a plan (as imported) and on a workbook (as officials
 * edited it). Pure: the caller passes today's date, the agency directory and,
 * for a workbook, how to locate a field's cell.
 */
import type { Finding, Plan } from "../model";
import { comparePeriods, planPeriods } from "../period";
import type { Period } from "../period";
import { buildLayout, cutCellFindings } from "../layout";
import type { LayoutOptions } from "../layout";
import type { WorkbookLayout } from "../layout/types";
import { interpretSnapshot, layoutSnapshot } from "../workbook";
import { runWith } from "./engine";
import { RULES } from "./rules";
import type { AgencyDirectory } from "../agency";
import type { WorkbookReading } from "../workbook";
import { planFromReading } from "./fromWorkbook";
import type { WorkbookPlanMeta } from "./fromWorkbook";
import type { CheckInput } from "./types";

export { RULES } from "./rules";
export { runWith } from "./engine";
export type { CheckInput, ResultEntry, Rule, RuleContext } from "./types";
export { planFromReading } from "./fromWorkbook";
export type { WorkbookPlanMeta } from "./fromWorkbook";

/**
 * Run every rule. Findings come in document order (appendix, row, task), then rule order.
 * @example
 * runRules({ plan, today: new Date("2023-12-31") })
 * // [{ rule: "numbering.missingStt", severity: "warning", message: "Chỉ tiêu … không có STT (lẽ ra là 16).", … }]
 */
export function runRules(input: CheckInput): Finding[] {
  return runWith(RULES, input);
}

/** The plan's periods and the workbook's grid columns, once each, chronological. */
function unionPeriods(a: Period[], b: Period[]): Period[] {
  const byId = new Map([...a, ...b].map((p) => [p.id, p]));
  return [...byId.values()].sort(comparePeriods);
}

/** The periods a workbook follows: its plan's and its grid's (what the tracking rule walks through). */
export function followedPeriods(plan: Plan, reading: WorkbookReading): Period[] {
  return unionPeriods(planPeriods(plan), reading.periods);
}

/**
 * The checks on a workbook as officials left it (read back by either writer
 * and `interpretSnapshot`): findings carry sheet and cell, and typed results
 * are judged. `periodEnd` (the reporting period's end, ISO) is the day the
 * reorganisation rule judges at, when given. `today` is an ISO day ("2023-12-31") or a Date. This is the
 * shape the Office.js operations take (`ChecksDeps.runRules`).
 * @example
 * checkReading({ reading: interpretSnapshot(snapshot), today: "2023-12-31" })
 */
export function checkReading(input: { reading: WorkbookReading; today: string | Date; periodEnd?: string; meta?: WorkbookPlanMeta; directory?: AgencyDirectory }): Finding[] {
  const today = typeof input.today === "string" ? new Date(`${input.today.slice(0, 10)}T00:00:00Z`) : input.today;
  const from = planFromReading(input.reading, input.meta ?? {}, input.directory);
  const periods = unionPeriods(planPeriods(from.plan), input.reading.periods);
  return runRules({
    ...from,
    periods,
    today,
    ...(input.periodEnd ? { periodEnd: input.periodEnd } : {}),
    ...(input.directory ? { directory: input.directory } : {}),
  });
}

/**
 * The workbook layout with its Kiểm tra sheet filled: builds the layout once
 * to learn where every indicator's cells land, runs the checks with that
 * locator (and any results already carried in `options.results`), then builds
 * the final layout with the findings linked to their cells.
 * @example
 * const { layout, findings } = checkedLayout(plan, { lang: "vi" }, new Date());
 */
export function checkedLayout(plan: Plan, options: LayoutOptions, today: Date, directory?: AgencyDirectory): { layout: WorkbookLayout; findings: Finding[] } {
  const draft = buildLayout(plan, { ...options, findings: [] });
  const reading = interpretSnapshot(layoutSnapshot(draft));
  const { results, locate } = planFromReading(reading, {}, directory);
  // Cells cut to Excel's limit are findings too, so the Kiểm tra sheet says so next to a link to the cell.
  const findings = [
    ...runRules({ plan, results, locate, today, periods: unionPeriods(planPeriods(plan), reading.periods), ...(directory ? { directory } : {}) }),
    ...cutCellFindings(draft.cut ?? []),
  ];
  return { layout: buildLayout(plan, { ...options, findings }), findings };
}

export { groupFindings, RULE_TITLES, TRACKING_RULE } from "./group";
export type { FindingGroup } from "./group";
