/**
 * Collect: returned forms → what changes in the tracking workbook. Pure:
 * it takes the workbook's state (plan, period grid, task statuses, history)
 * and the forms as read, and returns the cell writes, the new history and a
 * report. Adapters apply the writes (exceljs for files, Office.js for the
 * open workbook) and write the two history sheets.
 *
 * For each value a form brings, for one cell (indicator × period, or task):
 * - empty cell → taken;
 * - the cell already holds the value → nothing changes (collecting the same
 *   form twice is a no-op);
 * - the cell holds what this agency sent before → a corrected return: the
 *   new value replaces it, the old one stays in the history as superseded;
 * - anything else (typed by hand, or another agency's figure) → a conflict:
 *   the workbook keeps its value until the planner chooses.
 * A form of another plan or a period the plan does not have is rejected
 * whole; a value that is not a number rejects only its row.
 */
import { parseNumber } from "../../parse";
import type { SnapshotValue } from "../../workbook/snapshot";
import type { FormSource } from "../source";
import type { FormRecipient } from "../recipients";
import type { ReturnedRow, ReturnRead, ReturnWarning } from "../returns";
import { FORM_TASK_STATUS } from "../layout";
import { RECORD_STATE } from "./history";
import { plausible } from "./plausible";
import { verifyIdentity } from "../signature";
import { EXCEL_CELL_MAX } from "../../layout/cellLimit";
import type { HistoryRecord } from "./history";

export { historySheet, progressSheet, progressRows, readHistory, HISTORY_SHEET, PROGRESS_SHEET, HISTORY_TABLE, PROGRESS_TABLE, RECORD_STATE, HistoryRecordSchema } from "./history";
export type { HistoryRecord, KeptHistoryRow, ProgressRow, RecordState } from "./history";
export { showValue } from "../format";
export { tableWrites, locateWrites, collectLayout } from "./targets";
export type { TableCellWrite } from "./targets";

/** A change to one of our input cells in the tracking workbook. */
export type CellWrite =
  | { target: "periodResult"; key: string; periodId: string; value: number }
  | { target: "taskStatus"; key: string; value: string };

export interface CollectedForm {
  /** The file's name as given (shown in reports and the history; never used to match). */
  file: string;
  read: ReturnRead;
}

export interface Conflict {
  /** The indicator's (or task's indicator's) code. */
  code: string | null;
  key: string;
  name: string;
  kind: "indicator" | "task";
  period: string;
  periodLabel: string;
  workbook: SnapshotValue;
  form: number | string;
  agency: string;
  file: string;
  /**
   * handTyped: the workbook's value came from no form; otherAgency: another agency's return put it there;
   * twoFiles: the same agency sent two files in one collect with different figures (`otherFile` is the other one).
   */
  reason: "handTyped" | "otherAgency" | "twoFiles";
  otherFile?: string;
  /** Both figures are percent fractions (0.92 shows as 92%). */
  percent: boolean;
}

export interface CollectReport {
  accepted: Array<{ file: string; agency: string; period: string; values: Record<string, number | string> }>;
  rejected: Array<{ file: string; code: string; message: string; messageEn: string }>;
  rowsRejected: Array<{ file: string; code: string; key: string; row: number; value: SnapshotValue; message: string; messageEn: string }>;
  conflicts: Conflict[];
  /** Agencies that have not returned their form for the period(s) collected. */
  pending: string[];
  /** The period each pending agency owes (its id), so its due day can be told (issue 25). */
  pendingPeriods?: Record<string, string>;
  warnings: Array<ReturnWarning & { file: string }>;
}

export interface CollectOutcome extends CollectReport {
  writes: CellWrite[];
  history: HistoryRecord[];
  /** False when nothing in the workbook would change (then adapters write nothing at all). */
  changed: boolean;
}

export interface CollectState {
  source: FormSource;
  history: HistoryRecord[];
  recipientsFor(periodId: string): FormRecipient[];
}

/** Who an estimate the plan's appendix gave is recorded under in "Nguồn số liệu" when a return replaces it. */
export const ESTIMATE_SOURCE = "Văn bản kế hoạch";

