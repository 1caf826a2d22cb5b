import type { Rule } from "../../types";
import { nextStt, sameParent } from "../../_lib/stt";
import { byAppendix } from "./_lib";

/**
 * A number skipped between two consecutive rows of the same level ("3.8" then
 * "3.10"). A gap of one filled by a row without STT is that row's problem
 * (numbering.missingStt), not a gap.
 */
export const numberingGap: Rule = {
  id: "numbering.gap",
  severity: "warning",
  description: "STT skips a number / numbering skips a number",
  run(ctx) {
    for (const rows of byAppendix(ctx)) {
      const lastAt = new Map<string, { segs: number[]; index: number }>();
      rows.forEach((r, index) => {
        const segs = r.segments;
        if (!segs) return;
        const level = `${segs.length}:${segs.slice(0, -1).join(".")}`;
        const prev = lastAt.get(level);
        lastAt.set(level, { segs, index });
        if (!prev || !sameParent(prev.segs, segs)) return;
        const expected = (prev.segs[prev.segs.length - 1] ?? 0) + 1;
        const got = segs[segs.length - 1] ?? 0;
        if (got <= expected) return;
        const unnumbered = rows.slice(prev.index + 1, index).filter((x) => x.segments === null && x.row.indicator.level === "indicator").length;
        if (got - expected <= unnumbered) return;
        const missing = nextStt(prev.segs);
        ctx.report(this, { row: r.row, field: "stt" }, {
          vi: `Thiếu STT ${missing}: sau ${prev.segs.join(".")} là ${segs.join(".")}.`,
          en: `No. ${missing} is missing: ${prev.segs.join(".")} is followed by ${segs.join(".")}.`,
        });
      });
    }
  },
};
