/**
 * `chitieu` — headless entry point: parse, import, check, status, report and template.
 * Each subcommand lives in its own module under ./commands.
 */
import { promises as fs } from "node:fs";
import { CliError } from "./io";
import type { CliCommand, CliIo } from "./io";
import { parseCommand } from "./commands/parse";
import { importCommand } from "./commands/import";
import { checkCommand } from "./commands/check";
import { templateCommand } from "./commands/template";
import { reportCommand } from "./commands/report";
import { statusCommand } from "./commands/status";

export const COMMANDS: Record<string, CliCommand> = {
  parse: parseCommand,
  import: importCommand,
  check: checkCommand,
  status: statusCommand,
  template: templateCommand,
  report: reportCommand,
};

const USAGE = [
  "Cách dùng / Usage:",
  "  chitieu parse FILE [--json]              Đọc phụ lục (.docx .pdf .xlsx .csv .txt) / read an appendix",
  "  chitieu import FILE -o OUT.xlsx          Tạo sổ theo dõi chỉ tiêu / write the tracking workbook",
  "  chitieu check FILE [--json]              Kiểm tra tính nhất quán / consistency checks",
  "  chitieu status SO.xlsx [--period 2023-H1] [--json]  Trạng thái theo kỳ / status for a period",
  "  chitieu template -o mau-phu-luc.xlsx     Tạo mẫu phụ lục trống / blank appendix template",
  "  chitieu report SO.xlsx [--period 2023] -o BAOCAO.docx  Báo cáo kết quả kỳ (Word) / period report",
].join("\n");

export const nodeIo: CliIo = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  writeFile: (path, data) => fs.writeFile(path, data),
  today: () => new Date(),
};

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`Lệnh không hợp lệ: "${name}". / Unknown command: "${name}".`);
    io.err(USAGE);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`Lỗi: ${e.vi}`);
      io.err(`Error: ${e.en}`);
      return e.exitCode;
    }
    throw e;
  }
}

/** Runs the CLI on this process's arguments and exits with its code. */
export function runCli(): void {
  main(process.argv.slice(2)).then(
    // exitCode, not exit(): exit() would cut off output still queued for a pipe (large --json output).
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Lỗi không mong đợi / Unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) runCli();
