import type { Rule } from "../../types";
import { fmt, fmtEn, rowLabel, rowLabelEn } from "../../_lib/text";
import { isIndicator } from "./_lib";

/** Growth rates ("%/năm") may exceed 100; shares and rates of completion may not. */
function isShare(unit: string | null, targetUnit: string | null): boolean {
  const u = `${unit ?? ""} ${targetUnit ?? ""}`;
  return !/%\s*\/|tăng|tốc độ/iu.test(u);
}

/** A percent target (or baseline) above 100% for a share. */
export const targetPercentOver100: Rule = {
  id: "target.percentOver100",
  severity: "error",
  description: "A percentage above 100% / percent above 100",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (!isIndicator(ind) || /tốc độ|tăng trưởng/iu.test(ind.name)) continue;
      const unitPercent = (ind.unit ?? "").trim().startsWith("%");
      const t = ind.target;
      if (t && t.value !== null && t.kind === "value" && (t.percent || unitPercent) && isShare(ind.unit, t.unit)) {
        const v = Math.max(t.value, t.max ?? t.value);
        if (v > 100) {
          ctx.report(this, { row: r, field: "target" }, {
            vi: `${rowLabel(ind)}: mục tiêu ${fmt(v, true)} vượt 100%.`,
            en: `${rowLabelEn(ind)}: the target ${fmtEn(v, true)} exceeds 100%.`,
          });
        }
      }
      const b = ind.baseline;
      if (b && b.value !== null && (b.percent || unitPercent) && b.value > 100 && isShare(ind.unit, null)) {
        ctx.report(this, { row: r, field: "baseline" }, {
          vi: `${rowLabel(ind)}: giá trị gốc ${fmt(b.value, true)} vượt 100%.`,
          en: `${rowLabelEn(ind)}: the baseline ${fmtEn(b.value, true)} exceeds 100%.`,
        });
      }
    }
  },
};
