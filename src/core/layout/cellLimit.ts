/**
 * Excel keeps at most 32,767 characters in a cell; a longer text is cut by
 * Excel on opening, or makes the file fail to open, depending on the writer.
 * The layout cuts such text itself, in one place for both writers, ends it
 * with "…" and lists every cut cell so the import can say so (a finding on the
 * Kiểm tra sheet and a warning on the command line). The full text is not in
 * the workbook; it stays in the source file and in the import's model
 * (`chitieu parse FILE --json`), which is what the message says.
 */
import type { Finding } from "../model";
import type { LayoutCell, WorkbookLayout } from "./types";
import { address, parseAddress } from "./_lib/a1";

/** Excel's limit on the characters (UTF-16 code units) of one cell. */
export const EXCEL_CELL_MAX = 32_767;

export interface CutCell {
  sheet: string;
  /** A1 address of the cell on its sheet. */
  cell: string;
  /** Length of the full text, in characters. */
  length: number;
}

/** The text cut to Excel's limit with a closing "…", never splitting a surrogate pair. */
export function fitCellText(text: string): string {
  if (text.length <= EXCEL_CELL_MAX) return text;
  let end = EXCEL_CELL_MAX - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function fit(value: LayoutCell, where: () => { sheet: string; cell: string }, cut: CutCell[], report = true): LayoutCell {
  if (typeof value !== "string" || value.length <= EXCEL_CELL_MAX) return value;
  if (report) cut.push({ ...where(), length: value.length });
  return fitCellText(value);
}

/** The layout with every over-long text cut, and the cells that were cut. Formulas are ours and never that long. */
export function limitCellText(layout: WorkbookLayout): { layout: WorkbookLayout; cut: CutCell[] } {
  const cut: CutCell[] = [];
  const sheets = layout.sheets.map((sheet) => ({
    ...sheet,
    tables: sheet.tables.map((table) => {
      const anchor = parseAddress(table.anchor);
      return {
        ...table,
        // Hidden columns (row keys built from the text) are cut the same way, so they stay stable across imports,
        // but not reported: the visible cell holding the text is, and one warning per problem is enough.
        rows: table.rows.map((row, r) => row.map((value, c) => fit(value, () => ({ sheet: sheet.name, cell: address(anchor.row + 1 + r, anchor.col + c) }), cut, !table.columns[c]?.hidden))),
      };
    }),
    cells: sheet.cells.map((free) => ({ ...free, value: fit(free.value, () => ({ sheet: sheet.name, cell: free.address }), cut) })),
  }));
  return { layout: { ...layout, sheets }, cut };
}

const thousands = (n: number): string => n.toLocaleString("vi-VN");

/** One finding per cut cell, linked to the cell, saying where the full text is. */
export function cutCellFindings(cut: CutCell[]): Finding[] {
  return cut.map((c) => ({
    rule: "cell.tooLong",
    severity: "warning" as const,
    message: `Ô ${c.sheet}!${c.cell} có ${thousands(c.length)} ký tự, vượt giới hạn ${thousands(EXCEL_CELL_MAX)} ký tự một ô của Excel: đã cắt bớt (cuối ô có dấu "…"). Toàn văn vẫn nằm trong tệp phụ lục gốc và trong kết quả "chitieu parse TỆP --json", không nằm trong sổ này.`,
    messageEn: `Cell ${c.sheet}!${c.cell} has ${c.length} characters, over Excel's limit of ${EXCEL_CELL_MAX} per cell: it was cut (ending in "…"). The full text is still in the source appendix file and in the output of "chitieu parse FILE --json", not in this workbook.`,
    ref: { sheet: c.sheet, cell: c.cell },
  }));
}
