/**
 * The report's particulars through the CLI, without LibreOffice: defaults
 * from the plan's header (sample plan: UBND tỉnh An Thịnh, 125/KH-UBND of
 * 14/3/2025), the planner's values typed in the "Thông tin báo cáo" sheet,
 * and a workbook written before that sheet existed (Tổng hợp's line is
 * used). The .docx text is read from word/document.xml.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { cli, ROOT } from "../forms/support/workbook";

const dir = mkdtempSync(join(tmpdir(), "report-particulars-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const book = join(dir, "theo-doi.xlsx");

async function docText(path: string): Promise<string> {
  const xml = (await (await JSZip.loadAsync(readFileSync(path))).file("word/document.xml")?.async("string")) ?? "";
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');
}

/** Edits the workbook as openpyxl saves it (another program's file): a particular typed, or the sheet removed. */
function openpyxl(script: string, out: string): void {
  const r = spawnSync("/usr/bin/python3", ["-c", `import openpyxl\nwb = openpyxl.load_workbook(${JSON.stringify(book)})\n${script}\nwb.save(${JSON.stringify(out)})`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
}

beforeAll(async () => {
  expect((await cli(["import", join(ROOT, "samples", "ke-hoach-mau.txt"), "-o", book])).code).toBe(0);
}, 60_000);

describe("chitieu report's particulars", () => {
  it("lists every flag in --help", async () => {
    const help = (await cli(["report", "--help"])).out;
    for (const flag of ["--period", "-o", "--force", "--date", "--province", "--issuer", "--parent", "--symbol", "--place", "--to", "--authority", "--signer-title", "--signer", "--recipient", "--plan-number", "--plan-date"]) expect(help).toContain(flag);
  });

  it("takes the province, the plan's number, date and issuer from the plan's header block", async () => {
    const out = join(dir, "a.docx");
    expect((await cli(["report", book, "--period", "2025", "-o", out, "--date", "2025-12-05"])).code).toBe(0);
    const text = await docText(out);
    expect(text).toContain("TỈNH AN THỊNH");
    expect(text).toContain("An Thịnh, ngày 05 tháng 12 năm 2025");
    expect(text).toContain("Kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 14/3/2025 của UBND tỉnh An Thịnh");
    expect(text).not.toContain("……");
  });

  it("uses what the planner typed in the Thông tin báo cáo sheet (the file saved by openpyxl)", async () => {
    const typed = join(dir, "typed.xlsx");
    openpyxl(`ws = wb["Thông tin báo cáo"]\nfor row in ws.iter_rows(min_row=2):\n    key = row[3].value\n    if key == "signerName": row[1].value = "Lê Văn Minh"\n    if key == "signerTitle": row[1].value = "PHÓ CHỦ TỊCH"`, typed);
    const out = join(dir, "b.docx");
    expect((await cli(["report", typed, "--period", "2025", "-o", out, "--date", "2025-12-05"])).code).toBe(0);
    const text = await docText(out);
    expect(text).toMatch(/TM\. ỦY BAN NHÂN DÂN\s*KT\. CHỦ TỊCH\s*PHÓ CHỦ TỊCH[\s\S]*Lê Văn Minh/);
  });

  it("reads the plan's number and date from Tổng hợp in a workbook written before the sheet existed", async () => {
    const old = join(dir, "old.xlsx");
    openpyxl(`del wb["Thông tin báo cáo"]`, old);
    const out = join(dir, "c.docx");
    expect((await cli(["report", old, "--period", "2025", "-o", out, "--date", "2025-12-05", "--province", "An Thịnh"])).code).toBe(0);
    expect(await docText(out)).toContain("Kế hoạch số 125/KH-UBND ngày 14/3/2025 của UBND tỉnh An Thịnh");
  });
});
