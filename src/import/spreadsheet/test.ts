import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readSpreadsheet } from ".";
import { readDocx } from "../docx";
import { detectSeparator, parseCsv } from "./_lib/csv";
import { formatNumberText } from "./_lib/format";

const FIXTURES = join(__dirname, "../../../tests/fixtures");
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("readSpreadsheet (.xlsx)", () => {
  it("finds seed 002's tables below their title blocks, with the merged two-row header of Phụ lục I", async () => {
    const doc = await readSpreadsheet(fixture("xlsx/002-pci-minh-bach-2023.xlsx"), "002.xlsx");
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0]!.caption?.split("\n")[0]).toBe("Phụ lục I");
    expect(doc.tables[0]!.header).toEqual([
      ["STT", "Chỉ số thành phần", "Điểm 2022", "Xếp hạng 2022", "Mục tiêu 2023", "Mục tiêu 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"],
      ["", "", "", "", "Toán tử", "Giá trị", "", ""],
    ]);
  });

  it("writes numbers stored as numbers the way the document prints them (6.3 as '0.00' → '6,30', 0.1393 as '0.00%' → '13,93%')", async () => {
    const doc = await readSpreadsheet(fixture("xlsx/002-pci-minh-bach-2023.xlsx"), "002.xlsx");
    expect(doc.tables[0]!.rows[0]!.cells.slice(0, 6)).toEqual(["III", "CSTP 3: TÍNH MINH BẠCH", "6,30", "19", "Trên hoặc bằng", "6,35"]);
    expect(doc.tables[0]!.rows[3]!.cells.slice(2, 6)).toEqual(["13,93%", "58", "Trên hoặc bằng", "92,0%"]);
  });

  it("gives the same rows as the Word file of the same tables, for seeds 000, 002 and 004", async () => {
    for (const id of ["000-bac-giang-nq02-2025", "002-pci-minh-bach-2023", "004-pii-2024"]) {
      const xlsx = await readSpreadsheet(fixture(`xlsx/${id}.xlsx`), `${id}.xlsx`);
      const docx = await readDocx(fixture(`docx/${id}.docx`), `${id}.docx`);
      expect(xlsx.tables.map((t) => t.rows.map((r) => r.cells))).toEqual(docx.tables.map((t) => t.rows.map((r) => r.cells)));
    }
  });

  it("keeps a vertically merged cell's text in its first row and repeats a horizontal one across its span", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("PL");
      ws.addRow(["STT", "Chỉ tiêu", "Nhiệm vụ, giải pháp trọng tâm", "Đơn vị chủ trì"]);
      ws.addRow(["1", "Chỉ tiêu A", "1.1. Việc một", "Sở Tư pháp"]);
      ws.addRow([null, null, "1.2. Việc hai", null]);
      ws.addRow(["2", "Chỉ tiêu B", "Ghi chú chung", null]);
      ws.mergeCells("A2:A3");
      ws.mergeCells("B2:B3");
      ws.mergeCells("D2:D3");
      ws.mergeCells("C4:D4");
    });
    const doc = await readSpreadsheet(bytes, "x.xlsx");
    expect(doc.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ["1", "Chỉ tiêu A", "1.1. Việc một", "Sở Tư pháp"],
      ["", "", "1.2. Việc hai", ""],
      ["2", "Chỉ tiêu B", "Ghi chú chung", "Ghi chú chung"],
    ]);
    expect(doc.tables[0]!.rows[2]!.ref).toEqual({ file: "x.xlsx", appendix: "PL", row: 4 });
  });

  it("skips hidden sheets, the 'Hướng dẫn' sheet, and reports a sheet without a header row", async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet("Hướng dẫn").addRow(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu"]);
      const hidden = wb.addWorksheet("Danh mục");
      hidden.state = "hidden";
      hidden.addRow(["STT", "Chỉ tiêu", "Đơn vị tính"]);
      wb.addWorksheet("Ghi chép").addRow(["Không có bảng ở đây"]);
      const ws = wb.addWorksheet("Phụ lục");
      ws.addRow(["Phụ lục I"]);
      ws.addRow(["CHỈ TIÊU NĂM 2025"]);
      ws.addRow([]);
      ws.addRow(["STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu năm 2025"]);
      ws.addRow([1, "Tỷ lệ hồ sơ đúng hạn", "%", 100]);
    });
    const doc = await readSpreadsheet(bytes, "x.xlsx");
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.caption).toBe("Phụ lục I\nCHỈ TIÊU NĂM 2025");
    expect(doc.tables[0]!.rows[0]!.cells).toEqual(["1", "Tỷ lệ hồ sơ đúng hạn", "%", "100"]);
    expect(doc.warnings.map((w) => [w.code, w.ref.appendix])).toEqual([["sheet.noHeader", "Ghi chép"]]);
  });

  it("reads formulas by their cached result, rich text by its text and dates as dd/mm/yyyy", async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet("PL");
      ws.addRow(["STT", "Chỉ tiêu", "Mục tiêu", "Thời gian thực hiện"]);
      ws.addRow([1, { richText: [{ text: "Tỷ lệ " }, { text: "DN", font: { bold: true } }] }, { formula: "80+3", result: 83 }, new Date(Date.UTC(2023, 10, 30))]);
    });
    const doc = await readSpreadsheet(bytes, "x.xlsx");
    expect(doc.tables[0]!.rows[0]!.cells).toEqual(["1", "Tỷ lệ DN", "83", "30/11/2023"]);
  });

  it("rejects a damaged workbook", async () => {
    await expect(readSpreadsheet(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), "x.xlsx")).rejects.toMatchObject({ code: "file.corrupt" });
  });
});

