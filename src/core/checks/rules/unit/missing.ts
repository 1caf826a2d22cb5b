import type { Rule } from "../../types";
import { nameSaysPercent, rowLabel, shortName, rowLabelEn } from "../../_lib/text";

/** The name says "Tỷ lệ" or "(%)" but no unit is stated and neither the baseline nor the target carries "%". */
export const unitMissing: Rule = {
  id: "unit.missing",
  severity: "warning",
  description: "No unit although the name says % or Tỷ lệ / missing unit",
  run(ctx) {
    for (const r of ctx.rows) {
      const ind = r.indicator;
      if (ind.level !== "indicator" || r.appendix.kind === "tasks") continue;
      if (ind.unit && ind.unit.trim() !== "") continue;
      if (!nameSaysPercent(ind.name)) continue;
      if (ind.target?.percent && (ind.baseline === null || ind.baseline.percent)) continue;
      // Baseline and target disagreeing on % is unit.mismatch's finding; one finding per row says it.
      if (ind.target && ind.baseline && ind.target.value !== null && ind.baseline.value !== null && ind.target.percent !== ind.baseline.percent) continue;
      ctx.report(this, { row: r, field: "unit" }, {
        vi: `${rowLabel(ind)} "${shortName(ind)}" là tỷ lệ nhưng không ghi đơn vị tính (%).`,
        en: `${rowLabelEn(ind)} "${shortName(ind)}" is a rate but states no unit (%).`,
      });
    }
  },
};
