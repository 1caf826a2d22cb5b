import fc from "fast-check";
import { formFileNames, formsPackageName, slugify } from ".";

describe("slugify", () => {
  it("folds Vietnamese letters, including đ, to plain ASCII", () => {
    expect(slugify("Sở Kế hoạch và Đầu tư")).toBe("so-ke-hoach-va-dau-tu");
    expect(slugify("Đài Phát thanh và Truyền hình tỉnh")).toBe("dai-phat-thanh-va-truyen-hinh-tinh");
  });

  it("turns punctuation and & into separators without doubling dashes", () => {
    expect(slugify("Sở Văn hóa, Thể thao và Du lịch")).toBe("so-van-hoa-the-thao-va-du-lich");
    expect(slugify("Sở TT&TT")).toBe("so-tt-va-tt");
  });

  it("never returns an empty name", () => {
    expect(slugify("—")).toBe("don-vi");
  });
});

describe("formFileNames", () => {
  it("names each form after its period and agency, suffixing names that collide", () => {
    expect(formFileNames([
      { agency: "Sở Tư pháp", periodId: "2023-H1" },
      { agency: "Sở Tư Pháp", periodId: "2023-H1" },
    ])).toEqual(["bao-cao-2023-h1-so-tu-phap.xlsx", "bao-cao-2023-h1-so-tu-phap-2.xlsx"]);
  });

  it("gives \"UBND xã Tân Ân\", \"UBND xã Tân An 2\" and \"UBND xã Tân An\" three different files", () => {
    const names = formFileNames([
      { agency: "UBND xã Tân Ân", periodId: "2023" },
      { agency: "UBND xã Tân An 2", periodId: "2023" },
      { agency: "UBND xã Tân An", periodId: "2023" },
    ]);
    expect(names[1]).toBe("bao-cao-2023-ubnd-xa-tan-an-2.xlsx");
    expect(new Set(names).size).toBe(3);
  });

  it("never gives two agencies names Windows would take for one file, and only letters, digits and dashes", () => {
    const agency = fc.stringMatching(/^(UBND xã |Sở )?(Tân|Ân|An|TÂN|an)( [0-9]{1,2})?( [23])?$/);
    fc.assert(fc.property(fc.uniqueArray(agency, { maxLength: 12 }), (agencies) => {
      const names = formFileNames(agencies.map((a) => ({ agency: a, periodId: "2023-H1" })));
      expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[a-z0-9-]{1,120}\.xlsx$/);
    }), { numRuns: 300 });
  });
});

describe("formsPackageName", () => {
  it("names the zip of a round's forms after its period, in ASCII", () => {
    expect(formsPackageName("2023-H1")).toBe("bieu-mau-bao-cao-2023-h1.zip");
    expect(formsPackageName("2025")).toBe("bieu-mau-bao-cao-2025.zip");
  });
});
