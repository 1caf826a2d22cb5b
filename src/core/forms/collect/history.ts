/**
 * What collecting leaves in the tracking workbook besides the figures: the
 * sheet "Nguồn số liệu" (one row per value a form brought: period, agency,
 * file, form version, time collected, and what became of it) and the sheet
 * "Tiến độ nộp báo cáo" (every agency expected to report, its number of
 * indicators and tasks, whether and when it returned its form). Both are
 * ours: rewritten whole from the history each time.
 */
import { z } from "zod";
import { argb } from "../../_lib/colour";
import type { ColumnSpec, LayoutCell, SheetSpec, TableSpec } from "../../layout/types";
import { tablePrint } from "../../layout/_lib/print";
import { PERCENT_FORMAT } from "../../layout/_lib/indicators";
import { TABLE_NAMES } from "../../layout/_lib/columns";
import type { SnapshotValue, WorkbookSnapshot } from "../../workbook/snapshot";
import type { FormRecipient } from "../recipients";
import { fitCellText } from "../../layout/cellLimit";

export const HISTORY_SHEET = "Nguồn số liệu";
export const PROGRESS_SHEET = "Tiến độ nộp báo cáo";
export const HISTORY_TABLE = TABLE_NAMES.returnsHistory;
export const PROGRESS_TABLE = TABLE_NAMES.returnsProgress;

/** What became of a value a form brought. */
export const RECORD_STATE = {
  /** In the workbook (or equal to it). */
  used: "Đang dùng",
  /** Replaced by a later return of the same agency. */
  superseded: "Đã thay thế",
  /** Differs from a value typed in the workbook: the planner decides. */
  pending: "Chờ quyết định",
  /** The planner kept the workbook's value. */
  kept: "Giữ số hiện tại",
  /** A form received (one row per return, Giá trị = values taken). */
  received: "Đã nhận biểu mẫu",
} as const;
export type RecordState = (typeof RECORD_STATE)[keyof typeof RECORD_STATE];

export const HistoryRecordSchema = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  agency: z.string(),
  kind: z.enum(["indicator", "task", "form"]),
  /** Row key ("" for a form receipt). */
  key: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  note: z.string().nullable(),
  file: z.string(),
  /** "1 · 2023-12-01T08:00:00.000Z": the form's format version and when it was issued. */
  formVersion: z.string(),
  collected: z.string(),
  state: z.enum([RECORD_STATE.used, RECORD_STATE.superseded, RECORD_STATE.pending, RECORD_STATE.kept, RECORD_STATE.received]),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;

const KIND_LABEL = { indicator: "Chỉ tiêu", task: "Nhiệm vụ", form: "Biểu mẫu" } as const;

const HISTORY_COLUMNS: Array<{ key: keyof HistoryRecord; header: string; width: number; hidden?: boolean; numberFormat?: string; wrap?: boolean }> = [
  { key: "periodLabel", header: "Kỳ", width: 18 },
  { key: "agency", header: "Đơn vị", width: 30, wrap: true },
  { key: "code", header: "Mã", width: 8, numberFormat: "@" },
  // One line a row (the full text stays in the cell): a long task's text would make the log many pages long in print.
  { key: "name", header: "Chỉ tiêu / nhiệm vụ", width: 44 },
  { key: "value", header: "Giá trị", width: 14 },
  { key: "note", header: "Giải trình / ghi chú", width: 30, wrap: true },
  { key: "state", header: "Tình trạng", width: 16 },
  { key: "file", header: "Tệp", width: 30, wrap: true },
  { key: "formVersion", header: "Phiên bản biểu mẫu", width: 22 },
  { key: "collected", header: "Thời điểm thu", width: 20 },
  { key: "kind", header: "Loại", width: 10 },
  { key: "periodId", header: "Mã kỳ", width: 10, hidden: true, numberFormat: "@" },
  { key: "key", header: "Khóa", width: 20, hidden: true, numberFormat: "@" },
];

