/**
 * `chitieu collect FORM.xlsx... --into WORKBOOK [-o OUT.xlsx] [--json]`:
 * takes returned forms back into the tracking workbook. Forms are matched by
 * the identity stored inside them, never by file name. Exit 0 when at least
 * one form was taken and none was rejected whole; otherwise 1. Without -o the
 * workbook is updated in place and the previous file kept as WORKBOOK.bak;
 * when nothing changes, nothing is written.
 */
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { collectForms, pendingWithDue, readReturn, readScheduleTable, showValue } from "../../core/forms";
import type { CollectOutcome, CollectedForm, PendingDue, ScheduleRow } from "../../core/forms";
import { MAX_FORM_ROWS } from "../../core/forms/returns";
import { readWorkbook, updateWorkbookInPlace } from "../../xlsx";
import { describeProblems } from "../../core/layout/ownership";
import { checksSheet, seenIds } from "../../core/layout/checksSheet";
import { SHEET_NAMES, TABLE_NAMES } from "../../core/layout";
import { interpretSnapshot } from "../../core/workbook";
import { workbookFindings } from "./check";
import { ImportFileError } from "../../import/_lib/errors";
import { collectChanges, loadTrackingWorkbook } from "./_lib/formsWorkbook";
import { cleanStaleTemps, guardOutput, guardReplace, readInput, staleTempsLine, writeOutput } from "../_lib/files";
import { dirname } from "node:path";
import { isCalendarDate } from "../_lib/dates";

const USAGE = "chitieu collect FORM.xlsx... --into WORKBOOK [-o OUT.xlsx] [--json] [--today YYYY-MM-DD] [--force]";

function parseArgs(args: string[]): { forms: string[]; into: string; out: string | null; json: boolean; force: boolean; today: string | null } {
  const forms: string[] = [];
  let into: string | null = null;
  let today: string | null = null;
  let out: string | null = null;
  let json = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--into") into = args[++i] ?? null;
    else if (a === "--force") force = true;
    else if (a === "-o" || a === "--out") out = args[++i] ?? null;
    else if (a === "--json") json = true;
    else if (a === "--today") {
      today = args[++i] ?? null;
      if (!today || !isCalendarDate(today)) throw new CliError(`--today cần một ngày dạng 2023-10-05, không phải "${today ?? ""}".`, `--today needs a day like 2023-10-05, not "${today ?? ""}".`);
    }
    else if (!a.startsWith("-")) forms.push(a);
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!into || forms.length === 0) throw new CliError(`Cần ít nhất một biểu mẫu và --into SỔ.xlsx: ${USAGE}`, `Need at least one form and --into WORKBOOK: ${USAGE}`);
  return { forms, into, out, json, force, today };
}

type FormRead = CollectedForm["read"];
const unreadable = (code: string, message: string, messageEn: string): FormRead => ({ ok: false, code, message, messageEn });

/** What a file that is not an .xlsx is, by its first bytes: a planner can act on "save it as .xlsx". */
function notXlsx(bytes: Uint8Array, name: string): FormRead | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 120));
  if (/\.ods$/i.test(name) || (head.startsWith("PK") && head.includes("application/vnd.oasis.opendocument"))) {
    return unreadable("form.ods", "đây là tệp bảng tính OpenDocument (.ods), không phải .xlsx: hãy mở tệp trong LibreOffice, chọn Tệp › Lưu thành, kiểu \"Excel 2007-365 (.xlsx)\", rồi thu tệp .xlsx đó.",
      "this is an OpenDocument spreadsheet (.ods), not .xlsx: open it in LibreOffice, choose File › Save As, type \"Excel 2007-365 (.xlsx)\", and collect that .xlsx file.");
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return unreadable("form.legacyXls", "đây là tệp Excel đời cũ (.xls) hoặc tệp có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx) rồi thu tệp .xlsx đó.",
      "this is an old Excel file (.xls) or a password-protected one: open it in Excel, remove any password, choose File › Save As › Excel Workbook (*.xlsx) and collect that .xlsx file.");
  }
  if (!head.startsWith("PK")) {
    return unreadable("form.unreadable", "không đọc được tệp (không phải tệp .xlsx hoặc tệp bị hỏng).", "cannot read the file (not an .xlsx file, or damaged).");
  }
  return null;
}

