/**
 * Hands a file the pane made (the report, the agencies' forms) to the user. Office.js has no
 * "save as" for an Excel add-in, and hosts differ:
 *
 * - Office on Windows (WebView2) and Office on the web: the browser's download of a Blob URL
 *   works; where the File System Access API is allowed (`showSaveFilePicker`), a real save dialog
 *   is nicer, so it is tried first (cross-origin frames refuse it: then the download is used).
 * - Office on Mac (WKWebView) and on iPad: a Blob link does nothing, no error, no dialog
 *   (WebKit bug 174076; OfficeDev/office-js#3, #2700 "by design", #3385). No document content
 *   ever goes into a URL either: Chromium refuses URLs over 2 MiB, WebKit caps them at 2 MB, and a
 *   URL (fragment included) stays in the browser's history and travels wherever history syncs.
 *   What Excel itself can do there is open a workbook: forms (.xlsx) open as new workbooks through
 *   `Excel.createWorkbook` (ExcelApi 1.8), one per agency, which the planner saves and sends. A
 *   Word report cannot be handed over on these hosts: the planner is told where to make it.
 *
 * Every outcome says what really happened, and a file too large for its path is refused with what
 * to do instead.
 */
import type { OfferedFile, OfferOutcome } from "../../app/services";

export interface OfferHost {
  /** Office.context.diagnostics.platform ("PC", "Mac", "iOS", "OfficeOnline", …), or null outside Office. */
  platform: string | null;
  /** Excel.createWorkbook(base64) (ExcelApi 1.8): opens an .xlsx as a new workbook. */
  openWorkbook: (base64: string) => Promise<void>;
  /** window.showSaveFilePicker when the browser has it. */
  showSaveFilePicker: ((options: { suggestedName: string; types: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>) | null;
  /** The Blob-link download (downloadBlob). */
  download(blob: Blob, fileName: string): void;
}

/** Hosts where a Blob download silently does nothing (WKWebView): Office on Mac and on iPad. */
export const NO_DOWNLOAD_PLATFORMS: ReadonlySet<string> = new Set(["Mac", "iOS"]);

/**
 * Largest workbook handed to Excel.createWorkbook, measured as Excel receives it: the base64 text in the
 * request. Excel on the web refuses requests over 5 MB; the Mac and iPad apps document no limit, so the
 * same one holds everywhere, with half a megabyte of room for the request's own wrapping.
 */
export const OPEN_WORKBOOK_LIMIT_BYTES = 4.5 * 1024 * 1024;

/** The Blob-link download: a temporary object URL clicked through an anchor, then released. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file that cannot be handed over on this host, with what to do instead. */
export class OfferError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = "OfferError";
  }
}

/** Base64 of bytes, in chunks (String.fromCharCode over a whole file overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === "AbortError";
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).replace(".", ",");

/** What the save dialog offers as the file's type: named for the program that opens it, with the file's own extension. */
export function pickerType(file: OfferedFile): { description: string; accept: Record<string, string[]> } {
  const extension = /\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0]?.toLowerCase() ?? "";
  const description = extension === ".docx" ? "Word" : extension === ".xlsx" ? "Excel" : extension === ".zip" ? "Zip" : "Tệp";
  return { description, accept: { [file.mime]: extension ? [extension] : [] } };
}

/**
 * On Mac and iPad: each workbook of the file opens in Excel, or, when one is too large or the file
 * is not a workbook, nothing opens and the error says what to do.
 */
async function openAsWorkbooks(file: OfferedFile, host: OfferHost): Promise<OfferOutcome> {
  const where = host.platform === "iOS" ? { vi: "iPad", en: "iPad" } : { vi: "máy Mac", en: "Mac" };
  const workbooks = file.workbooks ?? (/\.xlsx$/i.test(file.fileName) ? [{ fileName: file.fileName, bytes: file.bytes }] : null);
  if (!workbooks) {
    throw new OfferError(
      `Excel trên ${where.vi} không cho add-in lưu tệp ${file.fileName}. Hãy mở sổ tính này trong Excel trên web (office.com) hoặc Excel trên Windows rồi bấm lại, hoặc dùng lệnh chitieu trên máy tính.`,
      `Excel on ${where.en} does not let add-ins save ${file.fileName}. Open this workbook in Excel on the web (office.com) or Excel on Windows and click again, or use the chitieu command on a computer.`,
    );
  }
  // Measured first, all of them: either every form opens or none does.
  const encoded = workbooks.map((w) => ({ ...w, base64: toBase64(w.bytes) }));
  const tooLarge = encoded.find((w) => w.base64.length > OPEN_WORKBOOK_LIMIT_BYTES);
  if (tooLarge) {
    throw new OfferError(
      `${tooLarge.fileName} quá lớn để Excel mở thành sổ tính mới (${mb(tooLarge.base64.length)} MB khi gửi, giới hạn ${mb(OPEN_WORKBOOK_LIMIT_BYTES)} MB). Hãy tạo biểu mẫu trong Excel trên web hoặc Excel trên Windows, nơi tệp được tải xuống.`,
      `${tooLarge.fileName} is too large for Excel to open as a new workbook (${mb(tooLarge.base64.length)} MB as sent, limit ${mb(OPEN_WORKBOOK_LIMIT_BYTES)} MB). Make the forms in Excel on the web or on Windows, where the file is downloaded.`,
    );
  }
  for (const w of encoded) await host.openWorkbook(w.base64);
  return "openedAsWorkbooks";
}

/**
 * @example
 * await offerFile({ fileName: "bao-cao-nam-2023.docx", mime, bytes }, officeHost()) // "downloaded"
 */
export async function offerFile(file: OfferedFile, host: OfferHost): Promise<OfferOutcome> {
  if (host.platform !== null && NO_DOWNLOAD_PLATFORMS.has(host.platform)) return openAsWorkbooks(file, host);
  const blob = new Blob([file.bytes as BlobPart], { type: file.mime });
  if (host.showSaveFilePicker) {
    try {
      const handle = await host.showSaveFilePicker({ suggestedName: file.fileName, types: [pickerType(file)] });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return "saved";
    } catch (e) {
      if (isAbort(e)) return "cancelled";
      // SecurityError in a cross-origin frame (Office on the web): the download below works there.
    }
  }
  host.download(blob, file.fileName);
  return "downloaded";
}
