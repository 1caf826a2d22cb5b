/**
 * Scanned appendices: page pictures → the same RawDocument the Word and PDF
 * readers hand to the core. Each page is straightened (./_lib/deskew.ts), its
 * ruled tables found with their merged cells (./_lib/grid.ts), and every
 * non-empty cell read on its own by the recogniser (./ocr.ts). The header
 * rows are those above the first row whose STT cell reads as a number or a
 * Roman numeral; a page whose table has no header continues the previous
 * page's table. The text above a table is read too, for its caption ("Phụ lục
 * I …") and the plan's heading.
 *
 * Honest about doubt: every cell read with a word under LOW_CONFIDENCE is a
 * warning naming page, row and column, with the text as read. Nothing is
 * corrected here; the core's value parsers and agency directory judge the
 * text like any other reader's, and their complaints carry the page too.
 */
import { recognizeColumns } from "../../core/import/columns";
import type { RawRow, RawTable } from "../../core/import/rawTable";
import type { ImportWarning } from "../../core/model";
import type { ReadDocument } from "../_lib/types";
import { skewAngle } from "./_lib/deskew";
import { findTables } from "./_lib/grid";
import type { GridCell, TableGrid } from "./_lib/grid";
import type { ScanPage } from "./_lib/pdfImages";
import { crop, levels, rotate } from "./_lib/raster";
import type { Gray, Rect } from "./_lib/raster";
import { LOW_CONFIDENCE } from "./ocr";
import type { Reading, Recognizer } from "./ocr";

export type { ScanPage } from "./_lib/pdfImages";
export type { Gray, Rect } from "./_lib/raster";
export type { OcrSetup, Recognizer, Reading } from "./ocr";

export interface ScanProgress {
  /** 1-based page number in the file, and its position among the scanned pages. */
  page: number;
  index: number;
  pages: number;
  /** Cells read so far on this page, of `cells`. */
  done: number;
  cells: number;
}

export interface ScanOptions {
  recognizer: Recognizer;
  onProgress?: (p: ScanProgress) => void;
  signal?: AbortSignal;
}

/** What the preview needs to show a row beside its picture: each page straightened, each table row's place on it. */
export interface ScanViews {
  pages: { page: number; image: Gray; angle: number }[];
  rows: { page: number; row: number; rect: Rect }[];
}

export class ScanCancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

interface OpenTable {
  table: RawTable;
  width: number;
  nextRow: number;
}

/**
 * Reads scanned pages into tables.
 *
 * @example
 * const { doc, views } = await readScan(pages, "ke-hoach.pdf", { recognizer });
 * documentToPlan(doc).plan.appendices[0]?.indicators.length; // 7
 */
