/**
 * `chitieu report WORKBOOK [--period ID] -o BAOCAO.docx [flags]`: the period
 * report as a Word document (Nghị định 30/2020/NĐ-CP format). The header,
 * the signature block and the plan's citation come from the workbook's
 * "Thông tin báo cáo" sheet (filled from the plan at import); each flag
 * overrides one particular for this report. Without --period, the period
 * chosen in the workbook (KyBaoCao).
 * Exit 0 when written, 2 when the workbook or the arguments cannot be used.
 */
import type { CliCommand } from "../io";
import { CliError } from "../io";
import { outsidePlan, reportPeriodNote } from "./_lib/periodNotes";
import { isCalendarDate } from "../_lib/dates";
import { readCells, readWorkbook } from "../../xlsx";
import { interpretSnapshot } from "../../core/workbook";
import type { WorkbookSnapshot } from "../../core/workbook";
import { buildReport, readParticulars, resolveParticulars } from "../../core/report";
import type { Particulars } from "../../core/report";
import { defaultReportPeriod, reportPeriod, reportTable, reportTasks } from "../../core/report/fromReading";
import { returnsForReport } from "../../core/report/returns";
import { writeReportDocx } from "../../docx";
import { planDateText } from "../../core/layout";
import { guardOutput, readInput, writeOutput } from "../_lib/files";

/** Every flag, its particular (if any) and what it says: --help prints this list. */
const FLAGS: Array<{ flag: string; key?: keyof Particulars; arg: string; vi: string; en: string }> = [
  { flag: "--period", arg: "ID", vi: "kỳ báo cáo: 2023, 2023-H1, 2023-9M, 2023-Q3 hoặc \"Năm 2023\" (mặc định: ô KyBaoCao)", en: "reporting period (default: the workbook's KyBaoCao)" },
  { flag: "-o", arg: "BAOCAO.docx", vi: "tệp Word ghi ra (hoặc --out)", en: "the Word file to write (or --out)" },
  { flag: "--force", arg: "", vi: "cho phép thay tệp đã có", en: "allow replacing an existing file" },
  { flag: "--date", arg: "YYYY-MM-DD", vi: "ngày của báo cáo (mặc định: hôm nay)", en: "the report's date (default: today)" },
  { flag: "--province", key: "province", arg: "TÊN", vi: "tỉnh (Bắc Giang)", en: "province" },
  { flag: "--issuer", key: "issuer", arg: "TÊN", vi: "cơ quan ban hành báo cáo (\"Sở Tài chính\"; mặc định: UBND tỉnh)", en: "issuing body" },
  { flag: "--parent", key: "parentBody", arg: "TÊN", vi: "cơ quan cấp trên khi sở báo cáo (mặc định: UBND tỉnh)", en: "superior body of a department" },
  { flag: "--symbol", key: "symbol", arg: "BC-STC", vi: "ký hiệu (mặc định theo cơ quan ban hành: BC-UBND, BC-STC…)", en: "symbol (default follows the issuer)" },
  { flag: "--place", key: "place", arg: "ĐỊA-DANH", vi: "địa danh ở dòng ngày tháng (mặc định: tên tỉnh)", en: "place in the date line (default: the province)" },
  { flag: "--to", key: "addressee", arg: "TÊN", vi: "Kính gửi (mặc định khi sở báo cáo: UBND tỉnh)", en: "addressee (default for a department: the People's Committee)" },
  { flag: "--authority", key: "authority", arg: "TM.|KT.", vi: "quyền hạn ký", en: "signing authority" },
  { flag: "--signer-title", key: "signerTitle", arg: "CHỨC-VỤ", vi: "chức vụ người ký (CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC, PHÓ GIÁM ĐỐC)", en: "signer's title" },
  { flag: "--signer", key: "signerName", arg: "HỌ-TÊN", vi: "họ tên người ký", en: "signer's name" },
  { flag: "--recipient", key: "recipients", arg: "NƠI-NHẬN", vi: "một nơi nhận (nhắc lại cho mỗi nơi)", en: "one recipient (repeat for each)" },
  { flag: "--plan-number", key: "planNumber", arg: "125/KH-UBND", vi: "số của kế hoạch", en: "the plan's number" },
  { flag: "--plan-date", key: "planDate", arg: "14/3/2025", vi: "ngày ban hành kế hoạch", en: "the plan's date" },
];

export const REPORT_USAGE = [
  "chitieu report SỔ.xlsx -o BAOCAO.docx [tùy chọn / options]",
  ...FLAGS.map((f) => `  ${`${f.flag}${f.arg ? ` ${f.arg}` : ""}`.padEnd(30)} ${f.vi} / ${f.en}`),
  "Các thông tin không nêu lấy từ sheet “Thông tin báo cáo” của sổ. / Particulars not given come from the workbook's “Thông tin báo cáo” sheet.",
].join("\n");

const VALUE_FLAGS = new Set([...FLAGS.filter((f) => f.arg !== "").map((f) => f.flag), "--out"]);

