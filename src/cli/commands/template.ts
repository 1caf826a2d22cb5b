/**
 * `chitieu template [-o mau-phu-luc.xlsx] [--force]`: writes the blank appendix
 * template an office fills in and `chitieu parse` / the task pane read back.
 * An existing file is replaced only with --force.
 */
import type { CliCommand } from "../io";
import { CliError } from "../io";
import { writeTemplate } from "../../xlsx/template";
import { guardOutput, writeOutput } from "../_lib/files";

export const DEFAULT_TEMPLATE_FILE = "mau-phu-luc.xlsx";

/** @example await templateCommand(["-o", "mau-phu-luc.xlsx"], nodeIo); // 0 */
export const templateCommand: CliCommand = async (args, io) => {
  let out = DEFAULT_TEMPLATE_FILE;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-o" || a === "--out") {
      const next = args[++i];
      if (!next) throw new CliError("Thiếu tên tệp sau -o.", "Missing file name after -o.");
      out = next;
    } else if (a === "--force") force = true;
    else throw new CliError(`Tham số không hợp lệ: ${a}`, `Unknown argument: ${a}`);
  }
  if (!/\.xlsx$/i.test(out)) throw new CliError(`Tệp mẫu phải có đuôi .xlsx: ${out}`, `The template file must end in .xlsx: ${out}`);
  await guardOutput(io, { out, inputs: [], force });
  await writeOutput(io, out, await writeTemplate());
  io.out(`Đã tạo mẫu phụ lục: ${out} / Wrote the appendix template: ${out}`);
  return 0;
};
