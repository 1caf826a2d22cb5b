/**
 * Reads a returned form (a snapshot of the file an agency sent back): its
 * identity and, for each row it was given, what the agency typed. Rows are
 * found by their hidden key, so an agency may sort or delete rows; rows it
 * added (no key, or a key the form never had) are ignored with a warning.
 * Values are kept as typed: judging them is the collect step's job.
 */
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../../workbook/snapshot";
import { readIdentity } from "../identity";
import type { FormIdentity } from "../identity";
import { FORM_INDICATOR_COLUMNS, FORM_TABLES, FORM_TASK_COLUMNS } from "../layout";

export interface ReturnedRow {
  key: string;
  kind: "indicator" | "task";
  percent: boolean;
  /** Kết quả kỳ này (indicator) or Trạng thái (task), as typed. */
  value: SnapshotValue;
  /** Giải trình (indicator) or Ghi chú (task). */
  note: SnapshotValue;
  /** 1-based sheet row in the returned file, for messages. */
  sheetRow: number;
}

export interface ReturnWarning {
  code: "form.rowAdded" | "form.rowMissing" | "form.noteTooLong";
  message: string;
  messageEn: string;
}

export type ReturnRead =
  | { ok: true; identity: FormIdentity; rows: ReturnedRow[]; warnings: ReturnWarning[] }
  | { ok: false; code: string; message: string; messageEn: string };

const str = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * Rows one form may have (its two tables together, and its identity): a form is one agency's rows, a few
 * dozen, at most a few hundred for the planning office. A file with more is not a form we sent.
 */
export const MAX_FORM_ROWS = 5_000;

function findTable(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((t) => t.name === name) ?? snapshot.tables.find((t) => t.name.startsWith(name));
}

function rowNumber(table: TableSnapshot, i: number): number {
  const m = /(\d+)$/.exec(table.anchor);
  return (m ? Number(m[1]) : 1) + 1 + i;
}

/**
 * @example
 * const r = readReturn(await readWorkbook(bytes));
 * if (r.ok) r.rows.find((x) => x.key === "PL-I/3.2")?.value // 3.1
 */
export function readReturn(snapshot: WorkbookSnapshot): ReturnRead {
  const id = readIdentity(snapshot);
  if (!id.ok) return id;
  const identity = id.identity;
  const tooMany = (count: number): ReturnRead => ({
    ok: false, code: "form.tooManyRows",
    message: `Biểu mẫu có ${count.toLocaleString("vi-VN")} dòng, quá số dòng một biểu mẫu có thể có (${MAX_FORM_ROWS.toLocaleString("vi-VN")}): đây không phải biểu mẫu đã gửi cho đơn vị.`,
    messageEn: `The form has ${count} rows, more than a form can have (${MAX_FORM_ROWS}): this is not a form as sent to an agency.`,
  });
  if (identity.rows.length > MAX_FORM_ROWS) return tooMany(identity.rows.length);
  const bodyRows = [FORM_TABLES.indicators, FORM_TABLES.tasks].reduce((n, name) => n + (findTable(snapshot, name)?.rows.length ?? 0), 0);
  if (bodyRows > MAX_FORM_ROWS) return tooMany(bodyRows);
  const expected = new Map(identity.rows.map((r) => [`${r.kind}:${r.key}`, r]));
  const rows: ReturnedRow[] = [];
  const warnings: ReturnWarning[] = [];
  const seen = new Set<string>();
  const specs = [
    { kind: "indicator" as const, table: FORM_TABLES.indicators, defs: FORM_INDICATOR_COLUMNS, value: "current", note: "explanation" },
    { kind: "task" as const, table: FORM_TABLES.tasks, defs: FORM_TASK_COLUMNS, value: "status", note: "note" },
  ];
  for (const spec of specs) {
    const table = findTable(snapshot, spec.table);
    if (!table) continue;
    const col = (key: string): number => {
      const header = spec.defs.find((d) => d.key === key)?.header ?? "";
      return table.headers.findIndex((h) => h.trim() === header);
    };
    const [kCol, vCol, nCol] = [col("key"), col(spec.value), col(spec.note)];
    if (kCol < 0 || vCol < 0) {
      return { ok: false, code: "form.damaged", message: `Bảng ${spec.table} của biểu mẫu thiếu cột khóa hoặc cột nhập.`, messageEn: `The form's ${spec.table} table lost its key or input column.` };
    }
    table.rows.forEach((r, i) => {
      const key = str(r[kCol]);
      const value = r[vCol] ?? null;
      const note = nCol >= 0 ? (r[nCol] ?? null) : null;
      const row = rowNumber(table, i);
      const meant = key ? expected.get(`${spec.kind}:${key}`) : undefined;
      if (!meant) {
        if (r.every((c) => c === null || str(c) === "")) return;
        warnings.push({
          code: "form.rowAdded",
          message: `Dòng ${row} (sheet Báo cáo) không có trong biểu mẫu đã gửi: bỏ qua.`,
          messageEn: `Row ${row} (Báo cáo sheet) was not in the form as sent: ignored.`,
        });
        return;
      }
      if (seen.has(`${spec.kind}:${key}`)) {
        warnings.push({ code: "form.rowAdded", message: `Dòng ${row} lặp lại một dòng của biểu mẫu: bỏ qua.`, messageEn: `Row ${row} repeats a row of the form: ignored.` });
        return;
      }
      seen.add(`${spec.kind}:${key}`);
      rows.push({ key, kind: spec.kind, percent: meant.percent, value, note, sheetRow: row });
    });
  }
  const missing = identity.rows.filter((r) => !seen.has(`${r.kind}:${r.key}`)).length;
  if (missing > 0) {
    warnings.push({
      code: "form.rowMissing",
      message: `${missing} dòng của biểu mẫu đã bị xóa: không có số liệu cho các dòng đó.`,
      messageEn: `${missing} rows of the form were deleted: no figures for them.`,
    });
  }
  return { ok: true, identity, rows, warnings };
}