describe("readSpreadsheet (.csv)", () => {
  it("reads Excel's semicolon CSV with BOM into the same rows as the Word file", async () => {
    const csv = await readSpreadsheet(fixture("xlsx/002-pci-pl1.csv"), "002-pci-pl1.csv");
    const docx = await readDocx(fixture("docx/002-pci-minh-bach-2023.docx"), "002.docx");
    expect(csv.tables[0]!.rows.map((r) => r.cells)).toEqual(docx.tables[0]!.rows.map((r) => r.cells));
    expect(csv.tables[0]!.caption?.split("\n")[0]).toBe("Phụ lục I");
  });

  it("reads a comma CSV without BOM, quoted fields holding commas, quotes and line breaks", async () => {
    const text = 'STT,Chỉ tiêu,Đơn vị tính,Mục tiêu\n1,"Cần có ""mối quan hệ"", tài liệu","%","Dưới hoặc bằng\n21,0%"\n';
    const doc = await readSpreadsheet(new TextEncoder().encode(text), "x.csv");
    expect(doc.tables[0]!.rows[0]!.cells).toEqual(["1", 'Cần có "mối quan hệ", tài liệu', "%", "Dưới hoặc bằng\n21,0%"]);
  });

  it("reads a CSV in the Windows-1258 code page and says so", async () => {
    // "STT;Chi tiêu;Đon vi;Mõc\n1;A;%;5\n" in code page 1258 (ê = EA, Đ = D0, õ = F5): not valid UTF-8.
    const legacy = new Uint8Array([0x53, 0x54, 0x54, 0x3b, 0x43, 0x68, 0x69, 0x20, 0x74, 0x69, 0xea, 0x75, 0x3b, 0xd0, 0x6f, 0x6e, 0x20, 0x76, 0x69, 0x3b, 0x4d, 0xf5, 0x63, 0x0a, 0x31, 0x3b, 0x41, 0x3b, 0x25, 0x3b, 0x35, 0x0a]);
    const doc = await readSpreadsheet(legacy, "x.csv");
    expect(doc.warnings.map((w) => w.code)).toEqual(["csv.notUtf8"]);
    expect(doc.tables[0]!.header[0]![2]).toBe("Đon vi");
  });
});

describe("CSV helpers", () => {
  it("picks the separator used on every line", () => {
    expect(detectSeparator("a;b;c\n1;2,5;3\n")).toBe(";");
    expect(detectSeparator("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectSeparator("a\tb\n1\t2\n")).toBe("\t");
    expect(detectSeparator('Tiêu đề\nSTT;Chỉ tiêu\n1;"- việc một, hai, ba,\n- việc bốn, năm, sáu"\n')).toBe(";");
  });

  it("parses CRLF line ends and a last line without one", () => {
    expect(parseCsv("a;b\r\n1;2", ";")).toEqual([["a", "b"], ["1", "2"]]);
  });
});

describe("formatNumberText", () => {
  it.each([
    [6.3, "0.00", "6,30"],
    [0.1393, "0.00%", "13,93%"],
    [0.92, "0.0%", "92,0%"],
    [12.76, undefined, "12,76"],
    [2200000, "#,##0", "2.200.000"],
    [100, "General", "100"],
    [45260, "dd/mm/yyyy", "30/11/2023"],
  ])("prints %p in format %p as %p", (value, fmt, text) => {
    expect(formatNumberText(value, fmt)).toBe(text);
  });
});
