/**
 * Reads an .xlsx file back into a WorkbookSnapshot: the values of every Excel
 * table (formula cells give their cached result when the file has one, else
 * null). Interpretation (which table is ours, what officials typed) is the
 * core's job (src/core/workbook).
 */
import type ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import { WorkbookSnapshotSchema } from "../core/workbook/snapshot";
import { patchExceljs } from "./_lib/exceljsPatch";
import { readableByExceljs } from "./_lib/readable";
import { DEFINED_NAMES } from "../core/layout";
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../core/workbook/snapshot";
import { ImportFileError } from "../import/_lib/errors";
import { checkXlsxPackage } from "../import/_lib/xlsxGuard";
import { loadWorkbookQuietly } from "../import/_lib/exceljsLoad";
import type { PackageBounds } from "../import/_lib/xlsxGuard";

/** Rows and columns one table may have: far above any plan (20,000 rows is a large one). */
export const MAX_TABLE_ROWS = 200_000;
export const MAX_TABLE_COLUMNS = 1_000;

function tooLarge(table: string, count: number, unit: "rows" | "columns"): ImportFileError {
  const limit = unit === "rows" ? MAX_TABLE_ROWS : MAX_TABLE_COLUMNS;
  return new ImportFileError("tableTooLarge", { where: `Bảng ${table}`, whereEn: `Table ${table}`, count, unit: unit === "rows" ? "dòng" : "cột", unitEn: unit, limit });
}

/** One cell's value as a snapshot value: numbers, text and booleans as they are, everything else flattened. */
export function snapshotValue(v: CellValue): SnapshotValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    return typeof result === "string" || typeof result === "number" || typeof result === "boolean" ? result : null;
  }
  if ("hyperlink" in v) return String((v as { text?: unknown }).text ?? "");
  // A typed error ("#N/A") is something an official typed, not an empty cell: keep its text so it is reported.
  if ("error" in v) return String((v as { error: unknown }).error);
  return null;
}

interface LoadedTable {
  name?: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const parts = ref.split(":");
  const one = (a: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.toUpperCase());
    if (!m || !m[1] || !m[2]) throw new Error(`Not an A1 address: "${a}"`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const a = one(parts[0] ?? "");
  const b = one(parts[1] ?? parts[0] ?? "");
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** Our single-cell defined names whose value the core reads (KyBaoCao), by name. */
const READ_NAMES = [DEFINED_NAMES.reportPeriod, DEFINED_NAMES.tolerance];

function namedCells(wb: ExcelJS.Workbook): Record<string, SnapshotValue> {
  const out: Record<string, SnapshotValue> = {};
  const model = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
  for (const name of READ_NAMES) {
    const entry = model.find((m) => m.name.toLowerCase() === name.toLowerCase());
    const range = entry?.ranges[0];
    const m = range ? /^'?(.*?)'?!\$?([A-Z]{1,3})\$?(\d+)$/.exec(range) : null;
    if (!m || !m[1] || !m[2] || !m[3]) continue;
    const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
    if (ws) out[name] = snapshotValue(ws.getCell(`${m[2]}${m[3]}`).value);
  }
  return out;
}

/**
 * @example
 * const snapshot = await readWorkbook(await fs.readFile("chi-tieu.xlsx"));
 * snapshot.tables.find((t) => t.name === "ChiTieu")?.rows.length
 */
export async function readWorkbook(bytes: Uint8Array, file = "workbook.xlsx", bounds: PackageBounds = {}): Promise<WorkbookSnapshot> {
  // The reader needs the patch too: unpatched exceljs crashes on a table column's calculatedColumnFormula.
  patchExceljs();
  // Zip bombs and whole-column merges exhaust memory inside exceljs's loader: refuse them before it runs.
  await checkXlsxPackage(bytes, file, bounds);
  const { workbook: wb, original } = await loadWorkbookQuietly(await readableByExceljs(bytes));
  const tables: TableSnapshot[] = [];
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as Array<{ table?: LoadedTable } & LoadedTable>) {
      const model = t.table ?? t;
      const ref = model.tableRef ?? model.ref;
      if (!ref || !model.name) continue;
      const r = decodeRange(ref);
      if (r.right - r.left + 1 > MAX_TABLE_COLUMNS) throw tooLarge(model.name, r.right - r.left + 1, "columns");
      // A ref may claim far more rows than the sheet has (A1:Z1048576): rows past the sheet's last row are empty, so stop there.
      const bottom = Math.min(r.bottom, ws.rowCount);
      if (bottom - r.top > MAX_TABLE_ROWS) throw tooLarge(model.name, bottom - r.top, "rows");
      // findRow/findCell read without creating: getCell would materialise every cell of the range.
      const valueAt = (row: number, c: number): SnapshotValue => snapshotValue(ws.findRow(row)?.findCell(c)?.value ?? null);
      const headers: string[] = [];
      for (let c = r.left; c <= r.right; c++) headers.push(String(valueAt(r.top, c) ?? ""));
      const rows: SnapshotValue[][] = [];
      for (let row = r.top + 1; row <= bottom; row++) {
        const values: SnapshotValue[] = [];
        for (let c = r.left; c <= r.right; c++) values.push(valueAt(row, c));
        rows.push(values);
      }
      // Rows the ref claims past the sheet's end are the same empty rows a shorter ref would leave out; keep none of them.
      while (rows.length > 0 && bottom < r.bottom && rows[rows.length - 1]!.every((v) => v === null)) rows.pop();
      tables.push({ sheet: original(ws.name), name: model.name, anchor: ref.split(":")[0] ?? ref, headers, rows });
    }
  }
  return WorkbookSnapshotSchema.parse({ sheetNames: wb.worksheets.map((w) => original(w.name)), tables, names: namedCells(wb) });
}

/**
 * Values of a few free cells (outside tables), e.g. the plan's title on the summary sheet; null where the
 * sheet or cell is missing.
 * @example
 * await readCells(bytes, [{ sheet: "Tổng hợp", address: "A1" }]) // ["Tổng hợp chỉ tiêu: Kế hoạch …"]
 */
export async function readCells(bytes: Uint8Array, cells: Array<{ sheet: string; address: string }>): Promise<SnapshotValue[]> {
  patchExceljs();
  const { workbook: wb, original } = await loadWorkbookQuietly(await readableByExceljs(bytes));
  return cells.map((c) => {
    const ws = wb.worksheets.find((w) => original(w.name) === c.sheet);
    return ws ? snapshotValue(ws.getCell(c.address).value) : null;
  });
}
