import type { Indicator, Target } from "../../../model";
import type { Row, Rule } from "../../types";
import { scaleOf, sameScale } from "../../_lib/scale";
import { appendixLabel, fmt, fmtEn, normaliseName } from "../../_lib/text";

/** Words of the normalised name used as a looser key (PDF copies cut long names differently). */
const PREFIX_WORDS = 12;
/** Share of words two names must have in common to count as one indicator. */
const MIN_SIMILARITY = 0.8;

function similarity(a: string, b: string): number {
  const wa = new Set(a.split(" "));
  const wb = new Set(b.split(" "));
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size);
}

function targetText(t: Target): string {
  return `${t.op ?? ""} ${fmt(t.value, t.percent)}`.trim();
}

function sameTarget(a: Target, b: Target): boolean {
  return a.op === b.op && a.value === b.value && a.percent === b.percent && a.kind === b.kind && (a.max ?? null) === (b.max ?? null);
}

function unitPercent(ind: Indicator): boolean | null {
  return ind.unit ? ind.unit.includes("%") : null;
}

function where(r: Row): string {
  const ind = r.indicator;
  return `${appendixLabel(r.appendix)}${ind.stt ? ` STT ${ind.stt}` : ""}`;
}

function whereEn(r: Row): string {
  const ind = r.indicator;
  return `${appendixLabel(r.appendix)}${ind.stt ? ` No. ${ind.stt}` : ""}`;
}

/**
 * The same indicator stated twice (two appendices, or the plan's text and a
 * table) with different targets, units or scale labels. Indicators are
 * matched by normalised name (whole, or its first words) and by multi-part
 * code ("1.1.1"); an index keeps this linear in the number of indicators.
 */
export const duplicateConflict: Rule = {
  id: "duplicate.conflict",
  severity: "error",
  description: "The same indicator is stated twice with different targets, units or scale labels / conflicting duplicate",
  run(ctx) {
    const firstByKey = new Map<string, Row>();
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (ind.level !== "indicator") continue;
      const norm = normaliseName(ind.name);
      if (norm.length < 8) continue;
      const words = norm.split(" ");
      const keys = [`n:${norm}`];
      if (words.length >= PREFIX_WORDS) keys.push(`p:${words.slice(0, PREFIX_WORDS).join(" ")}`);
      if (ind.code && ind.code.split(".").length >= 3) keys.push(`c:${ind.code}`);
      let other: Row | undefined;
      for (const k of keys) {
        const found = firstByKey.get(k);
        if (found && found !== r && !other && similarity(normaliseName(found.indicator.name), norm) >= MIN_SIMILARITY) other = found;
        if (!found) firstByKey.set(k, r);
      }
      if (!other) continue;
      compare(this, ctx, other, r);
    }
  },
};

function compare(rule: Rule, ctx: Parameters<Rule["run"]>[0], first: Row, r: Row): void {
  const a = first.indicator;
  const b = r.indicator;
  if (a.target && b.target && a.target.value !== null && b.target.value !== null && !sameTarget(a.target, b.target)) {
    ctx.report(rule, { row: r, field: "target" }, {
      vi: `Mục tiêu khác nhau cho cùng chỉ tiêu: ${where(first)} ghi "${a.target.raw}" (${targetText(a.target)}), ${where(r)} ghi "${b.target.raw}" (${targetText(b.target)}).`,
      en: `Different targets for the same indicator: ${whereEn(first)} says "${a.target.raw}" (${a.target.op ?? ""} ${fmtEn(a.target.value, a.target.percent)}), ${whereEn(r)} says "${b.target.raw}" (${b.target.op ?? ""} ${fmtEn(b.target.value, b.target.percent)}).`,
    });
  }
  const ua = unitPercent(a);
  const ub = unitPercent(b);
  if (ua !== null && ub !== null && ua !== ub) {
    ctx.report(rule, { row: r, field: "unit" }, {
      vi: `Đơn vị khác nhau cho cùng chỉ tiêu: ${where(first)} "${a.unit ?? ""}", ${where(r)} "${b.unit ?? ""}".`,
      en: `Different units for the same indicator: ${whereEn(first)} "${a.unit ?? ""}", ${whereEn(r)} "${b.unit ?? ""}".`,
    });
  }
  const sa = scaleOf(a.name);
  const sb = scaleOf(b.name);
  if (sa && sb && !sameScale(sa, sb)) {
    ctx.report(rule, { row: r, field: "name" }, {
      vi: `Thang điểm ghi khác nhau cho cùng chỉ tiêu: ${where(first)} "${sa.raw}", ${where(r)} "${sb.raw}".`,
      en: `The score scale is labelled differently for the same indicator: ${whereEn(first)} "${sa.raw}", ${whereEn(r)} "${sb.raw}".`,
    });
  }
}
