/**
 * A sheet's grid of cell texts → one RawTable: the header row found among the
 * first rows (a title block may sit above it), a second header row when the
 * first groups columns, the rows above as caption, the rows below as data.
 */
import type { RawRow, RawTable } from "../../../core/import/rawTable";
import type { ImportWarning } from "../../../core/model";

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Cell texts, 0-based; a merged range's text repeated across its first row, "" below it. */
  cells: string[][];
  merges: Merge[];
}

/** How many cells of a row read as appendix column headers (from the core's column vocabulary). */
export type HeaderScorer = (row: string[]) => number;

/** The header may be preceded by a title block; offices rarely put more than this above it. */
export const HEADER_SEARCH_ROWS = 15;
/** A header names at least this many known columns (STT + name + one more). */
const MIN_HEADER_SCORE = 3;

export function findTable(grid: SheetGrid, file: string, score: HeaderScorer, warnings: ImportWarning[]): { table: RawTable; above: string[] } | null {
  const { cells } = grid;
  let headerAt = -1;
  let best = 0;
  for (let r = 0; r < Math.min(cells.length, HEADER_SEARCH_ROWS); r++) {
    const s = score(cells[r] ?? []);
    if (s > best) {
      best = s;
      headerAt = r;
    }
  }
  if (headerAt < 0 || best < MIN_HEADER_SCORE) return null;
  const headerRows = isSecondHeaderRow(grid, headerAt) ? 2 : 1;
  // A loop, not Math.max(...rows): spreading 300,000 rows into one call overflows the stack.
  let width = 0;
  for (let r = headerAt; r < cells.length; r++) width = Math.max(width, lastFilled(cells[r] ?? []) + 1);
  const pad = (row: string[]): string[] => Array.from({ length: width }, (_, i) => row[i] ?? "");
  const header = cells.slice(headerAt, headerAt + headerRows).map(pad);
  const above = cells.slice(0, headerAt).map((row) => row.find((c) => c !== "") ?? "").filter((t) => t !== "");
  const rows: RawRow[] = [];
  const headerKey = header[0]!.join("\u0001").toLowerCase();
  for (let i = 0; headerAt + headerRows + i < cells.length; i++) {
    const row = cells[headerAt + headerRows + i] ?? [];
    const padded = pad(row);
    if (padded.every((c) => c === "")) continue;
    const sheetRow = headerAt + headerRows + i + 1;
    if (padded.join("\u0001").toLowerCase() === headerKey) {
      warnings.push({ code: "table.headerRepeated", message: `Dòng tiêu đề lặp lại (dòng ${sheetRow} của trang "${grid.name}") đã được bỏ qua.`, messageEn: `A repeated header row (row ${sheetRow} of sheet "${grid.name}") was skipped.`, ref: { file, appendix: grid.name, row: sheetRow } });
      continue;
    }
    rows.push({ cells: padded, ref: { file, appendix: grid.name, row: sheetRow } });
  }
  const caption = captionOf(above);
  return { table: { caption, header, rows, source: { file, appendix: grid.name } }, above };
}

function lastFilled(row: string[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== "") return i;
  return -1;
}

/**
 * The row under the header belongs to it when a header cell is merged down
 * into it, or when it only fills columns grouped by the header (under a
 * merged or empty header cell: "Mục tiêu 2023" over "Toán tử" | "Giá trị").
 */
function isSecondHeaderRow(grid: SheetGrid, headerAt: number): boolean {
  if (grid.merges.some((m) => m.top === headerAt && m.bottom > headerAt)) return true;
  const header = grid.cells[headerAt] ?? [];
  const next = grid.cells[headerAt + 1] ?? [];
  const filled = next.map((c, i) => (c !== "" ? i : -1)).filter((i) => i >= 0);
  if (filled.length === 0) return false;
  const sameAsLeft = (i: number): boolean => i > 0 && header[i - 1] !== "" && (header[i] === "" || header[i] === header[i - 1]);
  const underGroup = (i: number): boolean => sameAsLeft(i) || (header[i] !== "" && sameAsLeft(i + 1));
  return filled.every(underGroup);
}

const CAPTION_START = /^(phụ lục|phu luc|biểu|bảng)\b/iu;

function captionOf(above: string[]): string | null {
  for (let i = above.length - 1; i >= 0; i--) if (CAPTION_START.test(above[i]!)) return above.slice(i).join("\n");
  return above.length > 0 ? above.join("\n") : null;
}
