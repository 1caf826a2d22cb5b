/**
 * OCR for the CLI: the Vietnamese model straight from node_modules
 * (@tesseract.js-data/vie, 4.0.0_best_int), never from the network, and one
 * progress line per scanned page on stderr (stdout stays the command's
 * output, `parse --json` included).
 */
import { dirname, join } from "node:path";
import type { OcrRun, OcrSetup, ScanProgress } from "../../import";
import type { CliIo } from "../io";

/** Where the CLI's recogniser finds its model: a local folder inside node_modules. */
export function nodeOcrSetup(): OcrSetup {
  return { langPath: join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int") };
}

/**
 * @example
 * await importFile(name, bytes, { ocr: nodeOcr(io) }); // stderr: "Nhận dạng trang 1 (1/2)… / Reading page 1 (1/2)…"
 */
export function nodeOcr(io: CliIo): OcrRun {
  let shown = -1;
  return {
    recognizer: async () => (await import("../../import/scan/ocr")).tesseractRecognizer(nodeOcrSetup()),
    onProgress: (p: ScanProgress) => {
      if (p.index === shown) return;
      shown = p.index;
      io.err(`Nhận dạng chữ trang ${p.page} (${p.index}/${p.pages})… / Reading scanned page ${p.page} (${p.index}/${p.pages})…`);
    },
  };
}
