/**
 * What the task pane and the ribbon commands need from the outside world, as one
 * small interface. Pane screens receive it through context (src/taskpane/context.ts),
 * so component tests pass a fake; the real pane and the commands pass
 * `createOfficeServices()` (officeServices.ts), which wires the Excel operations
 * and the importers — loaded lazily, so the first JavaScript stays small.
 */
import type { PeriodSummary } from "../core/statusTable";
import type { ResolvedParticulars, TaskRow } from "../core/report";
import type { AgencyGrouping } from "../core/agency";
import type { AgencyCellEdit, SuccessorEdits } from "../core/successorEdits";
import type { Finding, FindingRef, ImportResult } from "../core/model";
import type { CollectReport, Conflict } from "../core/forms";
import type { StatusTable } from "../core/report";
import type { ScanProgress, ScanViews } from "../import/scan";

/** Reports progress of a slow step: a fraction 0..1 or null when unknown. */
export type Progress = (fraction: number | null) => void;

/** The outcome of reading a document: a plan (with the straightened page pictures when it was a scan), or a plain reason it could not be read. */
export type ReadOutcome =
  | { ok: true; result: ImportResult; scan?: ScanViews }
  | { ok: false; message: string; messageEn: string };

/** How a scan's reading reports each page and is stopped. */
export interface ScanReading {
  onProgress: (p: ScanProgress) => void;
  signal: AbortSignal;
}

export interface WriteReport {
  /** The sheet the indicators were written to. */
  sheet: string;
  indicators: number;
}

/** The roles a user's own table can map to columns (header texts). */
export interface ColumnMapping {
  target: string | null;
  result: string | null;
  operator: string | null;
  lead: string | null;
}
export const MAPPING_ROLES = ["target", "result", "operator", "lead"] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];

/** What the highlight screen finds where the user is. */
export type HighlightProbe =
  | { kind: "chitieu"; sheet: string }
  | { kind: "userTable"; sheet: string; address: string; headers: string[]; mapping: ColumnMapping; confident: boolean }
  /** `several`: the selection spans more than one table. */
  | { kind: "none"; several?: boolean };

export interface StatusCounts {
  exceeded: number;
  met: number;
  missed: number;
  atRisk: number;
  noData: number;
  onTrack: number;
}

/** The core's summary of one period (src/core/period/report.ts) and the sheet to open. */
export interface Summary extends PeriodSummary {
  sheet: string;
}

/** What the report is made from: the period's status table and the plan's title, read from the open workbook. */
export interface ReportSource {
  table: StatusTable;
  planTitle: string;
  /** Agencies' explanations by indicator key, and who has not reported (null: no returns collected). */
  explanations: Record<string, string>;
  returns: { pending: string[]; returned: string[] } | null;
  /** The report's particulars from the workbook's "Thông tin báo cáo" sheet (the CLI reads the same); absent: the decree's defaults. */
  particulars?: ResolvedParticulars;
  /** The plan's tasks with the statuses the agencies returned. */
  tasks?: TaskRow[];
}

/** A file the pane hands to the user. */
export interface OfferedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
  /** The same content as separate .xlsx workbooks (a round's forms, one per agency): where no file can be saved (Mac, iPad), each opens in Excel. */
  workbooks?: Array<{ fileName: string; bytes: Uint8Array }>;
}

/** How the file reached the user: a save dialog, the browser's downloads, or opened in Excel as new workbooks (Mac, iPad). */
export type OfferOutcome = "saved" | "downloaded" | "openedAsWorkbooks" | "cancelled";