function parseArgs(args: string[]): { file: string | null; values: Map<string, string>; recipients: string[]; force: boolean; help: boolean } {
  let file: string | null = null;
  let force = false;
  let help = false;
  const values = new Map<string, string>();
  const recipients: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--force") force = true;
    else if (a === "--help" || a === "-h") help = true;
    else if (VALUE_FLAGS.has(a)) {
      const v = args[++i];
      if (v === undefined) throw new CliError(`Thiếu giá trị cho ${a}:\n${REPORT_USAGE}`, `Missing value for ${a}`);
      if (a === "--recipient") recipients.push(v);
      else values.set(a === "--out" ? "-o" : a, v);
    } else if (!a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}\n${REPORT_USAGE}`, `Unknown argument: ${a}`);
  }
  return { file, values, recipients, force, help };
}

/** The plan's title from Tổng hợp!A1 ("Tổng hợp chỉ tiêu: …"), which the writers put there; "" when absent. */
async function planTitle(bytes: Uint8Array, snapshot: WorkbookSnapshot): Promise<{ title: string; docLine: string }> {
  const cells = await readCells(bytes, snapshot.sheetNames.flatMap((sheet) => [{ sheet, address: "A1" }, { sheet, address: "B2" }]));
  for (let i = 0; i < cells.length; i += 2) {
    const v = cells[i];
    const m = /^(?:Tổng hợp chỉ tiêu|Indicator summary): (.+)$/s.exec(typeof v === "string" ? v : "");
    const line = cells[i + 1];
    if (m?.[1]) return { title: m[1].trim(), docLine: typeof line === "string" ? line : "" };
  }
  return { title: "", docLine: "" };
}

/**
 * The plan's number and date from Tổng hợp!B2 ("125/KH-UBND, ngày 14 tháng 3 năm 2025"), for a workbook
 * written before the "Thông tin báo cáo" sheet: the particulars it already holds are never left blank.
 */
function fromDocLine(line: string): Particulars {
  const out: Particulars = {};
  const number = /^\s*(\d+\/[\p{Lu}Đ]+(?:-[\p{Lu}Đ]+)*)/u.exec(line)?.[1];
  if (number) out.planNumber = number;
  const date = planDateText({ date: /^\d{4}-\d{2}-\d{2}$/.test(line.trim()) ? line.trim() : null, dateRaw: line });
  if (date) out.planDate = date;
  return out;
}

/**
 * @example
 * await reportCommand(["theo-doi.xlsx", "--period", "2023", "-o", "bao-cao.docx", "--issuer", "Sở Tài chính"], nodeIo);
 */
export const reportCommand: CliCommand = async (args, io) => {
  const { file, values, recipients, force, help } = parseArgs(args);
  if (help) {
    io.out(REPORT_USAGE);
    return 0;
  }
  if (!file) throw new CliError(`Cần tên sổ theo dõi:\n${REPORT_USAGE}`, "Need a workbook");
  const periodId = values.get("--period");
  const out = values.get("-o");
  if (!out) throw new CliError(`Cần -o TỆP.docx:\n${REPORT_USAGE}`, "Need -o FILE.docx");
  const named = periodId === undefined ? null : reportPeriod(periodId);
  if (periodId !== undefined && !named) throw new CliError(`Kỳ báo cáo không hợp lệ: "${periodId}" (ví dụ 2023, 2023-H1, 2023-9M, 2023-Q3 hoặc "Năm 2023")`, `Invalid period: "${periodId}" (e.g. 2023, 2023-H1, 2023-9M, 2023-Q3)`);
  const date = values.get("--date") ?? io.today().toISOString().slice(0, 10);
  if (!isCalendarDate(date)) throw new CliError(`Ngày không hợp lệ cho --date: ${date} (cần một ngày có thật, dạng YYYY-MM-DD)`, `Invalid --date: ${date} (need a real date, YYYY-MM-DD)`);
  const authority = values.get("--authority");
  if (authority !== undefined && !/^(TM\.?|KT\.?|)$/iu.test(authority.trim())) throw new CliError(`--authority cần TM. hoặc KT. (nhận được "${authority}")`, `--authority takes TM. or KT.`);

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
  const overrides: Particulars = {};
  for (const f of FLAGS) {
    const v = f.key && f.key !== "recipients" ? values.get(f.flag) : undefined;
    if (f.key && v !== undefined) overrides[f.key] = f.key === "authority" ? `${v.trim().replace(/\.$/, "").toUpperCase()}.` : v;
  }
  if (recipients.length > 0) overrides.recipients = recipients.join("\n");
  const summary = await planTitle(bytes, snapshot);
  const particulars = resolveParticulars({ ...fromDocLine(summary.docLine), ...readParticulars(snapshot) }, overrides);
  const table = reportTable(reading, period);
  const doc = buildReport(table, {
    plan: { title: summary.title, ...particulars.plan },
    province: particulars.province,
    issuer: particulars.issuer,
    parentBody: particulars.parentBody,
    addressee: particulars.addressee,
    symbol: particulars.symbol,
    place: particulars.place,
    date,
    signature: particulars.signature,
    ...(particulars.recipients.length > 0 ? { recipients: particulars.recipients } : {}),
    tasks: reportTasks(reading, period),
    // Agencies' explanations and who has not reported, when the workbook holds collected returns.
    ...returnsForReport(snapshot, period.id),
  });
  await writeOutput(io, out, await writeReportDocx(doc));
  io.out(`Đã ghi báo cáo ${period.label}: ${out} (${table.indicators.length} chỉ tiêu). / Report written: ${out}.`);
  return 0;
};
