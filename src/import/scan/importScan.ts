/**
 * Scans inside `importFile`: an image-only PDF, the scanned pages of a mixed
 * PDF, or a picture file, read by OCR into a RawDocument, then checked once
 * more after the core has read it: an agency the directory does not know, on
 * a scanned page, is as likely a misreading as a new agency, so it is said.
 * Loaded by a dynamic import, only when a scan is met.
 */
import type { RawTable } from "../../core/import/rawTable";
import type { ImportResult, ImportWarning } from "../../core/model";
import { ImportFileError } from "../_lib/errors";
import type { ReadDocument } from "../_lib/types";
import { decodePicture } from "./_lib/decode";
import { pdfPageImages } from "./_lib/pdfImages";
import type { ScanPage } from "./_lib/pdfImages";
import { ScanCancelled, readScan } from ".";
import type { ScanProgress, ScanViews } from ".";
import type { Recognizer } from "./ocr";

export interface OcrRun {
  /** Makes the recogniser (the caller knows where the model lives); it is terminated when the file is read. */
  recognizer: () => Promise<Recognizer>;
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

/** The pictures of the listed PDF pages (all when null) or of a picture file, read into tables. */
export async function scanDocument(source: { pdf: Uint8Array; pages: number[] | null } | { picture: Uint8Array }, file: string, ocr: OcrRun): Promise<{ doc: ReadDocument; views: ScanViews }> {
  const pages: ScanPage[] = "pdf" in source
    ? await pdfPageImages(source.pdf, source.pages ?? undefined)
    : (await decodePicture(source.picture)).map((p, i) => ({ page: i + 1, image: p.image, dpi: p.dpi }));
  if (pages.length === 0) throw new ImportFileError("pdfScanned");
  if (ocr.signal?.aborted) throw new ImportFileError("scanCancelled");
  const recognizer = await ocr.recognizer();
  try {
    const read = await readScan(pages, file, { recognizer, ...(ocr.onProgress ? { onProgress: ocr.onProgress } : {}), ...(ocr.signal ? { signal: ocr.signal } : {}) });
    if (read.doc.tables.length === 0) throw new ImportFileError("scanNoTable", { pages: pages.map((p) => p.page).join(", ") });
    return read;
  } catch (e) {
    if (e instanceof ScanCancelled) throw new ImportFileError("scanCancelled");
    throw e;
  } finally {
    await recognizer.terminate();
  }
}

/** The text pages' tables and the scanned pages' tables in page order, with both readers' warnings. */
export function mergeDocuments(text: ReadDocument, scan: ReadDocument): ReadDocument {
  const pageOf = (t: RawTable): number => t.source.page ?? 0;
  return {
    ...text,
    bodyText: [text.bodyText, scan.bodyText].filter((s) => s.trim() !== "").join("\n"),
    tables: [...text.tables, ...scan.tables].sort((a, b) => pageOf(a) - pageOf(b)),
    warnings: [...text.warnings, ...scan.warnings],
  };
}

/**
 * Warnings about what the core read from scanned pages that a misreading may
 * explain: agencies not in the directory.
 */
export function scanChecks(result: ImportResult, scannedPages: Set<number>): ImportResult {
  const extra: ImportWarning[] = [];
  for (const appendix of result.plan.appendices) {
    for (const ind of appendix.indicators) {
      const page = ind.source.page;
      if (page === undefined || !scannedPages.has(page)) continue;
      for (const [column, list] of [["lead", ind.lead], ["coordinating", ind.coordinating]] as const) {
        for (const a of list) {
          if (a.kind !== "unknown") continue;
          extra.push({
            code: "scan.unknownAgency",
            message: `Trang ${page}, dòng ${ind.source.row ?? "?"}: đơn vị "${a.raw}" không có trong danh mục — có thể nhận dạng sai, hãy so với bản quét.`,
            messageEn: `Page ${page}, row ${ind.source.row ?? "?"}: agency "${a.raw}" is not in the directory — possibly misread; compare with the scan.`,
            ref: { ...ind.source, column },
          });
        }
      }
    }
  }
  return extra.length ? { ...result, warnings: [...result.warnings, ...extra] } : result;
}
