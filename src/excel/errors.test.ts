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
