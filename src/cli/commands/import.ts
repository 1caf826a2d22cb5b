/**
 * `chitieu import FILE -o OUT.xlsx [--update EXISTING.xlsx] [--force] [--demo-results] [--lang en]`
 *
 * OUT is never replaced unless asked: --update OUT for the Chỉ tiêu workbook
 * being updated, --force for any other existing file; never the appendix.
 *
 * Appendix file → plan → layout → .xlsx. With --update, EXISTING is updated in
 * place: our tables' rows and columns change, and everything the user made
 * (their sheets, columns, formulas, names, charts) stays as it was.
 * The whole workbook is built in memory, written to a temporary file next to
 * OUT and renamed over it, so a failure never leaves a half-written OUT.
 */
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { ImportFileError, importFile } from "../../import";
import { nodeOcr } from "../_lib/ocr";
import { EXCEL_CELL_MAX, TABLE_NAMES } from "../../core/layout";
import { seenIds } from "../../core/layout/checksSheet";
import { checkedLayout } from "../../core/checks";
import type { UserData } from "../../core/layout";
import { interpretSnapshot, demoResults } from "../../core/workbook";
import { mergeIntoWorkbook } from "../../core/merge";
import type { Lang } from "../../core/status";
import { readWorkbook, updateWorkbookInPlace, writeWorkbook } from "../../xlsx";
import { describeProblems } from "../../core/layout/ownership";
import { guardOutput, readInput, writeOutput } from "../_lib/files";
import { MAX_WORKBOOK_ROWS } from "../../import/_lib/limits";

interface ImportArgs {
  file: string;
  out: string;
  update: string | null;
  force: boolean;
  demo: boolean;
  lang: Lang | null;
}

