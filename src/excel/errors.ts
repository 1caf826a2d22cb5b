/**
 * Office errors in words a planner can act on. Office.js rejects with an
 * OfficeExtension.Error carrying a `code`; the stand-in and our own writer
 * use the same codes.
 */

export class OperationError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "OperationError";
  }
}

const EXPLAIN: Record<string, [string, string]> = {
  RequestPayloadSizeLimitExceeded: [
    "Dữ liệu quá lớn để Excel trên web nhận trong một lần. Hãy chia phụ lục thành nhiều tệp nhỏ hơn rồi nhập lần lượt.",
    "The data is too large for Excel on the web in one request. Split the appendix into smaller files and import them one by one.",
  ],
  ResponsePayloadSizeLimitExceeded: [
    "Dữ liệu Excel trả về quá lớn cho một lần đọc (giới hạn 5 MB của Excel trên web). Hãy xoá bớt các dòng hoặc cột không dùng trong bảng chỉ tiêu rồi thử lại.",
    "The data Excel returned is too large for one read (Excel on the web's 5 MB limit). Remove unused rows or columns from the indicator table and try again.",
  ],
  ApiNotFound: [
    "Phiên bản Excel này thiếu một chức năng Chỉ tiêu cần dùng. Hãy cập nhật Office (Tệp › Tài khoản › Tùy chọn cập nhật › Cập nhật ngay) hoặc dùng Excel trên web.",
    "This Excel lacks a feature Chỉ tiêu needs. Update Office (File › Account › Update Options › Update Now) or use Excel on the web.",
  ],
  InvalidArgument: [
    "Excel không nhận dữ liệu Chỉ tiêu gửi tới (có thể một ô quá dài, một tên không hợp lệ hoặc bảng đã bị sửa cấu trúc). Hãy kiểm tra bảng chỉ tiêu rồi thử lại.",
    "Excel did not accept the data Chỉ tiêu sent (a cell may be too long, a name invalid, or the table's structure changed). Check the indicator table and try again.",
  ],
  InvalidOperationInCellEditMode: [
    "Một ô đang được sửa. Hãy nhấn Enter hoặc Esc để thoát chế độ sửa ô rồi thử lại.",
    "A cell is being edited. Press Enter or Esc to leave cell editing, then try again.",
  ],
  ItemAlreadyExists: [
    "Trong sổ tính đã có một trang tính hoặc tên trùng. Hãy đổi tên trang tính đó rồi thử lại.",
    "The workbook already has a sheet or name with this name. Rename it and try again.",
  ],
  ItemNotFound: [
    "Không tìm thấy trang tính hoặc bảng cần dùng (có thể đã bị đổi tên hoặc xoá). Hãy nhập lại phụ lục.",
    "A sheet or table the add-in needs was not found (renamed or deleted?). Import the appendix again.",
  ],
  InvalidOperation: [
    "Excel không cho phép thao tác này lúc này (có thể sổ tính đang được bảo vệ hoặc một ô đang được sửa). Hãy thoát chế độ sửa ô, bỏ bảo vệ rồi thử lại.",
    "Excel refused the operation (the workbook may be protected or a cell is being edited). Leave cell editing, unprotect, and try again.",
  ],
  AccessDenied: [
    "Sổ tính đang ở chế độ chỉ đọc hoặc được bảo vệ. Hãy bật chỉnh sửa rồi thử lại.",
    "The workbook is read-only or protected. Enable editing and try again.",
  ],
};

/**
 * @example
 * explainError({ code: "AccessDenied", message: "…" }).message // "Sổ tính đang ở chế độ chỉ đọc…"
 */
export function explainError(e: unknown): OperationError {
  if (e instanceof OperationError) return e;
  const inner = typeof e === "object" && e !== null && "reason" in e ? (e as { reason: unknown }).reason : e;
  const code = typeof inner === "object" && inner !== null && "code" in inner ? String((inner as { code: unknown }).code) : "";
  const detail = inner instanceof Error ? inner.message : String(inner);
  const known = EXPLAIN[code];
  if (known) return new OperationError(known[0], known[1], code);
  return new OperationError(
    `Excel báo lỗi: ${detail.split("\n")[0] ?? ""}. Sổ tính được giữ nguyên như trước; hãy thử lại.`,
    `Excel reported an error: ${detail.split("\n")[0] ?? ""}. The workbook was left as it was; please try again.`,
    code || "unknown",
  );
}
