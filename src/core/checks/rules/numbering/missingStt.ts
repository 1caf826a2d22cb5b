import type { Rule } from "../../types";
import { nextStt } from "../../_lib/stt";
import { shortName } from "../../_lib/text";
import { byAppendix } from "./_lib";

/** An indicator row without STT in an appendix whose other rows are numbered. */
export const numberingMissingStt: Rule = {
  id: "numbering.missingStt",
  severity: "warning",
  description: "An indicator row has no STT while its neighbours do / row without a number",
  run(ctx) {
    for (const rows of byAppendix(ctx)) {
      const numbered = rows.filter((r) => r.segments !== null).length;
      if (numbered === 0) continue;
      rows.forEach((r, i) => {
        if (r.segments !== null || r.row.indicator.level !== "indicator") return;
        const prev = rows.slice(0, i).reverse().find((x) => x.segments !== null && x.row.indicator.level === "indicator");
        const guess = prev?.segments ? nextStt(prev.segments) : null;
        const hint = guess ? ` (lẽ ra là ${guess})` : "";
        const hintEn = guess ? ` (expected ${guess})` : "";
        ctx.report(this, { row: r.row, field: "stt" }, {
          vi: `Chỉ tiêu "${shortName(r.row.indicator)}" không có STT${hint}.`,
          en: `Indicator "${shortName(r.row.indicator)}" has no number${hintEn}.`,
        });
      });
    }
  },
};
