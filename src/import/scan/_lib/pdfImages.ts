/**
 * The scanned pictures of a PDF's pages: the biggest image each page paints
 * (a scanner writes one per page), decoded by pdfjs itself (JPEG, Flate, CCITT,
 * JBIG2…) into pixels, made grey. The resolution is the picture's width over
 * the page's width in inches.
 */
import { openPdf, pdfjsLib } from "../../pdf/_lib/pdfjs";
import type { PdfPageLike } from "../../pdf/_lib/pdfjs";
import type { Gray } from "./raster";
import { toGray } from "./raster";

export interface ScanPage {
  page: number;
  image: Gray;
  dpi: number | null;
}

interface PdfImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/**
 * The pages' pictures (all pages, or those listed).
 *
 * @example
 * const pages = await pdfPageImages(bytes, [2]); pages[0]?.dpi; // 200
 */
export async function pdfPageImages(bytes: Uint8Array, only?: number[]): Promise<ScanPage[]> {
  const { OPS } = await pdfjsLib();
  const pdf = await openPdf(bytes);
  try {
    const out: ScanPage[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      if (only && !only.includes(p)) continue;
      const page = await pdf.getPage(p);
      const ops = await page.getOperatorList();
      let best: PdfImage | null = null;
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
        const arg = (ops.argsArray[i] as unknown[] | undefined)?.[0];
        const img = typeof arg === "string" ? objectOf(page, arg) : (arg as PdfImage | undefined);
        if (img?.data && (!best || img.width * img.height > best.width * best.height)) best = img;
      });
      const found = best as PdfImage | null;
      if (!found) continue;
      const [x0 = 0, , x1 = 595] = page.view;
      out.push({ page: p, image: grayOf(found), dpi: Math.round(found.width / (Math.abs(x1 - x0) / 72)) });
    }
    return out;
  } finally {
    await pdf.destroy();
  }
}

function objectOf(page: PdfPageLike, name: string): PdfImage | undefined {
  if (!page.objs.has(name)) return undefined;
  return page.objs.get(name) as PdfImage;
}

/** pdfjs's image kinds: 1 one bit a pixel (rows padded to bytes, 1 = white), 2 RGB, 3 RGBA. */
function grayOf(img: PdfImage): Gray {
  const data = img.data!;
  if (img.kind === 1) {
    const out = new Uint8Array(img.width * img.height);
    const stride = Math.ceil(img.width / 8);
    for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) out[y * img.width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { width: img.width, height: img.height, data: out };
  }
  return toGray(img.width, img.height, data, img.kind === 3 ? 4 : 3);
}
