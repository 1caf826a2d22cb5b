import ExcelJS from "exceljs";
import { INSTRUCTIONS_SHEET, LISTS_SHEET, TEMPLATE_COLUMNS, TEMPLATE_HEADER_ROW, TEMPLATE_SHEET, writeTemplate } from ".";
import { directoryRows } from "../../core/agency";
import { documentToPlan } from "../../core/import/document";
import { importFile } from "../../import";
import { readSpreadsheet } from "../../import/spreadsheet";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** What an office types: some numbers as numbers (one shown as a percent), some as text, a task row under its indicator. */
const FILLED: (string | number | null)[][] = [
  ["III", "CSTP 3: TÍNH MINH BẠCH", null, 6.3, 19, "Trên hoặc bằng 6,35", "Sở Thông tin và Truyền thông", null, "Thường xuyên"],
  ["3.1", "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)", "điểm", "3,33", "4", "Trên hoặc bằng 3,40", "Sở Thông tin và Truyền thông", "Sở Xây dựng, Sở Tài nguyên và Môi trường", "Hằng năm"],
  ["3.3", "Minh bạch trong đấu thầu (% Đồng ý)", "%", 0.1393, 58, "Trên hoặc bằng 92,0%", "Sở Kế hoạch và Đầu tư", "Các sở, ngành và UBND huyện, thành phố", "Quý III/2025"],
  [null, "- Đẩy mạnh lựa chọn nhà thầu qua mạng", null, null, null, null, null, null, null],
  ["3.5", "Số ngày chờ đợi để nhận được thông tin (Trung vị)*", "ngày", 5, 30, "Dưới hoặc bằng 1,00", "Sở Kế hoạch và Đầu tư", "Văn phòng UBND tỉnh", "Thường xuyên"],
];

async function filledTemplate(): Promise<Uint8Array> {
  const wb = await load(await writeTemplate());
  const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
  ws.getCell(1, 1).value = "Phụ lục I";
  ws.getCell(2, 1).value = "PHÂN CÔNG ĐƠN VỊ CHỦ TRÌ CÁC CHỈ TIÊU";
  FILLED.forEach((row, i) => {
    row.forEach((v, c) => {
      if (v === null) return;
      ws.getCell(TEMPLATE_HEADER_ROW + 1 + i, c + 1).value = v;
      // exceljs shares one style object between cells loaded with the same style: give this cell its own before changing it.
      if (typeof v === "number" && c === 3) ws.getCell(TEMPLATE_HEADER_ROW + 1 + i, c + 1).style = { alignment: { vertical: "top", wrapText: true }, numFmt: v < 1 ? "0.00%" : "0.00" };
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("writeTemplate", () => {
  it("writes the standard columns under a title block, an instructions sheet and a hidden list sheet", async () => {
    const wb = await load(await writeTemplate());
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([[TEMPLATE_SHEET, "visible"], [INSTRUCTIONS_SHEET, "visible"], [LISTS_SHEET, "hidden"]]);
    const sheet = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(TEMPLATE_COLUMNS.map((_, i) => sheet.getCell(TEMPLATE_HEADER_ROW, i + 1).text)).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị năm gốc", "Xếp hạng", "Mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]);
    expect(String(wb.getWorksheet(INSTRUCTIONS_SHEET)!.getCell(1, 1).value)).toMatch(/^HƯỚNG DẪN/);
  });

  it("lists every directory agency for the lead column, as a warning (free text allowed)", async () => {
    const wb = await load(await writeTemplate());
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    const names = directoryRows().map((r) => r.name);
    expect(names.map((_, i) => lists.getCell(i + 2, 1).value)).toEqual(names);
    const lead = wb.getWorksheet(TEMPLATE_SHEET)!.getCell(TEMPLATE_HEADER_ROW + 1, 7).dataValidation;
    expect(lead).toMatchObject({ type: "list", errorStyle: "warning", formulae: [`'${LISTS_SHEET}'!$A$2:$A$${names.length + 1}`] });
    const deadline = wb.getWorksheet(TEMPLATE_SHEET)!.getCell(TEMPLATE_HEADER_ROW + 1, 9).dataValidation;
    expect(deadline).toMatchObject({ type: "list", formulae: [expect.stringMatching(/^'Danh mục'!\$B\$2:\$B\$\d+$/)] });
  });

  it("reads back exactly what an office filled in: the caption, the header and every cell as the document would print it", async () => {
    const doc = await readSpreadsheet(await filledTemplate(), "mau-phu-luc.xlsx");
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect(table!.caption).toBe("Phụ lục I\nPHÂN CÔNG ĐƠN VỊ CHỦ TRÌ CÁC CHỈ TIÊU\n(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/… của UBND tỉnh)");
    expect(table!.header).toEqual([TEMPLATE_COLUMNS.map((c) => c.header)]);
    expect(table!.rows.map((r) => r.cells)).toEqual(
      FILLED.map((row, i) =>
        row.map((v, c) => {
          if (v === null) return "";
          if (typeof v !== "number") return v;
          if (c === 3) return i === 2 ? "13,93%" : v.toFixed(2).replace(".", ",");
          return String(v);
        }),
      ),
    );
    expect(doc.warnings).toEqual([]);
  });

  it("imports a filled template into the same model as the same table typed as text cells", async () => {
    const outcome = await importFile("mau-phu-luc.xlsx", await filledTemplate());
    if (!outcome.ok) throw new Error(outcome.error.messageEn);
    const doc = await readSpreadsheet(await filledTemplate(), "mau-phu-luc.xlsx");
    const typed = documentToPlan({ ...doc, tables: doc.tables.map((t) => ({ ...t, rows: t.rows.map((r) => ({ ...r, cells: [...r.cells] })) })) });
    const strip = (r: typeof typed): unknown => r.plan.appendices.map((a) => a.indicators.map((i) => ({ ...i, source: null, tasks: i.tasks.map((t) => ({ ...t, source: null })) })));
    expect(strip(outcome.result)).toEqual(strip(typed));
    const [appendix] = outcome.result.plan.appendices;
    expect(appendix!.indicators.map((i) => [i.stt, i.level, i.target?.op, i.target?.value, i.lowerIsBetter, i.tasks.length])).toEqual([
      ["III", "component", ">=", 6.35, false, 0],
      ["3.1", "indicator", ">=", 3.4, false, 0],
      ["3.3", "indicator", ">=", 92, false, 1],
      ["3.5", "indicator", "<=", 1, true, 0],
    ]);
    expect(appendix!.indicators[2]!.baseline).toMatchObject({ value: 13.93, percent: true, raw: "13,93%" });
  });
});
