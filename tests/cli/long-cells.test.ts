/**
 * A 40,000-character name, imported from a file: the workbook cell is cut to
 * Excel's 32,767 characters, and the command says which cell was cut and
 * where the full text still is.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { diskIo } from "../support/cli-io";

const dir = mkdtempSync(join(tmpdir(), "w-long-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("cuts a 40,000-character name to 32,767 characters with a warning naming the cell and where the full text is", async () => {
  const name = `Tỷ lệ ${"rất dài ".repeat(5000)}`;
  const input = join(dir, "dai.csv");
  writeFileSync(input, `STT;Chỉ tiêu;Đơn vị tính;Mục tiêu;Đơn vị chủ trì\n1;${name};%;≥ 90;Sở Nội vụ\n`);
  const out = join(dir, "dai.xlsx");
  const io = diskIo();
  expect(await main(["import", input, "-o", out], io)).toBe(0);
  expect(io.stderr.join("\n")).toContain(`Cảnh báo [cell.tooLong]: ô Chỉ tiêu!C2 có ${name.trim().length} ký tự`);
  expect(io.stderr.join("\n")).toContain(`toàn văn vẫn ở ${input}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const cell = String(wb.getWorksheet("Chỉ tiêu")!.getCell("C2").value);
  expect(cell).toHaveLength(32_767);
  expect(cell.endsWith("…")).toBe(true);
  const checks = wb.getWorksheet("Kiểm tra")!;
  const texts: string[] = [];
  checks.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
  expect(texts.some((t) => t.includes("Chỉ tiêu!C2") && t.includes("32.767"))).toBe(true);
});
