/**
 * Hands a file the pane made (the report, the agencies' forms) to the user. Office.js has no
 * "save as" for an Excel add-in, and hosts differ:
 *
 * - Office on Windows (WebView2) and Office on the web: the browser's
 *   download of a Blob URL works; where the File System Access API is
 *   allowed (`showSaveFilePicker`), a real save dialog is nicer, so it is
 *   tried first (cross-origin frames refuse it: then the download is used).
 * - Office on Mac (WKWebView): a Blob link does nothing, no error, no dialog
 *   (WebKit bug 174076; OfficeDev/office-js#3, #2700 "by design", #3385).
 *   Microsoft's workaround (office-js#3662) is to open a page of our own in
 *   the system browser with `Office.context.ui.openBrowserWindow`
 *   (OpenBrowserWindowApi 1.1) and download from there. The file travels in
 *   the URL's fragment, which browsers never send to a server: nothing
 *   leaves the machine, as with the other paths.
 */
import type { OfferedFile, OfferOutcome } from "../../app/services";

export interface OfferHost {
  /** Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline", …), or null outside Office. */
  platform: string | null;
  /** Office.context.ui.openBrowserWindow when OpenBrowserWindowApi 1.1 is supported. */
  openBrowserWindow: ((url: string) => void) | null;
  /** window.showSaveFilePicker when the browser has it. */
  showSaveFilePicker: ((options: { suggestedName: string; types: Array<{ description: string; accept: Record<string, string[]> }> }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>) | null;
  /** Absolute URL of the pane's download page (download.html beside taskpane.html). */
  downloadPage: string;
  /** The Blob-link download (saveBytes). */
  download(blob: Blob, fileName: string): void;
}

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

/** Bytes as base64url (no padding), safe in a URL fragment. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The download page's URL carrying the file in its fragment. */
export function downloadUrl(page: string, file: OfferedFile): string {
  const params = new URLSearchParams({ name: file.fileName, type: file.mime, data: toBase64Url(file.bytes) });
  return `${page.split("#")[0] ?? page}#${params.toString()}`;
}

const isAbort = (e: unknown): boolean => e instanceof Error && e.name === "AbortError";

/** What the save dialog offers as the file's type: named for the program that opens it, with the file's own extension. */
export function pickerType(file: OfferedFile): { description: string; accept: Record<string, string[]> } {
  const extension = /\.[A-Za-z0-9]+$/.exec(file.fileName)?.[0]?.toLowerCase() ?? "";
  const description = extension === ".docx" ? "Word" : extension === ".xlsx" ? "Excel" : extension === ".zip" ? "Zip" : "Tệp";
  return { description, accept: { [file.mime]: extension ? [extension] : [] } };
}

/**
 * @example
 * await offerFile({ fileName: "bao-cao-nam-2023.docx", mime, bytes }, officeHost()) // "downloaded"
 */
export async function offerFile(file: OfferedFile, host: OfferHost): Promise<OfferOutcome> {
  if (host.platform === "Mac") {
    if (!host.openBrowserWindow) {
      throw new OfferError(
        "Excel trên máy Mac này chưa cho phép add-in lưu tệp. Hãy cập nhật Office, hoặc dùng lệnh chitieu report trên máy tính.",
        "Excel on this Mac does not let add-ins save files. Update Office, or use the chitieu report command.",
      );
    }
    host.openBrowserWindow(downloadUrl(host.downloadPage, file));
    return "openedInBrowser";
  }
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
