/**
 * The domain model of Chỉ tiêu. The zod schemas are the types: every boundary
 * (files, workbook read-back, CLI JSON) validates against them, and the
 * TypeScript types are inferred from them so the two can never drift apart.
 *
 * Every parsed value keeps the text it was parsed from (`raw`), because the
 * importers are faithful: the checks judge the source, so the source must stay.
 */
import { z } from "zod";

/** Where a value came from in the source document. All fields optional: a text paste has lines, a .docx has table rows. */
export const SourceRefSchema = z.object({
  file: z.string().optional(),
  appendix: z.string().optional(),
  /** 1-based row inside the source table (header rows excluded). */
  row: z.number().int().optional(),
  /** 1-based line in a text source. */
  line: z.number().int().optional(),
  /** Column role or header text. */
  column: z.string().optional(),
  page: z.number().int().optional(),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

export const TargetOpSchema = z.enum([">=", "<=", ">", "<", "=", "~", "range"]);
export type TargetOp = z.infer<typeof TargetOpSchema>;

/** A number read from text: "6,35", "12.76", "80,00%", "2.200.000". */
export const ParsedNumberSchema = z.object({
  value: z.number(),
  /** The text carried a % sign (value is in percent points: "92,0%" → 92). */
  percent: z.boolean(),
  raw: z.string(),
});
export type ParsedNumber = z.infer<typeof ParsedNumberSchema>;

/** The nature of a figure: Ước thực hiện (estimate), Sơ bộ (preliminary), Chính thức (official). */
export const NatureSchema = z.enum(["estimate", "preliminary", "official"]);
export type Nature = z.infer<typeof NatureSchema>;
/** How planners write a nature: "Ước thực hiện" / "Sơ bộ" / "Chính thức". */
export const NATURE_LABEL: Record<Nature, { vi: string; en: string; short: string }> = {
  estimate: { vi: "Ước thực hiện", en: "Estimate", short: "ước" },
  preliminary: { vi: "Sơ bộ", en: "Preliminary", short: "sơ bộ" },
  official: { vi: "Chính thức", en: "Official", short: "chính thức" },
};

/**
 * The nature a planner wrote or picked: the labels in either language, or the short "ước" / "sơ bộ"; null otherwise.
 * @example natureFromLabel("Ước thực hiện") // "estimate"
 */
export function natureFromLabel(text: unknown): Nature | null {
  if (typeof text !== "string") return null;
  const t = text.trim().toLocaleLowerCase("vi");
  for (const [k, l] of Object.entries(NATURE_LABEL) as Array<[Nature, (typeof NATURE_LABEL)[Nature]]>) {
    if (t === l.vi.toLocaleLowerCase("vi") || t === l.en.toLocaleLowerCase("en") || t === l.short) return k;
  }
  return t === "ước tính" || t === "ước" ? "estimate" : null;
}

export const BaselineSchema = z.object({
  value: z.number().nullable(),
  percent: z.boolean(),
  year: z.number().int().nullable(),
  raw: z.string(),
  /** Whether the baseline is an estimate or an official figure, when its column says so. */
  nature: NatureSchema.nullable().optional(),
});
export type Baseline = z.infer<typeof BaselineSchema>;

export const RankSchema = z.object({
  value: z.number().int().nullable(),
  /** "04/63" → of 63. */
  of: z.number().int().nullable(),
  raw: z.string(),
});
export type Rank = z.infer<typeof RankSchema>;

/**
 * A target stated relative to a base year's figure: "tăng 12 % so với năm
 * 2025" (increase 12), "giảm 10 % so với năm 2025" (decrease 10), "gấp 1,6
 * lần năm 2025" (multiple 1.6). The target's value is the figure it resolves
 * to, in the indicator's own unit (null until a base is known).
 */
export const RelativeTargetSchema = z.object({
  change: z.enum(["increase", "decrease", "multiple"]),
  /** Percent for increase/decrease (12 for "12 %"), the factor for a multiple. */
  by: z.number(),
  /** The base year named ("so với năm 2025"); null for "so với cùng kỳ" or none (the year before the target's). */
  baseYear: z.number().int().nullable(),
  /** The base figure the value was computed from, once resolved. */
  base: z.number().nullable(),
});
export type RelativeTarget = z.infer<typeof RelativeTargetSchema>;

/**
 * A target. `kind` says what the number measures: the indicator's value,
 * its rank ("xếp thứ hạng 04/63"), or a top-N group ("nằm trong tốp 10").
 * `op` is null with a `value` for a bare number ("78"): at least, or at most
 * when lower is better; null with no value when the text could not be read.
 */
export const TargetSchema = z.object({
  op: TargetOpSchema.nullable(),
  value: z.number().nullable(),
  /** Upper bound of a range; null otherwise. */
  max: z.number().nullable(),
  percent: z.boolean(),
  year: z.number().int().nullable(),
  kind: z.enum(["value", "rank", "top"]),
  /** "04/63" → 63 for rank targets. */
  of: z.number().int().nullable(),
  /** Unit words that followed the number ("điểm", "%/năm", "tỷ đồng"), if any. */
  unit: z.string().nullable(),
  raw: z.string(),
  /** Set when the text states the target relative to a base year (see RelativeTargetSchema). */
  relative: RelativeTargetSchema.optional(),
});
export type Target = z.infer<typeof TargetSchema>;

export const AgencySchema = z.object({
  /** Canonical full name ("Sở Kế hoạch và Đầu tư") or the group's label ("Các sở, ngành"). */
  name: z.string(),
  raw: z.string(),
  /** agency: a directory entry; group: a catch-all ("các đơn vị liên quan"); unknown: not in the directory. */
  kind: z.enum(["agency", "group", "unknown"]),
  /** Role text dropped from the name: "ĐV đầu mối", "đôn đốc, hướng dẫn". */
  note: z.string().optional(),
});
export type Agency = z.infer<typeof AgencySchema>;

const deadlineBase = {
  raw: z.string(),
  /** Words that qualified the deadline: "(Sau khi văn bản ban hành)". */
  note: z.string().optional(),
  /** Earliest and latest day the deadline covers, ISO yyyy-mm-dd, when derivable. */
  start: z.string().nullable(),
  end: z.string().nullable(),
};
export const DeadlineSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ongoing"), ...deadlineBase }),
  z.object({ kind: z.literal("annual"), ...deadlineBase }),
  z.object({ kind: z.literal("byDate"), date: z.string(), ...deadlineBase }),
  z.object({ kind: z.literal("month"), year: z.number().int(), month: z.number().int(), ...deadlineBase }),
  z.object({ kind: z.literal("quarters"), year: z.number().int().nullable(), quarters: z.array(z.number().int()), ...deadlineBase }),
  z.object({ kind: z.literal("event"), ...deadlineBase }),
  z.object({ kind: z.literal("text"), ...deadlineBase }),
]);
export type Deadline = z.infer<typeof DeadlineSchema>;