function parseArgs(args: string[]): ImportArgs {
  let file: string | null = null;
  let out: string | null = null;
  let update: string | null = null;
  let demo = false;
  let force = false;
  let lang: Lang | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--out") out = args[++i] ?? null;
    else if (a === "--update") update = args[++i] ?? null;
    else if (a === "--demo-results") demo = true;
    else if (a === "--force") force = true;
    else if (a === "--lang") {
      const l = args[++i];
      if (l !== "vi" && l !== "en") throw new CliError("--lang phải là vi hoặc en.", "--lang must be vi or en.");
      lang = l;
    } else if (a && !a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a ?? ""}`, `Unknown argument: ${a ?? ""}`);
  }
  if (!file || !out) {
    throw new CliError(
      "Cần tệp phụ lục và -o TỆP.xlsx: chitieu import FILE -o OUT.xlsx [--update CŨ.xlsx] [--demo-results]",
      "Need an appendix file and -o OUT.xlsx: chitieu import FILE -o OUT.xlsx [--update OLD.xlsx] [--demo-results]",
    );
  }
  return { file, out, update, force, demo, lang };
}

/** True when the file at `path` holds our indicators table (a workbook someone may have typed results into). */
function isChiTieuWorkbook(io: CliIo): (path: string) => Promise<boolean> {
  return async (path) => interpretSnapshot(await readWorkbook(await readInput(io, path), path)).isChiTieu;
}

/** Demo results only where nothing was typed, so --demo-results never overwrites an official's number. */
function withDemo(user: UserData | undefined, demo: UserData): UserData {
  if (!user) return demo;
  const indicators = { ...user.indicators };
  const periodResults = { ...user.periodResults };
  for (const [k, v] of Object.entries(demo.periodResults ?? {})) {
    const typed = periodResults[k];
    if (typed && Object.values(typed).some((x) => x !== null && x !== "")) continue;
    periodResults[k] = v;
    const note = demo.indicators[k]?.note;
    if (note != null && indicators[k]?.note == null) indicators[k] = { ...indicators[k], note };
  }
  return { ...user, indicators, periodResults };
}

export const importCommand: CliCommand = async (args, io) => {
  const a = parseArgs(args);
  // Before any work: never replace a file the user did not ask to replace, nor the appendix itself.
  await guardOutput(io, { out: a.out, inputs: [a.file, ...(a.update ? [a.update] : [])], updating: a.update, force: a.force, isChiTieuWorkbook: isChiTieuWorkbook(io) });
  const outcome = await importFile(a.file, await readInput(io, a.file), { ocr: nodeOcr(io) });
  if (!outcome.ok) throw new CliError(outcome.error.message, outcome.error.messageEn, 1, outcome.error.code);
  const plan = outcome.result.plan;
  let rows = 0;
  for (const ap of plan.appendices) for (const ind of ap.indicators) rows += 1 + ind.tasks.length;
  if (rows > MAX_WORKBOOK_ROWS) {
    const n = (x: number): string => x.toLocaleString("vi-VN");
    throw new CliError(
      `${a.file} có ${n(rows)} dòng chỉ tiêu và nhiệm vụ, quá số dòng một sổ theo dõi có thể có (${n(MAX_WORKBOOK_ROWS)}): đây không giống một phụ lục kế hoạch. Hãy kiểm tra đã chọn đúng tệp, hoặc tách phụ lục ra; "chitieu parse ${a.file}" vẫn đọc được tệp này.`,
      `${a.file} has ${rows} indicator and task rows, more than a tracking workbook can hold (${MAX_WORKBOOK_ROWS}): this does not look like a plan's appendix. Check it is the right file, or split it; "chitieu parse ${a.file}" still reads it.`,
      2,
      "import.tooManyRows",
    );
  }

  let user: UserData | undefined;
  let lang: Lang = a.lang ?? "vi";
  let sheetNames: Partial<Record<"indicators" | "tasks", string>> = {};
  let updateBytes: Uint8Array | null = null;
  let seen: Set<string> | null = null;
  if (a.update) {
    const updatePath = a.update;
    const oldBytes = await readInput(io, updatePath);
    const snapshot = await readWorkbook(oldBytes, updatePath).catch((e: unknown) => {
      // A workbook refused by a bound says which bound; anything else is simply unreadable.
      if (e instanceof ImportFileError) throw new CliError(`${updatePath}: ${e.messageVi}`, `${updatePath}: ${e.messageEn}`, 2, e.code);
      throw new CliError(`${updatePath} không phải tệp Excel đọc được.`, `${updatePath} is not a readable Excel file.`, 2, "update.unreadable");
    });
    const reading = interpretSnapshot(snapshot);
    if (!reading.isChiTieu) {
      throw new CliError(`${a.update} không có bảng Chỉ tiêu để cập nhật.`, `${a.update} has no Chỉ tiêu table to update.`);
    }
    lang = a.lang ?? reading.lang;
    sheetNames = {
      ...(reading.sheets.indicators ? { indicators: reading.sheets.indicators } : {}),
      ...(reading.sheets.tasks ? { tasks: reading.sheets.tasks } : {}),
    };
    const merged = mergeIntoWorkbook(plan, reading);
    user = merged.user;
    // "Đã xem" marks of the old Kiểm tra list follow their findings (by id) into the new one.
    const checks = snapshot.tables.find((t) => t.name === TABLE_NAMES.checks);
    if (checks) seen = seenIds(checks);
    io.out(`Cập nhật: giữ ${merged.kept.length}, thêm ${merged.added.length}, đánh dấu không còn trong văn bản ${merged.gone.length}. / Update: kept ${merged.kept.length}, added ${merged.added.length}, marked gone ${merged.gone.length}.`);
    updateBytes = oldBytes;
  }
  if (a.demo) user = withDemo(user, demoResults(plan));

  // The Kiểm tra sheet is written with the import, so the file shows its findings even to colleagues without the add-in.
  const { layout, findings } = checkedLayout(plan, { lang, sheetNames, ...(user ? { results: user } : {}), ...(seen ? { seenFindings: seen } : {}) }, io.today());
  // An update changes our cells inside the existing file and keeps everything else (see src/xlsx/update.ts);
  // the old file was read whole above, so writing over it (even through another spelling of its path) is safe.
  let bytes: Uint8Array;
  if (updateBytes) {
    const updated = await updateWorkbookInPlace(updateBytes, layout);
    if (!updated.ok) {
      const text = describeProblems(updated.problems);
      throw new CliError(`${a.update ?? ""}: ${text.vi}`, `${a.update ?? ""}: ${text.en}`, 2, "update.structure");
    }
    bytes = updated.bytes;
  } else bytes = await writeWorkbook(layout, { charts: true });
  await writeOutput(io, a.out, bytes);
  const indicators = layout.sheets.find((s) => s.role === "indicators")?.tables[0]?.rows.length ?? 0;
  const tasks = layout.sheets.find((s) => s.role === "tasks")?.tables[0]?.rows.length ?? 0;
  io.out(`Đã ghi ${a.out}: ${indicators} chỉ tiêu, ${tasks} nhiệm vụ, ${findings.length} phát hiện trong sheet Kiểm tra. / Wrote ${a.out}: ${indicators} indicators, ${tasks} tasks, ${findings.length} findings on the checks sheet.`);
  for (const c of layout.cut ?? []) {
    io.err(`Cảnh báo [cell.tooLong]: ô ${c.sheet}!${c.cell} có ${c.length} ký tự, quá giới hạn ${EXCEL_CELL_MAX} của Excel, đã cắt bớt; toàn văn vẫn ở ${a.file} và trong "chitieu parse ${a.file} --json". / Warning: cell ${c.sheet}!${c.cell} has ${c.length} characters, over Excel's ${EXCEL_CELL_MAX}, and was cut; the full text is still in ${a.file} and in "chitieu parse ${a.file} --json".`);
  }
  for (const w of outcome.result.warnings.slice(0, 20)) io.err(`Cảnh báo [${w.code}]: ${w.message}`);
  if (outcome.result.warnings.length > 20) io.err(`… và ${outcome.result.warnings.length - 20} cảnh báo khác.`);
  return 0;
};