function table(name: string, anchor: string, defs: Array<{ key: string; header: string; width: number; hidden?: boolean; numberFormat?: string; wrap?: boolean }>, rows: LayoutCell[][], cellFormats: TableSpec["cellFormats"]): TableSpec {
  const columns: ColumnSpec[] = defs.map((d) => {
    const c: ColumnSpec = { key: d.key, header: d.header, width: d.width };
    if (d.hidden) c.hidden = true;
    if (d.numberFormat) c.numberFormat = d.numberFormat;
    if (d.wrap) c.wrap = true;
    return c;
  });
  return { name, anchor, columns, rows, cellFormats, style: "TableStyleLight9" };
}

function sheet(name: string, t: TableSpec, title: string): SheetSpec {
  return {
    name,
    role: "info",
    tables: [t],
    cells: [{ address: "A1", value: title, bold: true }],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 2, columns: 0 },
    tabColor: argb("FF6B7A8F"),
  };
}

/**
 * A row of "Nguồn số liệu" that no longer reads as one of our records: a planner changed its "Tình trạng",
 * "Loại" or another cell to their own words. It is theirs: written back as it is, where it was.
 */
export interface KeptHistoryRow {
  /** Its place among the table's rows as read. */
  at: number;
  /** Our columns' values as read, by column key. */
  cells: Partial<Record<keyof HistoryRecord, SnapshotValue>>;
}

/**
 * The "Nguồn số liệu" sheet. `percentKeys` says which indicators hold
 * percents (their values are formatted 0.0% like the main workbook). Rows a
 * planner changed (`kept`, from readHistory) go back to their places; the
 * records fill the other places in order, and new records follow.
 */
export function historySheet(records: HistoryRecord[], percentKeys: ReadonlySet<string>, kept: KeptHistoryRow[] = []): SheetSpec {
  const fit = (v: SnapshotValue | undefined): LayoutCell => (typeof v === "string" ? fitCellText(v) : (v ?? null));
  const ours = records.map((r) => ({ record: r, cells: HISTORY_COLUMNS.map((c): LayoutCell => (c.key === "kind" ? KIND_LABEL[r.kind] : fit(r[c.key]))) }));
  const theirs = new Map(kept.map((k) => [k.at, HISTORY_COLUMNS.map((c): LayoutCell => fit(k.cells[c.key]))]));
  const ordered: Array<{ record: HistoryRecord | null; cells: LayoutCell[] }> = [];
  let next = 0;
  for (let at = 0; next < ours.length || theirs.size > 0; at++) {
    const row = theirs.get(at);
    if (row) {
      ordered.push({ record: null, cells: row });
      theirs.delete(at);
    } else if (next < ours.length) ordered.push(ours[next++]!);
    else {
      // Places past the end of the records: the kept rows left keep their order.
      for (const [, cells] of [...theirs].sort((a, b) => a[0] - b[0])) ordered.push({ record: null, cells });
      theirs.clear();
    }
  }
  const rows = ordered.map((o) => o.cells);
  const cellFormats: TableSpec["cellFormats"] = [];
  ordered.forEach(({ record: r }, i) => {
    if (r && r.kind === "indicator" && percentKeys.has(r.key)) cellFormats.push({ row: i, column: "value", numberFormat: PERCENT_FORMAT });
  });
  const t = table(HISTORY_TABLE, "A2", HISTORY_COLUMNS, rows, cellFormats);
  // Printed: who sent what, with the explanation and its state; the file, form version, time and kind stay on screen.
  return { ...sheet(HISTORY_SHEET, t, "Nguồn số liệu: giá trị do các đơn vị báo cáo qua biểu mẫu (mỗi dòng một giá trị, không xóa lịch sử)"), print: tablePrint(t, "vi", { lastColumn: "state" }) };
}

const str = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v));

/**
 * The history as stored in a workbook ([] when it has none yet). Rows that do not read back as our records
 * (a planner changed them) are counted and returned in `kept`, to be written back as they are.
 */
