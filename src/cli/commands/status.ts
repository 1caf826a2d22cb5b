/**
 * `chitieu status WORKBOOK [--period ID|LABEL] [--json]`: the status of every
 * indicator of a Chỉ tiêu workbook for one reporting period, judged by the
 * core (src/core/period) from the values stored in the file — the same
 * judgement the workbook's formulas make. Without --period, the period the
 * workbook's KyBaoCao cell shows. Exit 0, or 2 when the file or period
 * cannot be used.
 */
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { outsidePlan, reportPeriodNote } from "./_lib/periodNotes";
import { readWorkbook } from "../../xlsx";
import { interpretSnapshot } from "../../core/workbook";
import { parsePeriod } from "../../core/period";
import { defaultPeriod, statusTable, STATUS_COUNT_KEYS } from "../../core/statusTable";
import type { StatusTable } from "../../core/statusTable";
import { statusLabel } from "../../core/status";
import { readInput } from "./parse";

const USAGE = "chitieu status WORKBOOK [--period ID|LABEL] [--json]";

interface Args {
  file: string;
  period: string | null;
  json: boolean;
}

function parseArgs(args: string[]): Args {
  let file: string | null = null;
  let period: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--json") json = true;
    else if (a === "--period" || a.startsWith("--period=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === undefined || v.trim() === "") throw new CliError(`Thiếu kỳ sau --period: ${USAGE}`, `Missing period after --period: ${USAGE}`);
      period = v;
    } else if (!a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!file) throw new CliError(`Cần tệp sổ theo dõi: ${USAGE}`, `Need a workbook: ${USAGE}`);
  return { file, period, json };
}

/** "6,35" — the Vietnamese way, as the sheet shows it (percent rows as percents). */
function shown(x: number | string | null, percent: boolean): string {
  if (x === null) return "";
  if (typeof x === "string") return x;
  const v = percent ? x * 100 : x;
  const text = (Math.round(v * 100) / 100).toLocaleString("vi-VN", { maximumFractionDigits: 2 });
  return percent ? `${text}%` : text;
}

function printText(io: CliIo, table: StatusTable): void {
  io.out(`Kỳ báo cáo / Period: ${table.period.label} (${table.period.id}, kết thúc / ends ${table.period.end})`);
  for (const r of table.indicators) {
    if (r.status === "none") continue;
    const pct = r.percent;
    const who = [r.stt, r.name.length > 60 ? `${r.name.slice(0, 59)}…` : r.name].filter(Boolean).join(" ");
    // "ước" after a figure that is an estimate, as reports write it ("ước 6.150").
    const est = (nature: string | null | undefined): string => (nature === "estimate" ? " (ước)" : nature === "preliminary" ? " (sơ bộ)" : "");
    const prev = r.previous && r.previous.value !== null ? `cùng kỳ ${shown(r.previous.value, pct)}${est(r.previous.nature)}` : null;
    const figures = [
      `kết quả ${shown(r.result, pct) || "—"}${r.result !== null ? est(r.nature) : ""}`,
      `lộ trình ${shown(r.expected, pct) || "—"}`,
      r.percentOfPlan !== null ? `${shown(r.percentOfPlan, false)}% KH` : null,
      prev,
      r.percentOfPrevious !== null ? `${shown(r.percentOfPrevious, false)}% so với cùng kỳ` : null,
    ].filter(Boolean).join(", ");
    io.out(`  ${r.statusLabel.padEnd(16)} ${who} (${figures})`);
  }
  const c = table.counts;
  io.out(`Tổng / Total: ${c.total} — ` + STATUS_COUNT_KEYS.map((k) => `${statusLabel(k)} ${c[k]}`).join(", "));
}

/**
 * @example
 * await statusCommand(["chi-tieu.xlsx", "--period", "2023-H1", "--json"], nodeIo);
 */
export const statusCommand: CliCommand = async (args, io) => {
  const a = parseArgs(args);
  const bytes = await readInput(io, a.file);
  let reading;
  let snapshot;
  try {
    snapshot = await readWorkbook(bytes);
    reading = interpretSnapshot(snapshot);
  } catch {
    throw new CliError(`Không đọc được ${a.file} như một tệp Excel (.xlsx).`, `Cannot read ${a.file} as an Excel (.xlsx) file.`);
  }
  if (!reading.isChiTieu) {
    throw new CliError(`${a.file} không phải sổ theo dõi do chitieu tạo (không có bảng ChiTieu với cột Khóa).`, `${a.file} is not a workbook written by chitieu (no ChiTieu table with a Khóa column).`);
  }
  const period = a.period !== null ? parsePeriod(a.period) : defaultPeriod(reading);
  if (!period) {
    throw new CliError(
      a.period !== null
        ? `Không hiểu kỳ "${a.period}": dùng 2023, 2023-H1, 2023-9M, 2023-Q1…Q4 hoặc nhãn như "6 tháng đầu năm 2023".`
        : `${a.file} chưa chọn kỳ báo cáo (ô KyBaoCao trống) và không có kỳ nào: dùng --period.`,
      a.period !== null
        ? `Unknown period "${a.period}": use 2023, 2023-H1, 2023-9M, 2023-Q1…Q4 or a label such as "6 tháng đầu năm 2023".`
        : `${a.file} has no reporting period chosen (KyBaoCao is blank) and no periods: use --period.`,
    );
  }
  const notes = [a.period === null ? reportPeriodNote(snapshot, reading, period) : null, outsidePlan(reading, period)].filter((n) => n !== null);
  for (const n of notes) io.err(n);
  const table = statusTable(reading, period);
  if (a.json) io.out(JSON.stringify(table, null, 2));
  else printText(io, table);
  return 0;
};
