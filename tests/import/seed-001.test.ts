/**
 * Seed 001 (Bình Dương, NQ 02/2025) is written in an old font where "ð"
 * stands for "Đ" and "ñ" for "đ", and has no appendix table.
 */
import { importSeed, warningCodes } from "./support";

const result = importSeed("001-binh-duong-nq02-2025-old-font.txt");

describe("seed 001: old-font text without an appendix", () => {
  it("says clearly that no appendix table was found, and makes up no indicator", () => {
    expect(warningCodes(result)).toContain("document.noAppendix");
    expect(result.plan.appendices.filter((a) => a.kind !== "body")).toHaveLength(0);
    const w = result.warnings.find((x) => x.code === "document.noAppendix");
    expect(w?.message).toMatch(/Không tìm thấy bảng phụ lục/);
    expect(w?.messageEn).toMatch(/No appendix table/);
  });

  it("records the old-font repairs (ð → Đ, ñ → đ)", () => {
    const oldFont = result.repairs.filter((r) => r.kind === "oldFont");
    expect(oldFont.length).toBeGreaterThan(0);
    expect(oldFont.some((r) => r.from === "ð" && r.to === "Đ")).toBe(true);
    expect(oldFont.some((r) => r.from === "ñ" && r.to === "đ")).toBe(true);
  });

  it("reads the number, the full date and the issuer from the repaired header", () => {
    expect(result.plan.number).toBe("370/KH-UBND");
    expect(result.plan.date).toBe("2025-01-21");
    expect(result.plan.dateRaw).toBe("ngày 21 tháng 01 năm 2025");
    expect(result.plan.issuer).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG");
    expect(result.plan.period).toEqual({ from: 2025, to: 2025 });
    expect(result.plan.title).toMatch(/^Triển khai thực hiện Nghị quyết số 02\/NQ-CP/);
    expect(result.plan.title).not.toMatch(/[ðñ]/);
  });
});
