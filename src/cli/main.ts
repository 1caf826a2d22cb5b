/**
 * `chitieu` — headless entry point: parse, import, check, status, report and template.
 * Each subcommand lives in its own module under ./commands.
 */
import { CliError } from "./io";
import type { CliCommand, CliIo } from "./io";
import { nodeIo } from "./nodeIo";

/**
 * Each command is loaded when it is called, so `--help` starts without exceljs,
 * pdfjs or the parsers, and a command loads only the readers it needs.
 */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  parse: async () => (await import("./commands/parse")).parseCommand,
  import: async () => (await import("./commands/import")).importCommand,
  check: async () => (await import("./commands/check")).checkCommand,
  status: async () => (await import("./commands/status")).statusCommand,
  template: async () => (await import("./commands/template")).templateCommand,
  forms: async () => (await import("./commands/forms")).formsCommand,
  collect: async () => (await import("./commands/collect")).collectCommand,
  report: async () => (await import("./commands/report")).reportCommand,
};

const USAGE = [
  "Cách dùng / Usage:",
  "  chitieu parse FILE [--json]              Đọc phụ lục (.docx .pdf .xlsx .csv .txt) / read an appendix",
  "  chitieu import FILE -o OUT.xlsx          Tạo sổ theo dõi chỉ tiêu / write the tracking workbook",
  "        [--update OUT.xlsx]                 cập nhật sổ đã có, giữ số liệu / update an existing workbook, keeping typed results",
  "        [--force]                           cho phép thay tệp OUT đã có / allow replacing an existing OUT",
  "  chitieu check FILE [--json]              Kiểm tra tính nhất quán / consistency checks",
  "  chitieu status SO.xlsx [--period 2023-H1] [--json]  Trạng thái theo kỳ / status for a period",
  "  chitieu template -o mau-phu-luc.xlsx     Tạo mẫu phụ lục trống / blank appendix template",
  "  chitieu forms SỔ.xlsx --period ID -o THƯ-MỤC   Biểu mẫu báo cáo cho từng đơn vị / one report form per agency",
  "  chitieu collect BIỂU-MẪU.xlsx... --into SỔ.xlsx [-o RA.xlsx] [--json]   Thu biểu mẫu về sổ / take returned forms in",
  "  chitieu report SO.xlsx [--period 2023] -o BAOCAO.docx  Báo cáo kết quả kỳ (Word) / period report",
  "        [--province --issuer --parent --symbol --place --to --authority --signer-title --signer --recipient --plan-number --plan-date --date --force]",
  "        (chitieu report --help: từng tùy chọn / every option)",
].join("\n");

export { nodeIo } from "./nodeIo";

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
    return await (await command())(rest, io);
  } catch (e) {
    const known = e instanceof CliError ? e : systemError(e);
    if (known) {
      const code = known.code ? ` [${known.code}]` : "";
      io.err(`Lỗi${code}: ${known.vi}`);
      io.err(`Error${code}: ${known.en}`);
      return known.exitCode;
    }
    throw e;
  }
}

/** A Node system error no command turned into a message (a safety net: commands map their own). */
function systemError(e: unknown): CliError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return null;
  const path = (e as { path?: unknown }).path;
  const where = typeof path === "string" ? ` ${path}` : "";
  return new CliError(
    `Lỗi hệ thống tệp (${code})${where}: hãy kiểm tra đường dẫn, quyền ghi và dung lượng đĩa rồi thử lại.`,
    `File system error (${code})${where}: check the path, write permission and free disk space, then retry.`,
    2,
    `system.${code}`,
  );
}

/**
 * A reader that stops early (`chitieu parse … | head -1`) closes our stdout:
 * that is not a failure, so exit quietly instead of printing an EPIPE trace.
 */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
}

/** Runs the CLI on this process's arguments and exits with its code. */
export function runCli(): void {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
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
