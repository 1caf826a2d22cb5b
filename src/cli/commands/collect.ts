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
import { collectForms, readReturn, showValue } from "../../core/forms";
import type { CollectOutcome, CollectedForm } from "../../core/forms";
import { readWorkbook, updateWorkbookInPlace } from "../../xlsx";
import { describeProblems } from "../../core/layout/ownership";
import { checksSheet } from "../../core/layout/checksSheet";
import { SHEET_NAMES, TABLE_NAMES } from "../../core/layout";
import { interpretSnapshot } from "../../core/workbook";
import { workbookFindings } from "./check";
import { collectChanges, loadTrackingWorkbook } from "./_lib/formsWorkbook";
import { refuseExisting, safeWrite } from "./_lib/safeWrite";

const USAGE = "chitieu collect FORM.xlsx... --into WORKBOOK [-o OUT.xlsx] [--json] [--force]";

function parseArgs(args: string[]): { forms: string[]; into: string; out: string | null; json: boolean; force: boolean } {
  const forms: string[] = [];
  let into: string | null = null;
  let out: string | null = null;
  let json = false;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--into") into = args[++i] ?? null;
    else if (a === "--force") force = true;
    else if (a === "-o" || a === "--out") out = args[++i] ?? null;
    else if (a === "--json") json = true;
    else if (!a.startsWith("-")) forms.push(a);
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!into || forms.length === 0) throw new CliError(`Cần ít nhất một biểu mẫu và --into SỔ.xlsx: ${USAGE}`, `Need at least one form and --into WORKBOOK: ${USAGE}`);
  return { forms, into, out, json, force };
}

async function readForm(io: CliIo, path: string): Promise<CollectedForm> {
  const file = path.replace(/^.*[\\/]/, "");
  try {
    return { file, read: readReturn(await readWorkbook(await io.readFile(path))) };
  } catch {
    return { file, read: { ok: false, code: "form.unreadable", message: "không đọc được tệp (không phải tệp .xlsx hoặc tệp bị hỏng).", messageEn: "cannot read the file (not an .xlsx file, or damaged)." } };
  }
}

/** The JSON the issue specifies, plus the row key, reason and warnings a script may want. */
export function collectJson(o: CollectOutcome): unknown {
  return {
    accepted: o.accepted,
    rejected: o.rejected,
    rowsRejected: o.rowsRejected.map((r) => ({ file: r.file, code: r.code, value: r.value, message: r.message, messageEn: r.messageEn, key: r.key, row: r.row })),
    conflicts: o.conflicts.map((c) => ({ code: c.code, period: c.period, workbook: c.workbook, form: c.form, agency: c.agency, key: c.key, name: c.name, reason: c.reason, file: c.file })),
    pending: o.pending,
    warnings: o.warnings.map((w) => ({ file: w.file, code: w.code, message: w.message, messageEn: w.messageEn })),
  };
}

function printText(io: CliIo, o: CollectOutcome): void {
  for (const a of o.accepted) io.out(`Nhận / Taken: ${a.file} — ${a.agency}, ${a.period}: ${Object.keys(a.values).length} số liệu / values`);
  for (const r of o.rejected) io.out(`Từ chối cả tệp / Rejected: ${r.message}`);
  for (const r of o.rowsRejected) io.out(`Không nhận dòng / Row not taken: ${r.message}`);
  for (const w of o.warnings) io.out(`Lưu ý / Note: ${w.message}`);
  for (const c of o.conflicts) {
    io.out(`Xung đột / Conflict: ${c.code ?? c.key} (${c.periodLabel}) — sổ / workbook ${showValue(c.workbook, c.percent)}, ${c.agency} ${showValue(c.form, c.percent)}: giữ số trong sổ cho đến khi cán bộ chọn / the workbook keeps its value until the planner chooses.`);
  }
  if (o.pending.length > 0) io.out(`Chưa nộp / Not returned (${o.pending.length}): ${o.pending.join("; ")}`);
}

/**
 * The workbook with its Kiểm tra sheet refreshed from what `chitieu check` finds in it now (the figures just
 * collected included), stamped with the time. A workbook the checks cannot read is returned unchanged.
 */
async function withFreshChecks(bytes: Uint8Array, name: string, today: Date): Promise<Uint8Array> {
  const findings = await workbookFindings(name.replace(/^.*[\\/]/, "").replace(/(\.xlsx)?$/i, ".xlsx"), bytes, today);
  if (findings === null) return bytes;
  const snapshot = await readWorkbook(bytes, name);
  const existing = snapshot.tables.find((t) => t.name === TABLE_NAMES.checks)?.sheet;
  const lang = interpretSnapshot(snapshot).lang;
  const sheet = checksSheet(findings, { lang, name: existing ?? SHEET_NAMES[lang].checks, computedAt: today.toISOString() });
  const refreshed = await updateWorkbookInPlace(bytes, { sheets: [sheet], names: [] });
  return refreshed.ok ? refreshed.bytes : bytes;
}

/** @example await collectCommand(["bao-cao-2023-so-tu-phap.xlsx", "--into", "theo-doi.xlsx", "--json"], nodeIo); */
export const collectCommand: CliCommand = async (args, io) => {
  const a = parseArgs(args);
  if (a.out !== null && a.out !== a.into) await refuseExisting([a.out], a.force);
  const wb = await loadTrackingWorkbook(io, a.into);
  if (!wb.hasGrid) {
    throw new CliError(`${a.into} chưa có sheet "Kết quả theo kỳ" để ghi số liệu; hãy cập nhật sổ (chitieu import … --update) trước.`, `${a.into} has no "Kết quả theo kỳ" sheet to take figures; update the workbook (chitieu import … --update) first.`);
  }
  const forms: CollectedForm[] = [];
  for (const f of a.forms) forms.push(await readForm(io, f));
  const outcome = collectForms(wb.state, forms, io.today().toISOString());
  const target = a.out ?? a.into;
  if (outcome.changed) {
    const { layout, overwrite } = collectChanges(wb, outcome);
    const updated = await updateWorkbookInPlace(wb.bytes, layout, { overwrite });
    if (!updated.ok) {
      const why = describeProblems(updated.problems);
      throw new CliError(`Chưa ghi được vào ${a.into}: ${why.vi} Không ghi gì.`, `Could not write into ${a.into}: ${why.en} Nothing written.`, 1);
    }
    await safeWrite(io, target, await withFreshChecks(updated.bytes, target, io.today()), { backup: a.out === null });
  } else if (a.out !== null) {
    await safeWrite(io, a.out, wb.bytes);
  }
  if (a.json) io.out(JSON.stringify(collectJson(outcome), null, 2));
  else {
    printText(io, outcome);
    io.out(outcome.changed ? `Đã ghi ${target}${a.out === null ? ` (bản cũ: ${a.into}.bak)` : ""}. / Wrote ${target}.` : "Sổ theo dõi không thay đổi. / The workbook is unchanged.");
  }
  return outcome.accepted.length > 0 && outcome.rejected.length === 0 ? 0 : 1;
};