export interface PaneServices {
  /** Reads a chosen or dropped file (.docx, .pdf, .xlsx, .csv, .txt, and scans: image-only PDFs, .png, .jpg, .tif, read by OCR with progress and cancel). */
  readFile(fileName: string, bytes: Uint8Array, scan?: ScanReading): Promise<ReadOutcome>;
  /** Reads text pasted from a PDF viewer. */
  readText(text: string, fileName: string): Promise<ReadOutcome>;
  /** Whether the open workbook already holds a Chỉ tiêu sheet (then "Cập nhật" merges). */
  hasPlanSheets(): Promise<boolean>;
  /** Writes (create) or merges (update) the plan into the open workbook; all or nothing. */
  writePlan(result: ImportResult, mode: "create" | "update", progress: Progress): Promise<WriteReport>;
  /** Checks the workbook and refreshes its Kiểm tra sheet; findings the planner marked "Đã xem" come back with `seen`. */
  runChecks(): Promise<Finding[]>;
  /** Marks findings (by findingIds) "Đã xem" in the Kiểm tra sheet, or clears the mark. */
  markSeen(ids: string[], seen: boolean): Promise<void>;
  selectCell(ref: FindingRef): Promise<void>;
  probeHighlight(): Promise<HighlightProbe>;
  applyHighlight(probe: HighlightProbe, mapping: ColumnMapping | null): Promise<StatusCounts>;
  /** Counts for a period (an id such as "2023-H1"; without one, the period KyBaoCao shows), per agency grouped by today's body (default) or as the plan writes the leads. */
  summarize(periodId?: string | null, grouping?: AgencyGrouping): Promise<Summary>;
  /** Writes a period's label into KyBaoCao: the Chỉ tiêu sheet then shows that period. */
  setReportPeriod(label: string): Promise<void>;
  /** The lead/coordinating cells naming agencies dissolved by today, with their new text; nothing is written. */
  previewSuccessors(): Promise<SuccessorEdits>;
  /** Writes the cells the planner confirmed, each only if unchanged since the preview. */
  applySuccessors(edits: AgencyCellEdit[]): Promise<{ applied: number; skipped: number }>;
  /** The blank appendix template as .xlsx bytes. */
  template(): Promise<Uint8Array>;
  /**
   * Opens .xlsx bytes as a new workbook in Excel (Excel.createWorkbook, ExcelApi 1.8:
   * Windows, Mac and the web alike, where a download link does not work on Mac).
   */
  openWorkbook(bytes: Uint8Array): Promise<void>;
  /** The reporting periods of the plan in the open workbook (for the forms picker). */
  formPeriods(): Promise<Array<{ id: string; label: string }>>;
  /** One form per reporting agency for a period, and the one file to hand the planner (the form, or a zip of all of them). */
  makeForms(periodId: string): Promise<MadeForms>;
  /** Takes returned forms (several files at once) into the open workbook. */
  collectForms(files: Array<{ name: string; bytes: Uint8Array }>): Promise<CollectReport>;
  /** Conflicts waiting for the planner and agencies that have not returned the latest round. */
  returnsStatus(): Promise<ReturnsStatus>;
  /** "dùng số của đơn vị" (useForm) or "giữ số hiện tại" (keep) for one conflict. */
  resolveConflict(conflict: Conflict, choice: "useForm" | "keep"): Promise<void>;
  /** The status table of the report's period, from the open workbook; null when it holds no Chỉ tiêu table. */
  reportSource(): Promise<ReportSource | null>;
  /** The period report (.docx, Nghị định 30/2020 format) built from a source. */
  createReport(source: ReportSource): Promise<OfferedFile>;
  /** Hands a file to the user in the way the host allows (see report/offerFile.ts). */
  offerFile(file: OfferedFile): Promise<OfferOutcome>;
}

/** A round's forms, and the file they travel in (see formsPackage.ts). */
export interface MadeForms {
  forms: FormFile[];
  file: OfferedFile;
}

export interface FormFile {
  fileName: string;
  agency: string;
  bytes: Uint8Array;
}

export interface ReturnsStatus {
  conflicts: Conflict[];
  pending: string[];
  periodLabel: string | null;
  /** The shown period's due day from Lịch báo cáo (ISO), and each pending agency's days late as of today (issue 25). */
  due?: string | null;
  daysLate?: Record<string, number>;
  /** The next day a report is due (the agencies' or the upward one), on or after today. */
  nextDue?: { period: string; date: string; kind: "agencies" | "upstream"; to: string | null } | null;
}

/** A one-line reason from anything thrown, for the plain-language error messages. */
export function reasonOf(e: unknown, fallback: string, lang: "vi" | "en" = "vi"): string {
  // O's OperationError carries an English sentence alongside the Vietnamese one.
  const english = lang === "en" && typeof e === "object" && e !== null && "messageEn" in e ? String((e as { messageEn: unknown }).messageEn) : "";
  const text = english || (e instanceof Error ? e.message : typeof e === "string" ? e : "");
  const line = text.split("\n")[0]?.trim() ?? "";
  if (!line) return fallback;
  return /[.!?…]$/.test(line) ? line : `${line}.`;
}

/** How many appendices, indicators and tasks a read plan holds (the pane's preview and the write report). */
export function countPlan(result: ImportResult): { appendices: number; indicators: number; tasks: number } {
  let indicators = 0;
  let tasks = 0;
  for (const appendix of result.plan.appendices) {
    for (const indicator of appendix.indicators) {
      if (indicator.level === "indicator") indicators += 1;
      tasks += indicator.tasks.length;
    }
  }
  return { appendices: result.plan.appendices.length, indicators, tasks };
}
