/** Shared by the schedule rules: the sentence a due date was read from, and days as planners write them. */
import type { ReportingSchedule } from "../../../model";

export const SCHEDULE_APPENDIX = "Lịch báo cáo";

export const viDay = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The sentence of the plan that states `raw` ("trước ngày 15/6"), shortened for a message; the phrase itself otherwise. */
export function sentenceOf(schedule: ReportingSchedule, raw: string | undefined): string {
  const s = raw ? schedule.sentences?.find((x) => x.includes(raw)) : schedule.sentences?.[0];
  const text = (s ?? raw ?? "").replace(/\s+/g, " ").trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
