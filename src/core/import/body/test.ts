import { extractBodyTargets } from ".";

const TEXT = [
  "I. MỤC ĐÍCH, YÊU CẦU",
  "(1) Không phải mục tiêu đạt trên 50%.",
  "II. MỤC TIÊU",
  "(1) Tỷ lệ lao động qua đào tạo đạt trên 90%, trong đó, tỷ lệ có bằng cấp đạt trên",
  "40%.",
  "(2) Nâng tỷ trọng đóng góp vào ngân sách từ 30,9% năm 2020 lên 36% vào năm 2030.",
  "(3) Hoàn thiện thể chế.",
  "III. NỘI DUNG",
  "(4) Đạt trên 99% ở phần sau.",
].join("\n");

describe("extractBodyTargets", () => {
  const a = extractBodyTargets(TEXT, { planYear: 2021 });

  it("reads only the numbered items of the 'MỤC TIÊU' section, one indicator per target", () => {
    expect(a.kind).toBe("body");
    expect(a.indicators.map((i) => i.code)).toEqual(["1.1", "1.2", "2"]);
  });

  it("names each target by the words before it, without the joining 'trong đó' and verb", () => {
    expect(a.indicators.map((i) => i.name)).toEqual(["Tỷ lệ lao động qua đào tạo", "tỷ lệ có bằng cấp", "Nâng tỷ trọng đóng góp vào ngân sách"]);
  });

  it("keeps the baseline stated in the sentence", () => {
    expect(a.indicators[2]?.baseline).toMatchObject({ value: 30.9, year: 2020 });
    expect(a.indicators[2]?.target).toMatchObject({ value: 36, year: 2030 });
  });

  it("gives no agencies and keys under the body appendix", () => {
    expect(a.indicators.every((i) => i.lead.length === 0 && i.key.startsWith("ND/"))).toBe(true);
  });

  it("returns an empty body appendix when the text has no targets section", () => {
    expect(extractBodyTargets("I. MỤC ĐÍCH\nNội dung").indicators).toEqual([]);
  });
});