export const TaskSchema = z.object({
  code: z.string().nullable(),
  text: z.string(),
  lead: z.array(AgencySchema),
  coordinating: z.array(AgencySchema),
  deadline: DeadlineSchema.nullable(),
  source: SourceRefSchema,
});
export type Task = z.infer<typeof TaskSchema>;

/**
 * One figure of the history an appendix carries before its target column:
 * a result ("Thực hiện năm 2024", official), an estimate ("Ước thực hiện
 * năm 2025"), an earlier plan's target ("Năm 2025: Kế hoạch") or the
 * document's own comparison ("So sánh (%)").
 */
export const HistoryFigureSchema = z.object({
  kind: z.enum(["actual", "estimate", "plan", "compare"]),
  /** First and last year covered: one year, or a plan period (2021-2025); null for a comparison. */
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  value: z.number().nullable(),
  /** Upper bound when an earlier target was a range ("6,6-6,8"). */
  max: z.number().nullable(),
  percent: z.boolean(),
  nature: NatureSchema.nullable(),
  raw: z.string(),
  /** The column's header as found. */
  column: z.string(),
});
export type HistoryFigure = z.infer<typeof HistoryFigureSchema>;

export const IndicatorSchema = z.object({
  /** Stable key used to merge re-imports: appendix id + code, or + normalised name. */
  key: z.string(),
  stt: z.string().nullable(),
  /** The indicator's own code: "3.1", or the PII code "1.1.1" from "Chỉ số: 1.1.1. …". */
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  baseline: BaselineSchema.nullable(),
  rank: RankSchema.nullable(),
  target: TargetSchema.nullable(),
  lowerIsBetter: z.boolean(),
  /** A component row ("III  CSTP 3: TÍNH MINH BẠCH") groups the indicators below it. */
  level: z.enum(["component", "indicator"]),
  lead: z.array(AgencySchema),
  coordinating: z.array(AgencySchema),
  deadline: DeadlineSchema.nullable(),
  tasks: z.array(TaskSchema),
  /** Cells of columns the importer could not place, by header text. Kept, never dropped. */
  extra: z.record(z.string(), z.string()),
  /** Earlier years' figures from the appendix (results, estimates, earlier targets, comparisons), in column order. */
  history: z.array(HistoryFigureSchema).optional(),
  source: SourceRefSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const AppendixSchema = z.object({
  id: z.string(),
  /** "Phụ lục I — PHÂN CÔNG ĐƠN VỊ CHỦ TRÌ …" */
  title: z.string(),
  /** indicators: a table of indicators; tasks: tasks grouped by indicator; body: targets found in the plan's text. */
  kind: z.enum(["indicators", "tasks", "body"]),
  /** Header texts as found, in order. */
  headers: z.array(z.string()),
  indicators: z.array(IndicatorSchema),
  source: SourceRefSchema,
});
export type Appendix = z.infer<typeof AppendixSchema>;

/** A reporting round (kỳ báo cáo) a plan sets: quý, 6 tháng, 9 tháng, năm. */
export const ReportingRoundSchema = z.enum(["quarter", "half", "nineMonths", "year"]);
export type ReportingRound = z.infer<typeof ReportingRoundSchema>;

/** One round's due date, resolved for one period: { period: "2025-H1", date: "2025-06-10" }. */
export const ReportingDueSchema = z.object({
  /** Period id ("2025-H1", "2023-Q3", "2025"). */
  period: z.string(),
  /** ISO day the report is due ("trước ngày 10 tháng 6" → the 10th). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The words it was read from ("trước ngày 02 của tháng đầu tiên quý tiếp theo"); absent when typed on Tổng hợp. */
  raw: z.string().optional(),
});
export type ReportingDue = z.infer<typeof ReportingDueSchema>;

/**
 * The reporting schedule a plan sets (issue 25): which rounds the agencies
 * report, by when, to whom (today's body after the 2025 reorganisation, the
 * name as written kept beside it), and the focal agency's own report upward.
 */
export const ReportingScheduleSchema = z.object({
  rounds: z.array(ReportingRoundSchema),
  due: z.array(ReportingDueSchema),
  /** Today's name of the body the agencies report to ("Sở Tài chính" for "Sở Kế hoạch và Đầu tư"); null when not said. */
  to: z.string().nullable(),
  /** The body as the plan writes it. */
  toAsWritten: z.string().nullable().optional(),
  upstream: z.object({
    to: z.string().nullable(),
    toAsWritten: z.string().nullable().optional(),
    due: z.array(ReportingDueSchema),
  }).nullable(),
  /** The sentences the schedule was read from, as written (a finding quotes them). */
  sentences: z.array(z.string()).optional(),
});
export type ReportingSchedule = z.infer<typeof ReportingScheduleSchema>;

export const PlanSchema = z.object({
  title: z.string(),
  issuer: z.string().nullable(),
  /** "370/KH-UBND"; blank numbers in drafts stay null. */
  number: z.string().nullable(),
  /** ISO date when fully known; month-only dates ("tháng 7 năm 2023") give the first of the month with dateRaw kept. */
  date: z.string().nullable(),
  dateRaw: z.string().nullable(),
  /** Years the plan covers ("giai đoạn 2021-2030" → 2021..2030; a yearly plan → that year). */
  period: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
  appendices: z.array(AppendixSchema),
  /** The reporting schedule the text sets; null when it sets none (the workbook then asks for one); absent in plans built before issue 25. */
  reporting: ReportingScheduleSchema.nullable().optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

/** Something the importer noticed: odd, repaired or unplaced. Never silent. */
export const ImportWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  ref: SourceRefSchema,
});
export type ImportWarning = z.infer<typeof ImportWarningSchema>;

/**
 * A text repair (NFC, old font "ð/ñ", lost glyph; in PDFs, runs read by glyph
 * position and combining marks attached to their letter) so the UI can show what changed.
 */
export const RepairSchema = z.object({
  kind: z.enum(["nfc", "oldFont", "lostGlyph", "joinedRuns", "attachedMark"]),
  from: z.string(),
  to: z.string(),
  count: z.number().int(),
});
export type Repair = z.infer<typeof RepairSchema>;

export const ImportResultSchema = z.object({
  plan: PlanSchema,
  warnings: z.array(ImportWarningSchema),
  repairs: z.array(RepairSchema),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;
/** Vietnamese labels of the severities, as shown to planners. */
export const SEVERITY_LABEL_VI: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" };

export const FindingRefSchema = z.object({
  appendix: z.string().optional(),
  stt: z.string().optional(),
  code: z.string().optional(),
  field: z.string().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
  /** The reporting period a finding is about ("2023-H1"), for a period's result. */
  period: z.string().optional(),
});
export type FindingRef = z.infer<typeof FindingRefSchema>;

const FindingNoteSchema = z.object({ vi: z.string(), en: z.string() });

/** One agency a reorganisation finding is about (agency.reorganized): what the plan wrote and what became of it. */
export const AgencyChangeSchema = z.object({
  /** The directory's name of the former agency ("Sở Kế hoạch và Đầu tư"), whatever spelling the plan used. */
  agency: z.string(),
  /** As the plan wrote it ("KH&ĐT"). */
  written: z.string(),
  /** replaced: today's body or bodies; reassign: its level of government ended, nobody is named. */
  status: z.enum(["replaced", "reassign"]),
  /** First day of the change (ISO). */
  since: z.string(),
  successors: z.array(z.string()),
  /** This agency's own legal basis and doubts (a cell naming several agencies carries the union in the finding). */
  basis: FindingNoteSchema.optional(),
  unverified: FindingNoteSchema.optional(),
});
export type AgencyChange = z.infer<typeof AgencyChangeSchema>;

export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  /** One short sentence; the legal basis and the notes, when a rule has them, are apart (basis, notes). */
  message: z.string(),
  messageEn: z.string(),
  ref: FindingRefSchema,
  /** The legal basis, cited once (the Kiểm tra sheet's own column). */
  basis: FindingNoteSchema.optional(),
  /** What the data could not verify, said once. */
  notes: FindingNoteSchema.optional(),
  /** The agencies a reorganisation finding is about, so screens can group findings per agency. */
  changes: z.array(AgencyChangeSchema).optional(),
  /** The planner marked it "Đã xem" in the Kiểm tra sheet (read back from the workbook, never set by a rule). */
  seen: z.boolean().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Statuses computed in the workbook (and mirrored in the core for tests and the pane). */
export const STATUS = {
  exceeded: "Vượt",
  met: "Đạt",
  missed: "Không đạt",
  noData: "Chưa có số liệu",
  atRisk: "Có nguy cơ",
  onTrack: "Đúng tiến độ",
} as const;
export type Status = (typeof STATUS)[keyof typeof STATUS];

export const TASK_STATUS = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"] as const;
