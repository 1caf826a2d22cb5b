/**
 * PDF reader (pdfjs-dist, the same code in the task pane and in Node), glyph
 * by glyph: every character with its own position from the page's drawing
 * operators (./_lib/glyphs.ts), lines read by position whatever the runs and
 * fonts (./_lib/line.ts), so PDFs from any maker (fallback fonts, Chromium,
 * Ghostscript) read alike. Ruled tables are rebuilt from their borders (see
 * ./_lib/grid.ts) and joined over pages (./_lib/assemble.ts); repairs that
 * changed text are listed and warned about.
 *
 * A PDF whose tables have no borders yields no tables here, only its text in
 * reading order (`bodyText`); `importFile` then reads that text the way it
 * reads text pasted from a PDF viewer. A PDF without any text is a scan: it is
 * refused here (`pdf.scanned`), and `importFile` reads it by OCR when given a
 * recogniser. Pages without text among text pages are listed in `scannedPages`.
 */
import { ImportFileError } from "../_lib/errors";
import type { ReadDocument } from "../_lib/types";
import { PdfAssembler } from "./_lib/assemble";
import { findGrids } from "./_lib/grid";
import type { Glyph } from "./_lib/grid";
import { isTextItem, openPdf, pdfjsLib } from "./_lib/pdfjs";
import type { PdfDocumentLike, PdfPageLike, TextItemLike } from "./_lib/pdfjs";
import { pageGlyphs } from "./_lib/glyphs";
import type { FontInfo } from "./_lib/glyphs";
import { extractRules } from "./_lib/rules";

export { configurePdfWorker } from "./_lib/pdfjs";

/**
 * Reads a PDF's tables and text.
 *
 * @example
 * const doc = await readPdf(bytes, "ke-hoach.pdf");
 * doc.tables.length; // 2 for seed 002 (Phụ lục I and II)
 */
export async function readPdf(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  const pdf = await open(bytes);
  try {
    const { OPS } = await pdfjsLib();
    const assembler = new PdfAssembler(file);
    let glyphCount = 0;
    const scannedPages: number[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const ops = await page.getOperatorList();
      const glyphs = await pageText(page, ops, OPS as Record<string, number>);
      glyphCount += glyphs.length;
      // A page without text that paints a picture is a scanned page (read by OCR when the caller can).
      if (glyphs.length === 0 && ops.fnArray.some((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject)) scannedPages.push(p);
      const [, y0 = 0, , y1 = 842] = page.view;
      assembler.addPage(p, glyphs, findGrids(extractRules(ops.fnArray, ops.argsArray, OPS as Record<string, number>), glyphs), Math.abs(y1 - y0));
    }
    if (glyphCount === 0) throw new ImportFileError("pdfScanned");
    return { file, ...assembler.result, warnings: assembler.warnings, repairs: assembler.repairs, glyphRepairs: assembler.glyphRepairs, scannedPages };
  } finally {
    await pdf.destroy();
  }
}

async function open(bytes: Uint8Array): Promise<PdfDocumentLike> {
  try {
    return await openPdf(bytes);
  } catch (e) {
    const name = (e as { name?: string } | null)?.name;
    if (name === "PasswordException") throw new ImportFileError("pdfEncrypted");
    throw new ImportFileError("corrupt", { detail: "PDF" });
  }
}

/**
 * The page's glyphs one by one from its drawing operators (./_lib/glyphs.ts).
 * A page whose fonts carry no Unicode for their glyphs gives none there; its
 * text layer (which pdfjs can still decode, by glyph names) is used instead.
 */
async function pageText(page: PdfPageLike, ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): Promise<Glyph[]> {
  const fontOf = (name: string): FontInfo | null => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo) : null);
  const glyphs = pageGlyphs(ops.fnArray, ops.argsArray, OPS, fontOf).filter((g) => g.str.trim() !== "" || g.str === " ");
  if (glyphs.some((g) => g.str.trim() !== "")) return glyphs;
  return (await page.getTextContent()).items.filter(isTextItem).filter((i) => i.str.trim() !== "").map(toGlyph);
}

function toGlyph(item: TextItemLike): Glyph {
  const [a = 1, b = 0, , , e = 0, f = 0] = item.transform;
  return { str: item.str, x: e, y: f, w: item.width, size: Math.hypot(a, b) || item.height || 10 };
}
