import JSZip from "jszip";
import ExcelJS from "exceljs";
import { buildLayout, locateCell } from "../core/layout";
import { layoutSnapshot } from "../core/workbook";
import { indicator, plan, target, task } from "../core/layout/_test/plan";
import { readWorkbook, writeWorkbook } from ".";

const p = plan([
  indicator("1", { target: target(">=", 6.35), tasks: [task("=1+1"), task("+84 là mã vùng")] }),
  indicator("2", { target: target("<=", 21, { percent: true }), lowerIsBetter: true }),
]);
const layout = buildLayout(p, { lang: "vi", results: { indicators: { "2": { note: "-" } }, periodResults: { "2": { "2024-H1": 0.3 } }, tasks: {}, goneIndicators: [], goneTasks: [] } });

let zip: JSZip;
let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await writeWorkbook(layout, { charts: true });
  zip = await JSZip.loadAsync(bytes);
});
const xml = async (path: string): Promise<string> => {
  const f = zip.file(path);
  if (!f) throw new Error(`missing ${path}`);
  return f.async("string");
};

describe("writeWorkbook", () => {
  it("writes real Excel tables without a phantom totals row", async () => {
    const t = await xml("xl/tables/table1.xml");
    expect(t).toContain('name="ChiTieu"');
    expect(t).toContain('ref="A1:AE3"');
    expect(t).toContain('totalsRowShown="0"');
    expect(t).not.toContain("totalsRowLabel");
  });

  it("writes the status formula in every row but no calculatedColumnFormula, which unpatched exceljs cannot read", async () => {
    const t = await xml("xl/tables/table1.xml");
    expect(t).toContain('<tableColumn id="22" name="Trạng thái"/>');
    expect(t).not.toContain("calculatedColumnFormula");
    const sheet = await xml("xl/worksheets/sheet1.xml");
    for (const cell of ["V2", "V3"]) expect(sheet).toMatch(new RegExp(`<c r="${cell}"[^>]*><f>IF\\(NOT\\(ISNUMBER\\(ChiTieu\\[\\[#This Row\\],\\[Mục tiêu\\]\\]\\)\\)`));
  });

  it("leaves formula results empty so Excel and LibreOffice compute them on open", async () => {
    const sheet = await xml("xl/worksheets/sheet1.xml");
    const cell = /<c r="U2"[^>]*>(.*?)<\/c>/.exec(sheet)?.[1] ?? "";
    expect(cell).toMatch(/^<f>/);
    expect(cell).not.toContain("<v>");
    expect(await xml("xl/workbook.xml")).toContain('fullCalcOnLoad="1"');
  });

  it("freezes the header row and the first three columns, and hides the side columns", async () => {
    const sheet = await xml("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('xSplit="3" ySplit="1"');
    expect(sheet).toMatch(/<col min="29" max="29" width="20" style="\d+" hidden="1"/);
  });

  it("writes one validation per column range and five colour rules", async () => {
    const sheet = await xml("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('sqref="P2:P3"><formula1>DanhSachCoQuan</formula1>');
    expect(sheet).toMatch(/type="list" allowBlank="1" showErrorMessage="1" errorStyle="warning"/);
    expect(sheet.match(/<cfRule /g)).toHaveLength(5);
    expect(sheet).toContain("<formula>$V2=&quot;Đúng tiến độ&quot;</formula>");
    expect(sheet).toContain("<formula>$V2=&quot;Không đạt&quot;</formula>");
    expect(sheet).toContain("<formula>$V2=&quot;Vượt&quot;</formula>");
  });

  it("defines the tolerance, the agency list and KyBaoCao as workbook names, KyBaoCao with its list of periods", async () => {
    const wb = await xml("xl/workbook.xml");
    expect(wb).toContain('<definedName name="KyBaoCao">&apos;Tổng hợp&apos;!$B$5</definedName>');
    const summary = await xml("xl/worksheets/sheet5.xml");
    expect(summary).toMatch(/<dataValidation type="list"[^>]*sqref="B5"><formula1>DanhSachKyBaoCao<\/formula1>/);
    expect(wb).toContain('<definedName name="SaiSoChoPhep">&apos;Tổng hợp&apos;!$B$3</definedName>');
    expect(wb).toMatch(/<definedName name="DanhSachCoQuan">&apos;Cơ quan&apos;!\$A\$2:\$A\$\d+<\/definedName>/);
  });

  it("formats the percent row's cells as percent", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const at = locateCell(layout, "2", "target");
    expect(at).not.toBeNull();
    const ws = wb.getWorksheet(at?.sheet ?? "");
    expect(ws?.getCell(at?.address ?? "A1").numFmt).toBe("0.0%");
    expect(ws?.getCell(at?.address ?? "A1").value).toBe(0.21);
    const result = locateCell(layout, "2", "result");
    expect(ws?.getCell(result?.address ?? "A1").numFmt).toBe("0.0%");
    // The grid's cells of a percent row take 92% typed as 0.92 too.
    const grid = wb.getWorksheet("Kết quả theo kỳ");
    expect(grid?.getCell("F3").numFmt).toBe("0.0%");
    expect(grid?.getCell("F3").value).toBe(0.3);
  });

  it("writes document text starting with = + - @ as text, never as a formula", async () => {
    const tasks = await xml("xl/worksheets/sheet3.xml");
    expect(tasks).not.toMatch(/<f>1\+1<\/f>/);
    const snapshot = await readWorkbook(bytes);
    const t = snapshot.tables.find((x) => x.name === "NhiemVu");
    expect(t?.rows.map((r) => r[1])).toEqual(["=1+1", "+84 là mã vùng"]);
  });

  it("draws the Tổng hợp chart from the status-by-agency table, one series per status column, on the Tổng hợp sheet", async () => {
    const chart = await xml("xl/charts/chart1.xml");
    expect(chart).toContain("<c:grouping val=\"stacked\"/>");
    expect(chart.match(/<c:ser>/g)).toHaveLength(6);
    // The title is linked to the caption cell that names the chosen period (KyBaoCao).
    expect(chart).toMatch(/<c:title><c:tx><c:strRef><c:f>'Tổng hợp'!\$A\$\d+<\/c:f><c:strCache>.*<c:v>Trạng thái chỉ tiêu theo đơn vị chủ trì – [^<]+<\/c:v>/);
    expect(chart).toContain("<c:f>'Tổng hợp'!$E$7</c:f>");
    expect(chart).toMatch(/<c:cat><c:strRef><c:f>'Tổng hợp'!\$D\$8(:\$D\$\d+)?<\/c:f>/);
    expect(chart).toContain('<a:srgbClr val="9C0006"/>');
    const tables = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f)).map((f) => xml(f)));
    expect(tables.some((t) => t.includes('name="TongHopTrangThai"'))).toBe(true);
    expect(await xml("xl/worksheets/sheet5.xml")).toMatch(/<drawing r:id="rId\d+"\/>/);
    expect(await xml("xl/worksheets/_rels/sheet5.xml.rels")).toContain("../drawings/drawing1.xml");
    expect(await xml("xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart1.xml");
    expect(await xml("[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
  });

  it("sets up printing: A4 landscape at a readable scale, the header row on every page, no technical columns, page numbers", async () => {
    const sheet = await xml("xl/worksheets/sheet1.xml");
    // Chỉ tiêu is too wide for one page at 70 %: it prints at 70 % with STT, Mã and Chỉ tiêu repeated on each page across.
    expect(sheet).not.toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*scale="70"/);
    // Thông tin báo cáo fits one page wide at a readable scale; Kiểm tra (12 columns) prints at 70 % like Chỉ tiêu.
    expect(await xml("xl/worksheets/sheet7.xml")).toMatch(/<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(await xml("xl/worksheets/sheet7.xml")).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(await xml("xl/worksheets/sheet6.xml")).toMatch(/<pageSetup [^>]*scale="70"/);
    expect(sheet).toContain('<pageMargins left="0.24" right="0.24" top="0.75" bottom="0.75" header="0.31" footer="0.31"/>');
    expect(sheet).toContain("<oddFooter>&amp;L&amp;A&amp;CTrang &amp;P/&amp;N</oddFooter>");
    const book = await xml("xl/workbook.xml");
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Chỉ tiêu&apos;!\$A:\$C,&apos;Chỉ tiêu&apos;!\$1:\$1<\/definedName>|<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Chỉ tiêu&apos;!\$1:\$1,&apos;Chỉ tiêu&apos;!\$A:\$C<\/definedName>/);
    expect(book).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Chỉ tiêu&apos;!$A$1:$AB$1048576</definedName>`);
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="4">&apos;Tổng hợp&apos;!$7:$7</definedName>`);
    // Tổng hợp prints its counts and agency table, not the period list beside them.
    expect(book).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="4">&apos;Tổng hợp&apos;!\$A\$1:\$K\$1048576<\/definedName>/);
  });
});

