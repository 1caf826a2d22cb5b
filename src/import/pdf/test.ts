import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPdf } from ".";
import { readDocx } from "../docx";
import { PdfAssembler } from "./_lib/assemble";
import { cellText, findGrids, linesOf } from "./_lib/grid";
import type { Glyph, PageGrid } from "./_lib/grid";
import type { Rules } from "./_lib/rules";

const FIXTURES = join(__dirname, "../../../tests/fixtures");
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));
const cellsOf = (doc: { tables: { rows: { cells: string[] }[] }[] }, t: number): string[][] => doc.tables[t]!.rows.map((r) => r.cells.map((c) => c.replace(/\n/g, " ")));

describe("readPdf on LibreOffice exports of the seed tables", () => {
  it("rebuilds seed 000's appendix exactly as the Word file has it", async () => {
    const pdf = await readPdf(fixture("pdf/000-bac-giang-nq02-2025.pdf"), "000.pdf");
    const docx = await readDocx(fixture("docx/000-bac-giang-nq02-2025.docx"), "000.docx");
    expect(pdf.tables).toHaveLength(1);
    expect(pdf.tables[0]!.caption).toBe(docx.tables[0]!.caption);
    expect(pdf.tables[0]!.header).toEqual(docx.tables[0]!.header);
    expect(cellsOf(pdf, 0)).toEqual(cellsOf(docx, 0));
    expect(pdf.tables[0]!.rows[0]!.ref).toEqual({ file: "000.pdf", row: 1, page: 1 });
  });

  it("joins seed 002's Phụ lục I over its pages, dropping the header repeated on each page", async () => {
    const pdf = await readPdf(fixture("pdf/002-pci-minh-bach-2023.pdf"), "002.pdf");
    const docx = await readDocx(fixture("docx/002-pci-minh-bach-2023.docx"), "002.docx");
    expect(pdf.tables.map((t) => t.caption?.split("\n")[0])).toEqual(["Phụ lục I", "Phụ lục II"]);
    expect(pdf.tables[0]!.header).toEqual(docx.tables[0]!.header);
    expect(cellsOf(pdf, 0)).toEqual(cellsOf(docx, 0));
    expect(pdf.warnings.filter((w) => w.code === "pdf.headerRepeated").length).toBeGreaterThan(3);
    expect(pdf.tables[1]!.rows).toHaveLength(docx.tables[1]!.rows.length);
  });

  it("keeps Phụ lục II's STT and indicator columns in their first row and its task numbers in order", async () => {
    const pdf = await readPdf(fixture("pdf/002-pci-minh-bach-2023.pdf"), "002.pdf");
    const docx = await readDocx(fixture("docx/002-pci-minh-bach-2023.docx"), "002.docx");
    const firstTwo = (doc: typeof pdf): string[][] => doc.tables[1]!.rows.map((r) => [r.cells[0]!, r.cells[1]!.replace(/\n/g, " "), r.cells[2]!.slice(0, 6)]);
    expect(firstTwo(pdf)).toEqual(firstTwo(docx));
  });

  it("joins seed 004's rows that break across pages back together", async () => {
    const pdf = await readPdf(fixture("pdf/004-pii-2024.pdf"), "004.pdf");
    const docx = await readDocx(fixture("docx/004-pii-2024.docx"), "004.docx");
    expect(cellsOf(pdf, 0)).toEqual(cellsOf(docx, 0));
    expect(pdf.warnings.some((w) => w.code === "pdf.rowSplit")).toBe(true);
  });

  it("refuses a scan (pictures, no text layer) with a message that says so", async () => {
    await expect(readPdf(fixture("pdf/scan.pdf"), "scan.pdf")).rejects.toMatchObject({ code: "pdf.scanned", messageVi: expect.stringMatching(/^PDF này là bản quét \(ảnh\), không có lớp chữ/) });
  });

  it("refuses a password-protected PDF with a message that says so", async () => {
    await expect(readPdf(fixture("pdf/encrypted.pdf"), "mat-khau.pdf")).rejects.toMatchObject({ code: "pdf.encrypted", messageVi: expect.stringMatching(/mật khẩu/) });
  });

  it("refuses a damaged PDF", async () => {
    await expect(readPdf(new TextEncoder().encode("%PDF-1.7\nhỏng rồi"), "x.pdf")).rejects.toMatchObject({ code: "file.corrupt" });
  });
});