const blank = (v: SnapshotValue | undefined): boolean => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Same figure: numbers within rounding noise (percent fractions), text trimmed. */
export function sameValue(a: SnapshotValue, b: SnapshotValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (blank(a) && blank(b)) return true;
  return a !== null && b !== null && String(a).trim() === String(b).trim();
}

export type ValueReading = { ok: true; value: number } | { ok: false };

/**
 * A result as the main workbook reads it: numbers as they are (a percent cell
 * holds 0.92), text only when it is wholly a number ("92%" → 0.92, "6,4").
 */
export function readResult(v: SnapshotValue): ValueReading {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
  if (typeof v !== "string") return { ok: false };
  const r = parseNumber(v.trim());
  return r.ok ? { ok: true, value: r.percent ? r.value / 100 : r.value } : { ok: false };
}

/** The Nhiệm vụ sheet's status for a status chosen in a form (either wording), or null. */
export function readTaskStatus(v: SnapshotValue): string | null {
  const t = typeof v === "string" ? v.trim().toLowerCase() : "";
  const hit = FORM_TASK_STATUS.find((s) => s.form.toLowerCase() === t || s.workbook.toLowerCase() === t);
  return hit ? hit.workbook : null;
}


/**
 * @example
 * const outcome = collectForms(state, [{ file: "bao-cao-2023-so-tu-phap.xlsx", read: readReturn(snapshot) }], "2024-01-10T09:00:00Z");
 * outcome.writes // [{ target: "periodResult", key: "PL-I/3.2", periodId: "2023", value: 3.1 }]
 */
