/**
 * Where an indicator's cell sits in a layout, so every finding can carry the
 * sheet and A1 address of the cell it is about.
 */
import type { SheetSpec, TableSpec, WorkbookLayout } from "./types";
import { address, parseAddress } from "./_lib/a1";

export interface LayoutIndex {
  /** The indicators sheet's name ("Chỉ tiêu", or a suffixed name). */
  sheet: string;
  /** Indicator key → 0-based data row. */
  rows: Map<string, number>;
  /** Column key → 0-based column. */
  columns: Map<string, number>;
  /** Header cell of the table. */
  anchor: { row: number; col: number };
}

const cache = new WeakMap<WorkbookLayout, LayoutIndex | null>();

function indicatorTable(layout: WorkbookLayout): { sheet: SheetSpec; table: TableSpec } | null {
  const sheet = layout.sheets.find((s) => s.role === "indicators");
  const table = sheet?.tables[0];
  return sheet && table ? { sheet, table } : null;
}

/** Builds (once per layout) the lookup that `locateCell` uses; null when the layout has no indicators table. */
export function indexLayout(layout: WorkbookLayout): LayoutIndex | null {
  if (cache.has(layout)) return cache.get(layout) ?? null;
  const found = indicatorTable(layout);
  let index: LayoutIndex | null = null;
  if (found) {
    const columns = new Map(found.table.columns.map((c, i) => [c.key, i]));
    const keyCol = columns.get("key");
    const rows = new Map<string, number>();
    if (keyCol !== undefined) {
      found.table.rows.forEach((r, i) => {
        const k = r[keyCol];
        if (typeof k === "string" && !rows.has(k)) rows.set(k, i);
      });
    }
    index = { sheet: found.sheet.name, rows, columns, anchor: parseAddress(found.table.anchor) };
  }
  cache.set(layout, index);
  return index;
}

/**
 * The cell of an indicator's column, or null when the key or column is unknown.
 * @example
 * locateCell(layout, "PL1:3.1", "target") // { sheet: "Chỉ tiêu", address: "J4" }
 * locateCell(layout, "PL1:3.1", "period:2023-H1") // { sheet: "Kết quả theo kỳ", address: "D4" }
 */
export function locateCell(layout: WorkbookLayout, indicatorKey: string, columnKey: string): { sheet: string; address: string } | null {
  // "period:2023-H1": the indicator's cell for that period in the Kết quả theo kỳ grid.
  if (columnKey.startsWith("period:")) {
    const sheet = layout.sheets.find((s) => s.role === "results");
    const table = sheet?.tables[0];
    if (!sheet || !table) return null;
    const col = table.columns.findIndex((c) => c.key === columnKey);
    const keyCol = table.columns.findIndex((c) => c.key === "key");
    const row = table.rows.findIndex((r) => r[keyCol] === indicatorKey);
    if (col < 0 || keyCol < 0 || row < 0) return null;
    const anchor = parseAddress(table.anchor);
    return { sheet: sheet.name, address: address(anchor.row + 1 + row, anchor.col + col) };
  }
  const index = indexLayout(layout);
  if (!index) return null;
  const row = index.rows.get(indicatorKey);
  const col = index.columns.get(columnKey);
  if (row === undefined || col === undefined) return null;
  return { sheet: index.sheet, address: address(index.anchor.row + 1 + row, index.anchor.col + col) };
}
