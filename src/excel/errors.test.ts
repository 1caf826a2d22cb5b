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

  it("keeps the first line of an unknown error and says the workbook is unchanged only after a rollback", () => {
    const rolledBack = explainError(new WriteError(new Error("Something odd\nstack"), null));
    expect(rolledBack.message).toBe("Excel báo lỗi: Something odd. Sổ tính được giữ nguyên như trước. Hãy thử lại.");
    expect(rolledBack.code).toBe("unknown");
    expect(explainError(new Error("Something odd"), { readOnly: true }).message).toBe("Excel báo lỗi: Something odd. Sổ tính không bị thay đổi. Hãy thử lại.");
  });

  it("never claims an unchanged workbook after a failure it could not roll back", () => {
    // A step that wrote without a rollback (e.g. an older highlight that added its column first).
    expect(explainError(new Error("Something odd")).message).not.toMatch(/giữ nguyên|không bị thay đổi/);
    const failedCleanup = explainError(new WriteError(new StandInError("GeneralException", "x"), new Error("cleanup"), { vi: "các trang tính đã ghi dở (Chỉ tiêu) có thể vẫn còn; hãy xoá chúng", en: "the partly written sheets (Chỉ tiêu) may remain; delete them" }));
    expect(failedCleanup.message).not.toMatch(/giữ nguyên/);
    expect(failedCleanup.message).toContain("Phần chưa hoàn tác được: các trang tính đã ghi dở (Chỉ tiêu) có thể vẫn còn; hãy xoá chúng.");
    expect(failedCleanup.messageEn).toContain("Not undone: the partly written sheets (Chỉ tiêu) may remain");
    expect(explainError(new WriteError(new StandInError("AccessDenied", "x"), new Error("cleanup"))).message).toMatch(/không hoàn tác được/);
  });
});
