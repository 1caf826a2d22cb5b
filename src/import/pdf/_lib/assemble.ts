/**
 * Pages → tables: captions above grids, a table continued over pages joined
 * (its repeated header dropped, a row broken by the page joined back), page
 * numbers dropped with a warning, the rest of the text kept as body text.
 */
import { recognizeColumns } from "../../../core/import/columns";
import type { RawRow, RawTable } from "../../../core/import/rawTable";
import type { ImportWarning, Repair } from "../../../core/model";
import { PARAGRAPH_START, streamLines } from "./grid";
import type { Glyph, GridCell, PageGrid } from "./grid";
import type { AssembledLine } from "./line";

/** What the glyph-level reading repaired on one page, whether or not it changed the text. */
export interface PageRepairs {
  page: number;
  /** Lines read by glyph position although runs overlapped or a glyph was drawn twice. */
  joinedRuns: number;
  /** Combining marks attached to their letter. */
  attachedMarks: number;
  /** Lines whose text differs from the glyphs in drawing order (these are also warned about). */
  changedLines: number;
}

const CAPTION_START = /^(phụ lục|phu luc|biểu|bảng)\b/iu;
/** Share of the page height at the top and bottom where a lone number is a page number, not an STT. */
const MARGIN = 0.1;
const PAGE_NUMBER = /^(-\s*)?(trang\s+)?\d{1,3}(\s*-)?$/iu;

interface OpenTable {
  table: RawTable;
  colXs: number[];
  page: number;
  /** Per column, the row holding the text of the cell that is open at the bottom (a vertical merge points up). */
  anchors: number[];
  /** Where the table ended on its last page so far. */
  bottom: number;
  /** Its last row was cut by the page end without a border: the next page's first row continues it. */
  openBottom: boolean;
}

interface PageInput {
  page: number;
  glyphs: Glyph[];
  grids: PageGrid[];
  height: number;
}

export class PdfAssembler {
  private readonly pages: PageInput[] = [];
  private readonly tables: OpenTable[] = [];
  private readonly body: string[] = [];
  private readonly found: ImportWarning[] = [];
  private readonly textRepairs = new Map<string, Repair>();
  private readonly pageRepairs: PageRepairs[] = [];
  private built = false;

  constructor(private readonly file: string) {}

  get result(): { tables: RawTable[]; bodyText: string } {
    this.build();
    return { tables: this.tables.map((t) => t.table), bodyText: this.body.join("\n") };
  }

  get warnings(): ImportWarning[] {
    this.build();
    return this.found;
  }

  /** Text changes made by reading glyph by glyph (as drawn → as read), for the import's repair list. */
  get repairs(): Repair[] {
    this.build();
    return [...this.textRepairs.values()];
  }

  /** Every glyph-level repair per page, including those that left the text as drawn. */
  get glyphRepairs(): PageRepairs[] {
    this.build();
    return this.pageRepairs;
  }

  /** `height`: the page's height in PDF units; page numbers sit in its top or bottom margin. */
  addPage(page: number, glyphs: Glyph[], grids: PageGrid[], height = 842): void {
    if (this.built) throw new Error("PdfAssembler: pages must be added before the result is read");
    this.pages.push({ page, glyphs, grids, height });
  }

  private build(): void {
    if (this.built) return;
    this.built = true;
    for (const p of this.pages) this.readPage(p);
  }

  private readPage({ page, glyphs, grids, height }: PageInput): void {
    const { file } = this;
    const warnings = this.found;
    const margin = height * MARGIN;
    const used = new Set<Glyph>();
    for (const g of grids) for (const item of g.used) used.add(item);
    const outside = streamLines(glyphs.filter((g) => !used.has(g))).filter((line) => {
      if (!PAGE_NUMBER.test(line.text) || (line.y > margin && line.y < height - margin)) return true;
      warnings.push({ code: "pdf.pageNumber", message: `Đã bỏ số trang "${line.text}" (trang ${page}).`, messageEn: `Dropped the page number "${line.text}" (page ${page}).`, ref: { file, page } });
      return false;
    });
    let above = Infinity;
    grids.forEach((grid) => {
      const before = outside.filter((l) => l.y < above && l.y > grid.top).map((l) => l.text);
      above = grid.bottom;
      const caption = captionOf(before);
      this.addGrid(grid, caption, page);
    });
    this.body.push(...outside.map((l) => l.text));
    this.logRepairs(page, [...grids.flatMap((g) => g.lines), ...outside]);
  }