describe("readWorkbook", () => {
  it("reads back every table's values as the layout holds them (formulas not yet computed)", async () => {
    const snapshot = await readWorkbook(bytes);
    const expected = layoutSnapshot(layout);
    // The reserved Kiểm tra table is written with one empty row (Excel needs one).
    const nonEmpty = (s: typeof snapshot): typeof snapshot.tables => s.tables.map((t) => ({ ...t, rows: t.rows.filter((r) => r.some((v) => v !== null)) }));
    expect(nonEmpty(snapshot)).toEqual(nonEmpty(expected));
    expect(snapshot.sheetNames).toEqual(expected.sheetNames);
  });

  it("reads tables whose columns carry calculated formulas (as Excel itself saves them)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const again = await readWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(again.tables.find((t) => t.name === "ChiTieu")?.rows).toHaveLength(2);
  });
});

describe("writeWorkbook without charts", () => {
  it("writes no drawing, so sheets can be moved into another package whole", async () => {
    const zip = await JSZip.loadAsync(await writeWorkbook(buildLayout(plan([indicator("1", { name: "Chỉ tiêu một", target: target(">=", 5) })]), { lang: "vi" })));
    expect(Object.keys(zip.files).some((f) => f.startsWith("xl/charts/") || f.startsWith("xl/drawings/"))).toBe(false);
  });
});
