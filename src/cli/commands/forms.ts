/**
 * `chitieu forms WORKBOOK --period ID|LABEL -o DIR`: one .xlsx form per
 * reporting agency for a period of the plan, named by an ASCII slug of the
 * agency (the Vietnamese name is inside). For periods after the 2025
 * reorganisation, forms go to today's agencies.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { CliCommand } from "../io";
import { CliError } from "../io";
import { formLayout, formRecipients, recipientFileNames } from "../../core/forms";
import { writeWorkbook } from "../../xlsx";
import { findPeriod, loadTrackingWorkbook, routeFor } from "./_lib/formsWorkbook";
import { refuseExisting, safeWrite } from "./_lib/safeWrite";

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
  // Returned forms are often saved under the same names: never replace them by accident.
  await refuseExisting(paths, a.force);
  await mkdir(a.out, { recursive: true });
  for (const [i, recipient] of recipients.entries()) {
    const path = paths[i] ?? join(a.out, `bao-cao-${i + 1}.xlsx`);
    await safeWrite(io, path, await writeWorkbook(formLayout({ source: wb.source, recipient, period, issued })));
    io.out(`${path}\t${recipient.agency}\t${recipient.indicatorKeys.length} chỉ tiêu, ${recipient.taskKeys.length} nhiệm vụ`);
  }
  io.out(`Đã tạo ${recipients.length} biểu mẫu cho kỳ ${period.label} trong ${a.out}. / Wrote ${recipients.length} forms for ${period.label} in ${a.out}.`);
  return 0;
};
