import { findTargets } from "../../../parse";
import type { Rule } from "../../types";
import { appendixLabel, normaliseName, rowLabel, shortName, rowLabelEn } from "../../_lib/text";
import type { Row } from "../../types";
import { isIndicator } from "./_lib";

/**
 * An indicator without a target. In a table of indicators that is an error;
 * in a task list it matters when the other indicators there state theirs.
 * A name holding several targets is reported by target.unreadable instead.
 */
export const targetMissing: Rule = {
  id: "target.missing",
  severity: "error",
  description: "An indicator has no target / missing target",
  run(ctx) {
    const withTarget = new Map<number, { total: number; stated: number }>();
    for (const r of ctx.rows) {
      if (!isIndicator(r.indicator)) continue;
      const c = withTarget.get(r.appendixIndex) ?? { total: 0, stated: 0 };
      c.total++;
      if (r.indicator.target) c.stated++;
      withTarget.set(r.appendixIndex, c);
    }
    // The same indicator with a target elsewhere in the plan (another appendix): name it in the message.
    const stated = new Map<string, Row>();
    for (const r of ctx.rows) {
      const k = normaliseName(r.indicator.name);
      const v = r.indicator.target?.value;
      if (v !== null && v !== undefined && !stated.has(k)) stated.set(k, r);
    }
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (!isIndicator(ind) || ind.target) continue;
      if (findTargets(ind.name).length > 1) continue;
      const c = withTarget.get(r.appendixIndex);
      if (r.appendix.kind === "tasks" && (!c || c.stated * 2 < c.total)) continue;
      const other = stated.get(normaliseName(ind.name));
      const ref = other ? `${appendixLabel(other.appendix)}${other.indicator.stt ? ` STT ${other.indicator.stt}` : ""}` : "";
      const refEn = other ? `${appendixLabel(other.appendix)}${other.indicator.stt ? ` No. ${other.indicator.stt}` : ""}` : "";
      ctx.report(this, { row: r, field: "target" }, {
        severity: r.appendix.kind === "tasks" ? "warning" : "error",
        vi: `${rowLabel(ind)} "${shortName(ind)}" không có mục tiêu${other ? ` (${ref} ghi "${other.indicator.target?.raw ?? ""}")` : ""}.`,
        en: `${rowLabelEn(ind)} "${shortName(ind)}" has no target${other ? ` (${refEn} states "${other.indicator.target?.raw ?? ""}")` : ""}.`,
      });
    }
  },
};
