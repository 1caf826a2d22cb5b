/**
 * `chitieu parse FILE [--json]`: reads an appendix (.docx .pdf .xlsx .csv
 * .txt) and prints what was read, as JSON (the import issue's contract) or as
 * a readable table. Exit 0 on success; on failure one line in Vietnamese and
 * one in English, exit 2.
 */
import type { CliCommand } from "../io";
import { readInput } from "../_lib/files";
import { CliError } from "../io";
import { importFile } from "../../import";
import { nodeOcr } from "../_lib/ocr";
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

export { readInput } from "../_lib/files";

/**
 * @example
 * await parseCommand(["ke-hoach.docx", "--json"], nodeIo); // prints {"plan": …, "appendices": […], "warnings": […]}
 */
export const parseCommand: CliCommand = async (args, io) => {
  const { file, json } = parseArgs(args);
  const bytes = await readInput(io, file);
  const outcome = await importFile(file.replace(/^.*[\\/]/, ""), bytes, { ocr: nodeOcr(io) });
  if (!outcome.ok) throw new CliError(outcome.error.message, outcome.error.messageEn, 2, outcome.error.code);
  if (json) io.out(JSON.stringify(parseJson(outcome.result), null, 2));
  else for (const line of parseText(outcome.result)) io.out(line);
  return 0;
};