export async function readScan(pages: ScanPage[], file: string, opts: ScanOptions): Promise<{ doc: ReadDocument; views: ScanViews }> {
  const warnings: ImportWarning[] = [];
  const tables: RawTable[] = [];
  const body: string[] = [];
  const views: ScanViews = { pages: [], rows: [] };
  let open: OpenTable | null = null;
  for (const [index, scan] of pages.entries()) {
    if (opts.signal?.aborted) throw new ScanCancelled();
    opts.onProgress?.({ page: scan.page, index: index + 1, pages: pages.length, done: 0, cells: 0 });
    const dpi = scan.dpi ?? Math.round(scan.image.width / 8.27);
    const lv = levels(scan.image);
    const angle = skewAngle(scan.image, lv.ink);
    const page = rotate(scan.image, -angle, lv.paper);
    views.pages.push({ page: scan.page, image: page, angle });
    const grids = findTables(page, lv.rule, dpi);
    const jobs = grids.flatMap((g) => g.cells);
    const total = jobs.length + grids.length;
    let done = 0;
    const tick = (): void => {
      if (opts.signal?.aborted) throw new ScanCancelled();
      opts.onProgress?.({ page: scan.page, index: index + 1, pages: pages.length, done, cells: total });
      done++;
    };
    tick();
    if (grids.length === 0) {
      warnings.push(warn("scan.noTable", `Trang ${scan.page}: không tìm thấy bảng kẻ ô trong ảnh quét.`, `Page ${scan.page}: no ruled table found in the scanned picture.`, file, scan.page));
      continue;
    }
    let above = 0;
    for (const grid of grids) {
      const caption = await readText(opts.recognizer, page, { x: grid.bbox.x, y: Math.max(above, grid.bbox.y - dpi * 2.2), w: grid.bbox.w, h: Math.min(grid.bbox.y - above, dpi * 2.2) }, lv.ink, dpi);
      tick();
      above = grid.bbox.y + grid.bbox.h;
      const texts = new Map<GridCell, Reading>();
      for (const cell of grid.cells) {
        texts.set(cell, await readCell(opts.recognizer, page, cell, lv.ink, dpi));
        tick();
      }
      let rows = gridRows(grid, texts);
      const headerRows = headerCount(rows);
      const header = rows.slice(0, headerRows).map((r) => r.map((c) => c.text));
      const sttRepair = repairSttHeader(header, rows.slice(headerRows));
      if (sttRepair) {
        warnings.push({
          code: "scan.headerRepaired",
          message: `Trang ${scan.page}: tiêu đề cột đầu đọc được "${sttRepair}", các ô bên dưới là số thứ tự nên hiểu là "STT".`,
          messageEn: `Page ${scan.page}: the first column's heading read "${sttRepair}"; the cells below are serial numbers, so it is taken as "STT".`,
          ref: { file, page: scan.page, column: "stt" },
        });
      }
      // Number cells get a second reading restricted to digits; where the two differ ("6/10" against "6,10"), the cell is in doubt.
      const roles = recognizeColumns(headerRows === 0 && open ? open.table.header : header).map((c) => c.role);
      for (const cell of grid.cells) {
        const first = texts.get(cell);
        if (cell.row < headerRows || !first) continue;
        // An STT is a number or a Roman numeral: anything else in that column ("]" for 1) is a misreading.
        if (roles[cell.col] === "stt" && first.text && !STT_RE.test(first.text.trim())) {
          texts.set(cell, { ...first, confidence: Math.min(first.confidence, LOW_CONFIDENCE - 1) });
          continue;
        }
        if (!NUMBER_ROLES.has(roles[cell.col] ?? "") || !/\d/.test(first.text) || first.text.length > 14) continue;
        const second = await readCell(opts.recognizer, page, cell, lv.ink, dpi, true);
        if (squeeze(second.text) !== squeeze(first.text) || oddNumber(first.text)) texts.set(cell, { ...first, confidence: Math.min(first.confidence, LOW_CONFIDENCE - 1), secondOpinion: second.text });
      }
      rows = gridRows(grid, texts);
      const lines = caption.text.split("\n").map((l) => l.trim()).filter(Boolean);
      const at = lines.map((l) => /^ph[uụ]\s*l[uụ]c/iu.test(l)).lastIndexOf(true);
      if (at >= 0 && caption.confidence < LOW_CONFIDENCE) {
        warnings.push({
          code: "scan.lowConfidence",
          message: `Trang ${scan.page}: tên phụ lục đọc không chắc chắn (${caption.confidence}%): "${lines.slice(at).join(" ")}". Hãy so với bản quét.`,
          messageEn: `Page ${scan.page}: the appendix caption is uncertain (${caption.confidence}%): "${lines.slice(at).join(" ")}". Compare with the scan.`,
          ref: { file, page: scan.page, column: "caption" },
        });
      }
      const captionText = at >= 0 ? lines.slice(at).join("\n") : null;
      body.push(...(at >= 0 ? lines.slice(0, at) : lines));
      const continues = open !== null && (headerRows === 0 || (captionText === null && sameHeader(open.table.header, header))) && open.width === grid.xs.length - 1;
      if (!continues) {
        const width = grid.xs.length - 1;
        const headerUsed = headerRows === 0 ? [Array.from({ length: width }, () => "")] : header;
        open = { table: { caption: captionText, header: headerUsed, rows: [], source: { file, page: scan.page } }, width, nextRow: 1 };
        tables.push(open.table);
      }
      const current = open!;
      const columns = recognizeColumns(current.table.header);
      rows.slice(headerRows).forEach((cells, k) => {
        const rowNumber = current.nextRow++;
        const ref = { file, page: scan.page, row: rowNumber };
        const raw: RawRow = { cells: cells.map((c) => c.text), ref };
        current.table.rows.push(raw);
        const y0 = grid.ys[headerRows + k]!;
        views.rows.push({ page: scan.page, row: rowNumber, rect: { x: grid.bbox.x, y: y0, w: grid.bbox.w, h: grid.ys[headerRows + k + 1]! - y0 } });
        cells.forEach((c, i) => {
          if (!c.top || c.reading.confidence >= LOW_CONFIDENCE || !c.text) return;
          const column = columns[i]?.role && columns[i]?.role !== "unknown" ? columns[i]!.role : (columns[i]?.header ?? `#${i + 1}`);
          const label = columns[i]?.header || `#${i + 1}`;
          warnings.push({
            code: "scan.lowConfidence",
            message: `Trang ${scan.page}, dòng ${rowNumber}, cột "${label}": nhận dạng không chắc chắn (${c.reading.confidence}%): "${c.text.replace(/\n/g, " ")}"${c.reading.secondOpinion !== undefined ? ` (đọc lại theo chữ số: "${c.reading.secondOpinion}")` : ""}. Hãy so với bản quét.`,
            messageEn: `Page ${scan.page}, row ${rowNumber}, column "${label}": uncertain recognition (${c.reading.confidence}%): "${c.text.replace(/\n/g, " ")}"${c.reading.secondOpinion !== undefined ? ` (read again as digits: "${c.reading.secondOpinion}")` : ""}. Compare with the scan.`,
            ref: { ...ref, column },
          });
        });
      });
    }
  }
  return { doc: { file, bodyText: body.join("\n"), tables, warnings }, views };
}

