/**
 * Excel (.xlsx) and CSV reader: one appendix table per sheet, its header row
 * found anywhere in the first rows (below a title block), possibly merged,
 * possibly two rows.
 *
 * Numbers are turned into the text a Vietnamese document would print (decimal
 * comma, the decimals and percent of the cell's own format: 0.1393 shown as
 * "0.00%" → "13,93%"), so a template typed with real numbers and one typed as
 * text reach the core in the same form and are parsed by one parser. Text
 * cells pass through exactly. Merged cells follow the rule of every reader: a
 * horizontal merge repeats its text across the span, a vertical merge keeps it
 * in its first row only.
 */
import type ExcelJS from "exceljs";
import type { RawTable } from "../../core/import/rawTable";
import type { ImportWarning } from "../../core/model";
import { ImportFileError } from "../_lib/errors";
import { loadWorkbookQuietly } from "../_lib/exceljsLoad";
import type { LoadedWorkbook } from "../_lib/exceljsLoad";
import { checkXlsxPackage } from "../_lib/xlsxGuard";
import { tidyLine } from "../_lib/types";
import type { ReadDocument } from "../_lib/types";
import { decodeCsv, parseCsv } from "./_lib/csv";
import { formatDate, formatNumberText } from "./_lib/format";
import { findTable } from "./_lib/table";
import type { HeaderScorer, Merge, SheetGrid } from "./_lib/table";
import { scoreHeaderRow } from "./_lib/header";

/** Sheets that explain a template rather than hold a table (the template's own "Hướng dẫn"). */
const INSTRUCTION_SHEET = /^(hướng dẫn|huong dan|instructions?)$/iu;

/**
 * Reads an .xlsx or .csv appendix (by file name: ".csv" is CSV, anything else xlsx).
 *
 * @example
 * const doc = await readSpreadsheet(bytes, "mau-phu-luc.xlsx");
 * doc.tables[0].header; // [["STT", "Chỉ tiêu", "Đơn vị tính", …]]
 */
export async function readSpreadsheet(bytes: Uint8Array, file: string, score: HeaderScorer = scoreHeaderRow): Promise<ReadDocument> {
  const warnings: ImportWarning[] = [];
  const grids = /\.csv$/i.test(file) ? [csvGrid(bytes, file, warnings)] : await xlsxGrids(bytes, file);
  const tables: RawTable[] = [];
  const body: string[] = [];
  for (const grid of grids) {
    if (INSTRUCTION_SHEET.test(grid.name.trim())) continue;
    const found = findTable(grid, file, score, warnings);
    if (!found) {
      if (grid.cells.some((r) => r.some((c) => c !== ""))) {
        warnings.push({ code: "sheet.noHeader", message: `Trang "${grid.name}" không có dòng tiêu đề bảng phụ lục (STT, Chỉ tiêu…) trong ${15} dòng đầu, nên đã bỏ qua.`, messageEn: `Sheet "${grid.name}" has no appendix header row (STT, Chỉ tiêu…) in its first 15 rows and was skipped.`, ref: { file, appendix: grid.name } });
      }
      continue;
    }
    for (const line of found.above) body.push(line);
    tables.push(found.table);
  }
  return { file, bodyText: body.join("\n"), tables, warnings };
}

function csvGrid(bytes: Uint8Array, file: string, warnings: ImportWarning[]): SheetGrid {
  const { text, legacy } = decodeCsv(bytes);
  if (legacy) {
    warnings.push({ code: "csv.notUtf8", message: "Tệp CSV không phải UTF-8; đã đọc theo bảng mã Windows-1258. Hãy kiểm tra dấu tiếng Việt.", messageEn: "The CSV file is not UTF-8; it was read as Windows-1258. Check the Vietnamese diacritics.", ref: { file } });
  }
  const cells = parseCsv(text).map((row) => row.map((c) => c.split(/\r?\n/).map(tidyLine).filter((l) => l !== "").join("\n")));
  return { name: file.replace(/^.*[\\/]/, "").replace(/\.csv$/i, ""), cells, merges: [] };
}

async function xlsxGrids(bytes: Uint8Array, file: string): Promise<SheetGrid[]> {
  // Zip bombs and whole-column merges exhaust memory inside exceljs's loader: refuse them before it runs.
  await checkXlsxPackage(bytes, file);
  let loaded: LoadedWorkbook;
  try {
    loaded = await loadWorkbookQuietly(bytes);
  } catch {
    throw new ImportFileError("corrupt", { detail: "xlsx" });
  }
  return loaded.workbook.worksheets.filter((ws) => ws.state === "visible" || ws.state === undefined).map((ws) => ({ ...sheetGrid(ws), name: loaded.original(ws.name) }));
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: string[][] = [];
  const merges: Merge[] = [];
  // Only rows that exist: a stray cell far below the table must not make exceljs build every row in between.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      let text: string;
      if (cell.isMerged && cell.master.address !== cell.address) {
        const master = cell.master;
        // Below the merge's first row: the text is in the row above (the rule for every format).
        text = Number(master.row) === r ? cellText(master) : "";
      } else text = cellText(cell);
      out[c - 1] = text;
    });
    cells[r - 1] = Array.from(out, (t) => t ?? "");
  });
  for (const range of mergeRanges(ws)) merges.push(range);
  return { name: ws.name, cells: Array.from(cells, (r) => r ?? []), merges };
}

/** Merged ranges as 0-based boxes, from the sheet model ("B3:C4"). */
function mergeRanges(ws: ExcelJS.Worksheet): Merge[] {
  const model = ws.model as unknown as { merges?: string[] };
  return (model.merges ?? []).flatMap((ref) => {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
    if (!m) return [];
    return [{ left: colIndex(m[1]!), top: Number(m[2]) - 1, right: colIndex(m[3]!), bottom: Number(m[4]) - 1 }];
  });
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type CellValue = ExcelJS.CellValue;

/** The text of a cell as a document would print it; see the module comment. */
export function cellText(cell: { value: CellValue; numFmt?: string }): string {
  // Runs of spaces are collapsed line by line, as the Word and PDF readers do, so formats agree.
  return valueText(cell.value, cell.numFmt).split("\n").map(tidyLine).filter((l) => l !== "").join("\n");
}

function valueText(v: CellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return formatNumberText(v, numFmt);
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return formatDate(v);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("error" in v) return String(v.error);
  if ("formula" in v || "sharedFormula" in v) return valueText((v as { result?: CellValue }).result ?? null, numFmt);
  if ("text" in v) return typeof v.text === "string" ? v.text : valueText(v.text as CellValue, numFmt);
  return "";
}
