/**
 * Changes our cells in an existing .xlsx and nothing else we can avoid: input
 * cells found by table name, row key and column header (never by position,
 * officials sort and add columns), and our own sheets replaced whole. Used by
 * `chitieu collect` until the shared in-place mechanism (./update.ts, from the
 * inplace work) takes cell writes and whole sheets; it rewrites the file
 * through exceljs, so parts exceljs does not model (charts, pivots) are lost.
 */
import ExcelJS from "exceljs";
import type { SheetSpec } from "../core/layout/types";
import type { TableCellWrite } from "../core/forms";
import { patchExceljs } from "./_lib/exceljsPatch";
import { snapshotValue } from "./read";
import { writeSheet } from "./write";


interface LoadedTable {
  name?: string;
  tableRef?: string;
  ref?: string;
}

function decode(ref: string): { top: number; left: number; bottom: number; right: number } {
  const one = (a: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.toUpperCase());
    if (!m || !m[1] || !m[2]) throw new Error(`Not an A1 address: "${a}"`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]), col };
  };
  const [a, b] = ref.split(":");
  const p = one(a ?? "");
  const q = one(b ?? a ?? "");
  return { top: p.row, left: p.col, bottom: q.row, right: q.col };
}

/**
 * exceljs reads data validations back one cell at a time and, writing them
 * again, regroups them into overlapping ranges (E2:E32 and E10:E32), which
 * Excel's strict readers reject. Regroup them ourselves first: one range per
 * column and run of consecutive rows with the same rule.
 */
function compactValidations(ws: ExcelJS.Worksheet): void {
  const handle = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations;
  const cells = new Map<string, Array<{ col: string; row: number }>>();
  const rules = new Map<string, unknown>();
  for (const [address, rule] of Object.entries(handle.model)) {
    if (rule === undefined || rule === null) continue;
    const id = JSON.stringify(rule);
    rules.set(id, rule);
    const r = decode(address);
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) cells.set(id, [...(cells.get(id) ?? []), { col: letterOf(col), row }]);
    }
  }
  const model: Record<string, unknown> = {};
  for (const [id, list] of cells) {
    const byCol = new Map<string, number[]>();
    for (const c of list) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
    for (const [col, rows] of byCol) {
      rows.sort((a, b) => a - b);
      let start = rows[0] ?? 0;
      for (let i = 1; i <= rows.length; i++) {
        const prev = rows[i - 1] ?? start;
        if (i === rows.length || rows[i] !== prev + 1) {
          model[start === prev ? `${col}${start}` : `${col}${start}:${col}${prev}`] = rules.get(id);
          start = rows[i] ?? start;
        }
      }
    }
  }
  handle.model = model;
}

function letterOf(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * @example
 * const { bytes, missing } = await updateWorkbookCells(old, { cells: [{ table: "KetQuaTheoKy", keyHeader: "Khóa", key: "PL-I/3.2", header: "Năm 2023", value: 3.1 }], sheets: [] });
 */
export async function updateWorkbookCells(input: Uint8Array, change: { cells: TableCellWrite[]; sheets: SheetSpec[] }): Promise<{ bytes: Uint8Array; missing: TableCellWrite[] }> {
  patchExceljs();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  const missing: TableCellWrite[] = [];
  const byTable = new Map<string, TableCellWrite[]>();
  for (const c of change.cells) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  for (const [name, cells] of byTable) {
    let found = false;
    for (const ws of wb.worksheets) {
      for (const t of ws.getTables() as unknown as Array<{ table?: LoadedTable } & LoadedTable>) {
        const model = t.table ?? t;
        const ref = model.tableRef ?? model.ref;
        if (!ref || !model.name || !(model.name === name || model.name.startsWith(name)) || found) continue;
        found = true;
        const r = decode(ref);
        const headers = new Map<string, number>();
        for (let c = r.left; c <= r.right; c++) headers.set(String(snapshotValue(ws.getCell(r.top, c).value) ?? "").trim(), c);
        for (const cell of cells) {
          const keyCol = headers.get(cell.keyHeader);
          const col = headers.get(cell.header);
          let row = -1;
          if (keyCol !== undefined) {
            for (let i = r.top + 1; i <= r.bottom; i++) if (String(snapshotValue(ws.getCell(i, keyCol).value) ?? "") === cell.key) row = i;
          }
          if (row < 0 || col === undefined) missing.push(cell);
          else ws.getCell(row, col).value = cell.value;
        }
      }
    }
    if (!found) missing.push(...cells);
  }
  for (const ws of wb.worksheets) compactValidations(ws);
  // exceljs drops formulas' cached results it cannot keep consistent: have Excel compute everything on open.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const spec of change.sheets) {
    const old = wb.getWorksheet(spec.name);
    if (old) wb.removeWorksheet(old.id);
    await writeSheet(wb, spec);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), missing };
}