function warn(code: string, message: string, messageEn: string, file: string, page: number): ImportWarning {
  return { code, message, messageEn, ref: { file, page } };
}

interface CellText {
  text: string;
  reading: Reading;
  /** The cell's own top-left position (false where a merged cell is repeated). */
  top: boolean;
}

/** Rows of cell texts; a cell merged across columns is repeated across them, one merged down rows is empty below its first row (as the Word reader gives them). */
function gridRows(grid: TableGrid, texts: Map<GridCell, Reading>): CellText[][] {
  const ny = grid.ys.length - 1;
  const nx = grid.xs.length - 1;
  const empty: Reading = { text: "", confidence: 100, doubtful: [] };
  const rows: CellText[][] = Array.from({ length: ny }, () => Array.from({ length: nx }, () => ({ text: "", reading: empty, top: false })));
  for (const cell of grid.cells) {
    const reading = texts.get(cell) ?? empty;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) rows[cell.row]![c] = { text: reading.text, reading, top: c === cell.col };
  }
  return rows;
}

/** Columns that hold a number (a target cell may hold words too; only its numbers are compared). */
const NUMBER_ROLES = new Set(["stt", "baseline", "rank", "target"]);

/** A number cell's text as digits see it: the words and spaces gone. */
function squeeze(s: string): string {
  return s.replace(/[^0-9,.%]/g, "");
}

/** A sign glued to a digit that numbers are not written with ("6/10", "|40", "7z"): a misreading, whatever its confidence. */
function oddNumber(s: string): boolean {
  return /\d[^\d\s,.%)]|[^\d\s,.\-–+~≥≤<>=(]\d/u.test(s);
}

/**
 * A first column headed by something short that is not a known heading ("STI",
 * "5TT": a misread "STT") over cells that count 1, 2, 3… is the STT column; its
 * heading is set to "STT" in place and the text as read returned (for the warning).
 */
function repairSttHeader(header: string[][], body: CellText[][]): string | null {
  const top = header[0];
  const read = top?.[0]?.trim() ?? "";
  if (!top || read === "" || /^s?tt\.?$/i.test(read) || read.length > 4) return null;
  const firsts = body.map((r) => (r[0]?.text ?? "").trim()).filter(Boolean);
  const counting = firsts.length >= 2 && firsts.filter((t) => STT_RE.test(t)).length >= firsts.length * 0.7;
  if (!counting) return null;
  top[0] = "STT";
  return read;
}

const STT_RE = /^(\d{1,3}(\.\d{1,3})*|[IVXLC]{1,6})\.?$/;

/** A figure in a cell ("97,5", "1.250", "80%"), not a year ("2024", which headings name). */
const FIGURE_RE = /^[≥≤<>=~]?\s*\d+([.,]\d+)*\s*%?$/;
const isFigure = (t: string): boolean => FIGURE_RE.test(t.trim()) && !/^(19|20)\d\d$/.test(t.trim());

