/**
 * `chitieu check FILE [--json] [--today YYYY-MM-DD]`: runs the consistency
 * checks on an appendix (.docx .pdf .xlsx .csv .txt) or on a Chỉ tiêu
 * workbook written by `chitieu import` (then findings carry sheet and cell,
 * and the officials' results are judged too). Exit 0 without errors, 1 with
 * errors, 2 when the file cannot be read.
 */
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { isCalendarDate } from "../_lib/dates";
import { importFile } from "../../import";
import { nodeOcr } from "../_lib/ocr";
import { readWorkbook } from "../../xlsx";
import { interpretSnapshot } from "../../core/workbook";
import { followedPeriods, planFromReading, runRules } from "../../core/checks";
import type { CheckInput } from "../../core/checks";
import type { Finding, Severity } from "../../core/model";
import { SEVERITY_LABEL_VI } from "../../core/model";
import { readInput } from "./parse";

interface Args {
  file: string;
  json: boolean;
  today: Date | null;
}

const USAGE = "chitieu check FILE [--json] [--today YYYY-MM-DD]";

function parseArgs(args: string[]): Args {
  let file: string | null = null;
  let json = false;
  let today: Date | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--json") json = true;
    else if (a === "--today" || a.startsWith("--today=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (!v || !isCalendarDate(v)) {
        throw new CliError(`Ngày không hợp lệ cho --today: ${v ?? ""} (cần một ngày có thật, dạng YYYY-MM-DD)`, `Invalid --today date: ${v ?? ""} (need a real date, YYYY-MM-DD)`);
      }
      today = new Date(`${v}T00:00:00Z`);
    } else if (!a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!file) throw new CliError(`Cần tên tệp: ${USAGE}`, `Need a file: ${USAGE}`);
  return { file, json, today };
}

const isZip = (b: Uint8Array): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b;

/**
 * The findings `chitieu check` prints for a Chỉ tiêu workbook, or null for any other file: collect refreshes
 * the Kiểm tra sheet with exactly these, so the sheet never contradicts the command.
 */
export async function workbookFindings(name: string, bytes: Uint8Array, today: Date): Promise<Finding[] | null> {
  const input = await asWorkbook(name, bytes);
  return input ? runRules({ ...input, today }) : null;
}

/** A Chỉ tiêu workbook (our indicators table with its key column), or null for any other file. */
async function asWorkbook(name: string, bytes: Uint8Array): Promise<Omit<CheckInput, "today"> | null> {
  if (!/\.xlsx$/i.test(name) || !isZip(bytes)) return null;
  try {
    const reading = interpretSnapshot(await readWorkbook(bytes, name));
    if (!reading.isChiTieu) return null;
    const input = planFromReading(reading);
    return { ...input, periods: followedPeriods(input.plan, reading) };
  } catch {
    return null; // not readable as a workbook: let the appendix importer report why
  }
}

export function findingJson(f: Finding): Record<string, unknown> {
  const r = f.ref;
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    messageEn: f.messageEn,
    ref: { appendix: r.appendix ?? null, stt: r.stt ?? null, code: r.code ?? null, field: r.field ?? null, sheet: r.sheet ?? null, cell: r.cell ?? null, period: r.period ?? null },
    // The legal basis and doubts left the message (one short sentence): carried beside it.
    ...(f.basis ? { basis: f.basis } : {}),
    ...(f.notes ? { notes: f.notes } : {}),
    ...(f.changes ? { changes: f.changes } : {}),
  };
}

const ORDER: Severity[] = ["error", "warning", "info"];
const EN: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Information" };

function printText(io: CliIo, findings: Finding[]): void {
  if (findings.length === 0) {
    io.out("Không phát hiện vấn đề nào. / No findings.");
    return;
  }
  for (const s of ORDER) {
    const group = findings.filter((f) => f.severity === s);
    if (group.length === 0) continue;
    io.out(`${SEVERITY_LABEL_VI[s]} / ${EN[s]} (${group.length})`);
    for (const f of group) {
      const where = [f.ref.appendix, f.ref.sheet && f.ref.cell ? `${f.ref.sheet}!${f.ref.cell}` : null].filter(Boolean).join(", ");
      io.out(`  [${f.rule}] ${where ? `${where}: ` : ""}${f.message}`);
      io.out(`      ${f.messageEn}`);
    }
  }
  const count = (s: Severity): number => findings.filter((f) => f.severity === s).length;
  io.out(`Tổng: ${count("error")} lỗi, ${count("warning")} cảnh báo, ${count("info")} thông tin. / Total: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} info.`);
}

/**
 * @example
 * await checkCommand(["ke-hoach.txt", "--json", "--today", "2023-12-31"], nodeIo); // prints {"findings": […]}, returns 1 if any error
 */
export const checkCommand: CliCommand = async (args, io) => {
  const { file, json, today } = parseArgs(args);
  const bytes = await readInput(io, file);
  const name = file.replace(/^.*[\\/]/, "");
  let input = await asWorkbook(name, bytes);
  if (!input) {
    const outcome = await importFile(name, bytes, { ocr: nodeOcr(io) });
    if (!outcome.ok) throw new CliError(outcome.error.message, outcome.error.messageEn, 2, outcome.error.code);
    input = { plan: outcome.result.plan };
  }
  const findings = runRules({ ...input, today: today ?? io.today() });
  if (json) io.out(JSON.stringify({ findings: findings.map(findingJson) }, null, 2));
  else printText(io, findings);
  return findings.some((f) => f.severity === "error") ? 1 : 0;
};
