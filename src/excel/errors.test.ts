import { StandInError } from "../../tests/support/excel-standin";
import { explainError, OperationError } from "./errors";
import { WriteError } from "./write";

describe("explainError", () => {
  it("says what to do next, in Vietnamese, for a request that is too large", () => {
    const e = explainError(new StandInError("RequestPayloadSizeLimitExceeded", "too big"));
    expect(e).toBeInstanceOf(OperationError);
    expect(e.message).toMatch(/^Dữ liệu quá lớn .* chia phụ lục/);
    expect(e.messageEn).toMatch(/Split the appendix/);
  });

  it.each([
    ["ApiNotFound", /^Phiên bản Excel này thiếu một chức năng/, /Update Office/],
    ["ResponsePayloadSizeLimitExceeded", /^Dữ liệu Excel trả về quá lớn/, /5 MB limit/],
    ["InvalidArgument", /^Excel không nhận dữ liệu Chỉ tiêu gửi tới/, /did not accept/],
    ["InvalidOperationInCellEditMode", /^Một ô đang được sửa\. Hãy nhấn Enter hoặc Esc/, /Press Enter or Esc/],
  ])("explains %s in plain Vietnamese and English, never with Excel's raw text", (code, vi, en) => {
    const e = explainError(new StandInError(code, "RAW EXCEL TEXT"));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(vi);
    expect(e.messageEn).toMatch(en);
    expect(`${e.message} ${e.messageEn}`).not.toContain("RAW EXCEL TEXT");
  });

  it("looks through a WriteError to the Office error inside", () => {
    const e = explainError(new WriteError(new StandInError("AccessDenied", "read-only"), null));
    expect(e.code).toBe("AccessDenied");
    expect(e.message).toMatch(/chỉ đọc/);
  });

  it("keeps the first line of an unknown error and says the workbook was left as it was", () => {
    const e = explainError(new Error("Something odd\nstack"));
    expect(e.message).toBe("Excel báo lỗi: Something odd. Sổ tính được giữ nguyên như trước; hãy thử lại.");
    expect(e.code).toBe("unknown");
  });
});
