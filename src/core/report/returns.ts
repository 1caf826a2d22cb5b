/**
 * The agencies' returns as the report needs them, read from the two tables
 * the collect step writes (issue #13, src/core/forms on its branch): the
 * history "Nguồn số liệu" (table NguonSoLieu: each value an agency sent,
 * with its "Giải trình / ghi chú") and "Tiến độ nộp báo cáo" (table
 * TienDoNopBaoCao: who has returned the period's form). A workbook without
 * them gives `returns: null`, and the report says so plainly.
 *
 * Interim: once the forms module is merged, its readHistory/progress
 * readers replace the header matching below.
 */
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../workbook";

export const RETURNS_TABLES = { history: "NguonSoLieu", progress: "TienDoNopBaoCao" } as const;

const HEADERS = {
  history: { key: "Khóa", periodId: "Mã kỳ", kind: "Loại", note: "Giải trình / ghi chú", state: "Tình trạng", collected: "Thời điểm thu" },
  progress: { periodId: "Mã kỳ", agency: "Đơn vị", returned: "Đã nộp" },
} as const;

/** The history row states whose note stands: the value in use (not one replaced or set aside). */
const STANDING = new Set(["Đang dùng", "Chờ quyết định"]);

export interface ReturnsForReport {
  /** Explanation by indicator key, the latest standing one of the period. */
  explanations: Record<string, string>;
  /** null when the workbook holds no returns for this period. */
  returns: { pending: string[]; returned: string[] } | null;
}

const text = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

function table(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((t) => t.name === name) ?? snapshot.tables.find((t) => t.name.startsWith(name));
}

function column(t: TableSnapshot, header: string): (row: SnapshotValue[]) => string {
  const i = t.headers.findIndex((h) => h.trim() === header);
  return (row) => (i >= 0 ? text(row[i]) : "");
}

/**
 * @example
 * returnsForReport(snapshot, "2023").returns?.pending // ["Sở Tư pháp"]
 */
export function returnsForReport(snapshot: WorkbookSnapshot, periodId: string): ReturnsForReport {
  const explanations: Record<string, string> = {};
  const history = table(snapshot, RETURNS_TABLES.history);
  if (history) {
    const h = HEADERS.history;
    const [key, period, kind, note, state, collected] = [h.key, h.periodId, h.kind, h.note, h.state, h.collected].map((x) => column(history, x));
    const latest = new Map<string, string>();
    for (const row of history.rows) {
      const k = key?.(row) ?? "";
      const n = note?.(row) ?? "";
      if (k === "" || n === "" || period?.(row) !== periodId || kind?.(row) !== "Chỉ tiêu" || !STANDING.has(state?.(row) ?? "")) continue;
      const when = collected?.(row) ?? "";
      if ((latest.get(k) ?? "") <= when) {
        latest.set(k, when);
        explanations[k] = n;
      }
    }
  }
  const progress = table(snapshot, RETURNS_TABLES.progress);
  if (!progress) return { explanations, returns: null };
  const p = HEADERS.progress;
  const [period, agency, returned] = [p.periodId, p.agency, p.returned].map((x) => column(progress, x));
  const rows = progress.rows.filter((r) => period?.(r) === periodId && (agency?.(r) ?? "") !== "");
  if (rows.length === 0) return { explanations, returns: null };
  const done = (r: SnapshotValue[]): boolean => returned?.(r) === "Đã nộp";
  return {
    explanations,
    returns: { pending: rows.filter((r) => !done(r)).map((r) => agency?.(r) ?? ""), returned: rows.filter(done).map((r) => agency?.(r) ?? "") },
  };
}