const glyph = (str: string, x: number, y: number, size = 10): Glyph => ({ str, x, y, w: str.length * size * 0.5, size });

/** A 3-column, 3-row ruled grid (x 0/100/200/300, y 300/270/240/210) with the first column merged over rows 2–3. */
function mergedGrid(): Rules {
  return {
    h: [
      { y: 300, x1: 0, x2: 300 },
      { y: 270, x1: 0, x2: 300 },
      { y: 240, x1: 100, x2: 300 },
      { y: 210, x1: 0, x2: 300 },
    ],
    v: [0, 100, 200, 300].map((x) => ({ x, y1: 210, y2: 300 })),
  };
}

describe("findGrids", () => {
  it("puts text in the cell that holds it and keeps a vertically merged cell's text in its first row", () => {
    const glyphs = [glyph("STT", 5, 285), glyph("Chỉ tiêu", 105, 285), glyph("Mục tiêu", 205, 285), glyph("1", 5, 245), glyph("Tên A", 105, 255), glyph("≥ 5", 205, 255), glyph("Tên B", 105, 225), glyph("≥ 6", 205, 225), glyph("ngoài bảng", 0, 400)];
    const [grid] = findGrids(mergedGrid(), glyphs);
    expect(grid!.rows.map((r) => r.map((c) => c.text))).toEqual([["STT", "Chỉ tiêu", "Mục tiêu"], ["1", "Tên A", "≥ 5"], ["", "Tên B", "≥ 6"]]);
    expect(grid!.rows[2]![0]!.continued).toBe(true);
    expect(grid!.used.size).toBe(8);
  });

  it("repeats a cell whose inner border is missing across the columns it spans", () => {
    const rules = mergedGrid();
    rules.v = rules.v.filter((v) => v.x !== 200).concat([{ x: 200, y1: 210, y2: 270 }]);
    const [grid] = findGrids(rules, [glyph("Mục tiêu 2023", 120, 285)]);
    expect(grid!.rows[0]!.map((c) => [c.text, c.span])).toEqual([["", 1], ["Mục tiêu 2023", 2], ["Mục tiêu 2023", 2]]);
  });
});

describe("findGrids on a row the page end cut without a border", () => {
  it("closes the row where its column lines end, so its text stays in the table (Chromium's print-to-PDF)", () => {
    // Borders at y 300 and 270 only: the column lines run on to y 200, where the page's text area ends.
    const rules: Rules = { h: [300, 270].map((y) => ({ y, x1: 0, x2: 300 })), v: [0, 100, 200, 300].map((x) => ({ x, y1: 200, y2: 300 })) };
    const [grid] = findGrids(rules, [glyph("STT", 5, 285), glyph("3.7", 5, 255), glyph("Thông tin trên", 105, 255), glyph("website", 105, 243)]);
    expect(grid!.rows.map((r) => r.map((c) => c.text))).toEqual([["STT", "", ""], ["3.7", "Thông tin trên website", ""]]);
    expect([grid!.openTop, grid!.openBottom]).toEqual([false, true]);
  });
});

describe("cell text", () => {
  it("joins wrapped lines with spaces, starts a paragraph at a bullet or task number, and mends a word broken at a hyphen", () => {
    const glyphs = [glyph("6.2. Nâng cao", 0, 100), glyph("chất lượng LĐ-", 0, 88), glyph("TT&XH", 0, 76), glyph("- Việc tiếp", 0, 64), glyph("6.3. Cuối", 0, 52)];
    expect(cellText(glyphs)).toBe("6.2. Nâng cao chất lượng LĐ-TT&XH\n- Việc tiếp\n6.3. Cuối");
  });

  it("starts a paragraph after a sentence that ended although the next word would have fitted", () => {
    const glyphs = [glyph("Thương lượng (33,5%);", 0, 100), glyph("Thỏa thuận về các khoản thuế phải nộp", 0, 88), glyph("với cán bộ thuế (20%); giúp doanh", 0, 76), glyph("Nghiệp.", 0, 64)];
    expect(cellText(glyphs)).toBe("Thương lượng (33,5%);\nThỏa thuận về các khoản thuế phải nộp với cán bộ thuế (20%); giúp doanh Nghiệp.");
  });

  it("orders items on a line by position and spaces them only where there is a gap", () => {
    const lines = linesOf([glyph("và Đầu tư", 56, 100), glyph("Sở Kế", 0, 100), glyph("hoạch", 28, 100.3), glyph("u tư", 10, 80), glyph("Đầ", 0, 80)]);
    expect(lines.map((l) => l.text)).toEqual(["Sở Kế hoạch và Đầu tư", "Đầu tư"]);
  });
});