  /**
   * A header word broken inside a narrow column ("ST" / "T") reads "ST T",
   * which names no column. When dropping one space makes the cell a header
   * the vocabulary knows ("STT"), the word was broken: it is joined, with a warning.
   */
  private mendHeaderCell(cell: string, page: number): string {
    if (!cell.includes(" ") || roleOf(cell) !== "unknown") return cell;
    for (let i = cell.indexOf(" "); i >= 0; i = cell.indexOf(" ", i + 1)) {
      const joined = cell.slice(0, i) + cell.slice(i + 1);
      if (roleOf(joined) === "unknown") continue;
      this.found.push({ code: "pdf.headerWordJoined", message: `Tiêu đề cột "${cell}" bị ngắt giữa từ, đã nối lại thành "${joined}" (trang ${page}).`, messageEn: `The column header "${cell}" was broken inside a word and was joined back as "${joined}" (page ${page}).`, ref: { file: this.file, page, column: joined } });
      return joined;
    }
    return cell;
  }

  /**
   * Counts the page's glyph-level repairs and, when they changed text (the
   * glyphs in drawing order read differently), warns once per page and kind
   * with an example, and lists each change in the repairs.
   */
  private logRepairs(page: number, lines: AssembledLine[]): void {
    const tally: PageRepairs = { page, joinedRuns: 0, attachedMarks: 0, changedLines: 0 };
    const changed = { joinedRuns: [] as AssembledLine[], attachedMark: [] as AssembledLine[] };
    for (const line of lines) {
      tally.joinedRuns += line.repairs.joinedRuns;
      tally.attachedMarks += line.repairs.attachedMarks;
      if (line.drawn === null) continue;
      tally.changedLines++;
      const kind = line.repairs.joinedRuns > 0 || line.repairs.attachedMarks === 0 ? "joinedRuns" : "attachedMark";
      changed[kind].push(line);
      const key = `${kind}\u0001${line.drawn}\u0001${line.text}`;
      const count = kind === "joinedRuns" ? Math.max(1, line.repairs.joinedRuns) : line.repairs.attachedMarks;
      const known = this.textRepairs.get(key);
      if (known) known.count += count;
      else this.textRepairs.set(key, { kind, from: line.drawn, to: line.text, count });
    }
    if (tally.joinedRuns + tally.attachedMarks > 0) this.pageRepairs.push(tally);
    const ref = { file: this.file, page };
    const first = changed.joinedRuns[0];
    if (first) {
      const n = changed.joinedRuns.length;
      this.found.push({ code: "pdf.runsJoined", message: `Trang ${page}: ${n} dòng được đọc lại theo vị trí từng ký tự (chữ do phông dự phòng vẽ riêng hoặc vẽ chồng), ví dụ "${first.drawn}" → "${first.text}".`, messageEn: `Page ${page}: ${n} line(s) read again by the position of each glyph (letters drawn apart by a fallback font, or drawn twice), e.g. "${first.drawn}" → "${first.text}".`, ref });
    }
    const mark = changed.attachedMark[0];
    if (mark) {
      const n = changed.attachedMark.length;
      this.found.push({ code: "pdf.marksAttached", message: `Trang ${page}: dấu thanh, dấu phụ ở ${n} dòng được gắn vào chữ cái mang nó, ví dụ "${mark.drawn}" → "${mark.text}".`, messageEn: `Page ${page}: accents on ${n} line(s) were attached to the letter that carries them, e.g. "${mark.drawn}" → "${mark.text}".`, ref });
    }
  }

  private addGrid(grid: PageGrid, caption: string | null, page: number): void {
    const { file, tables } = this;
    const warnings = this.found;
    const previous = tables[tables.length - 1];
    const sameColumns = !!previous && previous.colXs.length === grid.colXs.length && previous.colXs.every((x, i) => Math.abs(x - grid.colXs[i]!) <= 3);
    let rows = grid.rows;
    if (previous && caption === null && sameColumns && previous.page < page) {
      // The same table on the next page: drop its repeated header rows and carry on.
      const header = previous.table.header;
      let skip = 0;
      while (skip < header.length && rows[skip] && key(texts(rows[skip]!)) === key(header[skip]!)) skip++;
      if (skip > 0) warnings.push({ code: "pdf.headerRepeated", message: `Dòng tiêu đề lặp lại ở trang ${page} đã được bỏ qua.`, messageEn: `The header repeated on page ${page} was skipped.`, ref: { file, page } });
      rows = rows.slice(skip);
      const first = rows[0];
      if (first && previous.table.rows.length > 0) {
        // No border closes the cut: whatever the next page starts with belongs to the row above, wherever the break fell.
        const joined = joinBrokenCells(previous, first, previous.openBottom || grid.openTop === true);
        if (joined > 0) warnings.push({ code: "pdf.rowSplit", message: `Một dòng của bảng bị ngắt sang trang ${page}; phần tiếp theo đã được nối lại.`, messageEn: `A table row broken onto page ${page} was joined back together.`, ref: { file, page } });
        if (first.every((c) => c.text === "")) rows = rows.slice(1);
      }
      for (const row of rows) append(previous, row, page, file);
      previous.page = page;
      previous.bottom = grid.bottom;
      previous.openBottom = grid.openBottom === true;
      return;
    }
    const headerCount = rows.length > 1 && rows[0]!.some((c) => c.span > 1) && rows[1]!.some((c) => c.continued) ? 2 : 1;
    const header = rows.slice(0, headerCount).map((row) => texts(row).map((cell) => this.mendHeaderCell(cell, page)));
    const open: OpenTable = { table: { caption, header, rows: [], source: { file, page } }, colXs: grid.colXs, page, anchors: [], bottom: grid.bottom, openBottom: grid.openBottom === true };
    for (const row of rows.slice(headerCount)) append(open, row, page, file);
    tables.push(open);
  }

}

