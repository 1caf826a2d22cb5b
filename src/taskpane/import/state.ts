/**
 * The import screen as a pure state machine: idle → reading → preview →
 * writing → written, with an error that can appear at any step without losing
 * what was already read (so "Thử lại" never makes the user start over).
 */
import type { ImportResult } from "../../core/model";
import type { WriteReport } from "../../app/services";
import type { ScanProgress, ScanViews } from "../../import/scan";

export type ImportPhase = "idle" | "reading" | "preview" | "writing" | "written";

export interface ImportState {
  phase: ImportPhase;
  fileName: string | null;
  result: ImportResult | null;
  /** A scan's straightened pages and row places, for the preview beside the picture. */
  scan: ScanViews | null;
  /** While a scan is read: the page and cell reached. */
  scanProgress: ScanProgress | null;
  /** Whether the workbook already has Chỉ tiêu sheets, so "Cập nhật" is offered. */
  canUpdate: boolean;
  /** Why Excel could not say whether it has Chỉ tiêu sheets: then neither button is offered, only "Kiểm tra lại". */
  planCheckError: string | null;
  progress: number | null;
  report: WriteReport | null;
  error: string | null;
}

export type ImportAction =
  | { type: "read/start"; fileName: string }
  | { type: "read/ok"; result: ImportResult; canUpdate: boolean; scan?: ScanViews | undefined }
  | { type: "read/progress"; progress: ScanProgress }
  | { type: "planCheck/fail"; error: string }
  | { type: "planCheck/ok"; canUpdate: boolean }
  | { type: "read/fail"; error: string }
  | { type: "write/start" }
  | { type: "write/progress"; fraction: number | null }
  | { type: "write/ok"; report: WriteReport }
  | { type: "write/fail"; error: string }
  | { type: "error/dismiss" }
  | { type: "reset" };

export const initialImportState: ImportState = {
  phase: "idle",
  fileName: null,
  result: null,
  scan: null,
  scanProgress: null,
  canUpdate: false,
  planCheckError: null,
  progress: null,
  report: null,
  error: null,
};

export function importReducer(state: ImportState, action: ImportAction): ImportState {
  switch (action.type) {
    case "read/start":
      return { ...initialImportState, phase: "reading", fileName: action.fileName };
    case "read/ok":
      return { ...state, phase: "preview", result: action.result, scan: action.scan ?? null, scanProgress: null, canUpdate: action.canUpdate, planCheckError: null, error: null };
    case "read/progress":
      return state.phase === "reading" ? { ...state, scanProgress: action.progress } : state;
    case "planCheck/fail":
      // "Tạo bảng" beside existing sheets would add a second, suffixed set: nothing is offered until the check succeeds.
      return { ...state, canUpdate: false, planCheckError: action.error };
    case "planCheck/ok":
      return { ...state, canUpdate: action.canUpdate, planCheckError: null };
    case "read/fail":
      // Nothing was read: back to the start, with the reason shown.
      return { ...initialImportState, error: action.error };
    case "write/start":
      if (!state.result) return state;
      return { ...state, phase: "writing", progress: null, error: null };
    case "write/progress":
      return state.phase === "writing" ? { ...state, progress: action.fraction } : state;
    case "write/ok":
      return { ...state, phase: "written", report: action.report, progress: null, canUpdate: true };
    case "write/fail":
      // The workbook is unchanged (writes are all or nothing): keep the preview so the user can retry.
      return { ...state, phase: "preview", progress: null, error: action.error };
    case "error/dismiss":
      return { ...state, error: null };
    case "reset":
      return initialImportState;
  }
}

/** Extensions the readers accept. */
export const ACCEPTED_EXTENSIONS = [".docx", ".pdf", ".xlsx", ".csv", ".txt", ".png", ".jpg", ".jpeg", ".tif", ".tiff"] as const;

/**
 * Whether a file name has an extension the readers accept.
 *
 * @example
 * isAcceptedFile("Phu luc I.DOCX") // true
 * isAcceptedFile("ke-hoach.doc") // false
 */
export function isAcceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Counts shown in the preview (the same count the write report gives). */
export { countPlan } from "../../app/services";