function pageGrid(rows: string[][], top = 700): PageGrid {
  return { top, bottom: top - 30 * rows.length, colXs: [0, 50, 150, 250], rows: rows.map((r) => r.map((text) => ({ text, span: 1, continued: false }))), used: new Set(), lines: [] };
}

describe("PdfAssembler", () => {
  it("drops page numbers with a warning and keeps the caption above the table", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [glyph("Phụ lục I", 0, 760), glyph("TIÊU ĐỀ", 0, 740), glyph("1", 300, 20)], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["1", "A", "≥ 5"]])]);
    expect(a.result.tables[0]!.caption).toBe("Phụ lục I\nTIÊU ĐỀ");
    expect(a.result.bodyText).toBe("Phụ lục I\nTIÊU ĐỀ");
    expect(a.warnings.map((w) => [w.code, w.ref.page])).toEqual([["pdf.pageNumber", 1]]);
  });

  it("keeps a lone number in the middle of the page: in a table without borders it is an STT", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [glyph("STT Chỉ tiêu", 0, 600), glyph("1", 0, 580), glyph("Tỷ lệ", 40, 580.2)], [], 842);
    expect(a.result.bodyText).toBe("STT Chỉ tiêu\n1 Tỷ lệ");
    expect(a.warnings).toEqual([]);
  });

  it("gives the text of a page in the order it is drawn, as a PDF viewer copies it", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [glyph("Tỷ lệ cấp kết quả", 40, 580), glyph("điện tử", 40, 568), glyph("Các sở, ngành;", 200, 580)], []);
    expect(a.result.bodyText).toBe("Tỷ lệ cấp kết quả\nđiện tử\nCác sở, ngành;");
  });

  it("continues a table on the next page, drops the repeated header and mends a cell broken mid-sentence", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["1", "Tỷ lệ hồ sơ giải quyết", "≥ 95"]])]);
    a.addPage(2, [], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["", "đúng hạn", ""], ["2", "các sở tự đánh giá", "≥ 90"]])]);
    const [table] = a.result.tables;
    expect(table!.rows.map((r) => r.cells)).toEqual([["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "≥ 95"], ["2", "các sở tự đánh giá", "≥ 90"]]);
    expect(table!.rows[1]!.ref).toEqual({ file: "x.pdf", row: 2, page: 2 });
    expect(a.warnings.map((w) => w.code)).toEqual(["pdf.headerRepeated", "pdf.rowSplit"]);
  });

  it("continues a row cut without a border on the next page even where the break falls between two paragraphs", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [{ ...pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["3.7", "Tỷ lệ hồ sơ giải quyết đúng hạn.", "≥ 95"]]), openBottom: true }]);
    a.addPage(2, [], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["", "Không tính hồ sơ trả lại", ""], ["3.8", "B", "≥ 6"]])]);
    expect(a.result.tables[0]!.rows.map((r) => r.cells)).toEqual([["3.7", "Tỷ lệ hồ sơ giải quyết đúng hạn.\nKhông tính hồ sơ trả lại", "≥ 95"], ["3.8", "B", "≥ 6"]]);
  });

  it("continues every cell of a row the page cut once one of them plainly continues, wherever the break fell in the others", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["STT", "Chỉ tiêu", "Đơn vị phối hợp"], ["3.5", "Số ngày chờ đợi", "Các sở, ngành: KH&ĐT, Công"]])]);
    a.addPage(2, [], [pageGrid([["STT", "Chỉ tiêu", "Đơn vị phối hợp"], ["", "(Trung vị)*", "Thương, XD"], ["3.6", "B", "Sở Tư pháp"]])]);
    expect(a.result.tables[0]!.rows.map((r) => r.cells)).toEqual([["3.5", "Số ngày chờ đợi (Trung vị)*", "Các sở, ngành: KH&ĐT, Công Thương, XD"], ["3.6", "B", "Sở Tư pháp"]]);
  });

  it("keeps a row that opens a new task at the top of a page as a new row", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["STT", "Chỉ tiêu", "Nhiệm vụ"], ["1", "Tiếp cận tài liệu", "1.1. Công bố kịp thời"]])]);
    a.addPage(2, [], [pageGrid([["STT", "Chỉ tiêu", "Nhiệm vụ"], ["", "", "1.2. Công khai thông tin"]])]);
    expect(a.result.tables[0]!.rows.map((r) => r.cells)).toEqual([["1", "Tiếp cận tài liệu", "1.1. Công bố kịp thời"], ["", "", "1.2. Công khai thông tin"]]);
  });

  it("starts a new table when a caption stands above the grid", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["1", "A", "≥ 5"]])]);
    a.addPage(2, [glyph("Phụ lục II", 0, 760)], [pageGrid([["STT", "Chỉ tiêu", "Mục tiêu"], ["1", "B", "≥ 6"]])]);
    expect(a.result.tables.map((t) => t.caption)).toEqual([null, "Phụ lục II"]);
  });
});