export function collectForms(state: CollectState, forms: CollectedForm[], now: string): CollectOutcome {
  const { source } = state;
  const history = state.history.map((r) => ({ ...r }));
  const report: CollectReport = { accepted: [], rejected: [], rowsRejected: [], conflicts: [], pending: [], warnings: [] };
  const writes = new Map<string, CellWrite>();
  let changed = false;
  const indicators = new Map(source.indicators.map((i) => [i.key, i]));
  const tasks = new Map(source.tasks.map((t) => [t.key, t]));
  const periods = new Map(source.periods.map((p) => [p.id, p]));
  // What the workbook holds now, updated as forms are taken so later forms in the batch see earlier ones.
  const cell = new Map<string, SnapshotValue>();
  const cellId = (kind: "indicator" | "task", key: string, periodId: string): string => (kind === "task" ? `t|${key}` : `i|${key}|${periodId}`);
  const current = (kind: "indicator" | "task", key: string, periodId: string): SnapshotValue => {
    const id = cellId(kind, key, periodId);
    if (cell.has(id)) return cell.get(id) ?? null;
    return kind === "task" ? (tasks.get(key)?.status ?? null) : (source.results[key]?.[periodId] ?? null);
  };
  const periodsTouched: string[] = [];
  const checkedForms = forms.map((form) => ({ form, checked: checkForm(form, source, periods, state.recipientsFor) }));
  const disputed = disputedCells(checkedForms, indicators);

  for (const { form, checked } of checkedForms) {
    if (!checked.ok) {
      report.rejected.push(checked.rejection);
      continue;
    }
    const { read: r, period } = checked;
    const id = r.identity;
    if (!periodsTouched.includes(period.id)) periodsTouched.push(period.id);
    for (const w of summarise(r.warnings)) report.warnings.push({ ...w, file: form.file, message: `${form.file}: ${w.message}`, messageEn: `${form.file}: ${w.messageEn}` });
    const version = `${id.formVersion} · ${id.issued}`;
    const values: Record<string, number | string> = {};
    let formChanged = false;

    for (const row of r.rows) {
      if (blank(row.value)) continue;
      const ind = row.kind === "indicator" ? indicators.get(row.key) : undefined;
      const task = row.kind === "task" ? tasks.get(row.key) : undefined;
      const code = ind?.code ?? task?.code ?? null;
      const name = ind?.name ?? task?.text ?? row.key;
      const read = rowValue(form.file, row, code, ind !== undefined || task !== undefined, ind);
      if (!read.ok) {
        report.rowsRejected.push(read.rejection);
        continue;
      }
      const value = read.value;
      const periodId = period.id;
      const note = blank(row.note) ? null : String(row.note).trim();
      if (note !== null && note.length > EXCEL_CELL_MAX) {
        report.warnings.push({
          code: "form.noteTooLong", file: form.file,
          message: `${form.file}, dòng ${row.sheetRow}${code ? ` (${code})` : ""}: giải trình dài ${note.length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${EXCEL_CELL_MAX.toLocaleString("vi-VN")} ký tự một ô của Excel: sheet "Nguồn số liệu" giữ phần đầu (cuối ô có dấu "…"); toàn văn vẫn nằm trong tệp ${form.file}.`,
          messageEn: `${form.file}, row ${row.sheetRow}${code ? ` (${code})` : ""}: the explanation has ${note.length} characters, over Excel's ${EXCEL_CELL_MAX} per cell: the "Nguồn số liệu" sheet keeps its beginning (ending in "…"); the full text is still in ${form.file}.`,
        });
      }
      const clash = disputed.get(`${id.agency}|${cellId(row.kind, row.key, periodId)}`);
      if (clash && clash.some((x) => !sameValue(x.value, value))) {
        // One agency, two files, two figures: neither file's order nor its name decides; the planner does.
        const other = clash.find((x) => x.file !== form.file && !sameValue(x.value, value))?.file ?? "";
        report.conflicts.push({
          code, key: row.key, name, kind: row.kind, period: periodId, periodLabel: period.label, workbook: current(row.kind, row.key, periodId),
          form: value, agency: id.agency, file: form.file, reason: "twoFiles", otherFile: other, percent: row.percent,
        });
        const pendingAlready = history.some((x) => sameCell(x, row.kind, row.key, periodId) && x.agency === id.agency && x.state === RECORD_STATE.pending && sameValue(x.value, value));
        if (!pendingAlready) {
          history.push({ periodId, periodLabel: period.label, agency: id.agency, kind: row.kind, key: row.key, code, name, value, note, file: form.file, formVersion: version, collected: now, state: RECORD_STATE.pending });
          formChanged = true;
        }
        continue;
      }
      values[row.key] = value;
      const mine = (x: HistoryRecord): boolean => sameCell(x, row.kind, row.key, periodId);
      const record = (st: HistoryRecord["state"]): HistoryRecord => ({
        periodId, periodLabel: period.label, agency: id.agency, kind: row.kind, key: row.key, code, name,
        value, note, file: form.file, formVersion: version, collected: now, state: st,
      });
      const ownActive = history.find((x) => mine(x) && x.agency === id.agency && x.state === RECORD_STATE.used);
      const w = current(row.kind, row.key, periodId);
      if (sameValue(w, value)) {
        if (ownActive && sameValue(ownActive.value, value) && (ownActive.note ?? null) === note) continue;
        // The workbook already says so: remember that this agency confirms it.
        if (ownActive) ownActive.state = RECORD_STATE.superseded;
        history.push(record(RECORD_STATE.used));
        formChanged = true;
        continue;
      }
      const take = (): void => {
        if (ownActive) ownActive.state = RECORD_STATE.superseded;
        history.push(record(RECORD_STATE.used));
        const cw: CellWrite = row.kind === "task"
          ? { target: "taskStatus", key: row.key, value: String(value) }
          : { target: "periodResult", key: row.key, periodId, value: value as number };
        writes.set(cellId(row.kind, row.key, periodId), cw);
        cell.set(cellId(row.kind, row.key, periodId), value);
        formChanged = true;
      };
      if (blank(w) || (ownActive && sameValue(ownActive.value, w))) {
        take();
        continue;
      }
      // The plan's own estimate for the period ("Ước thực hiện năm 2025"): the returned figure replaces it, and
      // "Nguồn số liệu" keeps the estimate, marked replaced, beside the figure that replaced it.
      const estimate = ind?.estimates?.[periodId];
      if (estimate !== undefined && sameValue(w, estimate) && !history.some((x) => mine(x) && x.state === RECORD_STATE.used && sameValue(x.value, w))) {
        history.push({
          ...record(RECORD_STATE.superseded), agency: ESTIMATE_SOURCE, value: estimate, note: "Ước thực hiện (phụ lục kế hoạch)", file: "", formVersion: "",
        });
        take();
        continue;
      }
      // The workbook holds a figure this agency did not send: the planner decides.
      const decided = history.find((x) => mine(x) && x.agency === id.agency && (x.state === RECORD_STATE.kept || x.state === RECORD_STATE.pending) && sameValue(x.value, value));
      if (decided?.state === RECORD_STATE.kept) continue;
      const byOther = history.some((x) => mine(x) && x.agency !== id.agency && x.state === RECORD_STATE.used && sameValue(x.value, w));
      report.conflicts.push({
        code, key: row.key, name, kind: row.kind, period: periodId, periodLabel: period.label,
        workbook: w, form: value, agency: id.agency, file: form.file, reason: byOther ? "otherAgency" : "handTyped", percent: row.percent,
      });
      if (!decided) {
        history.push(record(RECORD_STATE.pending));
        formChanged = true;
      }
    }
    report.accepted.push({ file: form.file, agency: id.agency, period: period.id, values });
    const receipts = history.filter((x) => x.kind === "form" && x.agency === id.agency && x.periodId === period.id);
    const sameIssue = receipts.some((x) => x.formVersion === version);
    if (formChanged || !sameIssue) {
      history.push({
        periodId: period.id, periodLabel: period.label, agency: id.agency, kind: "form", key: "", code: null,
        name: `Biểu mẫu: ${r.rows.length} dòng, ${Object.keys(values).length} số liệu`, value: Object.keys(values).length, note: null,
        file: form.file, formVersion: version, collected: now, state: RECORD_STATE.received,
      });
      formChanged = true;
    }
    if (formChanged) changed = true;
  }

  const reportPeriods = periodsTouched.length > 0 ? periodsTouched : latestPeriod(history);
  for (const p of reportPeriods) {
    for (const rec of state.recipientsFor(p)) {
      const returned = history.some((x) => x.kind === "form" && x.periodId === p && x.agency === rec.agency);
      if (!returned && !report.pending.includes(rec.agency)) {
        report.pending.push(rec.agency);
        (report.pendingPeriods ??= {})[rec.agency] = p;
      }
    }
  }
  return { ...report, writes: [...writes.values()], history, changed };
}

