import type { Rule } from "../../types";
import { sttSegments } from "../../_lib/stt";
import { byAppendix } from "./_lib";

/**
 * A sub-number that does not fit its parent: indicator "4.2" under component
 * "III", or task "6.1" under indicator 7.
 */
export const numberingParentMismatch: Rule = {
  id: "numbering.parentMismatch",
  severity: "warning",
  description: "A sub-number does not fit its parent row / sub-number under the wrong parent",
  run(ctx) {
    for (const rows of byAppendix(ctx)) {
      let component: number[] | null = null;
      for (const r of rows) {
        const ind = r.row.indicator;
        if (ind.level === "component") {
          component = r.segments;
          continue;
        }
        const segs = r.segments;
        if (component && segs && segs.length === component.length + 1 && component.some((v, i) => v !== segs[i])) {
          ctx.report(this, { row: r.row, field: "stt" }, {
            vi: `STT ${segs.join(".")} không thuộc mục ${ind.stt ? component.join(".") : "?"} ngay trên nó.`,
            en: `No. ${segs.join(".")} does not belong to section ${component.join(".")} above it.`,
          });
        }
        if (!segs) continue;
        ind.tasks.forEach((task, index) => {
          const t = sttSegments(task.code);
          if (!t || t.length !== segs.length + 1) return;
          if (segs.every((v, i) => v === t[i])) return;
          ctx.report(this, { row: r.row, task: { task, index }, field: "code" }, {
            vi: `Nhiệm vụ ${t.join(".")} nằm dưới chỉ tiêu STT ${segs.join(".")}.`,
            en: `Task ${t.join(".")} sits under indicator No. ${segs.join(".")}.`,
          });
        });
      }
    }
  },
};
