/**
 * Acceptance of the report (issue #14) on seed 002: import, 2023 results typed
 * into the workbook (exceljs, as an official's file would hold them) and the
 * file computed and saved by LibreOffice, then `chitieu report` → .docx →
 * LibreOffice PDF → text and pictures. One page of the report and of the
 * workbook are kept under /work/reports/report/ for people to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { pdfPageToPng, resaveAsXlsx, toPdf } from "../xlsx/support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "report-acc-"));
const seed = join(__dirname, "..", "fixtures", "seeds", "002-pci-minh-bach-2023.txt");
const out: string[] = [];
const io: CliIo = {
  out: (l) => out.push(l),
  err: (l) => out.push(l),
  readFile: async (p) => new Uint8Array(readFileSync(p)),
  writeFile: async (p, d) => writeFileSync(p, d),
  today: () => new Date("2024-01-10T00:00:00Z"),
};

/** Full-year 2023 results: the first met, the second missed, the rest left empty; returns the rows typed. */
async function typeResults(path: string): Promise<Array<{ name: string; status: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet("Chỉ tiêu");
  if (!ws) throw new Error("no Chỉ tiêu sheet");
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const col = (h: string) => headers.indexOf(h);
  const typed: Array<{ name: string; status: string }> = [];
  for (let r = 2; r <= ws.rowCount && typed.length < 2; r++) {
    const target = ws.getCell(r, col("Mục tiêu")).value;
    const op = String(ws.getCell(r, col("Toán tử")).value ?? "");
    if (typeof target !== "number" || (op !== "≥" && op !== "≤")) continue;
    const meet = typed.length === 0;
    const better = op === "≥" ? 1 : -1;
    ws.getCell(r, col("Kết quả cả năm")).value = meet ? target : target - better * Math.max(Math.abs(target) * 0.2, 1);
    typed.push({ name: String(ws.getCell(r, col("Chỉ tiêu")).value), status: meet ? "Đạt" : "Không đạt" });
  }
  await wb.xlsx.writeFile(path);
  return typed;
}

const squash = (s: string): string => s.replace(/\s+/g, "");

describe("chitieu report on seed 002 with 2023 results", () => {
  let typed: Array<{ name: string; status: string }> = [];
  let pdfText = "";
  let docx: JSZip;

  beforeAll(async () => {
    const book = join(dir, "theo-doi.xlsx");
    expect(await main(["import", seed, "-o", book], io)).toBe(0);
    typed = await typeResults(book);
    const lo = join(dir, "lo");
    mkdirSync(lo);
    const saved = resaveAsXlsx(book, lo);
    const report = join(dir, "bao-cao.docx");
    expect(await main(["report", saved, "--period", "2023", "-o", report, "--issuer", "Ủy ban nhân dân tỉnh Bắc Giang", "--place", "Bắc Giang"], io)).toBe(0);
    docx = await JSZip.loadAsync(readFileSync(report));
    toPdf(report, dir); // the helper names .xlsx outputs; LibreOffice writes bao-cao.pdf beside the .docx
    const pdfPath = join(dir, "bao-cao.pdf");
    expect(existsSync(pdfPath)).toBe(true);
    pdfText = spawnSync("pdftotext", [pdfPath, "-"], { encoding: "utf8" }).stdout;
    const reports = "/work/reports/report";
    mkdirSync(reports, { recursive: true });
    copyFileSync(pdfPagePng(pdfPath, 1), join(reports, "bao-cao-trang-1.png"));
    copyFileSync(pdfPagePng(pdfPath, 2), join(reports, "bao-cao-trang-2.png"));
    const bookPdf = toPdf(saved, join(dir, "pdf"));
    copyFileSync(pdfPagePng(bookPdf, 1), join(reports, "so-theo-doi-chi-tieu.png"));
  }, 120_000);

  function pdfPagePng(pdf: string, page: number): string {
    return pdfPageToPng(pdf, page, 70, join(dir, `p${page}-${Math.random().toString(36).slice(2)}`));
  }

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("holds the title and the period", () => {
    expect(pdfText).toContain("BÁO CÁO");
    expect(squash(pdfText)).toContain(squash("Kết quả thực hiện các chỉ tiêu năm 2023"));
  });

  it("holds each typed indicator's row with its status, and the counts", () => {
    expect(typed).toHaveLength(2);
    const flat = squash(pdfText);
    for (const t of typed) expect(flat).toContain(squash(t.name).slice(0, 30));
    expect(flat).toContain(squash("1 chỉ tiêu đạt"));
    expect(flat).toContain(squash("1 chỉ tiêu không đạt"));
    expect(flat).toContain("Tổngsố");
  });

  it("names the unmet indicator with its lead agency", () => {
    expect(squash(pdfText)).toMatch(/Đơnvịchủtrì:Sở/);
  });

  it("declares A4 and Times New Roman, and holds a native chart", async () => {
    const document = (await docx.file("word/document.xml")?.async("string")) ?? "";
    const styles = (await docx.file("word/styles.xml")?.async("string")) ?? "";
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(Object.keys(docx.files).some((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    expect(pdfText).not.toMatch(/\b(undefined|NaN|null)\b/);
  });
});
