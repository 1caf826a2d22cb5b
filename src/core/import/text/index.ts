/**
 * Text copied from a PDF viewer → RawDocument: the plan's body text plus its
 * appendix tables as grids of cells, so the same table logic
 * (`documentToPlan`) reads pasted text, .docx, .pdf and .xlsx alike.
 */
import type { ImportResult, ImportWarning } from "../../model";
import { repairText } from "../../parse/text";
import { recognizeColumns } from "../columns";
import { documentToPlan } from "../document";
import type { RawDocument, RawRow, RawTable } from "../rawTable";
import { findTables, type TableBlock } from "./_lib/blocks";
import { segmentRow, type SegmentLine, type SegmentNote } from "./_lib/cells";

/**
 * Segment pasted text into body text and appendix tables. Text is repaired
 * first (NFC, old-font "ð/ñ", lost glyphs) and the repairs are kept.
 *
 * @example
 * const doc = parsePastedText(text, "ke-hoach.txt");
 * doc.tables[0]?.header // [["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan chủ trì thực hiện"]]
 */
export function parsePastedText(text: string, file: string): RawDocument {
  if (typeof text !== "string") throw new TypeError("parsePastedText: text must be a string");
  const repaired = repairText(text);
  const lines: SegmentLine[] = [];
  repaired.text.split(/\r\n|\r|\n/).forEach((raw: string, i: number) => {
    // Most lines only carry a trailing space; squash inner runs only when there are some.
    const t = (/[\t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff\v\f]| {2}/.test(raw) ? raw.replace(/[\s\u200b\ufeff]+/g, " ") : raw).trim();
    if (t) lines.push({ text: t, no: i + 1 });
  });
  const { body, tables, notes } = findTables(lines);
  const warnings: ImportWarning[] = notes.map((n) => ({ code: n.code, message: n.message, messageEn: n.messageEn, ref: { file, line: n.line } }));
  const rawTables = tables.map((t) => toRawTable(t, file, warnings));
  return {
    file,
    bodyText: body.map((l) => l.text).join("\n"),
    tables: rawTables,
    repairs: repaired.repairs,
    warnings,
  };
}

/** Pasted text → plan, warnings and repairs. @example importText(text, "ke-hoach.txt").plan.appendices.length */
export function importText(text: string, file: string): ImportResult {
  return documentToPlan(parsePastedText(text, file));
}

function toRawTable(t: TableBlock, file: string, warnings: ImportWarning[]): RawTable {
  const appendix = t.caption?.split("\n")[0] ?? undefined;
  const push = (n: SegmentNote): void => {
    warnings.push({ code: n.code, message: n.message, messageEn: n.messageEn, ref: { file, line: n.line, ...(appendix ? { appendix } : {}) } });
  };
  t.notes.forEach(push);
  // One roles array per table: the segmenter caches its per-column plan on it.
  const roles = recognizeColumns([t.header]).map((c) => c.role);
  let width = 0;
  for (const r of t.rows) for (const l of r.lines) width = Math.max(width, l.text.length);
  const rows: RawRow[] = [];
  for (const r of t.rows) {
    const seg = segmentRow(r.stt, r.lines, roles, width);
    seg.notes.forEach(push);
    seg.rows.forEach((cells, k) => {
      const line = seg.lines[k];
      rows.push({ cells, ref: { file, row: rows.length + 1, ...(line ? { line } : {}), ...(appendix ? { appendix } : {}) } });
    });
  }
  return {
    caption: t.caption,
    header: [t.header],
    rows,
    source: { file, line: t.captionLine, ...(appendix ? { appendix } : {}) },
  };
}
