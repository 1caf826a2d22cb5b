/**
 * `importFile`: any appendix file → the core model, or a plain reason why not.
 *
 * The format is decided by the bytes first (zip "PK" holding word/ or xl/,
 * "%PDF", text), the extension only breaks ties, so a .docx that is really a
 * PDF still reads. Size is checked before any parsing. This module imports
 * jszip; exceljs loads when a spreadsheet is read and pdfjs on the first PDF,
 * so reading a .docx loads neither. The task pane should load this module with
 * a dynamic `import()` so its first screen does not carry them. Never throws:
 * every failure is `{ ok: false, error }` with a stable code and a Vietnamese
 * and an English message.
 */
import JSZip from "jszip";
import { documentToPlan } from "../core/import/document";
import { importText } from "../core/import/text";
import type { ImportResult, ImportWarning, Repair } from "../core/model";
import { ImportFileError } from "./_lib/errors";
import { MAX_IMPORT_BYTES } from "./_lib/limits";
import { bomEncoding, decodeTextBytes } from "./_lib/encoding";
import type { ReadDocument } from "./_lib/types";
import { readDocx } from "./docx";
import { readPdf } from "./pdf";
import { configurePdfWorker as configureWorker } from "./pdf/_lib/pdfjs";
import type { OcrRun } from "./scan/importScan";
import type { ScanViews } from "./scan";

export { ImportFileError } from "./_lib/errors";
export type { ReadDocument } from "./_lib/types";

/**
 * Tells the PDF reader where the browser finds pdf.worker.js (the task pane
 * calls this once); Node needs nothing. Does not load pdfjs by itself.
 *
 * @example
 * configurePdfWorker({ workerSrc: "pdf.worker.min.js" });
 */
export function configurePdfWorker(options: { workerSrc?: string; workerPort?: unknown }): void {
  configureWorker(options);
}

export type ImportOutcome = { ok: true; result: ImportResult; scan?: ScanViews } | { ok: false; error: { code: string; message: string; messageEn: string } };

export type { OcrRun } from "./scan/importScan";
export type { ScanProgress, ScanViews, Recognizer, OcrSetup } from "./scan";

export interface ImportOptions {
  /** Reads scans (image-only PDFs, scanned pages, .png/.jpg/.tif) by OCR; without it a scan is refused with a message saying so. */
  ocr?: OcrRun;
}

export { MAX_IMPORT_BYTES, isTooLargeToImport } from "./_lib/limits";

type Format = "docx" | "xlsx" | "pdf" | "csv" | "text" | "picture";

/**
 * Imports an appendix file (.docx, .pdf, .xlsx, .csv, .txt; scans and .png/.jpg/.tif pages with `options.ocr`).
 *
 * @example
 * const outcome = await importFile("ke-hoach.docx", bytes);
 * if (outcome.ok) outcome.result.plan.appendices[0].indicators;
 * else showError(outcome.error.message); // "Định dạng không được hỗ trợ: …"
 */
export async function importFile(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  try {
    if (bytes.length === 0) throw new ImportFileError("empty");
    if (bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError("tooLarge", { limit: MAX_IMPORT_BYTES / 1024 / 1024 });
    const format = await detectFormat(fileName, bytes);
    let pdf: ReadDocument | null = null;
    if (format === "picture" || format === "pdf") {
      const scanned = await importScanned(format, fileName, bytes, options.ocr);
      if ("result" in scanned) {
        if (!hasContent(scanned.result)) throw new ImportFileError("noTable");
        return { ok: true, ...scanned };
      }
      pdf = scanned.text;
    }
    const result = format === "text" ? importText(decodeText(bytes), fileName) : pdf ? fromDocument("pdf", pdf) : await importDocument(format as Exclude<Format, "text" | "picture">, fileName, bytes);
    if (!hasContent(result)) throw new ImportFileError("noTable");
    return { ok: true, result };
  } catch (e) {
    // Every message names the file it is about, as a planner may import several.
    const named = (m: string): string => (fileName && !m.startsWith(`${fileName}:`) ? `${fileName}: ${m}` : m);
    if (e instanceof ImportFileError) return { ok: false, error: { code: e.code, message: named(e.messageVi), messageEn: named(e.messageEn) } };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: "import.failed", message: named(`Không đọc được tệp: ${detail}`), messageEn: named(`The file could not be read: ${detail}`) } };
  }
}

/**
 * A picture, an image-only PDF or a PDF with scanned pages, read by OCR when
 * the caller gave a recogniser; null when the file is not a scan at all (the
 * ordinary readers take it). A PDF's text pages are read as always, its
 * scanned pages by OCR, and their tables go to the core together.
 */
async function importScanned(format: "picture" | "pdf", fileName: string, bytes: Uint8Array, ocr: ImportOptions["ocr"]): Promise<{ result: ImportResult; scan: ScanViews } | { text: ReadDocument | null }> {
  const pictureKind = format === "picture" ? (bytes[0] === 0x89 ? "PNG" : bytes[0] === 0xff ? "JPEG" : "TIFF") : "";
  if (format === "picture" && !ocr) throw new ImportFileError("pictureNeedsOcr", { format: pictureKind });
  let text: ReadDocument | null = null;
  if (format === "pdf") {
    try {
      text = await readPdf(bytes, fileName);
    } catch (e) {
      if (!(e instanceof ImportFileError && e.code === "pdf.scanned") || !ocr) throw e;
    }
    // No scanned page: the PDF as read is handed back, so it is not read twice.
    if (text && !text.scannedPages?.length) return { text };
    if (text && !ocr) {
      // Without OCR the text pages still import; the scanned ones are named, never silently dropped.
      const pages = text.scannedPages!.join(", ");
      text.warnings.push({ code: "pdf.scannedPagesSkipped", message: `Trang ${pages} là ảnh quét, chưa được đọc (cần nhận dạng chữ).`, messageEn: `Page(s) ${pages} are scanned pictures and were not read (text recognition needed).`, ref: { file: fileName } });
      return { text };
    }
  }
  const { scanDocument, mergeDocuments, scanChecks } = await import("./scan/importScan");
  const source = format === "picture" ? { picture: bytes } : { pdf: bytes, pages: text?.scannedPages ?? null };
  const read = await scanDocument(source, fileName, ocr!);
  const doc = text ? mergeDocuments(text, read.doc) : read.doc;
  const scannedPages = new Set(read.views.pages.map((p) => p.page));
  return { result: scanChecks(documentToPlan(doc), scannedPages), scan: read.views };
}

