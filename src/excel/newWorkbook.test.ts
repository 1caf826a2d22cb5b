import { StandInError } from "../../tests/support/excel-standin";
import { openAsNewWorkbook, toBase64 } from "./newWorkbook";

describe("openAsNewWorkbook", () => {
  it("hands Excel the file as base64, the form Excel.createWorkbook takes", async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const create = jest.fn(async (_b: string) => undefined);
    await openAsNewWorkbook(bytes, create);
    expect(Buffer.from(create.mock.calls[0]?.[0] ?? "", "base64").equals(Buffer.from(bytes))).toBe(true);
    expect(toBase64(new Uint8Array([0x50, 0x4b, 0x03]))).toBe("UEsD");
  });

  it("explains a refusal plainly, and says the open workbook was not changed", async () => {
    const create = async () => Promise.reject(new StandInError("ApiNotFound", "raw"));
    await expect(openAsNewWorkbook(new Uint8Array([1]), create)).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringMatching(/thiếu một chức năng.*Sổ tính không bị thay đổi/) });
  });
});