describe("PdfAssembler, header cells", () => {
  it("joins a header word broken inside a narrow column ('ST T' → 'STT') and says so", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["ST T", "Chỉ tiêu", "Mục tiêu"], ["1", "A", "≥ 5"]])]);
    expect(a.result.tables[0]!.header).toEqual([["STT", "Chỉ tiêu", "Mục tiêu"]]);
    expect(a.warnings.map((w) => [w.code, w.ref.column])).toEqual([["pdf.headerWordJoined", "STT"]]);
  });

  it("leaves a header the vocabulary does not know as it is", () => {
    const a = new PdfAssembler("x.pdf");
    a.addPage(1, [], [pageGrid([["STT", "Chỉ tiêu", "Ghi chú"], ["1", "A", "x"]])]);
    expect(a.result.tables[0]!.header).toEqual([["STT", "Chỉ tiêu", "Ghi chú"]]);
    expect(a.warnings).toEqual([]);
  });
});

describe("readPdf, glyph by glyph", () => {
  it("reads a LibreOffice export whose Vietnamese letters come from a fallback font, and warns in Vietnamese and English", async () => {
    const pdf = await readPdf(fixture("pdf/makers/002-pci-minh-bach-2023.lo-fallback.pdf"), "002.pdf");
    const docx = await readDocx(fixture("pdf/makers/002-pci-minh-bach-2023.docx"), "002.docx");
    expect(pdf.tables[0]!.header).toEqual(docx.tables[0]!.header);
    expect(cellsOf(pdf, 0)).toEqual(cellsOf(docx, 0));
    const warning = pdf.warnings.find((w) => w.code === "pdf.runsJoined");
    expect(warning).toMatchObject({ message: expect.stringMatching(/^Trang 1: \d+ dòng được đọc lại theo vị trí/), messageEn: expect.stringMatching(/^Page 1: \d+ line\(s\) read again/), ref: { file: "002.pdf", page: 1 } });
    expect(pdf.repairs).toContainEqual({ kind: "joinedRuns", from: "Trên ho c ặ", to: "Trên hoặc", count: expect.any(Number) });
    expect(pdf.glyphRepairs!.length).toBe(5);
  });

  it("makes no repair warning for PDFs drawn in reading order with one font", async () => {
    for (const file of ["pdf/000-bac-giang-nq02-2025.pdf", "pdf/makers/002-pci-minh-bach-2023.lo-full.pdf", "pdf/makers/004-pii-2024.ps2pdf.pdf"]) {
      const pdf = await readPdf(fixture(file), file);
      expect(pdf.warnings.filter((w) => w.code === "pdf.runsJoined" || w.code === "pdf.marksAttached")).toEqual([]);
      expect(pdf.repairs).toEqual([]);
    }
  });
});
