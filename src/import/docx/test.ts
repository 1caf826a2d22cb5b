import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readDocx } from ".";
import { ImportFileError } from "../_lib/errors";
import { extractPlanMeta } from "../../core/import/meta";

const FIXTURES = join(__dirname, "../../../tests/fixtures/docx");
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, name)));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (paras: string[], props = ""): string => `<w:tc><w:tcPr>${props}</w:tcPr>${paras.map(p).join("") || "<w:p/>"}</w:tc>`;
const tr = (cells: string, header = false): string => `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells}</w:tr>`;
const tbl = (rows: string): string => `<w:tbl><w:tblPr/>${rows}</w:tbl>`;

async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

describe("readDocx", () => {
  it("reads a header block set as a borderless two-column table into the body, so the plan's number, date and issuer are found", async () => {
    const header = tbl(
      tr(tc(["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG"]) + tc(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])) +
        tr(tc(["Số: 88/KH-UBND"]) + tc(["Bắc Giang, ngày 14 tháng 3 năm 2025"])),
    );
    const appendix = p("Phụ lục") + tbl(tr(tc(["STT"]) + tc(["Chỉ tiêu"]) + tc(["Chỉ tiêu năm 2025"]), true) + tr(tc(["1"]) + tc(["Tỷ lệ hồ sơ trực tuyến"]) + tc(["80%"])));
    const doc = await readDocx(await docx(header + p("KẾ HOẠCH") + p("Cải cách hành chính năm 2025") + p("Căn cứ Luật Tổ chức chính quyền địa phương;") + appendix), "kh.docx");
    expect(doc.tables).toHaveLength(1);
    expect(doc.bodyText.split("\n").slice(0, 6)).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "Số: 88/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bắc Giang, ngày 14 tháng 3 năm 2025"]);
    const meta = extractPlanMeta(doc.bodyText);
    expect(meta).toMatchObject({ number: "88/KH-UBND", date: "2025-03-14", issuer: "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", title: "Cải cách hành chính năm 2025" });
  });

  it("reads the 4-row appendix of seed 000 with its caption and header", async () => {
    const doc = await readDocx(fixture("000-bac-giang-nq02-2025.docx"), "000.docx");
    expect(doc.tables).toHaveLength(1);
    const [t] = doc.tables;
    expect(t!.caption).toBe("Phụ lục\nMỘT SỐ CHỈ TIÊU CẢI CÁCH THỦ TỤC HÀNH CHÍNH, QUY ĐỊNH KINH DOANH NĂM 2025\n(Kèm theo Kế hoạch số /KH-UBND ngày /01/2025 của UBND tỉnh )");
    expect(t!.header).toEqual([["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan chủ trì thực hiện"]]);
    expect(t!.rows.map((r) => r.cells[0])).toEqual(["1", "2", "3", "4"]);
    expect(t!.rows[3]!.cells).toEqual(["4", "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp", "%", "Tối thiểu 90", "Các sở, ngành; UBND cấp huyện, UBND cấp xã"]);
    expect(t!.rows[0]!.ref).toEqual({ file: "000.docx", row: 1 });
  });

  it("keeps the plan's own paragraphs as body text, without the table cells", async () => {
    const doc = await readDocx(fixture("000-bac-giang-nq02-2025.docx"), "000.docx");
    expect(doc.bodyText.split("\n")[0]).toBe("KẾ HOẠCH");
    expect(doc.bodyText).toContain("Phụ lục");
    expect(doc.bodyText).not.toContain("Tối thiểu 90");
  });

  it("repeats a horizontally merged header ('Mục tiêu 2023' over two columns) and reads both appendices of seed 002", async () => {
    const doc = await readDocx(fixture("002-pci-minh-bach-2023.docx"), "002.docx");
    expect(doc.tables.map((t) => t.caption?.split("\n")[0])).toEqual(["Phụ lục I", "Phụ lục II"]);
    expect(doc.tables[0]!.header[0]).toEqual(["STT", "Chỉ số thành phần", "Điểm 2022", "Xếp hạng 2022", "Mục tiêu 2023", "Mục tiêu 2023", "Đơn vị chủ trì", "Đơn vị phối hợp"]);
    expect(doc.tables[0]!.rows[0]!.cells.slice(0, 6)).toEqual(["III", "CSTP 3: TÍNH MINH BẠCH", "6,30", "19", "Trên hoặc bằng", "6,35"]);
    expect(doc.tables[0]!.rows).toHaveLength(18);
  });

  it("keeps a vertically merged cell's text in its first row only (seed 002 Phụ lục II, indicator 1 over two tasks)", async () => {
    const doc = await readDocx(fixture("002-pci-minh-bach-2023.docx"), "002.docx");
    const [first, second] = doc.tables[1]!.rows;
    expect(first!.cells.slice(0, 2)).toEqual(["1", "Tiếp cận tài liệu quy hoạch (trên hoặc bằng 3,4)"]);
    expect(second!.cells.slice(0, 2)).toEqual(["", ""]);
    expect(second!.cells[2]).toMatch(/^1\.2\. Công khai/);
  });

  it("joins the paragraphs of a cell with line breaks (seed 004's six task bullets of indicator 1)", async () => {
    const doc = await readDocx(fixture("004-pii-2024.docx"), "004.docx");
    const tasks = doc.tables[0]!.rows[1]!.cells[1]!.split("\n");
    expect(tasks).toHaveLength(6);
    expect(tasks.every((t) => t.startsWith("- "))).toBe(true);
    expect(doc.tables[0]!.rows).toHaveLength(34);
  });

  it("takes rows marked as repeating header rows as the header and skips a header typed again inside the table", async () => {
    const header = tr(tc(["STT"]) + tc(["Chỉ tiêu"]) + tc(["Mục tiêu"]), true);
    const bytes = await docx(p("Phụ lục I") + tbl(header + tr(tc(["1"]) + tc(["A"]) + tc(["≥ 5"])) + tr(tc(["STT"]) + tc(["Chỉ tiêu"]) + tc(["Mục tiêu"])) + tr(tc(["2"]) + tc(["B"]) + tc(["≥ 6"]))));
    const doc = await readDocx(bytes, "x.docx");
    expect(doc.tables[0]!.header).toEqual([["STT", "Chỉ tiêu", "Mục tiêu"]]);
    expect(doc.tables[0]!.rows.map((r) => r.cells[1])).toEqual(["A", "B"]);
    expect(doc.warnings.map((w) => w.code)).toEqual(["table.headerRepeated"]);
  });

  it("reads an unmarked two-row header: a group cell over two columns and cells merged down", async () => {
    const top = tr(tc(["STT"], '<w:vMerge w:val="restart"/>') + tc(["Mục tiêu 2023"], '<w:gridSpan w:val="2"/>'));
    const sub = tr(tc([], "<w:vMerge/>") + tc(["Toán tử"]) + tc(["Giá trị"]));
    const doc = await readDocx(await docx(tbl(top + sub + tr(tc(["1"]) + tc(["Trên hoặc bằng"]) + tc(["6,35"])))), "x.docx");
    expect(doc.tables[0]!.header).toEqual([["STT", "Mục tiêu 2023", "Mục tiêu 2023"], ["", "Toán tử", "Giá trị"]]);
    expect(doc.tables[0]!.rows.map((r) => r.cells)).toEqual([["1", "Trên hoặc bằng", "6,35"]]);
  });

  it("joins a table split in two by a page break when the second repeats the header and has no caption", async () => {
    const head = tr(tc(["STT"]) + tc(["Chỉ tiêu"]) + tc(["Đơn vị tính"]));
    const bytes = await docx(p("Phụ lục") + tbl(head + tr(tc(["1"]) + tc(["A"]) + tc(["%"]))) + p("") + tbl(head + tr(tc(["2"]) + tc(["B"]) + tc(["%"]))));
    const doc = await readDocx(bytes, "x.docx");
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]!.rows.map((r) => [r.cells[0], r.ref.row])).toEqual([["1", 1], ["2", 2]]);
    expect(doc.warnings.map((w) => w.code)).toContain("docx.tableContinued");
  });

  it("reads text inside content controls, hyperlinks and line breaks, and skips deleted text", async () => {
    const cell = '<w:tc><w:p><w:hyperlink><w:r><w:t>Sở Tư</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> pháp</w:t><w:br/><w:t>(chủ trì)</w:t></w:r><w:del><w:r><w:delText>XÓA</w:delText></w:r></w:del></w:p></w:tc>';
    const bytes = await docx(`<w:sdt><w:sdtContent>${tbl(tr(tc(["STT"]) + tc(["Đơn vị chủ trì"])) + tr(tc(["1"]) + cell))}</w:sdtContent></w:sdt>`);
    const doc = await readDocx(bytes, "x.docx");
    expect(doc.tables[0]!.rows[0]!.cells[1]).toBe("Sở Tư pháp\n(chủ trì)");
  });

  it("rejects bytes that are not a zip as a damaged file", async () => {
    await expect(readDocx(new TextEncoder().encode("không phải zip"), "x.docx")).rejects.toMatchObject({ code: "file.corrupt" });
  });

  it("rejects a zip without word/document.xml", async () => {
    const zip = new JSZip();
    zip.file("hello.txt", "xin chào");
    const err = await readDocx(await zip.generateAsync({ type: "uint8array" }), "x.docx").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe("docx.damaged");
    expect((err as ImportFileError).messageVi).toMatch(/Tệp Word bị hỏng: thiếu phần word\/document.xml/);
  });
});
