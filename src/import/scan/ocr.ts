/**
 * The recogniser: tesseract.js (Tesseract's LSTM compiled to WebAssembly) with
 * the Vietnamese model of `@tesseract.js-data/vie` (4.0.0_best_int, LSTM only,
 * 1.4 MB). Where the model, the worker script and the core come from is given
 * by the caller (`OcrSetup`): the CLI points at node_modules, the task pane at
 * files served with the add-in. Nothing is ever fetched from elsewhere, and
 * nothing is cached (cacheMethod "none": no IndexedDB, no file in the cwd).
 *
 * tesseract.js is loaded with a dynamic import, so only a scan loads it.
 */
import type * as Tesseract from "tesseract.js";
import type { Gray } from "./_lib/raster";

type TesseractModule = typeof Tesseract;
import { toPgm } from "./_lib/raster";

export interface OcrSetup {
  /** Folder (Node: a path; browser: a URL) holding vie.traineddata.gz. */
  langPath: string;
  /** Browser only: the worker script and the folder of tesseract-core*.wasm.js. */
  workerPath?: string;
  corePath?: string;
}

export interface Reading {
  /** Lines joined with "\n", each tidied. */
  text: string;
  /** 0–100: the least sure word's confidence (a cell is as doubtful as its worst word); 100 for an empty cell. */
  confidence: number;
  /** Words read with low confidence, for the warning. */
  doubtful: string[];
  /** A number cell's reading as digits only, when it differs from the first. */
  secondOpinion?: string;
}

export interface ReadHint {
  singleLine?: boolean;
  /** Read only digits and the signs numbers are written with (a second opinion on a number cell). */
  digits?: boolean;
}

/** What a number cell may hold when read as digits only. */
export const DIGIT_CHARS = "0123456789,.%-<>=≥≤";

export interface Recognizer {
  /** Reads one block of text (a table cell, a caption) from a grey image; `singleLine` when it is one line high. */
  read(image: Gray, hint?: ReadHint): Promise<Reading>;
  terminate(): Promise<void>;
}

/**
 * Below this word confidence a reading is reported as doubtful. Measured on our
 * scans (tests/import-formats/scan.test.ts): words read right score 95–97 with
 * a few at 85–92; every misreading seen ("]" for 1, "tư." for tư, "<" for ≤,
 * "II" as "H") scored 92 or less. Erring on the side of a warning too many.
 */
export const LOW_CONFIDENCE = 93;

/** The options handed to tesseract.js's createWorker: only local paths, no cache. Exposed so tests can hold it to that. */
export function workerOptions(setup: OcrSetup): Record<string, unknown> {
  const opts: Record<string, unknown> = { langPath: setup.langPath, gzip: true, cacheMethod: "none" };
  if (setup.workerPath !== undefined) {
    opts.workerPath = setup.workerPath;
    // The worker starts from its own URL (CSP worker-src 'self'), not from a blob: wrapper.
    opts.workerBlobURL = false;
  }
  if (setup.corePath !== undefined) opts.corePath = setup.corePath;
  return opts;
}

/**
 * Starts one tesseract worker with the Vietnamese model.
 *
 * @example
 * const ocr = await tesseractRecognizer({ langPath: "/…/node_modules/@tesseract.js-data/vie/4.0.0_best_int" });
 * (await ocr.read(cellImage)).text; // "Sở Kế hoạch và Đầu tư"
 */
export async function tesseractRecognizer(setup: OcrSetup): Promise<Recognizer> {
  const mod = (await import("tesseract.js")) as unknown as TesseractModule & { default?: TesseractModule };
  const T = typeof mod.createWorker === "function" ? mod : mod.default!;
  const worker = await T.createWorker("vie", T.OEM.LSTM_ONLY, workerOptions(setup));
  // One uniform block of text per call: a cell or a caption, never a whole page's layout.
  let mode = T.PSM.SINGLE_BLOCK;
  let allowed = "";
  await worker.setParameters({ tessedit_pageseg_mode: mode, preserve_interword_spaces: "0" });
  return {
    async read(image: Gray, hint?: ReadHint): Promise<Reading> {
      // A one-line cell ("6,42", "%") is read as one line: the block layout analysis loses short text.
      const wanted = hint?.singleLine ? T.PSM.SINGLE_LINE : T.PSM.SINGLE_BLOCK;
      if (wanted !== mode) {
        mode = wanted;
        await worker.setParameters({ tessedit_pageseg_mode: mode });
      }
      const whitelist = hint?.digits ? DIGIT_CHARS : "";
      if (whitelist !== allowed) {
        allowed = whitelist;
        await worker.setParameters({ tessedit_char_whitelist: whitelist });
      }
      const { data } = await worker.recognize(toPgm(image) as unknown as Buffer, {}, { text: true, blocks: true });
      const words = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
      const lines = (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.map((l) => l.words.map((w) => w.text).join(" ").normalize("NFC").replace(/\s+/g, " ").trim())));
      const text = lines.filter((l) => l !== "").join("\n");
      const confidence = words.length ? Math.min(...words.map((w) => w.confidence)) : text ? data.confidence : 100;
      return { text, confidence: Math.round(confidence), doubtful: words.filter((w) => w.confidence < LOW_CONFIDENCE).map((w) => w.text) };
    },
    async terminate(): Promise<void> {
      await worker.terminate();
    },
  };
}
