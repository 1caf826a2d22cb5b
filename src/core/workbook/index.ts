/**
 * Understands a WorkbookSnapshot read back by either writer's reader: is this
 * a Chỉ tiêu workbook, which rows does it hold, and what did officials type
 * (results, notes, task statuses)? Headers are matched in Vietnamese or
 * English, so a workbook written in one UI language reads in the other.
 */
import type { Lang } from "../status/labels";
import { DEFINED_NAMES, INDICATOR_COLUMNS, LEGACY_INDICATOR_COLUMNS, PERIOD_GRID_COLUMNS, TABLE_NAMES, TASK_COLUMNS } from "../layout/_lib/columns";
import { comparePeriods, fullYearEstimateId, fullYearEstimateOf, parsePeriod } from "../period";
import type { Period } from "../period";
import type { ColumnDef } from "../layout/_lib/columns";
import { columnLetter, parseAddress } from "../layout/_lib/a1";
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "./snapshot";

export type { WorkbookSnapshot, TableSnapshot, SnapshotValue } from "./snapshot";
export { demoResults } from "./demo";
export { layoutSnapshot } from "./fromLayout";

export interface RowReading {
  /** The row's key (Khóa); null for a row an official added without one. */
  key: string | null;
  /** 1-based sheet row, as read (officials may have sorted the table since it was written). */
  sheetRow: number;
  /** Cell values by column key (only columns found in the table). */
  values: Record<string, SnapshotValue>;
}

export interface WorkbookReading {
  /** The workbook holds our indicators table (with its key column): a merge can target it. */
  isChiTieu: boolean;
  lang: Lang;
  sheets: { indicators: string | null; tasks: string | null };
  /** Column key → column letters, per table, as read. */
  columns: { indicators: Record<string, string>; tasks: Record<string, string> };
  indicators: RowReading[];
  tasks: RowReading[];
  /**
   * indicator key → the old single-round columns ("Kết quả 6 tháng", "Kết quả cả năm") of a
   * workbook written before periods existed; empty for a current workbook. The merge moves
   * them into the period grid (see src/core/merge).
   */
  results: Record<string, { result6m: SnapshotValue; resultYear: SnapshotValue }>;
  /**
   * The workbook has the old result columns: it was written before the period grid. An in-place update
   * leaves them in the table as the user's, next to the grid it adds; from then on the grid is the record
   * (see periodResultsOf in src/core/merge).
   */
  legacy: boolean;
  /** indicator key → period id → what was typed in the Kết quả theo kỳ grid (numbers, or whatever text). */
  periodResults: Record<string, Record<string, SnapshotValue>>;
  /** The grid's period columns, chronological. */
  periods: Period[];
  /** The ≈ tolerance the workbook holds (SaiSoChoPhep), null when not read. */
  tolerance: number | null;
  /** The period KyBaoCao names (label or id), null when blank, unreadable or not read. */
  reportPeriod: Period | null;
  /** Where the grid is: its sheet, the column letters of each period, the sheet row of each key (for findings' cells). */
  grid: { sheet: string; columns: Record<string, string>; rows: Record<string, number> } | null;
  notes: Record<string, SnapshotValue>;
  taskStatuses: Record<string, { status: SnapshotValue; note: SnapshotValue }>;
}

function columnMap(table: TableSnapshot, defs: ColumnDef[]): { map: Map<number, string>; lang: Lang } {
  const map = new Map<number, string>();
  let en = 0;
  table.headers.forEach((h, i) => {
    const t = h.trim();
    const def = defs.find((d) => d.vi === t) ?? defs.find((d) => d.en === t);
    if (def) {
      map.set(i, def.key);
      if (def.en === t && def.vi !== t) en++;
    }
  });
  return { map, lang: en > map.size / 2 ? "en" : "vi" };
}

// Excel and Office.js may suffix a table name when it is taken ("ChiTieu2"); the key column decides.
function findTable(snapshot: WorkbookSnapshot, base: string, defs: ColumnDef[]): TableSnapshot | undefined {
  const keyHeaders = defs.filter((d) => d.key === "key").flatMap((d) => [d.vi, d.en]);
  const candidates = snapshot.tables.filter((t) => t.name === base || t.name.startsWith(base));
  return candidates.find((t) => t.name === base) ?? candidates.find((t) => t.headers.some((h) => keyHeaders.includes(h.trim())));
}

function rowsOf(table: TableSnapshot | undefined, defs: ColumnDef[]): { rows: RowReading[]; lang: Lang; hasKey: boolean; letters: Record<string, string> } {
  if (!table) return { rows: [], lang: "vi", hasKey: false, letters: {} };
  const { map, lang } = columnMap(table, defs);
  const anchor = parseAddress(table.anchor);
  const letters: Record<string, string> = {};
  map.forEach((key, i) => (letters[key] = columnLetter(anchor.col + i)));
  const rows: RowReading[] = [];
  for (const [n, r] of table.rows.entries()) {
    if (r.every((v) => v === null || v === "")) continue;
    const values: Record<string, SnapshotValue> = {};
    map.forEach((key, i) => (values[key] = r[i] ?? null));
    const k = values.key;
    rows.push({ key: typeof k === "string" && k !== "" ? k : typeof k === "number" ? String(k) : null, sheetRow: anchor.row + 1 + n, values });
  }
  return { rows, lang, hasKey: [...map.values()].includes("key"), letters };
}

