/**
 * The blank appendix template (`chitieu template -o mau-phu-luc.xlsx`): a
 * "Phụ lục" sheet with the standard Vietnamese columns, a "Hướng dẫn" sheet
 * explaining how to fill it, and drop-down lists (agencies from the directory,
 * deadline examples) that warn but never forbid free text, since real plans
 * name agencies and deadlines the lists cannot foresee. `importFile` reads a
 * filled template back exactly: the header row is one the column vocabulary
 * knows, and the title block above it becomes the appendix caption.
 */
import ExcelJS from "exceljs";
import { DEFAULT_DIRECTORY, directoryRows } from "../../core/agency";
import type { AgencyDirectory } from "../../core/agency";

/** The standard columns, in order, as the importer recognises them. */
export const TEMPLATE_COLUMNS = [
  { header: "STT", width: 7, note: "Số thứ tự hoặc mã chỉ tiêu: 1, 2, 3.1, III… Để trống ở các dòng nhiệm vụ của chỉ tiêu phía trên." },
  { header: "Chỉ tiêu", width: 48, note: "Tên chỉ tiêu. Thêm dấu * ở cuối nếu chỉ tiêu càng thấp càng tốt. Dòng nhiệm vụ: bắt đầu bằng \"- \"." },
  { header: "Đơn vị tính", width: 12, note: "%, điểm, ngày, tỷ đồng…" },
  { header: "Giá trị năm gốc", width: 14, note: "Giá trị hoặc điểm năm gốc, ví dụ 6,30 hoặc 13,93%. Có thể ghi năm vào tiêu đề: \"Giá trị năm 2024\"." },
  { header: "Xếp hạng", width: 10, note: "Thứ hạng năm gốc, ví dụ 19 hoặc 04/63." },
  { header: "Mục tiêu", width: 22, note: "Ví dụ: \"Trên hoặc bằng 6,35\", \"≥ 20\", \"Dưới hoặc bằng 21%\", \"Tối thiểu 90\". Có thể ghi năm vào tiêu đề: \"Mục tiêu năm 2025\"." },
  { header: "Đơn vị chủ trì", width: 30, note: "Chọn trong danh sách hoặc gõ tên đầy đủ." },
  { header: "Đơn vị phối hợp", width: 36, note: "Một hoặc nhiều đơn vị, cách nhau bằng dấu phẩy hoặc chấm phẩy." },
  { header: "Thời gian thực hiện", width: 18, note: "Ví dụ: \"Thường xuyên\", \"Hằng năm\", \"Quý III/2025\", \"Trước 30/11/2025\"." },
] as const;

export const TEMPLATE_SHEET = "Phụ lục";
export const INSTRUCTIONS_SHEET = "Hướng dẫn";
export const LISTS_SHEET = "Danh mục";
/** Row of the header in the "Phụ lục" sheet; rows above are the title block (the appendix caption). */
export const TEMPLATE_HEADER_ROW = 4;
/** Rows prepared with validation lists below the header. */
export const TEMPLATE_ROWS = 300;

const DEADLINE_EXAMPLES = ["Thường xuyên", "Hằng năm", "Quý I/2025", "Quý II/2025", "Quý III/2025", "Quý IV/2025", "6 tháng đầu năm 2025", "Trước 30/6/2025", "Trước 30/11/2025"];

/**
 * Writes the blank template.
 *
 * @example
 * await fs.writeFile("mau-phu-luc.xlsx", await writeTemplate());
 */