/** A returned form, read with the bounds every file from outside gets: its size, its inflated parts, its rows. */
async function readForm(io: CliIo, path: string): Promise<CollectedForm> {
  const file = path.replace(/^.*[\\/]/, "");
  try {
    const bytes = await readInput(io, path);
    const wrong = notXlsx(bytes, file);
    if (wrong) return { file, read: wrong };
    // A form is one agency's rows: a sheet with many more is refused before the loader materialises it.
    return { file, read: readReturn(await readWorkbook(bytes, file, { maxSheetRows: MAX_FORM_ROWS + 100 })) };
  } catch (e) {
    if (e instanceof ImportFileError) return { file, read: unreadable(e.code, e.messageVi, e.messageEn) };
    if (e instanceof CliError) return { file, read: unreadable(e.code ?? "form.unreadable", e.vi, e.en) };
    return { file, read: unreadable("form.unreadable", "không đọc được tệp (không phải tệp .xlsx hoặc tệp bị hỏng).", "cannot read the file (not an .xlsx file, or damaged).") };
  }
}

/**
 * Each pending agency with the due day Lịch báo cáo gives its period and how many days late it is as of
 * `today` (issue 25).
 */
export function pendingDue(o: CollectOutcome, schedule: ReadonlyMap<string, ScheduleRow>, today: string): PendingDue[] {
  return o.pending.flatMap((agency) => {
    const period = o.pendingPeriods?.[agency] ?? "";
    return pendingWithDue([agency], period, schedule.get(period)?.due ?? null, today);
  });
}

/** The JSON the issue specifies, plus the row key, reason and warnings a script may want. */
export function collectJson(o: CollectOutcome, due: PendingDue[] = []): unknown {
  return {
    accepted: o.accepted,
    rejected: o.rejected,
    rowsRejected: o.rowsRejected.map((r) => ({ file: r.file, code: r.code, value: r.value, message: r.message, messageEn: r.messageEn, key: r.key, row: r.row })),
    conflicts: o.conflicts.map((c) => ({ code: c.code, period: c.period, workbook: c.workbook, form: c.form, agency: c.agency, key: c.key, name: c.name, reason: c.reason, file: c.file })),
    pending: o.pending,
    pendingAgencies: due,
    warnings: o.warnings.map((w) => ({ file: w.file, code: w.code, message: w.message, messageEn: w.messageEn })),
  };
}

/** More rejected rows than this are summarised (a hostile form can have thousands). */
const ROWS_SHOWN = 20;

function printText(io: CliIo, o: CollectOutcome, due: PendingDue[]): void {
  for (const a of o.accepted) io.out(`Nhận / Taken: ${a.file} — ${a.agency}, ${a.period}: ${Object.keys(a.values).length} số liệu / values`);
  for (const r of o.rejected) {
    io.out(`Từ chối cả tệp: ${r.message}`);
    io.out(`  Rejected: ${r.messageEn}`);
  }
  for (const r of o.rowsRejected.slice(0, ROWS_SHOWN)) {
    io.out(`Không nhận dòng: ${r.message}`);
    io.out(`  Row not taken: ${r.messageEn}`);
  }
  if (o.rowsRejected.length > ROWS_SHOWN) {
    const more = o.rowsRejected.length - ROWS_SHOWN;
    io.out(`… và ${more.toLocaleString("vi-VN")} dòng không nhận khác (xem --json). / … and ${more} more rows not taken (see --json).`);
  }
  for (const w of o.warnings) {
    io.out(`Lưu ý: ${w.message}`);
    io.out(`  Note: ${w.messageEn}`);
  }
  for (const c of o.conflicts) {
    const vs = c.reason === "twoFiles"
      ? ` — ${c.agency} gửi hai tệp với số khác nhau (${c.file}: ${showValue(c.form, c.percent)}; xem ${c.otherFile ?? "tệp kia"}): chưa nhận số nào, cán bộ chọn / ${c.agency} sent two files with different figures: neither taken, the planner chooses.`
      : ` — sổ / workbook ${showValue(c.workbook, c.percent)}, ${c.agency} ${showValue(c.form, c.percent)}: giữ số trong sổ cho đến khi cán bộ chọn / the workbook keeps its value until the planner chooses.`;
    io.out(`Xung đột / Conflict: ${c.code ?? c.key} (${c.periodLabel})${vs}`);
  }
  if (o.pending.length > 0) io.out(`Chưa nộp / Not returned (${o.pending.length}): ${o.pending.join("; ")}`);
  for (const d of due.filter((x) => x.daysLate > 0)) io.out(`Trễ hạn / Late: ${d.agency} — hạn ${d.due ? `${d.due.slice(8, 10)}/${d.due.slice(5, 7)}/${d.due.slice(0, 4)}` : "?"}, trễ ${d.daysLate} ngày / ${d.daysLate} days late`);
}

