/** pdfjs-dist ships no types for its worker script; the reader only hands its handler to pdfjs. */
declare module "pdfjs-dist/legacy/build/pdf.worker.js" {
  export const WorkerMessageHandler: unknown;
}
