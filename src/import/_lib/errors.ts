/**
 * Why a file could not be read, in words a planner can act on (Vietnamese
 * first, English alongside). The readers reject with an `ImportFileError`;
 * `importFile` turns it into `{ ok: false, error }` so callers never see a throw.
 */
export const IMPORT_ERRORS = {
  empty: ["Tệp rỗng (0 byte): hãy chọn lại tệp phụ lục.", "The file is empty (0 bytes): choose the appendix file again."],
  tooLarge: ["Tệp quá lớn (trên {limit} MB): hãy tách phụ lục ra tệp riêng.", "The file is too large (over {limit} MB): save the appendix as a separate file."],
  unsupported: ["Định dạng không được hỗ trợ: chỉ đọc được .docx, .pdf, .xlsx, .csv, .txt và ảnh quét .png, .jpg, .tif.", "Unsupported format: only .docx, .pdf, .xlsx, .csv, .txt and scanned .png, .jpg, .tif pages can be read."],
  legacyOffice: ["Đây là tệp Word/Excel đời cũ (.doc/.xls) hoặc tệp có mật khẩu: hãy mở bằng Word/Excel, bỏ mật khẩu và lưu lại thành .docx/.xlsx.", "This is an old Word/Excel file (.doc/.xls) or a password-protected one: open it, remove the password and save it as .docx/.xlsx."],
  corrupt: ["Tệp bị hỏng hoặc không đúng định dạng ({detail}): hãy lưu lại tệp từ Word/Excel rồi thử lại.", "The file is damaged or not in the format it claims ({detail}): save it again from Word/Excel and retry."],
  pdfScanned: ["PDF này là bản quét (ảnh), không có lớp chữ: hãy dùng bản Word gốc hoặc nhận dạng chữ (OCR) trước khi nhập.", "This PDF is a scan (images) without a text layer: use the original Word file or run OCR before importing."],
  pdfEncrypted: ["PDF này được bảo vệ bằng mật khẩu: hãy mở bằng mật khẩu và lưu lại bản không mật khẩu.", "This PDF is password-protected: open it with the password and save a copy without one."],
  binaryText: ["Tệp văn bản chứa dữ liệu nhị phân, không phải chữ: hãy kiểm tra lại tệp.", "The text file contains binary data, not text: check the file."],
  zipBomb: ["Tệp nén chứa phần {part} bung ra quá lớn ({size} MB, gấp {ratio} lần): tệp hỏng hoặc cố ý gây treo máy nên không đọc. Hãy lưu lại tệp từ Word/Excel.", "The archive's part {part} inflates too far ({size} MB, {ratio} times): the file is damaged or hostile and was not read. Save it again from Word/Excel."],
  tableTooLarge: ["{where} quá lớn ({count} {unit}, tối đa {limit}): tệp hỏng hoặc không phải phụ lục. Hãy kiểm tra ô gộp (gridSpan/vMerge) hoặc tách bảng ra.", "{whereEn} is too large ({count} {unitEn}, at most {limit}): the file is damaged or not an appendix. Check its merged cells (gridSpan/vMerge) or split the table."],
  mergeTooLarge: ["Trang \"{sheet}\" có vùng gộp ô {range} quá lớn ({count} ô, tối đa {limit}): hãy bỏ gộp ô (Merge & Center › Unmerge) rồi lưu lại.", "Sheet \"{sheet}\" has a merged range {range} that is too large ({count} cells, at most {limit}): unmerge it (Merge & Center › Unmerge) and save again."],
  encoding: ["Lỗi bảng mã ở dòng {line}: {problem}. Hãy mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8.", "Encoding problem on line {line}: {problemEn}. Open the file in an editor and save it again as UTF-8."],
  legacyDoc: ["Đây là tệp Word đời cũ (.doc) hoặc tệp có mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có, chọn Tệp › Lưu thành › Tài liệu Word (*.docx) rồi nhập tệp .docx đó.", "This is an old Word file (.doc) or a password-protected one: open it in Word, remove any password, choose File › Save As › Word Document (*.docx) and import that .docx."],
  legacyXls: ["Đây là tệp Excel đời cũ (.xls) hoặc tệp có mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có, chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx) rồi nhập tệp .xlsx đó.", "This is an old Excel file (.xls) or a password-protected one: open it in Excel, remove any password, choose File › Save As › Excel Workbook (*.xlsx) and import that .xlsx."],
  damagedDocx: ["Tệp Word bị hỏng: thiếu phần {part}. Hãy mở bằng Word (Word có thể sửa tệp) và lưu lại thành .docx.", "The Word file is damaged: its {part} part is missing. Open it in Word (Word can repair it) and save it again as .docx."],
  damagedXlsx: ["Tệp Excel bị hỏng: thiếu phần {part}. Hãy mở bằng Excel (Excel có thể sửa tệp) và lưu lại thành .xlsx.", "The Excel file is damaged: its {part} part is missing. Open it in Excel (Excel can repair it) and save it again as .xlsx."],
  pictureNeedsOcr: ["Đây là ảnh chụp/quét một trang ({format}): chỉ đọc được khi có nhận dạng chữ (OCR). Hãy nhập bằng Chỉ tiêu trong Excel hoặc lệnh chitieu import.", "This is a photographed or scanned page ({format}): it can only be read with text recognition (OCR). Import it with the Chỉ tiêu pane in Excel or the chitieu import command."],
  scanCancelled: ["Đã dừng nhận dạng bản quét; chưa nhập gì.", "Reading the scan was cancelled; nothing was imported."],
  scanNoTable: ["Không tìm thấy bảng kẻ ô nào trong bản quét ({pages}): hãy quét lại rõ hơn (thẳng trang, 200–300 dpi) hoặc dùng bản Word gốc.", "No ruled table was found in the scan ({pages}): scan it again more clearly (straight, 200–300 dpi) or use the original Word file."],
  noTable: ["Không tìm thấy bảng phụ lục hay chỉ tiêu nào trong tệp.", "No appendix table or target was found in the file."],
} as const;

export type ImportErrorCode = keyof typeof IMPORT_ERRORS;

/** A file that cannot be read, with a stable code (`file.empty`, `pdf.scanned`…) and both messages. */
export class ImportFileError extends Error {
  readonly code: string;
  readonly messageVi: string;
  readonly messageEn: string;

  constructor(kind: ImportErrorCode, params: Record<string, string | number> = {}) {
    const fill = (s: string): string => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
    const [vi, en] = IMPORT_ERRORS[kind];
    super(fill(en));
    this.code = ERROR_CODES[kind];
    this.messageVi = fill(vi);
    this.messageEn = fill(en);
  }
}

const ERROR_CODES: Record<ImportErrorCode, string> = {
  empty: "file.empty",
  tooLarge: "file.tooLarge",
  unsupported: "file.unsupported",
  legacyOffice: "file.legacyOrEncrypted",
  corrupt: "file.corrupt",
  pdfScanned: "pdf.scanned",
  pdfEncrypted: "pdf.encrypted",
  binaryText: "text.binary",
  noTable: "document.noTable",
  pictureNeedsOcr: "picture.needsOcr",
  scanCancelled: "scan.cancelled",
  scanNoTable: "scan.noTable",
  zipBomb: "file.inflatesTooFar",
  tableTooLarge: "table.tooLarge",
  mergeTooLarge: "sheet.mergeTooLarge",
  encoding: "text.encoding",
  legacyDoc: "file.legacyDoc",
  legacyXls: "file.legacyXls",
  damagedDocx: "docx.damaged",
  damagedXlsx: "xlsx.damaged",
};
