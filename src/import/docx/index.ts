/**
 * Word (.docx) reader: the tables of `word/document.xml` as RawTables, the
 * paragraphs outside them as body text.
 *
 * Merged cells, decided once for every format:
 * - a horizontal merge (`w:gridSpan`) repeats the cell's text across its span,
 *   so the header "Mục tiêu 2023" over two columns names both;
 * - a vertical merge (`w:vMerge`) keeps the text in its FIRST row only and
 *   leaves "" below. That is exactly what the PDF text layer and text pasted
 *   from a viewer show, so a table gives the same rows whatever format it came
 *   in, and the core's table logic reads a row with an empty STT as belonging
 *   to the indicator above (seed 004's tasks, seed 002's Phụ lục II).
 */
import type { RawRow, RawTable } from "../../core/import/rawTable";
import type { ImportWarning } from "../../core/model";
import { ImportFileError } from "../_lib/errors";
import { tidyLine } from "../_lib/types";
import type { ReadDocument } from "../_lib/types";
import { openZip, readZipText } from "../_lib/zip";
import { firstChild, localName, paragraphText, walkElements } from "./_lib/text";
import { GridBoundError, MAX_GRID_COLUMNS, MAX_GRID_SLOTS, readGrid } from "./_lib/grid";
import { parseXml, XmlSyntaxError } from "./_lib/xml";
import type { XmlElement as Element } from "./_lib/xml";
import type { GridRow } from "./_lib/grid";

type Block = { kind: "p"; text: string } | { kind: "tbl"; rows: GridRow[] };

/**
 * Reads a .docx file's tables and body text.
 *
 * @example
 * const doc = await readDocx(bytes, "ke-hoach.docx");
 * doc.tables[0].caption; // "Phụ lục I\nPHÂN CÔNG ĐƠN VỊ CHỦ TRÌ …"
 * doc.tables[0].header;  // [["STT", "Chỉ số thành phần", …, "Mục tiêu 2023", "Mục tiêu 2023", …]]
 */
export async function readDocx(bytes: Uint8Array, file: string): Promise<ReadDocument> {
  // Sizes are checked in the zip's directory before anything is inflated (see ../_lib/zip).
  const zip = await openZip(bytes, file);
  let xml = await readZipText(zip, "word/document.xml", file);
  if (xml === null) throw new ImportFileError("damagedDocx", { part: "word/document.xml" });
  const body = parseBody(xml);
  xml = ""; // the string can go before the tables are read
  const blocks: Block[] = [];
  collectBlocks(body, blocks);
  return assemble(blocks, file);
}

function parseBody(xml: string): Element {
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new ImportFileError("corrupt", { detail: `XML: ${e.message}` });
    throw e;
  }
  const doc = root.children.find((c) => c.name === "document");
  const body = doc ? firstChild(doc, "body") : undefined;
  if (!body) throw new ImportFileError("damagedDocx", { part: "w:body" });
  return body;
}

/** Block-level content in reading order; content controls and custom XML are transparent wrappers. */
function collectBlocks(parent: Element, out: Block[]): void {
  let tables = 0;
  walkElements(parent, (el) => {
    const name = localName(el);
    if (name === "p") out.push({ kind: "p", text: tidyLine(paragraphText(el).replace(/\n/g, " ")) });
    else if (name === "tbl") out.push({ kind: "tbl", rows: gridOf(el, ++tables) });
    else return name === "sdt" || name === "sdtContent" || name === "customXml";
    return false;
  });
}

/** The table's grid, or a message naming the table and row when it breaks the bounds (gridSpan and vMerge bombs). */
function gridOf(tbl: Element, tableNumber: number): ReturnType<typeof readGrid> {
  try {
    return readGrid(tbl);
  } catch (e) {
    if (!(e instanceof GridBoundError)) throw e;
    const columns = e.what === "columns";
    throw new ImportFileError("tableTooLarge", {
      where: `Bảng thứ ${tableNumber}, dòng ${e.row}`,
      whereEn: `Table ${tableNumber}, row ${e.row}`,
      count: e.count,
      unit: columns ? "cột" : "ô",
      unitEn: columns ? "columns" : "cells",
      limit: columns ? MAX_GRID_COLUMNS : MAX_GRID_SLOTS,
    });
  }
}

/** The words of a document's header block (thể thức): issuing body, quốc hiệu, tiêu ngữ, number, place and date. */
const HEADER_WORDS = /(cộng hòa xã hội chủ nghĩa|cộng hoà xã hội chủ nghĩa|độc lập\s*-\s*tự do|(?:ủy|uỷ) ban nhân dân)/iu;
const HEADER_FACTS = /(^|\n)\s*số\s*:|ngày\s*\d{0,2}\s*tháng/iu;

/**
 * A plan's header block set as a borderless table (issuer and "Số:" on the left, quốc hiệu, tiêu ngữ, place
 * and date on the right), as Word plans usually do: its lines, the left column before the right, so the
 * header reads as it would in running text; null for any other table. Only a small table of at most three
 * columns, before any appendix, qualifies.
 */
