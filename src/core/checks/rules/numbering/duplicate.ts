import type { Rule } from "../../types";
import { byAppendix } from "./_lib";

/** The same STT twice in one appendix: two rows claim one number. */
export const numberingDuplicate: Rule = {
  id: "numbering.duplicate",
  severity: "error",
  description: "The same STT appears twice in an appendix / duplicate number",
  run(ctx) {
    for (const rows of byAppendix(ctx)) {
      const seen = new Map<string, string>();
      for (const r of rows) {
        if (!r.segments) continue;
        const k = r.segments.join(".");
        const first = seen.get(k);
        if (first === undefined) {
          seen.set(k, r.row.indicator.name);
          continue;
        }
        ctx.report(this, { row: r.row, field: "stt" }, {
          vi: `STT ${k} bị trùng (đã dùng cho "${first.slice(0, 50)}").`,
          en: `No. ${k} is used twice (already used for "${first.slice(0, 50)}").`,
        });
      }
    }
  },
};