export async function writeTemplate(directory: AgencyDirectory = DEFAULT_DIRECTORY): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ tiêu";
  const sheet = wb.addWorksheet(TEMPLATE_SHEET, { views: [{ state: "frozen", ySplit: TEMPLATE_HEADER_ROW }] });
  const help = wb.addWorksheet(INSTRUCTIONS_SHEET);
  const lists = wb.addWorksheet(LISTS_SHEET, { state: "hidden" });

  const agencies = directoryRows(directory).map((r) => r.name);
  lists.getCell(1, 1).value = "Cơ quan";
  agencies.forEach((name, i) => (lists.getCell(i + 2, 1).value = name));
  lists.getCell(1, 2).value = "Thời gian thực hiện";
  DEADLINE_EXAMPLES.forEach((d, i) => (lists.getCell(i + 2, 2).value = d));

  writeMainSheet(sheet, agencies.length, DEADLINE_EXAMPLES.length);
  writeInstructions(help);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function writeMainSheet(ws: ExcelJS.Worksheet, agencyCount: number, deadlineCount: number): void {
  const width = TEMPLATE_COLUMNS.length;
  ws.getCell(1, 1).value = "Phụ lục";
  ws.getCell(2, 1).value = "TÊN PHỤ LỤC (ví dụ: PHÂN CÔNG ĐƠN VỊ CHỦ TRÌ CÁC CHỈ TIÊU NĂM 2025)";
  ws.getCell(3, 1).value = "(Kèm theo Kế hoạch số …/KH-UBND ngày …/…/… của UBND tỉnh)";
  for (let r = 1; r <= 3; r++) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).alignment = { horizontal: "center" };
    ws.getCell(r, 1).font = { bold: r <= 2, italic: r === 3 };
  }
  const header = ws.getRow(TEMPLATE_HEADER_ROW);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.note = c.note;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
    ws.getColumn(i + 1).width = c.width;
  });
  const first = TEMPLATE_HEADER_ROW + 1;
  const last = TEMPLATE_HEADER_ROW + TEMPLATE_ROWS;
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= width; c++) ws.getCell(r, c).alignment = { vertical: "top", wrapText: true };
  }
  // One validation per column range: set cell by cell, exceljs 4.4 re-groups them into overlapping ranges
  // (G5:G304 and G10:G304), which Excel's validator reports.
  // Free text stays allowed ("warning"): plans name agencies and deadlines no list foresees.
  const agencyList = { type: "list" as const, allowBlank: true, formulae: [`'${LISTS_SHEET}'!$A$2:$A$${agencyCount + 1}`], showErrorMessage: true, errorStyle: "warning", errorTitle: "Ngoài danh sách", error: "Tên này không có trong danh sách cơ quan. Vẫn giữ nếu đúng là tên đầy đủ của cơ quan." };
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: Record<string, unknown>): void } }).dataValidations;
  dv.add(`G${first}:G${last}`, agencyList);
  dv.add(`H${first}:H${last}`, { ...agencyList, showErrorMessage: false });
  dv.add(`I${first}:I${last}`, { type: "list", allowBlank: true, formulae: [`'${LISTS_SHEET}'!$B$2:$B$${deadlineCount + 1}`], showErrorMessage: false });
}

const INSTRUCTIONS = [
  "HƯỚNG DẪN ĐIỀN MẪU PHỤ LỤC CHỈ TIÊU",
  "",
  "1. Ghi tên phụ lục ở dòng 2 của trang \"Phụ lục\" (dòng 1 giữ chữ \"Phụ lục\", có thể thêm số: \"Phụ lục I\").",
  "2. Mỗi chỉ tiêu một dòng, bắt đầu từ dòng 5. Không đổi tên, không xoá cột tiêu đề ở dòng 4.",
  "3. Số thập phân dùng dấu phẩy như văn bản (6,35). Có thể gõ số hoặc chữ; tỷ lệ có thể gõ 92% hoặc 92,0%.",
  "4. Mục tiêu ghi đúng như văn bản: \"Trên hoặc bằng 6,35\", \"Dưới hoặc bằng 21%\", \"≥ 20\", \"Tối thiểu 90\".",
  "5. Chỉ tiêu càng thấp càng tốt: thêm dấu * ở cuối tên chỉ tiêu.",
  "6. Dòng nhóm (chỉ số thành phần): ghi số La Mã ở cột STT (I, II, III…).",
  "7. Nhiệm vụ của một chỉ tiêu: ghi ở các dòng ngay dưới chỉ tiêu, để trống cột STT, bắt đầu bằng \"- \"; để trống các cột số liệu.",
  "8. Đơn vị chủ trì, phối hợp: chọn trong danh sách hoặc gõ tên đầy đủ; nhiều đơn vị cách nhau bằng dấu phẩy.",
  "9. Có thể thêm cột khác (ví dụ \"Ghi chú\"): Chỉ tiêu giữ nguyên nội dung và báo cột không nhận ra.",
  "10. Lưu tệp .xlsx rồi nhập bằng nút \"Nhập phụ lục\" trong Chỉ tiêu, hoặc: chitieu parse mau-phu-luc.xlsx",
];

function writeInstructions(ws: ExcelJS.Worksheet): void {
  ws.getColumn(1).width = 110;
  INSTRUCTIONS.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 13 };
  });
}
