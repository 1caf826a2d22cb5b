/**
 * Every kind of .xlsx a command writes, held to readers we did not write (issue #10 §1):
 * the schema check, openpyxl, unpatched exceljs and LibreOffice. A new command that writes
 * an .xlsx adds its file to WRITTEN below.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { diskIo } from "../support/cli-io";
import { checkXlsxFidelity, expectXlsxFidelity } from "../support/fidelity";

const ROOT = resolve(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "fidelity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIo {
  return diskIo(new Date("2026-11-30"));
}

async function cli(...args: string[]): Promise<void> {
  const code = await main(args, io());
  if (code !== 0 && code !== 1) throw new Error(`chitieu ${args.join(" ")} exited ${code}`);
}

const out = (name: string): string => join(dir, name);
const WRITTEN: Array<[string, () => Promise<void>]> = [
  ["demo.xlsx", () => cli("import", join(ROOT, "samples/ke-hoach-mau.txt"), "-o", out("demo.xlsx"), "--demo-results")],
  ["pci-002.xlsx", () => cli("import", join(ROOT, "tests/fixtures/docx/002-pci-minh-bach-2023.docx"), "-o", out("pci-002.xlsx"))],
  ["pii-004-en.xlsx", () => cli("import", join(ROOT, "tests/fixtures/docx/004-pii-2024.docx"), "-o", out("pii-004-en.xlsx"), "--lang", "en")],
  ["pci-002-updated.xlsx", () => cli("import", join(ROOT, "tests/fixtures/txt/002-phu-luc-i.txt"), "-o", out("pci-002-updated.xlsx"), "--update", out("pci-002.xlsx"))],
  ["mau-phu-luc.xlsx", () => cli("template", "-o", out("mau-phu-luc.xlsx"))],
];

describe("every .xlsx the commands write", () => {
  beforeAll(async () => {
    for (const [, write] of WRITTEN) await write();
  }, 120_000);

  it("passes the schema check, opens in openpyxl and plain exceljs with the same values, and computes in LibreOffice", () => {
    expectXlsxFidelity(WRITTEN.map(([name]) => out(name)));
  }, 180_000);
});

describe("the fidelity check itself", () => {
  it("fails on a CSS-style colour, which openpyxl refuses and Excel reads as black", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Mẫu");
    ws.getCell("A1").value = "Lỗi";
    ws.addConditionalFormatting({
      ref: "A1:A2",
      rules: [{ type: "expression", priority: 1, formulae: ['$A1="Lỗi"'], style: { font: { color: { argb: "#9C0006" } } } }],
    });
    const path = out("mau-sai-mau.xlsx");
    await wb.xlsx.writeFile(path);
    const report = checkXlsxFidelity([path], { libreoffice: false })[path];
    expect(report?.ooxml.join("\n")).toMatch(/#9C0006/);
    expect(report?.openpyxl).toMatch(/aRGB/);
  });
});
