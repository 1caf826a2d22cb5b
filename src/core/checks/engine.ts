/**
 * Runs the rules over a plan and returns findings in a deterministic order:
 * by appendix, then row, then task, then the rule's place in the registry.
 */
import { DEFAULT_DIRECTORY } from "../agency";
import type { Finding, FindingRef } from "../model";
import { appendixLabel } from "./_lib/text";
import type { CheckInput, Report, Row, Rule, RuleContext, Subject } from "./types";

interface Placed {
  finding: Finding;
  order: [number, number, number, number];
}

/** Fields that live on the indicator's row in the Chỉ tiêu sheet (and so can be located). */
const INDICATOR_FIELDS = new Set([
  "stt", "code", "name", "unit", "baseline", "baselineYear", "baselineRank", "direction", "op", "target",
  "targetYear", "lead", "coordinating", "deadline", "note",
  // The old result columns, found only in a workbook that still has them (kept beside the grid by an in-place update).
  "result6m", "resultYear",
]);

function referenceOf(subject: Subject, input: CheckInput): FindingRef {
  const { row, task, field } = subject;
  const ind = row.indicator;
  const ref: FindingRef = { appendix: appendixLabel(row.appendix) };
  if (ind.stt) ref.stt = ind.stt;
  if (ind.code) ref.code = ind.code;
  if (task) {
    ref.field = `task.${field}`;
    if (task.task.code) ref.code = task.task.code;
    return ref;
  }
  ref.field = field;
  // A period's result ("period:2023-H1") sits in the Kết quả theo kỳ grid; the finding names the period for grouping.
  const period = field.startsWith("period:") ? field.slice("period:".length) : null;
  if (period !== null) ref.period = period;
  if (input.locate && (INDICATOR_FIELDS.has(field) || period !== null)) {
    const at = input.locate(ind.key, field);
    if (at) {
      ref.sheet = at.sheet;
      ref.cell = at.cell;
    }
  }
  return ref;
}

/**
 * Run the given rules. Misuse (no plan, invalid date) throws; odd data only ever yields findings.
 * @example
 * runWith(RULES, { plan, today: new Date("2023-12-31") }).map((f) => f.rule) // ["numbering.gap", …]
 */
export function runWith(rules: readonly Rule[], input: CheckInput): Finding[] {
  if (!input || typeof input !== "object" || !input.plan) throw new TypeError("runRules: input.plan is required");
  if (!(input.today instanceof Date) || Number.isNaN(input.today.getTime())) throw new TypeError("runRules: input.today must be a valid Date");
  if (input.periodEnd !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.periodEnd)) throw new TypeError("runRules: input.periodEnd must be an ISO day (yyyy-mm-dd)");
  const rows: Row[] = [];
  input.plan.appendices.forEach((appendix, appendixIndex) => {
    appendix.indicators.forEach((indicator, rowIndex) => rows.push({ appendix, appendixIndex, indicator, rowIndex }));
  });
  const placed: Placed[] = [];
  let ruleIndex = 0;
  let planIndex = 0;
  const ctx: RuleContext = {
    input,
    directory: input.directory ?? DEFAULT_DIRECTORY,
    rows,
    planDate: input.plan.date,
    report(rule: Rule, subject: Subject, message: Report) {
      placed.push({
        finding: {
          rule: rule.id,
          severity: message.severity ?? rule.severity,
          message: message.vi,
          messageEn: message.en,
          ref: referenceOf(subject, input),
          ...(message.basis ? { basis: message.basis } : {}),
          ...(message.notes ? { notes: message.notes } : {}),
          ...(message.changes ? { changes: message.changes } : {}),
        },
        order: [subject.row.appendixIndex, subject.row.rowIndex, subject.task ? subject.task.index + 1 : 0, ruleIndex],
      });
    },
    reportPlan(rule: Rule, ref: FindingRef, message: Report) {
      // Plan-wide findings come first, in the order reported.
      placed.push({
        finding: { rule: rule.id, severity: message.severity ?? rule.severity, message: message.vi, messageEn: message.en, ref },
        order: [-1, planIndex++, 0, ruleIndex],
      });
    },
  };
  rules.forEach((rule, i) => {
    ruleIndex = i;
    rule.run(ctx);
  });
  placed.sort((a, b) => {
    for (let k = 0; k < 4; k++) {
      const d = (a.order[k] ?? 0) - (b.order[k] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  });
  return placed.map((p) => p.finding);
}