/** Whether a history record is about this cell: an indicator's result for a period, or a task's one status cell (not per period). */
function sameCell(x: HistoryRecord, kind: "indicator" | "task" | "form", key: string, periodId: string): boolean {
  return x.kind === kind && x.key === key && (kind === "task" || x.periodId === periodId);
}

type Rejection = CollectReport["rejected"][number];
type RowRejection = CollectReport["rowsRejected"][number];

/** A form this workbook can take (ours, signed with this workbook's key, of this plan, for one of its periods, from an agency that reports), or why not. */
function checkForm(form: CollectedForm, source: FormSource, periods: Map<string, FormSource["periods"][number]>, recipientsFor: CollectState["recipientsFor"]):
  | { ok: true; read: Extract<ReturnRead, { ok: true }>; period: FormSource["periods"][number] }
  | { ok: false; rejection: Rejection } {
  const r = form.read;
  const reject = (code: string, vi: string, en: string): { ok: false; rejection: Rejection } =>
    ({ ok: false, rejection: { file: form.file, code, message: `${form.file}: ${vi}`, messageEn: `${form.file}: ${en}` } });
  if (!r.ok) return reject(r.code, r.message, r.messageEn);
  const id = r.identity;
  const titled = id.planTitle ? ` ("${id.planTitle}")` : "";
  if (id.planFingerprint !== source.fingerprint) {
    return reject("form.otherPlan",
      `biểu mẫu của ${id.agency} được tạo từ một kế hoạch khác${titled} hoặc kế hoạch đã thay đổi từ khi gửi biểu mẫu; không nhận số liệu nào từ tệp này.`,
      `${id.agency}'s form was made from another plan${titled} or the plan changed since the forms were sent; nothing taken from this file.`);
  }
  const period = periods.get(id.periodId);
  if (!period) {
    return reject("form.otherPeriod",
      `biểu mẫu cho kỳ "${id.periodLabel}", kỳ này không có trong sổ theo dõi; không nhận số liệu nào từ tệp này.`,
      `the form is for "${id.periodLabel}", a period this workbook does not have; nothing taken from this file.`);
  }
  // Checked after the plan and the period, whose own messages tell a planner more about an honest mistake.
  if (source.signingKey !== undefined && !verifyIdentity(source.signingKey, id)) {
    const why = id.signature === ""
      ? ["biểu mẫu không có chữ ký của sổ theo dõi này", "the form carries no signature of this workbook"]
      : ["chữ ký của biểu mẫu không khớp: thông tin ẩn của biểu mẫu (đơn vị, kỳ, kế hoạch hoặc khóa dòng) đã bị sửa, hoặc biểu mẫu được tạo từ một sổ theo dõi khác", "the form's signature does not match: its hidden identity (agency, period, plan or row keys) was changed, or it was made from another tracking workbook"];
    return reject("form.signature",
      `${why[0]}; không nhận số liệu nào từ tệp này. Hãy gửi lại biểu mẫu (chitieu forms) cho đơn vị "${id.agency}" và đề nghị điền vào biểu mẫu mới.`,
      `${why[1]}; nothing taken from this file. Send "${id.agency}" a fresh form (chitieu forms) and ask them to fill that one.`);
  }
  const expected = recipientsFor(period.id);
  if (expected.length > 0 && !expected.some((x) => x.agency === id.agency)) {
    return reject("form.unknownAgency",
      `biểu mẫu ghi đơn vị "${id.agency}", đơn vị này không phải đơn vị báo cáo kỳ ${period.label} của kế hoạch; không nhận số liệu nào từ tệp này.`,
      `the form names "${id.agency}", which is not an agency reporting ${period.label} for this plan; nothing taken from this file.`);
  }
  return { ok: true, read: r, period };
}

