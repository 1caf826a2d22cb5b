/**
 * Where a collect's writes land in the tracking workbook: the period grid
 * ("Kết quả theo kỳ", one column per period headed by its label) and the
 * status column of the Nhiệm vụ table, each row found by its hidden key.
 */
import { header, SHEET_NAMES, TABLE_NAMES, TASK_COLUMNS } from "../../layout/_lib/columns";
import { PERCENT_FORMAT } from "../../layout/_lib/indicators";
import type { SheetSpec, TableSpec, WorkbookLayout } from "../../layout/types";
import { columnLetter, parseAddress } from "../../layout/_lib/a1";
import type { Lang } from "../../status/labels";
import type { SnapshotValue, WorkbookSnapshot } from "../../workbook/snapshot";
import type { FormSource } from "../source";
import type { CellWrite } from ".";
import { PERIOD_GRID } from "../source";

/** One input cell of one of our tables, found by its row's key and its column's header. */
export interface TableCellWrite {
  /** Table name; a name Excel suffixed ("KetQuaTheoKy2") is found too. */
  table: string;
  keyHeader: string;
  key: string;
  header: string;
  value: number | string | null;
}

/**
 * @example
 * tableWrites([{ target: "periodResult", key: "PL-I/3.2", periodId: "2023", value: 3.1 }], source, "vi")
 * // [{ table: "KetQuaTheoKy", keyHeader: "Khóa", key: "PL-I/3.2", header: "Năm 2023", value: 3.1 }]
 */
export function tableWrites(writes: CellWrite[], source: FormSource, lang: Lang): TableCellWrite[] {
  return writes.map((w) => {
    if (w.target === "taskStatus") {
      return { table: TABLE_NAMES.tasks, keyHeader: header(TASK_COLUMNS, "key", lang), key: w.key, header: header(TASK_COLUMNS, "status", lang), value: w.value };
    }
    const period = source.periods.find((p) => p.id === w.periodId);
    if (!period) throw new Error(`tableWrites: period ${w.periodId} is not one of the plan's`);
    return { table: PERIOD_GRID.table, keyHeader: PERIOD_GRID.keyHeader(lang), key: w.key, header: period.header ?? period.label, value: w.value };
  });
}

const str = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * The sheet and A1 address of each write in a workbook as read (after any
 * sorting by officials); writes whose table, row or column is gone come back
 * in `missing`, so an adapter can refuse to write anything.
 */
export function locateWrites(snapshot: WorkbookSnapshot, writes: TableCellWrite[]): { located: Array<TableCellWrite & { sheet: string; address: string }>; missing: TableCellWrite[] } {
  const located: Array<TableCellWrite & { sheet: string; address: string }> = [];
  const missing: TableCellWrite[] = [];
  const rowIndex = new Map<string, Map<string, number>>();
  for (const w of writes) {
    const t = snapshot.tables.find((x) => x.name === w.table) ?? snapshot.tables.find((x) => x.name.startsWith(w.table) && /^\d+$/.test(x.name.slice(w.table.length)));
    const k = t ? t.headers.findIndex((h) => h.trim() === w.keyHeader) : -1;
    const c = t ? t.headers.findIndex((h) => h.trim() === w.header) : -1;
    if (!t || k < 0 || c < 0) {
      missing.push(w);
      continue;
    }
    const id = `${t.name}|${w.keyHeader}`;
    let rows = rowIndex.get(id);
    if (!rows) {
      rows = new Map();
      for (const [i, r] of t.rows.entries()) if (str(r[k]) !== "") rows.set(str(r[k]), i);
      rowIndex.set(id, rows);
    }
    const i = rows.get(w.key);
    if (i === undefined) {
      missing.push(w);
      continue;
    }
    const anchor = parseAddress(t.anchor);
    located.push({ ...w, sheet: t.sheet, address: `${columnLetter(anchor.col + c)}${anchor.row + 1 + i}` });
  }
  return { located, missing };
}

/**
 * What a collect changes, as a layout for the in-place updaters (src/xlsx
 * `updateWorkbookInPlace`, src/excel `updateInPlace`) plus the cells they may
 * overwrite: the collected figures in the period grid and the task statuses
 * (input cells, written only where the core decided so), and the two history
 * sheets. Tables list only the rows and columns collected: an in-place update
 * leaves every other row and column as it is.
 * @example
 * const { layout, overwrite } = collectLayout(outcome.writes, [historySheet(...), progressSheet(...)], source, "vi");
 * await updateWorkbookInPlace(bytes, layout, { overwrite });
 */
export function collectLayout(writes: CellWrite[], sheets: SheetSpec[], source: FormSource, lang: Lang): { layout: WorkbookLayout; overwrite: Array<{ table: string; key: string; column: string }> } {
  const percent = new Set(source.indicators.filter((i) => i.percent).map((i) => i.key));
  const results = writes.filter((w): w is Extract<CellWrite, { target: "periodResult" }> => w.target === "periodResult");
  const statuses = writes.filter((w): w is Extract<CellWrite, { target: "taskStatus" }> => w.target === "taskStatus");
  const overwrite: Array<{ table: string; key: string; column: string }> = [];
  const out: SheetSpec[] = [];
  const bare = (name: string, table: TableSpec): SheetSpec => ({ name, role: "info", tables: [table], cells: [], conditionalFormats: [], charts: [], freeze: { rows: 0, columns: 0 } });
  if (results.length > 0) {
    const ids = [...new Set(results.map((w) => w.periodId))];
    const periods = ids.map((id) => source.periods.find((p) => p.id === id)).filter((p) => p !== undefined);
    const keys = [...new Set(results.map((w) => w.key))];
    const col = (id: string): string => `period:${id}`;
    const table: TableSpec = {
      name: PERIOD_GRID.table,
      anchor: "A1",
      rowKey: "key",
      columns: [
        { key: "key", header: PERIOD_GRID.keyHeader(lang), width: 20, hidden: true, numberFormat: "@" },
        ...periods.map((p) => ({ key: col(p.id), header: p.header ?? p.label, width: 14, input: true })),
      ],
      rows: keys.map((k) => [k, ...periods.map((p) => results.find((w) => w.key === k && w.periodId === p.id)?.value ?? null)]),
      cellFormats: keys.flatMap((k, row) => (percent.has(k) ? periods.map((p) => ({ row, column: col(p.id), numberFormat: PERCENT_FORMAT })) : [])),
      style: "TableStyleMedium2",
    };
    for (const w of results) overwrite.push({ table: PERIOD_GRID.table, key: w.key, column: col(w.periodId) });
    out.push(bare(PERIOD_GRID.sheet[lang], table));
  }
  if (statuses.length > 0) {
    const table: TableSpec = {
      name: TABLE_NAMES.tasks,
      anchor: "A1",
      rowKey: "key",
      columns: [
        { key: "key", header: header(TASK_COLUMNS, "key", lang), width: 20, hidden: true, numberFormat: "@" },
        { key: "status", header: header(TASK_COLUMNS, "status", lang), width: 16, input: true },
      ],
      rows: statuses.map((w) => [w.key, w.value]),
      cellFormats: [],
      style: "TableStyleMedium2",
    };
    for (const w of statuses) overwrite.push({ table: TABLE_NAMES.tasks, key: w.key, column: "status" });
    out.push(bare(SHEET_NAMES[lang].tasks, table));
  }
  return { layout: { sheets: [...out, ...sheets], names: [] }, overwrite };
}
