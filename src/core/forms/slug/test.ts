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
});

describe("formsPackageName", () => {
  it("names the zip of a round's forms after its period, in ASCII", () => {
    expect(formsPackageName("2023-H1")).toBe("bieu-mau-bao-cao-2023-h1.zip");
    expect(formsPackageName("2025")).toBe("bieu-mau-bao-cao-2025.zip");
  });
});
