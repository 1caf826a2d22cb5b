/**
 * `chitieu import FILE -o OUT.xlsx [--update EXISTING.xlsx] [--demo-results] [--lang en]`
 *
 * Appendix file → plan → layout → .xlsx. With --update, what officials typed
 * in EXISTING (results, notes, task statuses) is merged in by indicator key.
 * The whole workbook is built in memory, written to a temporary file next to
 * OUT and renamed over it, so a failure never leaves a half-written OUT.
 */
import { rename } from "node:fs/promises";
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { importFile } from "../../import";
import { SHEET_NAMES } from "../../core/layout";
import { checkedLayout } from "../../core/checks";
import type { UserData } from "../../core/layout";
import { interpretSnapshot, demoResults } from "../../core/workbook";
import { mergeIntoWorkbook } from "../../core/merge";
import type { Lang } from "../../core/status";
import { readWorkbook, writeWorkbook } from "../../xlsx";

interface ImportArgs {
  file: string;
  out: string;
  update: string | null;
  demo: boolean;
  lang: Lang | null;
}

function parseArgs(args: string[]): ImportArgs {
  let file: string | null = null;
  let out: string | null = null;
  let update: string | null = null;
  let demo = false;
  let lang: Lang | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-o" || a === "--out") out = args[++i] ?? null;
    else if (a === "--update") update = args[++i] ?? null;
    else if (a === "--demo-results") demo = true;
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
  return { file, out, update, demo, lang };
}

async function read(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await io.readFile(path);
  } catch {
    throw new CliError(`Không đọc được tệp ${path}.`, `Cannot read ${path}.`);
  }
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
  const outcome = await importFile(a.file, await read(io, a.file));
  if (!outcome.ok) throw new CliError(outcome.error.message, outcome.error.messageEn, 1);
  const plan = outcome.result.plan;

  let user: UserData | undefined;
  let lang: Lang = a.lang ?? "vi";
  let sheetNames: Partial<Record<"indicators" | "tasks", string>> = {};
  if (a.update) {
    const updatePath = a.update;
    const snapshot = await readWorkbook(await read(io, updatePath)).catch(() => {
      throw new CliError(`${updatePath} không phải tệp Excel đọc được.`, `${updatePath} is not a readable Excel file.`);
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
    io.out(`Cập nhật: giữ ${merged.kept.length}, thêm ${merged.added.length}, đánh dấu không còn trong văn bản ${merged.gone.length}. / Update: kept ${merged.kept.length}, added ${merged.added.length}, marked gone ${merged.gone.length}.`);
    const ours = new Set<string>([...Object.values(SHEET_NAMES[lang]), ...Object.values(sheetNames)]);
    const others = snapshot.sheetNames.filter((n) => !ours.has(n));
    if (others.length > 0) {
      if (a.out === a.update) {
        throw new CliError(
          `${a.update} có sheet khác (${others.join(", ")}); hãy ghi ra tệp mới bằng -o để không mất chúng.`,
          `${a.update} has other sheets (${others.join(", ")}); write to a new file with -o so they are not lost.`,
        );
      }
      io.err(`Lưu ý: các sheet ${others.join(", ")} không được chép sang ${a.out}. / Note: sheets ${others.join(", ")} are not copied to ${a.out}.`);
    }
  }
  if (a.demo) user = withDemo(user, demoResults(plan));

  // The Kiểm tra sheet is written with the import, so the file shows its findings even to colleagues without the add-in.
  const { layout, findings } = checkedLayout(plan, { lang, sheetNames, ...(user ? { results: user } : {}) }, io.today());
  const bytes = await writeWorkbook(layout, { charts: true });
  const tmp = `${a.out}.tmp-${process.pid}`;
  await io.writeFile(tmp, bytes);
  await rename(tmp, a.out);
  const indicators = layout.sheets.find((s) => s.role === "indicators")?.tables[0]?.rows.length ?? 0;
  const tasks = layout.sheets.find((s) => s.role === "tasks")?.tables[0]?.rows.length ?? 0;
  io.out(`Đã ghi ${a.out}: ${indicators} chỉ tiêu, ${tasks} nhiệm vụ, ${findings.length} phát hiện trong sheet Kiểm tra. / Wrote ${a.out}: ${indicators} indicators, ${tasks} tasks, ${findings.length} findings on the checks sheet.`);
  for (const w of outcome.result.warnings.slice(0, 20)) io.err(`Cảnh báo [${w.code}]: ${w.message}`);
  if (outcome.result.warnings.length > 20) io.err(`… và ${outcome.result.warnings.length - 20} cảnh báo khác.`);
  return 0;
};
