/**
 * Clear answers at the command line (issue 22): a period outside the plan, a
 * KyBaoCao that names no period, an impossible date, agency names written
 * with marks, and files whose sheet names exceljs cannot keep.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { parseAgencies } from "../../src/core/agency";
import { importFile } from "../../src/import";
import { readWorkbook } from "../../src/xlsx";
import { diskIo } from "../support/cli-io";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "cli-22-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const workbook = join(dir, "mau.xlsx");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = diskIo();
  const code = await main(args, io);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

beforeAll(async () => {
  expect((await run("import", join(ROOT, "samples/ke-hoach-mau.txt"), "-o", workbook)).code).toBe(0);
}, 60_000);

describe("periods outside the plan (11) and a KyBaoCao that names none (16)", () => {
  it.each([["2019", "trước kỳ đầu tiên"], ["2030", "sau kỳ cuối"]])("says clearly that %s is outside a 2025 plan", async (period, where) => {
    for (const command of ["status", "report"]) {
      const r = await run(command, workbook, "--period", period, ...(command === "report" ? ["-o", join(dir, `bc-${period}.docx`), "--force"] : []));
      expect(r.code).toBe(0);
      expect(r.err).toContain("nằm ngoài kế hoạch");
      expect(r.err).toContain(where);
      expect(r.err).toContain("is outside the plan");
    }
  }, 60_000);

  it("says when KyBaoCao holds something that is not a period, and which period it used instead", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(workbook);
    const range = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model.find((m) => m.name === "KyBaoCao")?.ranges[0] ?? "";
    const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
    wb.getWorksheet(m?.[1] ?? "")!.getCell(`${m?.[2]}${m?.[3]}`).value = "kỳ gì đó ###";
    const garbled = join(dir, "ky-hong.xlsx");
    await wb.xlsx.writeFile(garbled);
    const status = await run("status", garbled);
    expect(status.code).toBe(0);
    expect(status.err).toContain("ô KyBaoCao ghi \"kỳ gì đó ###\", không phải một kỳ báo cáo");
    expect(status.err).toContain("the KyBaoCao cell holds");
    const report = await run("report", garbled, "-o", join(dir, "bc.docx"), "--force");
    expect(report.err).toContain("KyBaoCao");
  }, 60_000);
});

describe("impossible dates (14)", () => {
  it.each([["check", "--today"], ["report", "--date"]])("%s refuses %s 2023-02-30 instead of reading it as 2 March", async (command, flag) => {
    const r = await run(command, command === "check" ? join(ROOT, "samples/ke-hoach-mau.txt") : workbook, flag, "2023-02-30", ...(command === "report" ? ["-o", join(dir, "x.docx")] : []));
    expect(r.code).toBe(2);
    expect(r.err).toContain("2023-02-30");
    expect(r.err).toContain("một ngày có thật");
  });
});

describe("agency names as the document writes them (19)", () => {
  it("keeps \"Ban *\" and \"Sở ?\" as written", () => {
    expect(parseAgencies("Ban *").map((a) => a.name)).toEqual(["Ban *"]);
    expect(parseAgencies("Sở ?").map((a) => a.name)).toEqual(["Sở ?"]);
    expect(parseAgencies("Sở Tư pháp; Ban *").map((a) => a.name)).toEqual(["Sở Tư pháp", "Ban *"]);
    expect(parseAgencies("Sở Y tế.").map((a) => a.name)).toEqual(["Sở Y tế"]);
  });
});

describe("sheet names longer than Excel allows (20)", () => {
  /** An appendix saved with two sheet names of 40 characters sharing their first 31 (as LibreOffice allows). */
  async function longNames(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("A");
    a.addRows([["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Cơ quan chủ trì"], [1, "Tỷ lệ hồ sơ đúng hạn", "%", "Trên 92%", "Sở Tư pháp"]]);
    wb.addWorksheet("B").getCell("A1").value = "ghi chú";
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    zip.file("xl/workbook.xml", xml.replace('name="A"', 'name="Phụ lục I - Chỉ tiêu phát triển kinh tế 1"').replace('name="B"', 'name="Phụ lục I - Chỉ tiêu phát triển kinh tế 2"'));
    return zip.generateAsync({ type: "uint8array" });
  }

  it("reads a sound appendix with long sheet names, printing nothing of exceljs's", async () => {
    const warn = jest.spyOn(console, "warn");
    const log = jest.spyOn(console, "log");
    const bytes = await longNames();
    const r = await importFile("phu-luc.xlsx", bytes);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.result.plan.appendices.flatMap((x) => x.indicators).map((i) => i.name)).toContain("Tỷ lệ hồ sơ đúng hạn");
    const snapshot = await readWorkbook(bytes);
    expect(snapshot.sheetNames).toEqual(["Phụ lục I - Chỉ tiêu phát triển kinh tế 1", "Phụ lục I - Chỉ tiêu phát triển kinh tế 2"]);
    expect(warn).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    warn.mockRestore();
    log.mockRestore();
  });

  it("reads a workbook whose print area no longer points anywhere (#REF!, or exceljs's own $ANaN)", async () => {
    const zip = await JSZip.loadAsync(await longNames());
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    const names = '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">#REF!</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">&apos;B&apos;!$ANaN:$HNaN</definedName></definedNames>';
    zip.file("xl/workbook.xml", xml.includes("<definedNames>") ? xml.replace(/<definedNames>.*<\/definedNames>/s, names) : xml.replace("</sheets>", `</sheets>${names}`));
    const snapshot = await readWorkbook(await zip.generateAsync({ type: "uint8array" }));
    expect(snapshot.sheetNames).toHaveLength(2);
  });

  it("prints only the product's own lines when parsing such a file from the command line", async () => {
    const file = join(dir, "phu-luc-ten-dai.xlsx");
    writeFileSync(file, await longNames());
    const warn = jest.spyOn(console, "warn");
    const r = await run("parse", file);
    expect(r.code).toBe(0);
    expect(`${r.out}\n${r.err}`).not.toMatch(/exceeds 31 chars/);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe("a CSV of 150,000 rows (18)", () => {
  it("is read without overflowing the stack, and refused as a workbook with a clear reason", async () => {
    const file = join(dir, "rat-nhieu-dong.csv");
    const lines = ["STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Cơ quan chủ trì"];
    for (let i = 1; i <= 150_000; i++) lines.push(`${i},Chỉ tiêu số ${i},%,Trên ${50 + (i % 49)}%,Sở Tư pháp`);
    writeFileSync(file, lines.join("\n"));
    const parse = await run("parse", file);
    expect(parse.err).not.toContain("call stack");
    expect(parse.code).toBe(0);
    expect(parse.out).toContain("Chỉ tiêu số 150000");
    const imported = await run("import", file, "-o", join(dir, "rat-nhieu-dong.xlsx"));
    expect(imported.code).toBe(2);
    expect(imported.err).toContain("[import.tooManyRows]");
  }, 120_000);
});
