/**
 * Hostile and careless inputs, built in memory for the tests (no large
 * committed fixtures): Word files with nested tables, span and merge bombs,
 * zip bombs (honest and lying about their size), workbooks with a stray cell
 * far below or a merge over a whole column, a 300,000-row CSV, UTF-16 and
 * mixed-encoding text, and a Chỉ tiêu workbook whose table claims a million rows.
 */
import { createDeflateRaw, crc32 } from "node:zlib";
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { buildLayout } from "../../../src/core/layout";
import { writeWorkbook } from "../../../src/xlsx";
import { indicator, plan } from "../../../src/core/layout/_test/plan";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
export const wp = (t: string): string => `<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman"/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
export const wtc = (inner: string, pr = ""): string => `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/>${pr}</w:tcPr>${inner}</w:tc>`;
export const HEADER = ["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị năm gốc", "Mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];
const headerRow = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${HEADER.map((h) => wtc(wp(h))).join("")}</w:tr>`;
export const indicatorRow = (i: number): string =>
  `<w:tr>${[String(i), `Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình, chỉ tiêu số ${i}`, "%", "85,5", "≥ 90", "Sở Nội vụ", "Văn phòng UBND tỉnh; Sở Tài chính", "Năm 2026"].map((c) => wtc(wp(c))).join("")}</w:tr>`;

export async function docxOf(body: string, level = 6): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level } });
}

/** An appendix of `rows` indicators, 8 columns, formatted runs as Word writes them. */
export async function rowsDocx(rows: number): Promise<Uint8Array> {
  const parts: string[] = [];
  for (let i = 1; i <= rows; i++) parts.push(indicatorRow(i));
  return docxOf(`${wp("Phụ lục I")}${wp("CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2026")}<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${headerRow}${parts.join("")}</w:tbl>`);
}

/** Indicator 2's name cell holds a table nested `depth` deep. */
export async function nestedTablesDocx(depth: number): Promise<Uint8Array> {
  let nested = wp("Chỉ tiêu lồng sâu");
  for (let i = 0; i < depth; i++) nested = `<w:tbl><w:tr>${wtc(nested)}</w:tr></w:tbl>`;
  const row2 = `<w:tr>${wtc(wp("2"))}${wtc(nested)}${["%", "", "≥ 1", "Sở Y tế", "", ""].map((c) => wtc(wp(c))).join("")}</w:tr>`;
  return docxOf(`${wp("Phụ lục I")}<w:tbl>${headerRow}${indicatorRow(1)}${row2}</w:tbl>`);
}

/** Row 3 has one cell claiming to span `span` columns. */
export async function gridSpanBombDocx(span: number): Promise<Uint8Array> {
  return docxOf(`${wp("Phụ lục I")}<w:tbl>${headerRow}${indicatorRow(1)}<w:tr>${wtc(wp("2"), `<w:gridSpan w:val="${span}"/>`)}</w:tr></w:tbl>`);
}

/** `rows` rows, each one 63-column cell continuing a vertical merge: tiny XML, millions of grid slots. */
export async function vMergeBombDocx(rows: number): Promise<Uint8Array> {
  const row = `<w:tr>${wtc("<w:p/>", '<w:gridSpan w:val="63"/><w:vMerge/>')}</w:tr>`;
  return docxOf(`${wp("Phụ lục I")}<w:tbl>${headerRow}${row.repeat(rows)}</w:tbl>`);
}

/**
 * document.xml inflating to `mb` MB of spaces (deflate's best ratio is about
 * 1000:1), compressed by zlib one megabyte at a time and put in a zip by hand,
 * so building the bomb costs neither the memory nor the time of inflating it.
 */
export async function zipBombDocx(mb: number): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 6 });
  const parts: Buffer[] = [];
  deflate.on("data", (b: Buffer) => parts.push(b));
  const done = new Promise<void>((resolve) => deflate.on("end", resolve));
  let crc = 0;
  for (let i = 0; i < mb; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return storedZip("word/document.xml", Buffer.concat(parts), mb * 1024 * 1024, crc);
}

/** A one-entry zip (deflated data given) with its local header, central directory and end record. */
function storedZip(name: string, deflated: Buffer, size: number, crc: number): Uint8Array {
  const n = Buffer.from(name, "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(n.length, 28);
  const centralAt = local.length + n.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + n.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return new Uint8Array(Buffer.concat([local, n, deflated, central, n, end]));
}

/** A zip bomb whose directory claims document.xml is 1 KB: only the inflating stream can catch it. */
export async function lyingZipBombDocx(mb: number): Promise<Uint8Array> {
  const bytes = await zipBombDocx(mb);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && i + 30 <= bytes.length) view.setUint32(i + 22, 1024, true); // local header: uncompressed size
    if (sig === 0x02014b50 && i + 46 <= bytes.length) view.setUint32(i + 24, 1024, true); // central directory: uncompressed size
  }
  return bytes;
}

async function appendixWorkbook(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục I");
  ws.addRow(HEADER);
  ws.addRow(["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "85,5", "≥ 90", "Sở Nội vụ", "", "Năm 2026"]);
  edit(ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** One stray cell at the last row Excel has. */
export function strayCellXlsx(): Promise<Uint8Array> {
  return appendixWorkbook((ws) => {
    ws.getCell("J1048576").value = "x";
  });
}

/** A merge over the whole of column J, written into the sheet XML (exceljs itself would build every cell). */
export async function wholeColumnMergeXlsx(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await appendixWorkbook(() => undefined));
  const part = Object.keys(zip.files).find((n) => /^xl\/worksheets\/sheet1\.xml$/.test(n))!;
  const xml = (await zip.file(part)!.async("string")).replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="J1:J1048576"/></mergeCells>');
  zip.file(part, xml);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** `rows` indicator rows of CSV (300,000 rows: 18.4 MiB, 19.3 MB). */
export function bigCsv(rows: number): Uint8Array {
  const lines = ["STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Đơn vị chủ trì"];
  for (let i = 1; i <= rows; i++) lines.push(`${i},Tỷ lệ hồ sơ số ${i},%,>= 90,Sở Nội vụ`);
  return new TextEncoder().encode(lines.join("\n"));
}

/** Text as UTF-16 with its BOM. */
export function utf16(text: string, order: "le" | "be"): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === "le" ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out[2 + i * 2] = order === "le" ? u & 0xff : u >> 8;
    out[3 + i * 2] = order === "le" ? u >> 8 : u & 0xff;
  }
  return out;
}

/** A Chỉ tiêu workbook of ours whose ChiTieu table ref claims `rows` rows. */
export async function millionRowRefWorkbook(rows = 1_000_000): Promise<Uint8Array> {
  const bytes = await writeWorkbook(buildLayout(plan([indicator("k1"), indicator("k2")]), { lang: "vi" }));
  const zip = await JSZip.loadAsync(bytes);
  for (const part of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = await zip.file(part)!.async("string");
    if (!/ name="ChiTieu"/.test(xml)) continue;
    zip.file(part, xml.replace(/ref="A1:([A-Z]+)3"/g, `ref="A1:$1${rows}"`));
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