/** What a non-blank row brings: a number (indicator) or a status (task) read as the main workbook reads them, or why not. */
function rowValue(file: string, row: ReturnedRow, code: string | null, known: boolean, ind?: FormSource["indicators"][number]): { ok: true; value: number | string } | { ok: false; rejection: RowRejection } {
  const where = `${file}, dòng ${row.sheetRow}${code ? ` (${code})` : ""}`;
  const whereEn = `${file}, row ${row.sheetRow}${code ? ` (${code})` : ""}`;
  const reject = (c: string, vi: string, en: string): { ok: false; rejection: RowRejection } =>
    ({ ok: false, rejection: { file, code: c, key: row.key, row: row.sheetRow, value: row.value, message: `${where}: ${vi}`, messageEn: `${whereEn}: ${en}` } });
  const typed = String(row.value);
  if (!known) return reject("form.rowUnknown", "dòng này không còn trong sổ theo dõi; không nhận.", "this row is no longer in the workbook; not taken.");
  if (row.kind === "indicator") {
    const v = readResult(row.value);
    if (v.ok) {
      // The row's own percent flag is signed with the form; the plan's indicator adds its target and name.
      const p = plausible(v.value, { percent: row.percent || (ind?.percent ?? false), name: ind?.name ?? "", ...(ind?.targetValue !== undefined ? { targetValue: ind.targetValue } : {}) });
      return p.ok ? { ok: true, value: v.value } : reject(p.code, p.vi, p.en);
    }
    return reject("form.notNumber",
      `"${typed}" không phải là một số; dòng này không được nhận (ghi chữ ở cột Giải trình).`,
      `"${typed}" is not a number; this row was not taken (words go in the Giải trình column).`);
  }
  const s = readTaskStatus(row.value);
  return s !== null ? { ok: true, value: s } : reject("form.badStatus",
    `"${typed}" không phải trạng thái trong danh sách (Đã hoàn thành / Đang thực hiện / Chưa thực hiện); không nhận.`,
    `"${typed}" is not a status from the list; not taken.`);
}

function latestPeriod(history: HistoryRecord[]): string[] {
  const last = history.filter((x) => x.kind === "form").reduce<HistoryRecord | null>((a, r) => (a === null || r.collected > a.collected ? r : a), null);
  return last ? [last.periodId] : [];
}

