/**
 * Zip containers (.docx, .xlsx) opened with bounds, before anything is
 * inflated: the sizes a zip declares in its central directory are checked
 * (total, per entry, and the inflation ratio of large entries), and the
 * entries we read are inflated in chunks and stopped the moment they pass
 * their declared size, so a zip that lies about its sizes is caught too.
 * These checks live in the readers, not the CLI, because the task pane runs
 * the same readers inside Excel's web view, where memory is tighter.
 */
import JSZip from "jszip";
import { ImportFileError } from "./errors";

export const ZIP_LIMITS = {
  /** Inflated size of one part (document.xml, a sheet): 120 MB of XML is several times any real appendix. */
  entryBytes: 120 * 1024 * 1024,
  /** Inflated size of all parts together. */
  totalBytes: 250 * 1024 * 1024,
  /** Above this inflated size, a part must not inflate more than `ratio` times (Office XML inflates 5–30×; a bomb ~1000×). */
  ratioFloorBytes: 8 * 1024 * 1024,
  ratio: 200,
} as const;

interface EntryData {
  compressedSize?: number;
  uncompressedSize?: number;
}

const dataOf = (f: JSZip.JSZipObject): EntryData => ((f as unknown as { _data?: EntryData })._data ?? {});

/** Opens a zip (reading only its directory) and refuses it when its declared sizes break the limits. */
export async function openZip(bytes: Uint8Array, file: string, limits = ZIP_LIMITS): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ImportFileError("corrupt", { file, detail: "zip" });
  }
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const { compressedSize = 0, uncompressedSize = 0 } = dataOf(entry);
    total += uncompressedSize;
    const ratio = compressedSize > 0 ? uncompressedSize / compressedSize : Infinity;
    if (uncompressedSize > limits.entryBytes || total > limits.totalBytes || (uncompressedSize > limits.ratioFloorBytes && ratio > limits.ratio)) {
      throw new ImportFileError("zipBomb", { file, part: entry.name, size: megabytes(uncompressedSize), ratio: Number.isFinite(ratio) ? Math.round(ratio) : "∞" });
    }
  }
  return zip;
}

const megabytes = (n: number): string => (n / 1024 / 1024).toFixed(0);

/**
 * The text of one part, inflated chunk by chunk and abandoned as soon as it
 * grows past what the directory declared (or the entry limit).
 */
export async function readZipText(zip: JSZip, name: string, file: string, limits = ZIP_LIMITS): Promise<string | null> {
  const entry = zip.file(name);
  if (!entry) return null;
  const declared = dataOf(entry).uncompressedSize ?? limits.entryBytes;
  const cap = Math.min(declared, limits.entryBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  await new Promise<void>((resolve, reject) => {
    // internalStream is jszip's own chunked reader (public in its docs, missing from its typings).
    const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > cap) {
          stream.pause();
          reject(new ImportFileError("zipBomb", { file, part: name, size: megabytes(size), ratio: "?" }));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", () => reject(new ImportFileError("corrupt", { file, detail: `zip: ${name}` })))
      .on("end", () => resolve())
      .resume();
  });
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  chunks.length = 0;
  return new TextDecoder("utf-8").decode(all);
}

/**
 * Inflates every part of the zip without keeping it, chunk by chunk, and refuses the file the moment a part
 * grows past what the directory declared (or the entry limit), or all parts together past the total limit.
 * A reader that inflates whole parts afterwards (exceljs) then meets only sizes that were told the truth.
 */
export async function checkInflation(zip: JSZip, file: string, limits = ZIP_LIMITS): Promise<void> {
  let total = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const declared = dataOf(entry).uncompressedSize ?? limits.entryBytes;
    const cap = Math.min(declared, limits.entryBytes);
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      const stream = (entry as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream("uint8array");
      stream
        .on("data", (chunk: Uint8Array) => {
          size += chunk.length;
          total += chunk.length;
          if (size > cap || total > limits.totalBytes) {
            stream.pause();
            reject(new ImportFileError("zipBomb", { file, part: entry.name, size: megabytes(size), ratio: "?" }));
          }
        })
        .on("error", () => reject(new ImportFileError("corrupt", { file, detail: `zip: ${entry.name}` })))
        .on("end", () => resolve())
        .resume();
    });
  }
}
