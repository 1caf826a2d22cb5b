/**
 * `chitieu report WORKBOOK [--period ID] -o BAOCAO.docx [--issuer NAME]
 * [--parent NAME] [--symbol BC-UBND] [--place NAME] [--date YYYY-MM-DD]`:
 * the period report as a Word document (Nghị định 30/2020/NĐ-CP format).
 * Without --period, the period chosen in the workbook (KyBaoCao).
 * Exit 0 when written, 2 when the workbook or the arguments cannot be used.
 */
import { loadWorkbookQuietly } from "../../import/_lib/exceljsLoad";
import type { CliCommand } from "../io";
import { CliError } from "../io";
import { outsidePlan, reportPeriodNote } from "./_lib/periodNotes";
import { isCalendarDate } from "../_lib/dates";
import { readWorkbook } from "../../xlsx";
import { interpretSnapshot } from "../../core/workbook";
import { buildReport } from "../../core/report";
import { defaultReportPeriod, reportPeriod, reportTable } from "../../core/report/fromReading";
import { returnsForReport } from "../../core/report/returns";
import { writeReportDocx } from "../../docx";
import { guardOutput, readInput, writeOutput } from "../_lib/files";

const USAGE = "chitieu report WORKBOOK [--period 2023|2023-H1|\"Năm 2023\"] -o BAOCAO.docx [--force] [--issuer TÊN] [--parent TÊN] [--symbol BC-UBND] [--place ĐỊA-DANH] [--date YYYY-MM-DD]";
const VALUE_FLAGS = ["--period", "-o", "--out", "--issuer", "--parent", "--symbol", "--place", "--date"] as const;

function parseArgs(args: string[]): { file: string; values: Map<string, string>; force: boolean } {
  let file: string | null = null;
  let force = false;
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--force") force = true;
    else if ((VALUE_FLAGS as readonly string[]).includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new CliError(`Thiếu giá trị cho ${a}: ${USAGE}`, `Missing value for ${a}: ${USAGE}`);
      values.set(a === "--out" ? "-o" : a, v);
    } else if (!a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!file) throw new CliError(`Cần tên sổ theo dõi: ${USAGE}`, `Need a workbook: ${USAGE}`);
  return { file, values, force };
}

/** The plan's title from Tổng hợp!A1 ("Tổng hợp chỉ tiêu: …"), which the writers put there; "" when absent. */
async function planTitle(bytes: Uint8Array): Promise<string> {
  const { workbook: wb } = await loadWorkbookQuietly(bytes);
  for (const ws of wb.worksheets) {
    const v = ws.getCell("A1").value;
    const text = typeof v === "string" ? v : "";
    const m = /^(?:Tổng hợp chỉ tiêu|Indicator summary): (.+)$/s.exec(text);
    if (m?.[1]) return m[1].trim();
  }
  return "";
}

/**
 * @example
 * await reportCommand(["theo-doi.xlsx", "--period", "2023", "-o", "bao-cao.docx"], nodeIo);
 */
export const reportCommand: CliCommand = async (args, io) => {
  const { file, values, force } = parseArgs(args);
  const periodId = values.get("--period");
  const out = values.get("-o");
  if (!out) throw new CliError(`Cần -o TỆP.docx: ${USAGE}`, `Need -o FILE.docx: ${USAGE}`);
  const named = periodId === undefined ? null : reportPeriod(periodId);
  if (periodId !== undefined && !named) throw new CliError(`Kỳ báo cáo không hợp lệ: "${periodId}" (ví dụ 2023, 2023-H1, 2023-9M, 2023-Q3 hoặc "Năm 2023")`, `Invalid period: "${periodId}" (e.g. 2023, 2023-H1, 2023-9M, 2023-Q3)`);
  const date = values.get("--date") ?? io.today().toISOString().slice(0, 10);
  if (!isCalendarDate(date)) throw new CliError(`Ngày không hợp lệ cho --date: ${date} (cần một ngày có thật, dạng YYYY-MM-DD)`, `Invalid --date: ${date} (need a real date, YYYY-MM-DD)`);

  // Before any work: never replace a file the user did not ask to replace (--force), nor the workbook itself.
  await guardOutput(io, { out, inputs: [file], force });
  const bytes = await readInput(io, file);
  let snapshot;
  try {
    snapshot = await readWorkbook(bytes);
  } catch (e) {
    throw new CliError(`Không đọc được sổ theo dõi ${file}: ${e instanceof Error ? e.message : String(e)}`, `Cannot read workbook ${file}`);
  }
  const reading = interpretSnapshot(snapshot);
  if (!reading.isChiTieu) throw new CliError(`${file} không phải sổ theo dõi Chỉ tiêu (không có bảng ChiTieu).`, `${file} is not a Chỉ tiêu workbook (no ChiTieu table).`);

  // Without --period: the period chosen in the workbook's KyBaoCao cell.
  const period = named ?? defaultReportPeriod(reading);
  const note = named ? null : reportPeriodNote(snapshot, reading, period);
  if (note) io.err(note);
  if (!period) throw new CliError(`Sổ chưa chọn kỳ báo cáo (ô KyBaoCao trống): hãy thêm --period`, `The workbook has no reporting period (KyBaoCao is empty): add --period`);
  const outside = outsidePlan(reading, period);
  if (outside) io.err(outside);
  const table = reportTable(reading, period);
  const doc = buildReport(table, {
    plan: { title: await planTitle(bytes), number: null },
    issuer: values.get("--issuer") ?? "Ủy ban nhân dân tỉnh ……",
    parentBody: values.get("--parent") ?? null,
    symbol: values.get("--symbol") ?? (values.has("--parent") ? "BC-SKHĐT" : "BC-UBND"),
    place: values.get("--place") ?? null,
    date,
    // Agencies' explanations and who has not reported, when the workbook holds collected returns.
    ...returnsForReport(snapshot, period.id),
  });
  await writeOutput(io, out, await writeReportDocx(doc));
  io.out(`Đã ghi báo cáo ${period.label}: ${out} (${table.indicators.length} chỉ tiêu). / Report written: ${out}.`);
  return 0;
};