/** Conflicts still waiting for the planner: pending records whose cell still differs from the form's value. */
export function openConflicts(state: CollectState): Conflict[] {
  const { source } = state;
  const out: Conflict[] = [];
  for (const x of state.history) {
    if (x.state !== RECORD_STATE.pending || x.kind === "form" || x.value === null) continue;
    const w = x.kind === "task" ? (source.tasks.find((t) => t.key === x.key)?.status ?? null) : (source.results[x.key]?.[x.periodId] ?? null);
    if (sameValue(w, x.value)) continue;
    const byOther = state.history.some((y) => sameCell(y, x.kind, x.key, x.periodId) && y.agency !== x.agency && y.state === RECORD_STATE.used && sameValue(y.value, w));
    out.push({ code: x.code, key: x.key, name: x.name, kind: x.kind, period: x.periodId, periodLabel: x.periodLabel, workbook: w, form: x.value,
      agency: x.agency, file: x.file, reason: byOther ? "otherAgency" : "handTyped",
      percent: x.kind === "indicator" && (source.indicators.find((i) => i.key === x.key)?.percent ?? false) });
  }
  return out;
}

/**
 * The planner's choice on a conflict: "useForm" ("dùng số của đơn vị") writes
 * the agency's figure; "keep" ("giữ số hiện tại") keeps the workbook's and
 * remembers it, so the same figure from the same agency is not asked again.
 */
export function resolveConflict(state: CollectState, conflict: Pick<Conflict, "key" | "kind" | "period" | "agency" | "form">, choice: "useForm" | "keep"): { writes: CellWrite[]; history: HistoryRecord[] } {
  const history = state.history.map((r) => ({ ...r }));
  const same = (x: HistoryRecord): boolean => sameCell(x, conflict.kind, conflict.key, conflict.period);
  const pending = history.find((x) => same(x) && x.agency === conflict.agency && x.state === RECORD_STATE.pending && sameValue(x.value, conflict.form));
  if (!pending) throw new Error(`resolveConflict: no pending record for ${conflict.kind} ${conflict.key} (${conflict.period}) from ${conflict.agency}`);
  if (choice === "keep") {
    pending.state = RECORD_STATE.kept;
    return { writes: [], history };
  }
  for (const x of history) if (same(x) && x.state === RECORD_STATE.used) x.state = RECORD_STATE.superseded;
  pending.state = RECORD_STATE.used;
  const write: CellWrite = conflict.kind === "task"
    ? { target: "taskStatus", key: conflict.key, value: String(conflict.form) }
    : { target: "periodResult", key: conflict.key, periodId: conflict.period, value: Number(conflict.form) };
  return { writes: [write], history };
}

/** More warnings of one kind than this in one file are summarised in one line. */
const WARNINGS_PER_KIND = 5;

/** A form's warnings with each kind beyond WARNINGS_PER_KIND summarised ("… và 199.983 dòng khác"). */
function summarise(warnings: ReturnWarning[]): ReturnWarning[] {
  const seen = new Map<string, number>();
  const out: ReturnWarning[] = [];
  for (const w of warnings) {
    const n = (seen.get(w.code) ?? 0) + 1;
    seen.set(w.code, n);
    if (n <= WARNINGS_PER_KIND) out.push(w);
  }
  for (const [code, n] of seen) {
    if (n <= WARNINGS_PER_KIND) continue;
    const more = n - WARNINGS_PER_KIND;
    out.push({ code: code as ReturnWarning["code"], message: `… và ${more.toLocaleString("vi-VN")} lưu ý cùng loại khác.`, messageEn: `… and ${more} more of the same kind.` });
  }
  return out;
}

/**
 * Cells that one agency fills in more than one file of the same collect, with each file's figure:
 * agency|cell → [{file, value}]. Only cells with two or more files are kept.
 */
function disputedCells(
  checked: Array<{ form: CollectedForm; checked: ReturnType<typeof checkForm> }>,
  indicators: Map<string, FormSource["indicators"][number]>,
): Map<string, Array<{ file: string; value: number | string }>> {
  const byCell = new Map<string, Array<{ file: string; value: number | string }>>();
  for (const { form, checked: c } of checked) {
    if (!c.ok) continue;
    const agency = c.read.identity.agency;
    for (const row of c.read.rows) {
      if (blank(row.value)) continue;
      const v = rowValue(form.file, row, null, true, indicators.get(row.key));
      if (!v.ok) continue;
      const id = `${agency}|${row.kind === "task" ? `t|${row.key}` : `i|${row.key}|${c.period.id}`}`;
      byCell.set(id, [...(byCell.get(id) ?? []), { file: form.file, value: v.value }]);
    }
  }
  for (const [id, list] of byCell) if (new Set(list.map((x) => x.file)).size < 2) byCell.delete(id);
  return byCell;
}
