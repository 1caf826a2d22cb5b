/**
 * The contract between the rules engine and its rules. A rule reads the
 * prepared context and reports findings through `ctx.report`, which fills in
 * the reference (appendix, STT, code, field, sheet, cell) the same way for
 * every rule, so the CLI, the task pane and the Kiểm tra sheet agree.
 */
import type { AgencyDirectory } from "../agency";
import type { AgencyChange, Appendix, FindingRef, Indicator, Plan, Severity, Task } from "../model";
import type { Period } from "../period";

/** What officials typed in the workbook for one indicator (percent rows as fractions, as Excel stores them). */
export interface ResultEntry {
  /** Period id ("2023-H1") → the cell typed in the Kết quả theo kỳ grid. */
  periods: Record<string, unknown>;
  /** The Ghi chú cell, to notice a result typed there by mistake. */
  note?: unknown;
  /**
   * Filled cells of the old result columns ("Kết quả 6 tháng", "Kết quả cả năm") that an in-place update
   * left in the table as the user's, beside the grid: no longer read as results, so a number typed there
   * after the migration would be lost without a word. Set only when the workbook has the grid.
   */
  legacy?: Array<{ field: string; period: string; value: unknown }>;
}

export interface CheckInput {
  plan: Plan;
  /** Indicator key → typed results. Absent when checking a document (no workbook yet). */
  results?: Map<string, ResultEntry>;
  /** The reporting periods followed (default: the plan's own, see planPeriods). */
  periods?: Period[];
  /** Today, as an input: rules never read the clock. */
  today: Date;
  /**
   * The reporting period's end (ISO day), when the check is for a period:
   * tracking rules (agency.reorganized) judge as of that day instead of today.
   */
  periodEnd?: string;
  directory?: AgencyDirectory;
  /** Where an indicator's field sits in the workbook (sheet and A1 cell), when checking a workbook. */
  locate?: (indicatorKey: string, field: string) => { sheet: string; cell: string } | null;
}

/** One indicator row with where it sits (appendix and row order), for references and sorting. */
export interface Row {
  appendix: Appendix;
  appendixIndex: number;
  indicator: Indicator;
  rowIndex: number;
}

/** What a finding is about: an indicator row, optionally one of its tasks, and a field. */
export interface Subject {
  row: Row;
  task?: { task: Task; index: number };
  field: string;
}

export interface Report {
  severity?: Severity;
  /** One short sentence. */
  vi: string;
  en: string;
  /** The legal basis and what is unverified, kept out of the sentence (their own columns in the Kiểm tra sheet). */
  basis?: { vi: string; en: string };
  notes?: { vi: string; en: string };
  changes?: AgencyChange[];
}

export interface RuleContext {
  input: CheckInput;
  directory: AgencyDirectory;
  rows: Row[];
  /** The plan's date (ISO) when known. */
  planDate: string | null;
  report(rule: Rule, subject: Subject, message: Report): void;
  /** A finding about the plan as a whole rather than a row (its reporting schedule, issue 25); listed before the rows'. */
  reportPlan(rule: Rule, ref: FindingRef, message: Report): void;
}

export interface Rule {
  /** Stable id, e.g. "numbering.gap". */
  id: string;
  severity: Severity;
  /** One line on what the rule looks for (shown in docs and the CLI's help). */
  description: string;
  run(ctx: RuleContext): void;
}
