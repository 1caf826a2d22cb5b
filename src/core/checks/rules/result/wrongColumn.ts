import type { Rule } from "../../types";
import { LEGACY_INDICATOR_COLUMNS, SHEET_NAMES } from "../../../layout/_lib/columns";
import { parsePeriod } from "../../../period";
import { isoDay, viDate } from "../deadline/_lib";
import { asNumber, isBlank, resultFields } from "./_lib";

/**
 * A result typed in the wrong place: a result for a period that is not over
 * yet (typed in the next round's column), a bare number in Ghi chú while
 * no period has a result, or a number in an old result column ("Kết quả cả
 * năm") kept beside the grid after an in-place update that the grid does not
 * hold (typed there after the migration, so not counted).
 */
export const resultWrongColumn: Rule = {
  id: "result.wrongColumn",
  severity: "warning",
  description: "A result typed in the wrong column / result in wrong column",
  run(ctx) {
    const results = ctx.input.results;
    if (!results) return;
    const today = isoDay(ctx.input.today);
    for (const r of ctx.rows) {
      const ind = r.indicator;
      const res = results.get(ind.key);
      if (!res) continue;
      const who = ind.stt ? `STT ${ind.stt}` : "Chỉ tiêu";
      const whoEn = ind.stt ? `No. ${ind.stt}` : "Indicator";
      const fields = resultFields(res);
      for (const { field, period, value } of fields) {
        if (isBlank(value) || today >= period.end) continue;
        ctx.report(this, { row: r, field }, {
          vi: `${who}: đã nhập kết quả cho kỳ "${period.label}" khi kỳ chưa kết thúc (${viDate(period.end)}) — có nhập nhầm cột?`,
          en: `${whoEn}: a result is entered for "${period.labelEn}" before the period is over (${period.end}) — wrong column?`,
        });
      }
      for (const old of res.legacy ?? []) {
        const period = parsePeriod(old.period);
        // Migrated: the grid holds the same value for its period.
        if (isBlank(old.value) || !period || res.periods[period.id] === old.value) continue;
        const column = LEGACY_INDICATOR_COLUMNS.find((c) => c.key === old.field);
        ctx.report(this, { row: r, field: old.field }, {
          vi: `${who}: số "${String(old.value)}" ở cột cũ "${column?.vi ?? old.field}" không được tính — kết quả ${period.label} nhập ở sheet "${SHEET_NAMES.vi.results}".`,
          en: `${whoEn}: "${String(old.value)}" in the old column "${column?.en ?? old.field}" is not counted — enter the result for ${period.labelEn} on the "${SHEET_NAMES.en.results}" sheet.`,
        });
      }
      const none = fields.every((f) => isBlank(f.value));
      if (typeof res.note !== "undefined" && none && !isBlank(res.note) && asNumber(res.note) !== null) {
        ctx.report(this, { row: r, field: "note" }, {
          vi: `${who}: Ghi chú chứa số "${String(res.note)}" trong khi chưa có kết quả — có nhập nhầm cột?`,
          en: `${whoEn}: the note holds the number "${String(res.note)}" while no result is entered — wrong column?`,
        });
      }
    }
  },
};
