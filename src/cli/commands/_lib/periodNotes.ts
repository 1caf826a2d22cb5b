/**
 * What `status` and `report` say about the period they use, before any
 * figure: a KyBaoCao cell that does not name a period (instead of quietly
 * using another), and a period outside the plan's own.
 */
import { DEFINED_NAMES } from "../../../core/layout";
import type { Period } from "../../../core/period";
import type { WorkbookReading, WorkbookSnapshot } from "../../../core/workbook";

/** The line saying KyBaoCao holds something that is not a period, or null. */
export function reportPeriodNote(snapshot: WorkbookSnapshot, reading: WorkbookReading, used: Period | null): string | null {
  const raw = snapshot.names?.[DEFINED_NAMES.reportPeriod];
  if (raw === null || raw === undefined || String(raw).trim() === "" || reading.reportPeriod !== null) return null;
  const text = String(raw).trim().slice(0, 80);
  const instead = used ? `dùng kỳ ${used.label}` : "không có kỳ nào để dùng";
  const insteadEn = used ? `using ${used.labelEn}` : "no period to use";
  return `Lưu ý: ô KyBaoCao ghi "${text}", không phải một kỳ báo cáo (ví dụ "Năm 2023", "6 tháng đầu năm 2023"): ${instead}. Hãy chọn lại kỳ trong ô KyBaoCao, hoặc dùng --period. / Note: the KyBaoCao cell holds "${text}", which is not a reporting period: ${insteadEn}. Choose the period again in that cell, or use --period.`;
}

/**
 * A note for a period that is not one of the plan's own (the workbook's period columns): before its first
 * period (a path from the plan's start cannot be judged there, so its trajectories mean little), after its
 * last (compared with the final targets), or between (no column of results); null for one of the plan's.
 */
export function outsidePlan(reading: WorkbookReading, period: Period): string | null {
  const periods = reading.periods;
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last || periods.some((p) => p.id === period.id)) return null;
  const list = periods.map((p) => p.label).join(", ");
  if (period.end < first.end) {
    return `Lưu ý: kỳ ${period.label} nằm ngoài kế hoạch, trước kỳ đầu tiên của kế hoạch (${first.label}): sổ không có số liệu kỳ này và lộ trình, % so với lộ trình của kỳ này không có ý nghĩa. Các kỳ của kế hoạch: ${list}. / Note: ${period.labelEn} is outside the plan, before its first period (${first.labelEn}): the workbook has no results for it and its path figures mean nothing.`;
  }
  return period.end > last.end
    ? `Lưu ý: kỳ ${period.label} nằm ngoài kế hoạch, sau kỳ cuối (${last.label}); kết quả được so với mục tiêu cuối kỳ của kế hoạch. / Note: ${period.labelEn} is outside the plan, after its last period (${last.labelEn}); results are compared with the plan's final targets.`
    : `Lưu ý: kỳ ${period.label} không phải một kỳ của sổ theo dõi (các kỳ: ${list}); chưa có cột số liệu cho kỳ này. / Note: ${period.labelEn} is not one of the workbook's periods (${list}); it has no column of results.`;
}
