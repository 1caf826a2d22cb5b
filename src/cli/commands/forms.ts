/**
 * `chitieu forms WORKBOOK --period ID|LABEL -o DIR`: one .xlsx form per
 * reporting agency for a period of the plan, named by an ASCII slug of the
 * agency (the Vietnamese name is inside). For periods after the 2025
 * reorganisation, forms go to today's agencies. Every form is signed with
 * the workbook's key (see core/forms/signature); a workbook without one gets
 * it first, in a very hidden sheet, written like any update of the workbook
 * (beside it and renamed, the previous file kept as WORKBOOK.bak).
 */
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { randomFillSync } from "node:crypto";
import type { CliCommand } from "../io";
import { CliError } from "../io";
import { formLayout, formRecipients, newSigningKey, recipientFileNames, signingSheet } from "../../core/forms";
import { describeProblems } from "../../core/layout/ownership";
import { updateWorkbookInPlace, writeWorkbook } from "../../xlsx";
import { findPeriod, loadTrackingWorkbook, routeFor } from "./_lib/formsWorkbook";
import { cleanStaleTemps, fsError, guardReplace, refuseExisting, staleTempsLine, writeOutput } from "../_lib/files";

const USAGE = "chitieu forms WORKBOOK --period ID -o DIR [--force]";

function parseArgs(args: string[]): { workbook: string; period: string; out: string; force: boolean } {
  let workbook: string | null = null;
  let period: string | null = null;
  let out: string | null = null;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--period") period = args[++i] ?? null;
    else if (a === "--force") force = true;
    else if (a === "-o" || a === "--out") out = args[++i] ?? null;
    else if (!a.startsWith("-") && workbook === null) workbook = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!workbook || !period || !out) throw new CliError(`Cần sổ theo dõi, --period và -o THƯ-MỤC: ${USAGE}`, `Need a workbook, --period and -o DIR: ${USAGE}`);
  return { workbook, period, out, force };
}

/** @example await formsCommand(["theo-doi.xlsx", "--period", "2023", "-o", "bieu-mau"], nodeIo); // 0 */
export const formsCommand: CliCommand = async (args, io) => {
  const a = parseArgs(args);
  const wb = await loadTrackingWorkbook(io, a.workbook);
  const period = findPeriod(io, wb.source, a.period);
  const recipients = formRecipients(wb.source, routeFor(period));
  const issued = io.today().toISOString();
  const names = recipientFileNames(recipients, period.id);
  const paths = recipients.map((_, i) => join(a.out, names[i] ?? `bao-cao-${i + 1}.xlsx`));
  // One file per agency, checked before anything is written (names that differ only in case are one file on Windows).
  const seen = new Map<string, string>();
  for (const [i, p] of paths.entries()) {
    const other = seen.get(p.toLowerCase());
    if (other !== undefined) throw new Error(`forms: ${other} and ${recipients[i]?.agency ?? ""} would share ${p}`);
    seen.set(p.toLowerCase(), recipients[i]?.agency ?? "");
  }
  // Returned forms are often saved under the same names: never replace them by accident.
  await refuseExisting(io, paths, a.force);

  let source = wb.source;
  if (source.signingKey === undefined) {
    // The key is made once and kept in the workbook only; the forms carry signatures made with it, never the key.
    await guardReplace(io, a.workbook);
    const stale = staleTempsLine(await cleanStaleTemps(io, a.workbook), dirname(a.workbook));
    if (stale) io.err(stale);
    const key = newSigningKey((b) => randomFillSync(b));
    const updated = await updateWorkbookInPlace(wb.bytes, { sheets: [signingSheet(key)], names: [] });
    if (!updated.ok) {
      const why = describeProblems(updated.problems);
      throw new CliError(`Chưa ghi được khóa ký biểu mẫu vào ${a.workbook}: ${why.vi} Chưa tạo biểu mẫu nào.`, `Could not store the forms' signing key in ${a.workbook}: ${why.en} No form written.`, 2, "forms.keyNotStored");
    }
    await writeOutput(io, a.workbook, updated.bytes, { backup: wb.bytes });
    io.err(`Đã thêm khóa ký biểu mẫu vào ${a.workbook} (sheet ẩn, bản cũ: ${a.workbook}.bak): chỉ biểu mẫu tạo từ sổ này mới được thu vào sổ này. / Added the forms' signing key to ${a.workbook} (a hidden sheet; previous file: ${a.workbook}.bak): only forms made from this workbook can be collected into it.`);
    source = { ...source, signingKey: key };
  }

  try {
    await mkdir(a.out, { recursive: true });
  } catch (e) {
    throw fsError(e, join(a.out, "x.xlsx"), "write");
  }
  const written: string[] = [];
  for (const [i, recipient] of recipients.entries()) {
    const path = paths[i] ?? join(a.out, `bao-cao-${i + 1}.xlsx`);
    try {
      await writeOutput(io, path, await writeWorkbook(formLayout({ source, recipient, period, issued })));
    } catch (e) {
      const why = fsError(e, path, "write");
      const vi = why instanceof CliError ? why.vi : String(e);
      const en = why instanceof CliError ? why.en : String(e);
      const left = paths.slice(i);
      const list = (xs: string[]): string => (xs.length === 0 ? "không có / none" : xs.join(", "));
      throw new CliError(
        `${vi} Đã ghi ${written.length}/${recipients.length} biểu mẫu: ${list(written)}. Chưa ghi: ${left.join(", ")}. Sửa lỗi rồi chạy lại với --force để tạo đủ.`,
        `${en} Wrote ${written.length} of ${recipients.length} forms: ${list(written)}. Not written: ${left.join(", ")}. Fix the problem and run again with --force to write them all.`,
        2,
        why instanceof CliError && why.code ? why.code : "output.failed",
      );
    }
    written.push(path);
    io.out(`${path}\t${recipient.agency}\t${recipient.indicatorKeys.length} chỉ tiêu, ${recipient.taskKeys.length} nhiệm vụ`);
  }
  io.out(`Đã tạo ${recipients.length} biểu mẫu cho kỳ ${period.label} trong ${a.out}. / Wrote ${recipients.length} forms for ${period.label} in ${a.out}.`);
  return 0;
};
