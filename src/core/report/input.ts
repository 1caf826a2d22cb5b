/**
 * What the report is built from, validated at the boundary (zod): the status
 * table of a period (`statusTable` of src/core/period, the JSON `chitieu
 * status --json` prints; extra fields are ignored), the agencies'
 * explanations and the returns, and the particulars of the issuing office.
 */
import { z } from "zod";

// "exceeded" (Vượt) comes from the judgement rules (issue 19); a table without it is read the same.
const StatusKeySchema = z.enum(["exceeded", "met", "onTrack", "atRisk", "missed", "noData", "none"]);
export type ReportStatusKey = z.infer<typeof StatusKeySchema>;

export const StatusRowSchema = z.object({
  key: z.string(),
  stt: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  target: z
    .object({ op: z.string().nullable(), value: z.number().nullable(), max: z.number().nullable(), year: z.number().nullable() })
    .nullable(),
  expected: z.number().nullable(),
  /** The period's result: a number, or the text typed instead of one (shown as typed). */
  result: z.union([z.number(), z.string()]).nullable(),
  status: StatusKeySchema,
  /** result ÷ target × 100, or null without a result. */
  percentOfPlan: z.number().nullable(),
  lead: z.array(z.string()),
  /** Values of a percent indicator are fractions (92 % is 0.92), as in the workbook's cells. */
  percent: z.boolean().optional(),
  /** The same period a year earlier ("cùng kỳ"), when the history holds it (issue 20). */
  previous: z
    .object({
      /** "2024-H1", or { id, label } as the status table gives it. */
      period: z.union([z.string(), z.object({ id: z.string(), label: z.string() })]),
      value: z.union([z.number(), z.string()]).nullable(),
      nature: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  /** result ÷ same period last year × 100. */
  percentOfPrevious: z.number().nullable().optional(),
  /** "estimate" | "preliminary" | "official": whether the period's figure is ước, sơ bộ or chính thức. */
  nature: z.string().nullable().optional(),
  /** "Ước cả năm" of a 6- or 9-month report. */
  fullYearEstimate: z
    .union([z.number(), z.object({ value: z.union([z.number(), z.string()]).nullable(), status: z.string().optional(), statusLabel: z.string().optional() })])
    .nullable()
    .optional(),
  /** Keys of rows in other appendices that restate this indicator (counted once, here). */
  restatedAs: z.array(z.object({ key: z.string(), stt: z.string().nullable(), appendix: z.string() })).optional(),
});
export type StatusRow = z.infer<typeof StatusRowSchema>;

export const StatusTableSchema = z.object({
  period: z.object({ id: z.string(), label: z.string(), end: z.string() }),
  indicators: z.array(StatusRowSchema),
});
export type StatusTable = z.infer<typeof StatusTableSchema>;

const TaskRowSchema = z.object({
  text: z.string(),
  lead: z.array(z.string()),
  deadline: z.string().nullable(),
  /** The deadline's last day (ISO), when it is a date. */
  due: z.string().nullable(),
  status: z.string().nullable(),
  note: z.string().nullable(),
});
export type TaskRow = z.infer<typeof TaskRowSchema>;

export const ReportContextSchema = z.object({
  plan: z.object({
    title: z.string(),
    number: z.string().nullable(),
    /** "14/3/2025" (or "tháng 7/2023" when the plan left the day blank). */
    date: z.string().nullable().optional(),
    /** "UBND tỉnh Bắc Giang": who issued the plan. */
    issuer: z.string().nullable().optional(),
  }),
  /** "Bắc Giang". */
  province: z.string().nullable().optional(),
  /** "Kính gửi": the body a department reports to. */
  addressee: z.string().nullable().optional(),
  /** The plan's tasks with the statuses the agencies returned (section "Tình hình thực hiện nhiệm vụ"). */
  tasks: z.array(TaskRowSchema).optional(),
  /** The issuing body, e.g. "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG" or "SỞ KẾ HOẠCH VÀ ĐẦU TƯ". */
  issuer: z.string(),
  /** The superior body above a department ("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG"); null for the People's Committee itself. */
  parentBody: z.string().nullable(),
  /** The symbol after the number ("BC-UBND"). */
  symbol: z.string(),
  /** The place in the date line ("Bắc Giang"); null leaves a dotted gap to fill. */
  place: z.string().nullable(),
  /** ISO date of the report. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Agencies' explanations ("Giải trình") by indicator key, from the collected returns. */
  explanations: z.record(z.string(), z.string()),
  /** Which agencies have returned their form for this period; null when the workbook holds no returns data. */
  returns: z.object({ pending: z.array(z.string()), returned: z.array(z.string()) }).nullable(),
  recipients: z.array(z.string()).optional(),
  signature: z.object({ authority: z.array(z.string()), signer: z.string().nullable() }).optional(),
});
export type ReportContext = z.infer<typeof ReportContextSchema>;