function headerBlockLines(rows: GridRow[]): string[] | null {
  if (rows.length === 0 || rows.length > 6 || rows.some((r) => r.cells.length > 3)) return null;
  const text = rows.flatMap((r) => r.cells.map((c) => c.text)).join("\n");
  if (!HEADER_WORDS.test(text) || !HEADER_FACTS.test(text)) return null;
  const columns = Math.max(...rows.map((r) => r.cells.length));
  const lines: string[] = [];
  for (let c = 0; c < columns; c++) {
    for (const r of rows) {
      const cell = r.cells[c];
      // A merged cell repeats its text across its span and down its rows: read it once.
      if (!cell || cell.continued || (c > 0 && r.cells[c - 1]?.text === cell.text && cell.span > 1)) continue;
      for (const line of cell.text.split("\n")) {
        const t = tidyLine(line);
        if (t) lines.push(t);
      }
    }
  }
  return lines;
}

const CAPTION_START = /^(phụ lục|phu luc|biểu|bảng)\b/iu;
/** How far above a table a caption may start; further up is body text. */
const CAPTION_REACH = 8;

function assemble(blocks: Block[], file: string): ReadDocument {
  const body: string[] = [];
  const tables: RawTable[] = [];
  const warnings: ImportWarning[] = [];
  let before: string[] = [];
  for (const block of blocks) {
    if (block.kind === "p") {
      if (block.text) {
        body.push(block.text);
        before.push(block.text);
      }
      continue;
    }
    const caption = captionFrom(before);
    // The header block before the first appendix is the plan's heading, not an appendix: its text joins the body.
    const heading = tables.length === 0 && caption === null ? headerBlockLines(block.rows) : null;
    if (heading) {
      body.push(...heading);
      before = [];
      continue;
    }
    const table = toRawTable(block.rows, caption, file, warnings);
    before = [];
    if (!table) continue;
    const previous = tables[tables.length - 1];
    // A table split in two (a page break typed between rows) repeats its header and has no caption of its own.
    if (previous && caption === null && sameHeader(previous.header, table.header)) {
      const offset = previous.rows.length;
      // One push per row: spreading a long table into push() overflows the stack.
      table.rows.forEach((r, i) => previous.rows.push({ ...r, ref: { ...r.ref, row: offset + i + 1 } }));
      warnings.push(warn("docx.tableContinued", `Bảng nối tiếp bảng trước (cùng dòng tiêu đề) được gộp vào bảng đó.`, `A table continuing the previous one (same header) was joined to it.`, { file }));
      continue;
    }
    tables.push(table);
  }
  return { file, bodyText: body.join("\n"), tables, warnings };
}

function captionFrom(before: string[]): string | null {
  const recent = before.slice(-CAPTION_REACH);
  for (let i = recent.length - 1; i >= 0; i--) {
    if (CAPTION_START.test(recent[i]!)) return recent.slice(i).join("\n");
  }
  return null;
}

function toRawTable(grid: GridRow[], caption: string | null, file: string, warnings: ImportWarning[]): RawTable | null {
  if (grid.length === 0) return null;
  const headerCount = countHeaderRows(grid);
  const header = grid.slice(0, headerCount).map((r) => r.cells.map((c) => c.text));
  const rows: RawRow[] = [];
  const key = (cells: string[]): string => cells.map((c) => c.toLowerCase()).join("\u0001");
  const headerKeys = new Set(header.map(key));
  grid.slice(headerCount).forEach((r, i) => {
    const cells = r.cells.map((c) => c.text);
    if (headerKeys.has(key(cells))) {
      warnings.push(warn("table.headerRepeated", "Dòng tiêu đề lặp lại giữa bảng đã được bỏ qua.", "A header row repeated inside the table was skipped.", { file, row: i + 1 }));
      return;
    }
    if (cells.every((c) => c === "")) return;
    rows.push({ cells, ref: { file, row: rows.length + 1 } });
  });
  return { caption, header, rows, source: { file } };
}

/**
 * Rows marked "repeat as header row" (w:tblHeader) are the header. Unmarked,
 * the first row is, plus the second when the first groups columns (a
 * gridSpan) and the second continues a vertical merge from it.
 */
function countHeaderRows(grid: GridRow[]): number {
  let marked = 0;
  while (marked < grid.length && grid[marked]!.repeatHeader) marked++;
  if (marked > 0) return Math.min(marked, grid.length);
  const [first, second] = grid;
  if (first && second && first.cells.some((c) => c.span > 1) && second.cells.some((c) => c.continued)) return 2;
  return 1;
}

function sameHeader(a: string[][], b: string[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.join("\u0001").toLowerCase() === (b[i] ?? []).join("\u0001").toLowerCase());
}

function warn(code: string, message: string, messageEn: string, ref: ImportWarning["ref"]): ImportWarning {
  return { code, message, messageEn, ref };
}