function captionOf(lines: string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) if (CAPTION_START.test(lines[i]!)) return lines.slice(i).join("\n");
  return null;
}

const texts = (row: GridCell[]): string[] => row.map((c) => c.text);
const roleOf = (cell: string): string => recognizeColumns([[cell]])[0]?.role ?? "unknown";
const key = (cells: string[]): string => cells.map((c) => c.toLowerCase()).join("\u0001");

function append(open: OpenTable, row: GridCell[], page: number, file: string): void {
  const cells = texts(row);
  if (cells.every((c) => c === "")) return;
  const index = open.table.rows.length;
  open.table.rows.push({ cells, ref: { file, row: index + 1, page } });
  row.forEach((c, j) => {
    if (!c.continued) open.anchors[j] = index;
  });
}

/** A cell that stops on a comma, a hyphen or a joining word has more to come. */
const UNFINISHED = /([,;:(\-–]|\s(và|của|các|với|theo|trong|cho|về|tại|từ|đến|là|được|hoặc))$/u;

/**
 * At the top of a new page, a row without STT continues cells the page broke
 * (of the row above, or of a merged cell opened higher up): each cell that
 * starts mid-sentence (lower case, "(,;)") or whose cell above stops
 * unfinished (a comma, a joining word); a leading number ("67/2023/NQ-HĐND")
 * counts only when every cell of the row is such a continuation, since task
 * rows start with task numbers. A row with an STT is always new (its cells may
 * start in lower case: "các sở"). When the page end cut the row without a
 * border (`certain`), or the row has no STT, no cell opening a new item, and
 * a cell that plainly continues (or no name), the whole first row continues
 * it, wherever the break fell in each cell. Otherwise a break that falls exactly between two paragraphs of one
 * cell cannot be told from a new row and stays a new row.
 */
function joinBrokenCells(open: OpenTable, row: GridCell[], certain = false): number {
  if (row[0]?.text && !certain) return 0;
  const last = open.table.rows.length - 1;
  const targetOf = (j: number): RawRow => open.table.rows[open.anchors[j] ?? last] ?? open.table.rows[last]!;
  const continues = (j: number, t: string): boolean => /^[\p{Ll}(,;)]/u.test(t) || UNFINISHED.test(targetOf(j).cells[j] ?? "");
  const numberLike = (t: string): boolean => /^\d/.test(t) && !/^\d+(\.\d+)+\.?\s/.test(t);
  const filled = row.map((c, j) => [c, j] as const).filter(([c]) => c.text !== "");
  const wholeRow = filled.length > 0 && filled.every(([c, j]) => continues(j, c.text) || numberLike(c.text));
  // No STT and no cell opening a new item (a bullet, a task number), and either a cell plainly continues or the name is empty:
  // the page cut the row above, wherever it fell in each cell ("…, Công" / "Thương, XD…").
  const opensItem = filled.some(([c]) => PARAGRAPH_START.test(c.text) || /^\d+(\.\d+)*\.?\s/u.test(c.text));
  const headless = !row[0]?.text && filled.length > 0 && !opensItem && (!row[1]?.text || filled.some(([c, j]) => continues(j, c.text)));
  const sure = certain || headless;
  let moved = 0;
  row.forEach((c, j) => {
    if (!c.text || !(sure || continues(j, c.text) || (wholeRow && numberLike(c.text)))) return;
    const target = targetOf(j);
    const before = target.cells[j] ?? "";
    // A sentence ended before the page break and a capital starts after it: most likely a new paragraph of the cell.
    const paragraph = PARAGRAPH_START.test(c.text) || (/[.;:]$/u.test(before) && /^\p{Lu}/u.test(c.text));
    target.cells[j] = before === "" ? c.text : paragraph ? `${before}\n${c.text}` : /[\p{L}\d]-$/u.test(before) ? before + c.text : `${before} ${c.text}`;
    c.text = "";
    moved++;
  });
  return moved;
}
