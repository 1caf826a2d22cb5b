/**
 * Where a collect's writes land in the tracking workbook: the period grid
 * ("Kết quả theo kỳ", one column per period headed by its label) and the
 * status column of the Nhiệm vụ table, each row found by its hidden key.
 */
import { header, TABLE_NAMES, TASK_COLUMNS } from "../../layout/_lib/columns";
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