/**
 * Header rows: those above the first row that is data — its first cell an STT
 * ("1", "3.1", "III") or any cell a figure (so a data row whose STT was
 * misread is never taken for a heading); at most 3.
 */
function headerCount(rows: CellText[][]): number {
  const first = rows.findIndex((r) => STT_RE.test((r[0]?.text ?? "").trim()) || r.slice(1).some((c) => c.top && isFigure(c.text)));
  if (first >= 0 && first <= 3) return first;
  return rows.length > 1 ? 1 : 0;
}

function sameHeader(a: string[][], b: string[][]): boolean {
  const flat = (h: string[][]): string => h.flat().join(" ").toLowerCase().replace(/\s+/g, " ");
  return flat(a) === flat(b);
}

/** A cell's inside (rules excluded), trimmed to its ink; nothing to read when it holds only specks. */
async function readCell(recognizer: Recognizer, page: Gray, cell: Rect, ink: number, dpi: number, digits = false): Promise<Reading> {
  const inset = Math.max(3, Math.round(dpi * 0.02));
  return readText(recognizer, page, { x: cell.x + inset, y: cell.y + inset, w: cell.w - 2 * inset, h: cell.h - 2 * inset }, ink, dpi, digits);
}

async function readText(recognizer: Recognizer, page: Gray, area: Rect, ink: number, dpi: number, digits = false): Promise<Reading> {
  const box = inkBox(page, area, ink);
  if (!box) return { text: "", confidence: 100, doubtful: [] };
  // Small print (under ~200 dpi) reads better doubled.
  const scale = dpi < 180 ? 2 : 1;
  // The ink alone on a white margin (never the cell's rules beside it).
  const image = padded(crop(despeckled(page, box, ink), { x: 0, y: 0, w: box.w, h: box.h }, scale), Math.round(dpi * 0.08) * scale);
  return recognizer.read(image, { singleLine: box.h < dpi * 0.22, digits });
}

/**
 * The box's pixels with lone dark specks (scanner noise: no dark neighbour
 * among the 8 around) turned to paper, so they are not read as "." or ",".
 * A printed full stop is several pixels big at any usable resolution.
 */
function despeckled(page: Gray, box: Rect, ink: number): Gray {
  const img = crop(page, box);
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x]! >= ink) continue;
      let neighbours = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        if ((dx || dy) && x + dx >= 0 && y + dy >= 0 && x + dx < w && y + dy < h && data[(y + dy) * w + x + dx]! < ink) neighbours++;
      }
      if (neighbours === 0) out[y * w + x] = 255;
    }
  }
  return { width: w, height: h, data: out };
}

function padded(img: Gray, pad: number): Gray {
  const width = img.width + 2 * pad;
  const height = img.height + 2 * pad;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < img.height; y++) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + pad) * width + pad);
  return { width, height, data };
}

/** The bounding box of the rows and columns of `area` holding at least 2 ink pixels; null when under ~30 pixels of ink (specks, noise). */
function inkBox(page: Gray, area: Rect, ink: number): Rect | null {
  const x0 = Math.max(0, Math.round(area.x));
  const y0 = Math.max(0, Math.round(area.y));
  const x1 = Math.min(page.width, Math.round(area.x + area.w));
  const y1 = Math.min(page.height, Math.round(area.y + area.h));
  if (x1 <= x0 || y1 <= y0) return null;
  const colInk = new Uint32Array(x1 - x0);
  const rowInk = new Uint32Array(y1 - y0);
  let total = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (page.data[y * page.width + x]! < ink) {
    colInk[x - x0]! += 1;
    rowInk[y - y0]! += 1;
    total++;
  }
  if (total < 30) return null;
  const first = (a: Uint32Array): number => a.findIndex((v) => v >= 2);
  const last = (a: Uint32Array): number => a.length - 1 - [...a].reverse().findIndex((v) => v >= 2);
  const fx = first(colInk);
  const fy = first(rowInk);
  if (fx < 0 || fy < 0) return null;
  return { x: x0 + fx, y: y0 + fy, w: last(colInk) - fx + 1, h: last(rowInk) - fy + 1 };
}
