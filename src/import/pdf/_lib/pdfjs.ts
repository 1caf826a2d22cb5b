/**
 * The slice of pdfjs-dist this reader uses, typed narrowly, and how its worker
 * is found. Node runs pdfjs's "fake worker" in-process; the task pane sets a
 * worker (or a port) once with `configurePdfWorker` before the first read.
 */
import type * as PdfjsModule from "pdfjs-dist/legacy/build/pdf.js";

type PdfjsLib = typeof PdfjsModule;

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfPageLike {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  /** Page-level objects (images) by name, resolved once the operator list is built. */
  objs: { get(name: string, callback?: (data: unknown) => void): unknown; has(name: string): boolean };
  /** Fonts (and other shared objects) by name, resolved once the operator list is built. */
  commonObjs: { has(name: string): boolean; get(name: string): unknown };
}

export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  destroy(): Promise<void>;
}

let loading: Promise<PdfjsLib> | null = null;
let pendingWorker: { workerSrc?: string; workerPort?: unknown } = {};

/**
 * pdfjs, loaded once on first use. In Node its legacy build logs "Warning:
 * Cannot polyfill DOMMatrix/Path2D" on stdout at load (it wants the optional
 * `canvas` package, only needed to render); those two lines would corrupt
 * `chitieu parse --json`, so they alone are held back while it loads.
 */
export function pdfjsLib(): Promise<PdfjsLib> {
  loading ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === "string" && args[0].startsWith("Warning: Cannot polyfill"))) log(...args);
    };
    try {
      const mod: PdfjsLib & { default?: PdfjsLib } = await import("pdfjs-dist/legacy/build/pdf.js");
      // Imported as ES module (tsx, some bundlers) the CommonJS build may come as the default export only.
      const lib = typeof mod.getDocument === "function" ? mod : mod.default!;
      applyWorker(lib, pendingWorker);
      await mainThreadWorkerUnlessConfigured();
      return lib;
    } finally {
      console.log = log;
    }
  })();
  return loading;
}

/**
 * In a browser with no worker configured, pdfjs would fail ("No
 * GlobalWorkerOptions.workerSrc specified"). Its worker code then runs on the
 * main thread instead (pdfjs's own "fake worker"): appendices are small, and
 * no worker script URL or CSP worker-src is needed. Node needs nothing.
 */
async function mainThreadWorkerUnlessConfigured(): Promise<void> {
  const isNode = typeof process !== "undefined" && !!process.versions?.node;
  if (isNode || pendingWorker.workerSrc !== undefined || pendingWorker.workerPort !== undefined) return;
  const g = globalThis as { pdfjsWorker?: unknown };
  g.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.js");
}

function applyWorker(lib: PdfjsLib, options: { workerSrc?: string; workerPort?: unknown }): void {
  const g = lib.GlobalWorkerOptions as { workerSrc: string; workerPort: unknown };
  if (options.workerSrc !== undefined) g.workerSrc = options.workerSrc;
  if (options.workerPort !== undefined) g.workerPort = options.workerPort;
}

/**
 * Where the browser finds pdf.worker.js (a URL) or an already started worker.
 *
 * @example
 * configurePdfWorker({ workerSrc: "assets/pdf.worker.min.js" });
 */
export function configurePdfWorker(options: { workerSrc?: string; workerPort?: unknown }): void {
  pendingWorker = { ...pendingWorker, ...options };
  if (loading) void loading.then((lib) => applyWorker(lib, options));
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocumentLike> {
  // pdfjs transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const pdfjs = await pdfjsLib();
  const { promise } = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
    // Scanned pages: their pictures come back as pixels (not an ImageBitmap) for the OCR reader.
    isOffscreenCanvasSupported: false,
  });
  return (await promise) as unknown as PdfDocumentLike;
}

export function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === "object" && item !== null && typeof (item as TextItemLike).str === "string" && Array.isArray((item as TextItemLike).transform);
}