async function importDocument(format: Exclude<Format, "text" | "picture">, fileName: string, bytes: Uint8Array): Promise<ImportResult> {
  return fromDocument(format, await readDocument(format, fileName, bytes));
}

function fromDocument(format: Exclude<Format, "text" | "picture">, doc: ReadDocument): ImportResult {
  const fileName = doc.file;
  // A PDF whose tables have no borders: read its text the way text pasted from a viewer is read.
  if (format === "pdf" && doc.tables.length === 0 && doc.bodyText.trim() !== "") return withWarnings(importText(doc.bodyText, fileName), doc.warnings, doc.repairs ?? []);
  // documentToPlan carries the reader's warnings (RawDocument.warnings) into the result itself.
  return documentToPlan(doc);
}

/** Reads a file into a RawDocument with the reader its format needs. */
export async function readDocument(format: Exclude<Format, "text" | "picture">, fileName: string, bytes: Uint8Array): Promise<ReadDocument> {
  switch (format) {
    case "docx":
      return readDocx(bytes, fileName);
    case "pdf":
      return readPdf(bytes, fileName);
    case "xlsx":
      return (await import("./spreadsheet")).readSpreadsheet(bytes, fileName.replace(/\.csv$/i, ".xlsx"));
    case "csv":
      return (await import("./spreadsheet")).readSpreadsheet(bytes, /\.csv$/i.test(fileName) ? fileName : `${fileName}.csv`);
  }
}

/** The reader's own warnings and repairs (a PDF's glyph-level ones) ahead of the text importer's. */
function withWarnings(result: ImportResult, readerWarnings: ImportWarning[], readerRepairs: Repair[] = []): ImportResult {
  if (readerWarnings.length === 0 && readerRepairs.length === 0) return result;
  return { ...result, warnings: [...readerWarnings, ...result.warnings], repairs: [...readerRepairs, ...result.repairs] };
}

function hasContent(result: ImportResult): boolean {
  return result.plan.appendices.some((a) => a.indicators.length > 0);
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** What the bytes are; the extension decides only between text kinds (csv vs txt). */
export async function detectFormat(fileName: string, bytes: Uint8Array): Promise<Format> {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? "").toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf"; // %PDF
  if (startsWith(bytes, [0x50, 0x4b])) return zipFormat(bytes, ext); // PK
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    // OLE: an old .doc/.xls, or a password-protected .docx/.xlsx (Office encrypts into the same container).
    if (/^docx?$/.test(ext)) throw new ImportFileError("legacyDoc");
    if (/^xlsx?$/.test(ext)) throw new ImportFileError("legacyXls");
    throw new ImportFileError("legacyOffice");
  }
  // A page photographed or scanned into a picture file.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "picture";
  // A PDF may carry junk before its header (up to 1 KB is allowed).
  if (indexOf(bytes.subarray(0, 1024), [0x25, 0x50, 0x44, 0x46, 0x2d]) >= 0) return "pdf";
  // UTF-16 text is full of NUL bytes: its BOM says it is text before the binary check looks.
  const utf16 = bomEncoding(bytes)?.startsWith("utf-16") ?? false;
  if (!utf16 && isBinary(bytes)) throw new ImportFileError(["txt", "csv", "tsv", "text", ""].includes(ext) ? "binaryText" : "unsupported");
  if (!["txt", "csv", "tsv", "text", "md", ""].includes(ext) && ["docx", "xlsx", "pdf", "doc", "xls"].includes(ext)) {
    throw new ImportFileError("corrupt", { detail: `.${ext}` });
  }
  if (!["txt", "csv", "tsv", "text", "md", ""].includes(ext)) throw new ImportFileError("unsupported");
  return ext === "csv" || ext === "tsv" ? "csv" : "text";
}

async function zipFormat(bytes: Uint8Array, ext: string): Promise<Format> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportFileError("corrupt", { detail: "zip" });
  }
  if (zip.file("word/document.xml")) return "docx";
  if (zip.file("xl/workbook.xml")) return "xlsx";
  // A Word or Excel package that lost its main part is damaged, not of another format.
  const names = Object.keys(zip.files);
  if (ext === "docx" || names.some((n) => n.startsWith("word/"))) throw new ImportFileError("damagedDocx", { part: "word/document.xml" });
  if (ext === "xlsx" || names.some((n) => n.startsWith("xl/"))) throw new ImportFileError("damagedXlsx", { part: "xl/workbook.xml" });
  throw new ImportFileError("unsupported");
}

function indexOf(hay: Uint8Array, needle: number[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Binary, not text: NUL bytes or many control characters in the first 8 KB, or
 * bytes that are neither UTF-8 nor plausible single-byte text.
 */
function isBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length * 0.02;
}

/** UTF-8, UTF-16 with BOM, or (not UTF-8 at all) code page 1258 of older Vietnamese exports; see ./_lib/encoding. */
function decodeText(bytes: Uint8Array): string {
  return decodeTextBytes(bytes).text;
}
