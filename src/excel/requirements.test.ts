import { checkOfficeRequirements, checkRequirements, REQUIREMENTS } from "./requirements";

describe("checkRequirements", () => {
  it("passes when every ExcelApi set the adapter uses is supported", () => {
    expect(checkRequirements(() => true)).toEqual({ ok: true });
  });

  it("lists every set it asks about, up to 1.9 (copyFrom)", () => {
    const asked: string[] = [];
    checkRequirements((name, version) => {
      asked.push(`${name} ${version}`);
      return true;
    });
    expect(asked).toEqual(["ExcelApi 1.1", "ExcelApi 1.2", "ExcelApi 1.4", "ExcelApi 1.6", "ExcelApi 1.7", "ExcelApi 1.8", "ExcelApi 1.9"]);
    expect(REQUIREMENTS.map((r) => r.version)).toEqual(["1.1", "1.2", "1.4", "1.6", "1.7", "1.8", "1.9"]);
  });

  it("tells the user plainly, in Vietnamese, that an Excel without conditional formats (1.6) is too old", () => {
    const check = checkRequirements((_n, v) => Number(v.split(".")[1]) < 6);
    if (check.ok) throw new Error("expected a refusal");
    expect(check.missing.map((m) => m.version)).toEqual(["1.6", "1.7", "1.8", "1.9"]);
    expect(check.message).toMatch(/^Phiên bản Excel này quá cũ để dùng Chỉ tiêu \(cần ExcelApi 1\.9 trở lên; còn thiếu: tô màu theo trạng thái;/);
    expect(check.message).toContain("Excel trên web");
    expect(check.messageEn).toContain("too old");
  });

  it("asks the running Office host", () => {
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: (_n: string, v: string) => v !== "1.8" } } };
    try {
      const check = checkOfficeRequirements();
      expect(check.ok ? [] : check.missing.map((m) => m.version)).toEqual(["1.8"]);
    } finally {
      delete g.Office;
    }
  });
});