/**
 * @example
 * const reading = interpretSnapshot(await readWorkbook(bytes));
 * reading.results["PL1:3.1"] // { result6m: 0.45, resultYear: null }
 */
export function interpretSnapshot(snapshot: WorkbookSnapshot): WorkbookReading {
  const indTable = findTable(snapshot, TABLE_NAMES.indicators, INDICATOR_COLUMNS);
  const taskTable = findTable(snapshot, TABLE_NAMES.tasks, TASK_COLUMNS);
  const ind = rowsOf(indTable, [...INDICATOR_COLUMNS, ...LEGACY_INDICATOR_COLUMNS]);
  const tasks = rowsOf(taskTable, TASK_COLUMNS);
  const reading: WorkbookReading = {
    isChiTieu: ind.hasKey,
    lang: ind.lang,
    sheets: { indicators: indTable?.sheet ?? null, tasks: taskTable?.sheet ?? null },
    columns: { indicators: ind.letters, tasks: tasks.letters },
    indicators: ind.rows,
    tasks: tasks.rows,
    results: {},
    legacy: "result6m" in ind.letters || "resultYear" in ind.letters,
    periodResults: {},
    periods: [],
    reportPeriod: null,
    tolerance: typeof snapshot.names?.[DEFINED_NAMES.tolerance] === "number" ? (snapshot.names[DEFINED_NAMES.tolerance] as number) : null,
    grid: null,
    notes: {},
    taskStatuses: {},
  };
  for (const r of ind.rows) {
    if (r.key === null) continue;
    if (reading.legacy) reading.results[r.key] = { result6m: r.values.result6m ?? null, resultYear: r.values.resultYear ?? null };
    reading.notes[r.key] = r.values.note ?? null;
  }
  readGrid(snapshot, reading);
  for (const r of tasks.rows) {
    if (r.key !== null) reading.taskStatuses[r.key] = { status: r.values.status ?? null, note: r.values.note ?? null };
  }
  return reading;
}

/**
 * The Kết quả theo kỳ grid: rows by key, one column per header that reads as
 * a period (a column officials added with another header is theirs, not a
 * period); and KyBaoCao.
 */
function readGrid(snapshot: WorkbookSnapshot, reading: WorkbookReading): void {
  const keyHeaders: string[] = PERIOD_GRID_COLUMNS.after.flatMap((d) => [d.vi, d.en]);
  const candidates = snapshot.tables.filter((t) => t.name.startsWith(TABLE_NAMES.periodResults));
  const table = candidates.find((t) => t.name === TABLE_NAMES.periodResults) ?? candidates.find((t) => t.headers.some((h) => keyHeaders.includes(h.trim())));
  const chosen = snapshot.names?.[DEFINED_NAMES.reportPeriod];
  reading.reportPeriod = typeof chosen === "string" ? parsePeriod(chosen) : null;
  if (!table) return;
  const anchor = parseAddress(table.anchor);
  const keyAt = table.headers.findIndex((h) => keyHeaders.includes(h.trim()));
  const periods = new Map<number, Period>();
  // The mid-year rounds' full-year estimates ("Ước cả năm 2026 (kỳ 6 tháng)") are read as values of "2026-H1/FY".
  const estimates = new Map<number, string>();
  table.headers.forEach((h, i) => {
    const p = parsePeriod(h);
    if (p && ![...periods.values()].some((q) => q.id === p.id)) periods.set(i, p);
    const e = p ? null : fullYearEstimateOf(h);
    if (e && ![...estimates.values()].includes(fullYearEstimateId(e))) estimates.set(i, fullYearEstimateId(e));
  });
  const grid: NonNullable<WorkbookReading["grid"]> = { sheet: table.sheet, columns: {}, rows: {} };
  periods.forEach((p, i) => (grid.columns[p.id] = columnLetter(anchor.col + i)));
  if (keyAt >= 0) {
    table.rows.forEach((r, n) => {
      const k = r[keyAt];
      const key = typeof k === "string" && k !== "" ? k : typeof k === "number" ? String(k) : null;
      if (key === null || key in grid.rows) return;
      grid.rows[key] = anchor.row + 1 + n;
      const values: Record<string, SnapshotValue> = {};
      periods.forEach((p, i) => (values[p.id] = r[i] ?? null));
      estimates.forEach((id, i) => (values[id] = r[i] ?? null));
      reading.periodResults[key] = values;
    });
  }
  reading.periods = [...periods.values()].sort(comparePeriods);
  reading.grid = grid;
}

/**
 * Where an indicator's cell is in the workbook as read (after any sorting by
 * officials), for findings on an edited workbook; null when unknown.
 * @example
 * locateInReading(reading, "PL1:3.1", "resultYear") // { sheet: "Chỉ tiêu", address: "Q7" }
 */
export function locateInReading(reading: WorkbookReading, indicatorKey: string, columnKey: string): { sheet: string; address: string } | null {
  // "period:2023-H1" is the indicator's cell for that period in the Kết quả theo kỳ grid.
  if (columnKey.startsWith("period:")) {
    const g = reading.grid;
    const letters = g?.columns[columnKey.slice("period:".length)];
    const row = g?.rows[indicatorKey];
    return g && letters && row !== undefined ? { sheet: g.sheet, address: `${letters}${row}` } : null;
  }
  const row = reading.indicators.find((r) => r.key === indicatorKey);
  const letters = reading.columns.indicators[columnKey];
  if (!row || !letters || !reading.sheets.indicators) return null;
  return { sheet: reading.sheets.indicators, address: `${letters}${row.sheetRow}` };
}
