import type { RawDocument } from "../../core/import/rawTable";
import type { ImportWarning } from "../../core/model";

/** What a file reader returns: the core's RawDocument plus what the reader itself noticed (dropped page numbers, repeated headers…). */
export interface ReadDocument extends RawDocument {
  warnings: ImportWarning[];
  /** PDF only: what reading glyph by glyph repaired on each page, whether or not the text changed. */
  glyphRepairs?: { page: number; joinedRuns: number; attachedMarks: number; changedLines: number }[];
  /** PDF only: pages with no text but a picture (scanned pages), 1-based. */
  scannedPages?: number[];
}

/** Collapses runs of spaces/tabs inside a line and trims it; line breaks stay. */
export function tidyLine(s: string): string {
  return s.replace(/[ \t\u00a0]+/g, " ").trim();
}
