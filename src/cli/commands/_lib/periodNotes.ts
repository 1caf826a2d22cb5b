/**
 * What `status` and `report` say about the period they use, before any
 * figure: a KyBaoCao cell that does not name a period (instead of quietly
 * using another), and a period outside the plan's own (refused when it ends
 * before the plan's first period: no path leads there, and every trajectory
 * would be meaningless; noted when it comes after the last one).
 */
import { CliError } from "../../io";
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
 * Refuses a period that ends before the plan's first period, and returns a note for one after its last;
 * null when the period is one of the plan's (or the workbook has no period grid to tell).
 */
export function outsidePlan(reading: WorkbookReading, period: Period): string | null {
  const periods = reading.periods;
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last || periods.some((p) => p.id === period.id)) return null;
  const list = periods.map((p) => p.label).join(", ");
  if (period.year < first.year) {
    throw new CliError(
      `Kỳ ${period.label} nằm trước kế hoạch (kỳ đầu tiên của kế hoạch: ${first.label}): không có lộ trình nào để so sánh. Các kỳ của kế hoạch: ${list}.`,
      `${period.labelEn} comes before the plan (its first period is ${first.labelEn}): there is no path to compare with. The plan's periods: ${list}.`,
      2,
      "period.beforePlan",
    );
  }
  return period.end > last.end
    ? `Lưu ý: kỳ ${period.label} nằm sau kỳ cuối của kế hoạch (${last.label}); kết quả được so với mục tiêu cuối kỳ của kế hoạch. / Note: ${period.labelEn} comes after the plan's last period (${last.labelEn}); results are compared with the plan's final targets.`
    : `Lưu ý: kỳ ${period.label} không phải một kỳ của sổ theo dõi (các kỳ: ${list}); chưa có cột số liệu cho kỳ này. / Note: ${period.labelEn} is not one of the workbook's periods (${list}); it has no column of results.`;
}
