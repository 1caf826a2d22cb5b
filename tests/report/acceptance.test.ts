/**
 * Acceptance of the report (issue #14) on seed 002: import, 2023 results typed
 * in LibreOffice through python3-uno and the file saved by LibreOffice, then `chitieu report` → .docx →
 * LibreOffice PDF → text and pictures. One page of the report and of the
 * workbook are kept under /work/reports/report/ for people to look at.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { diskIo } from "../support/cli-io";
import { pdfPageToPng, toPdf } from "../xlsx/support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "report-acc-"));
const seed = join(__dirname, "..", "fixtures", "seeds", "002-pci-minh-bach-2023.txt");
const io = diskIo(new Date("2024-01-10T00:00:00Z"));

/** Full-year 2023 results typed in LibreOffice (python3-uno): the first met exactly, the second missed; the file recalculated and saved by LibreOffice. */
function typeInLibreOffice(src: string, dst: string): Array<{ name: string; status: string }> {
  const profile = mkdtempSync(join(tmpdir(), "lo-uno-"));
  try {
    const r = spawnSync("/usr/bin/python3", [join(__dirname, "support", "type_results.py"), profile, src, dst, "Năm 2023"], { encoding: "utf8", timeout: 120_000 });
    if (r.status !== 0) throw new Error(`type_results.py failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Array<{ name: string; status: string }>;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const squash = (s: string): string => s.replace(/\s+/g, "");

describe("chitieu report on seed 002 with 2023 results", () => {
  let typed: Array<{ name: string; status: string }> = [];
  let pdfText = "";
  let docx: JSZip;
  let workbook: JSZip;
  let typedBook: JSZip;
  let summaryPageText = "";
  let byCellText = "";

  beforeAll(async () => {
    const book = join(dir, "theo-doi.xlsx");
    expect(await main(["import", seed, "-o", book], io)).toBe(0);
    workbook = await JSZip.loadAsync(readFileSync(book));
    const saved = join(dir, "typed.xlsx");
    typed = typeInLibreOffice(book, saved);
    typedBook = await JSZip.loadAsync(readFileSync(saved));
    const report = join(dir, "bao-cao.docx");
    expect(await main(["report", saved, "--period", "2023", "-o", report, "--issuer", "Ủy ban nhân dân tỉnh Bắc Giang", "--place", "Bắc Giang"], io)).toBe(0);
    docx = await JSZip.loadAsync(readFileSync(report));
    // Without --period the report covers the period chosen in the workbook (KyBaoCao, set to Năm 2023 above).
    const byCell = join(dir, "theo-ky-bao-cao.docx");
    expect(await main(["report", saved, "-o", byCell], io)).toBe(0);
    byCellText = ((await (await JSZip.loadAsync(readFileSync(byCell))).file("word/document.xml")?.async("string")) ?? "").replace(/<[^>]+>/g, "");
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
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [bookPdf], { encoding: "utf8" }).stdout)?.[1] ?? "0");
    for (let page = 1; page <= pages; page++) {
      const text = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), bookPdf, "-"], { encoding: "utf8" }).stdout;
      if (text.startsWith("Tổng hợp chỉ tiêu")) {
        summaryPageText = text;
        copyFileSync(pdfPagePng(bookPdf, page), join(reports, "so-theo-doi-tong-hop.png"));
      }
    }
  }, 120_000);

  function pdfPagePng(pdf: string, page: number): string {
    return pdfPageToPng(pdf, page, 70, join(dir, `p${page}-${Math.random().toString(36).slice(2)}`));
  }

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses to replace an existing report without --force, and replaces it with --force", async () => {
    const report = join(dir, "bao-cao.docx");
    expect(await main(["report", join(dir, "typed.xlsx"), "--period", "2023", "-o", report], io)).toBe(2);
    expect(await main(["report", join(dir, "typed.xlsx"), "--period", "2023", "-o", report, "--force"], io)).toBe(0);
  });

  it("covers the period chosen in KyBaoCao when --period is not given", () => {
    expect(byCellText).toContain("Kết quả năm 2023: đạt và vượt 1/");
  });

  it("holds the title and the period", () => {
    expect(pdfText).toContain("BÁO CÁO");
    expect(squash(pdfText)).toContain(squash("Kết quả thực hiện Kế hoạch nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh"));
    expect(squash(pdfText)).toContain(squash("báo cáo kết quả thực hiện năm 2023 như sau"));
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

  it("writes a workbook with a chart part on Tổng hợp, A4 landscape at a readable scale, and Print_Titles; LibreOffice keeps them and prints the chart page", async () => {
    for (const zip of [workbook, typedBook]) {
      expect(Object.keys(zip.files).some((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
      const book = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
      expect(book).toMatch(/_xlnm\.Print_Titles/);
    }
    const sheet1 = (await workbook.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    // Chỉ tiêu is too wide for one page at 70 %: it prints at 70 %, its identity columns repeated on each page across.
    expect(sheet1).toMatch(/orientation="landscape"[^>]*scale="70"/);
    expect(summaryPageText).toContain("Trạng thái chỉ tiêu theo đơn vị chủ trì");
  });
});