export function readHistory(snapshot: WorkbookSnapshot): { records: HistoryRecord[]; unreadable: number; kept: KeptHistoryRow[] } {
  const t = snapshot.tables.find((x) => x.name === HISTORY_TABLE) ?? snapshot.tables.find((x) => x.name.startsWith(HISTORY_TABLE));
  if (!t) return { records: [], unreadable: 0, kept: [] };
  const index = new Map(HISTORY_COLUMNS.map((c) => [c.key, t.headers.findIndex((h) => h.trim() === c.header)]));
  const records: HistoryRecord[] = [];
  const kept: KeptHistoryRow[] = [];
  let unreadable = 0;
  let at = 0;
  for (const r of t.rows) {
    if (r.every((v) => v === null || v === "")) continue;
    const get = (k: keyof HistoryRecord): SnapshotValue => {
      const i = index.get(k) ?? -1;
      return i >= 0 ? (r[i] ?? null) : null;
    };
    const kindText = str(get("kind"));
    const kind = (Object.keys(KIND_LABEL) as Array<keyof typeof KIND_LABEL>).find((k) => KIND_LABEL[k] === kindText);
    const value = get("value");
    const parsed = HistoryRecordSchema.safeParse({
      periodId: str(get("periodId")),
      periodLabel: str(get("periodLabel")),
      agency: str(get("agency")),
      kind,
      key: str(get("key")),
      code: str(get("code")) || null,
      name: str(get("name")),
      value: typeof value === "boolean" ? String(value) : value,
      note: str(get("note")) || null,
      file: str(get("file")),
      formVersion: str(get("formVersion")),
      collected: str(get("collected")),
      state: str(get("state")),
    });
    if (parsed.success) records.push(parsed.data);
    else {
      unreadable++;
      const cells: KeptHistoryRow["cells"] = {};
      for (const c of HISTORY_COLUMNS) cells[c.key] = get(c.key);
      kept.push({ at, cells });
    }
    at++;
  }
  return { records, unreadable, kept };
}

export interface ProgressRow {
  periodId: string;
  periodLabel: string;
  agency: string;
  indicators: number;
  tasks: number;
  returned: boolean;
  /** When its latest form was collected (ISO), or null. */
  when: string | null;
  file: string | null;
}

/** Every agency expected to report for each period that has returns, with its latest receipt. */
export function progressRows(records: HistoryRecord[], periods: Array<{ id: string; label: string }>, recipientsFor: (periodId: string) => FormRecipient[]): ProgressRow[] {
  const out: ProgressRow[] = [];
  const withReturns = periods.filter((p) => records.some((r) => r.kind === "form" && r.periodId === p.id));
  for (const p of withReturns) {
    for (const rec of recipientsFor(p.id)) {
      const receipts = records.filter((r) => r.kind === "form" && r.periodId === p.id && r.agency === rec.agency);
      const last = receipts.reduce<HistoryRecord | null>((a, r) => (a === null || r.collected > a.collected ? r : a), null);
      out.push({
        periodId: p.id,
        periodLabel: p.label,
        agency: rec.agency,
        indicators: rec.indicatorKeys.length,
        tasks: rec.taskKeys.length,
        returned: last !== null,
        when: last?.collected ?? null,
        file: last?.file ?? null,
      });
    }
  }
  return out;
}

export function progressSheet(rows: ProgressRow[]): SheetSpec {
  const defs = [
    { key: "periodLabel", header: "Kỳ", width: 18 },
    { key: "agency", header: "Đơn vị", width: 44, wrap: true },
    { key: "indicators", header: "Số chỉ tiêu", width: 11 },
    { key: "tasks", header: "Số nhiệm vụ", width: 11 },
    { key: "returned", header: "Đã nộp", width: 12 },
    { key: "when", header: "Thời điểm nộp", width: 22 },
    { key: "file", header: "Tệp", width: 34, wrap: true },
    { key: "periodId", header: "Mã kỳ", width: 10, hidden: true, numberFormat: "@" },
  ];
  const cells = rows.map((r): LayoutCell[] => [r.periodLabel, r.agency, r.indicators, r.tasks, r.returned ? "Đã nộp" : "Chưa nộp", r.when, r.file, r.periodId]);
  const t = table(PROGRESS_TABLE, "A2", defs, cells, []);
  const s: SheetSpec = { ...sheet(PROGRESS_SHEET, t, "Tiến độ nộp báo cáo của các đơn vị"), print: tablePrint(t, "vi") };
  const last = Math.max(rows.length, 1) + 2;
  s.conditionalFormats = [
    { range: `A3:G${last}`, formula: `=$E3="Chưa nộp"`, fill: argb("FFFCE4D6"), fontColor: argb("FF9C0006") },
  ];
  return s;
}
