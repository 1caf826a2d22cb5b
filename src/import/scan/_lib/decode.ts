/**
 * Picture files of a page (.png, .jpg, .tif) → grey images, with pure-JS
 * decoders only (pngjs, jpeg-js, utif), so the CLI and the task pane decode
 * alike and nothing native is needed. A multi-page TIFF gives several pages.
 */
import { ImportFileError } from "../../_lib/errors";
import type { Gray } from "./raster";
import { toGray } from "./raster";

export type PictureFormat = "png" | "jpeg" | "tiff";

const startsWith = (bytes: Uint8Array, sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);

/** The picture format the bytes are, or null. */
export function pictureFormat(bytes: Uint8Array): PictureFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  return null;
}

export interface DecodedPage {
  image: Gray;
  /** Resolution the file states (pixels per inch), else null. */
  dpi: number | null;
}

/**
 * Decodes a picture into grey pages.
 *
 * @example
 * const [page] = await decodePicture(bytes); page.image.width; // 1654 for A4 at 200 dpi
 */
export async function decodePicture(bytes: Uint8Array): Promise<DecodedPage[]> {
  const format = pictureFormat(bytes);
  // In the task pane the browser decodes PNG and JPEG itself (no decoder shipped); Node uses the pure-JS ones.
  if ((format === "png" || format === "jpeg") && typeof createImageBitmap === "function") {
    return [{ image: await browserDecode(bytes, format), dpi: format === "png" ? pngDpi(bytes) : jfifDpi(bytes) }];
  }
  if (format === "png") {
    const { PNG } = await import("pngjs");
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return [{ image: toGray(png.width, png.height, png.data, 4), dpi: pngDpi(bytes) }];
  }
  if (format === "jpeg") {
    const jpeg = (await import("jpeg-js")).default;
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 512 });
    return [{ image: toGray(img.width, img.height, img.data, 4), dpi: jfifDpi(bytes) }];
  }
  if (format === "tiff") {
    const UTIF = (await import("utif")).default;
    const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const ifds = UTIF.decode(buf);
    return ifds.map((ifd) => {
      UTIF.decodeImage(buf, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      const res = ifd["t282"] as number[] | undefined;
      return { image: toGray(ifd.width, ifd.height, rgba, 4), dpi: res?.[0] ? Math.round(Number(res[0])) : null };
    });
  }
  // A .png/.jpg/.tif whose bytes are none of these: the planner's message says, in their language, what can be read.
  throw new ImportFileError("unsupported");
}

async function browserDecode(bytes: Uint8Array, format: "png" | "jpeg"): Promise<Gray> {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: `image/${format}` }));
  const { width, height } = bitmap;
  const canvas = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(width, height) : Object.assign(document.createElement("canvas"), { width, height });
  const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null;
  if (!ctx) throw new Error("no 2D canvas to decode the picture");
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return toGray(width, height, ctx.getImageData(0, 0, width, height).data, 4);
}

/** pHYs chunk: pixels per metre → per inch. */
function pngDpi(bytes: Uint8Array): number | null {
  for (let i = 8; i + 8 < bytes.length && i < 4096; ) {
    const len = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const type = String.fromCharCode(bytes[i + 4]!, bytes[i + 5]!, bytes[i + 6]!, bytes[i + 7]!);
    if (type === "pHYs" && bytes[i + 16] === 1) {
      const ppm = ((bytes[i + 8]! << 24) | (bytes[i + 9]! << 16) | (bytes[i + 10]! << 8) | bytes[i + 11]!) >>> 0;
      return Math.round(ppm * 0.0254);
    }
    if (type === "IDAT") break;
    i += 12 + len;
  }
  return null;
}

/** JFIF APP0 density when its unit is dots per inch. */
function jfifDpi(bytes: Uint8Array): number | null {
  if (bytes[6] === 0x4a && bytes[7] === 0x46 && bytes[13] === 1) {
    const d = (bytes[14]! << 8) | bytes[15]!;
    return d > 30 ? d : null;
  }
  return null;
}
