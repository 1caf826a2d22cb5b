/**
 * `chitieu parse FILE [--json]`: reads an appendix (.docx .pdf .xlsx .csv
 * .txt) and prints what was read, as JSON (the import issue's contract) or as
 * a readable table. Exit 0 on success; on failure one line in Vietnamese and
 * one in English, exit 2.
 */
import type { CliCommand, CliIo } from "../io";
import { CliError } from "../io";
import { importFile } from "../../import";
import { parseJson, parseText } from "./_lib/parseOutput";

function parseArgs(args: string[]): { file: string; json: boolean } {
  let file: string | null = null;
  let json = false;
  for (const a of args) {
    if (a === "--json") json = true;
    else if (!a.startsWith("-") && file === null) file = a;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!file) throw new CliError("Cần tên tệp phụ lục: chitieu parse FILE [--json]", "Need an appendix file: chitieu parse FILE [--json]");
  return { file, json };
}

export async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  try {
    return await io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new CliError(`Không tìm thấy tệp: ${file}`, `File not found: ${file}`);
    if (code === "EISDIR") throw new CliError(`Đây là thư mục, không phải tệp: ${file}`, `This is a folder, not a file: ${file}`);
    throw new CliError(`Không mở được tệp ${file}`, `Cannot open ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * @example
 * await parseCommand(["ke-hoach.docx", "--json"], nodeIo); // prints {"plan": …, "appendices": […], "warnings": […]}
 */
export const parseCommand: CliCommand = async (args, io) => {
  const { file, json } = parseArgs(args);
  const bytes = await readInput(io, file);
  const outcome = await importFile(file.replace(/^.*[\\/]/, ""), bytes);
  if (!outcome.ok) throw new CliError(outcome.error.message, outcome.error.messageEn);
  if (json) io.out(JSON.stringify(parseJson(outcome.result), null, 2));
  else for (const line of parseText(outcome.result)) io.out(line);
  return 0;
};