/**
 * The workbook with its Kiểm tra sheet refreshed from what `chitieu check` finds in it now (the figures just
 * collected included), stamped with the time. A workbook the checks cannot read is returned unchanged.
 */
async function withFreshChecks(bytes: Uint8Array, name: string, today: Date): Promise<Uint8Array> {
  const findings = await workbookFindings(name.replace(/^.*[\\/]/, "").replace(/(\.xlsx)?$/i, ".xlsx"), bytes, today);
  if (findings === null) return bytes;
  const snapshot = await readWorkbook(bytes, name);
  const table = snapshot.tables.find((t) => t.name === TABLE_NAMES.checks);
  const lang = interpretSnapshot(snapshot).lang;
  // The planner's "Đã xem" marks follow their findings (by id) into the refreshed list.
  const seen = table ? seenIds(table) : new Set<string>();
  const sheet = checksSheet(findings, { lang, name: table?.sheet ?? SHEET_NAMES[lang].checks, computedAt: today.toISOString(), seen });
  const refreshed = await updateWorkbookInPlace(bytes, { sheets: [sheet], names: [] });
  return refreshed.ok ? refreshed.bytes : bytes;
}

/** @example await collectCommand(["bao-cao-2023-so-tu-phap.xlsx", "--into", "theo-doi.xlsx", "--json"], nodeIo); */
export const collectCommand: CliCommand = async (args, io) => {
  const a = parseArgs(args);
  const target = a.out ?? a.into;
  // Before any work: an -o that would destroy something, a workbook kept read-only or open in Excel/LibreOffice.
  if (a.out !== null && a.out !== a.into) await guardOutput(io, { out: a.out, inputs: [a.into, ...a.forms], force: a.force });
  await guardReplace(io, target);
  const stale = staleTempsLine(await cleanStaleTemps(io, target), dirname(target));
  if (stale) io.err(stale);
  const wb = await loadTrackingWorkbook(io, a.into);
  if (!wb.hasGrid) {
    throw new CliError(`${a.into} chưa có sheet "Kết quả theo kỳ" để ghi số liệu; hãy cập nhật sổ (chitieu import … --update) trước.`, `${a.into} has no "Kết quả theo kỳ" sheet to take figures; update the workbook (chitieu import … --update) first.`);
  }
  const forms: CollectedForm[] = [];
  for (const f of a.forms) forms.push(await readForm(io, f));
  const outcome = collectForms(wb.state, forms, io.today().toISOString());
  if (outcome.changed) {
    const { layout, overwrite } = collectChanges(wb, outcome);
    const updated = await updateWorkbookInPlace(wb.bytes, layout, { overwrite });
    if (!updated.ok) {
      const why = describeProblems(updated.problems);
      throw new CliError(`Chưa ghi được vào ${a.into}: ${why.vi} Không ghi gì.`, `Could not write into ${a.into}: ${why.en} Nothing written.`, 1);
    }
    await writeOutput(io, target, await withFreshChecks(updated.bytes, target, io.today()), a.out === null || a.out === a.into ? { backup: wb.bytes } : {});
  } else if (a.out !== null && a.out !== a.into) {
    await writeOutput(io, a.out, wb.bytes);
  }
  const today = a.today ?? io.today().toISOString().slice(0, 10);
  const due = pendingDue(outcome, readScheduleTable(wb.snapshot), today);
  if (a.json) io.out(JSON.stringify(collectJson(outcome, due), null, 2));
  else {
    printText(io, outcome, due);
    io.out(outcome.changed ? `Đã ghi ${target}${a.out === null ? ` (bản cũ / previous: ${a.into}.bak)` : ""}. / Wrote ${target}.` : "Sổ theo dõi không thay đổi. / The workbook is unchanged.");
  }
  return outcome.accepted.length > 0 && outcome.rejected.length === 0 ? 0 : 1;
};
