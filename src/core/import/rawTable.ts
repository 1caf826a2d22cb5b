/**
 * What every file reader hands to the core: a document's body text and its
 * tables as grids of cell text. The .docx, .pdf, .xlsx/.csv readers (adapters)
 * and the pasted-text segmenter (core) all produce this, and one piece of core
 * logic (`documentToPlan`) turns it into the model, so the same table gives
 * the same model whatever format it came in.
 */
import type { ImportWarning, Repair, SourceRef } from "../model";

export interface RawRow {
  /** Cell texts aligned to the header's columns; a horizontally merged cell is repeated across its span. Lines inside a cell are joined with "\n". */
  cells: string[];
  ref: SourceRef;
}

export interface RawTable {
  /** The caption paragraphs before the table ("Phụ lục I", "PHÂN CÔNG …"), joined with "\n"; null when none was found. */
  caption: string | null;
  /** One or two header rows, merged cells repeated across their span. */
  header: string[][];
  rows: RawRow[];
  source: SourceRef;
}

export interface RawDocument {
  /** File name as given by the user (for messages). */
  file: string;
  /** The document's running text outside tables, paragraphs separated by "\n". */
  bodyText: string;
  tables: RawTable[];
  /** Text repairs made while reading (NFC, old font, lost glyphs); optional, added by the pasted-text reader (T). */
  repairs?: Repair[];
  /** Things the reader noticed while segmenting (page numbers stripped, repeated headers skipped); optional (T). */
  warnings?: ImportWarning[];
}
