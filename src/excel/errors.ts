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
    "Sổ tính đang ở chế độ chỉ đọc, hoặc trang tính cần ghi đang được bảo vệ. Hãy bật chỉnh sửa, bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
    "The workbook is read-only, or the sheet to write is protected. Enable editing, unprotect the sheet (Review › Unprotect Sheet), then try again.",
  ],
};

/** An in-place update whose write request failed: Excel applies a request up to the failing step and never undoes it. */
function isPartialUpdate(e: unknown): boolean {
  return typeof e === "object" && e !== null && "partialUpdate" in e && (e as { partialUpdate: unknown }).partialUpdate === true;
}

/** Requests of a partial update Excel had applied before the one that failed. */
function requestsDone(e: unknown): number {
  return typeof e === "object" && e !== null && "requestsDone" in e && typeof (e as { requestsDone: unknown }).requestsDone === "number" ? (e as { requestsDone: number }).requestsDone : 0;
}

/** Codes Excel raises before it applies anything of a request: the whole request was refused. */
const REFUSED_WHOLE = new Set(["RequestPayloadSizeLimitExceeded"]);

/** What became of the workbook, as far as this error tells. */
function outcome(e: unknown, readOnly: boolean, code: string): [string, string] {
  if (isPartialUpdate(e)) {
    if (REFUSED_WHOLE.has(code) && requestsDone(e) === 0) return [" Excel không nhận yêu cầu ghi nên không ô nào bị thay đổi.", " Excel refused the write request, so no cell was changed."];
    const again = EXPLAIN[code] ? ["", ""] : [" Hãy chạy lại thao tác để hoàn tất (ghi lại cho đủ các ô còn thiếu).", " Run it again to finish (it writes the missing cells)."];
    return [
      ` Một phần ô của Chỉ tiêu có thể đã được ghi, phần còn lại chưa; sheet, cột và công thức của bạn không bị thay đổi.${again[0]}`,
      ` Some of Chỉ tiêu's cells may have been written, others not; your sheets, columns and formulas were not changed.${again[1]}`,
    ];
  }
  const write = typeof e === "object" && e !== null && "cleanupError" in e ? (e as { cleanupError: unknown; left?: { vi: string; en: string } | null }) : null;
  if (write?.left) return [` Phần chưa hoàn tác được: ${write.left.vi}.`, ` Not undone: ${write.left.en}.`];
  if (write && write.cleanupError == null) return [" Sổ tính được giữ nguyên như trước.", " The workbook was left as it was."];
  if (write) return [" Chỉ tiêu không hoàn tác được phần đã ghi: hãy kiểm tra sổ tính.", " Chỉ tiêu could not undo what it had written: check the workbook."];
  if (readOnly) return [" Sổ tính không bị thay đổi.", " The workbook was not changed."];
  // Excel applies a batch up to the failing step: without a clean-up we cannot promise nothing changed.
  return [" Một phần có thể đã được ghi vào sổ tính; hãy kiểm tra.", " Part of it may have been written to the workbook; please check."];
}

/**
 * Turns anything an operation threw into a plain sentence: what happened, what
 * to do, and what became of the workbook — "unchanged" only when a write was
 * rolled back (a WriteError without `cleanupError`) or nothing was written.
 *
 * @example
 * explainError({ code: "AccessDenied", message: "…" }).message // "Sổ tính đang ở chế độ chỉ đọc…"
 */
export function explainError(e: unknown, options: { readOnly?: boolean } = {}): OperationError {
  if (e instanceof OperationError) return e;
  const inner = typeof e === "object" && e !== null && "reason" in e ? (e as { reason: unknown }).reason : e;
  const code = typeof inner === "object" && inner !== null && "code" in inner ? String((inner as { code: unknown }).code) : "";
  const detail = inner instanceof Error ? inner.message : String(inner);
  const [vi, en] = outcome(e, options.readOnly ?? false, code);
  const known = EXPLAIN[code];
  if (known) return new OperationError(known[0] + vi, known[1] + en, code);
  const line = (detail.split("\n")[0] ?? "").replace(/[.\s]+$/, "");
  // A partial update already says what to do (run it again); a plain "try again" would repeat it.
  const retry = isPartialUpdate(e) ? ["", ""] : [" Hãy thử lại.", " Please try again."];
  return new OperationError(`Excel báo lỗi: ${line}.${vi}${retry[0]}`, `Excel reported an error: ${line}.${en}${retry[1]}`, code || "unknown");
}
