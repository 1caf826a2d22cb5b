import fc from "fast-check";
import { repairText } from ".";

describe("repairText rules", () => {
  it.each([
    ["Ch số PII", "Chỉ số PII"],
    ["các ch tiêu", "các chỉ tiêu"],
    ["văn bản ch đạo", "văn bản chỉ đạo"],
    ["Ch đạo các doanh nghiệp", "Chỉ đạo các doanh nghiệp"],
    ["UBND tnh", "UBND tỉnh"],
    ["Tnh ủy", "Tỉnh ủy"],
    ["t lệ học sinh", "tỉ lệ học sinh"],
    ["B\uFFFDc Giang", "Bắc Giang"],
    ["g\uFFFDn với", "gắn với"],
    ["CHỦ T\uFFFDCH", "CHỦ TỊCH"],
    ["Chủ t\uFFFDch UBND", "Chủ tịch UBND"],
    ["ñịa bàn", "địa bàn"],
    ["ðộc lập", "Độc lập"],
  ])("repairs '%s' to '%s'", (from, to) => {
    expect(repairText(from).text).toBe(to);
  });

  it.each([
    "PHÂN T\uFFFDCH",
    "chính sách",
    "Chương trình",
    "tính toán",
    "tỉnh Bắc Giang",
    "ch 5",
    "t lệnh",
    "Reykjavík, Guð",
    "Mã ch-01",
    "Ch. 3",
  ])("leaves '%s' alone", (text) => {
    expect(repairText(text)).toEqual({ text, repairs: [] });
  });

  it("repairs 'ch' before the next word across a line break", () => {
    expect(repairText("nêu trong Kế hoạch này ch \nđạo").text).toBe("nêu trong Kế hoạch này chỉ \nđạo");
  });
});

describe("properties", () => {
  it("never throws, always returns NFC text and counts that add up to positive integers", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (s) => {
        const r = repairText(s);
        expect(r.text).toBe(r.text.normalize("NFC"));
        for (const rep of r.repairs) expect(Number.isInteger(rep.count) && rep.count > 0).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it("is idempotent: repairing repaired text changes nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("Ch", "số", "tnh", "B\uFFFDc", "Giang", "ñịa", "ð", "t", "lệ", "e\u0301", " ", "\n", "CHỦ", "T\uFFFDCH"), { maxLength: 10 }), (parts) => {
        const once = repairText(parts.join(" "));
        expect(repairText(once.text)).toEqual({ text: once.text, repairs: [] });
      }),
    );
  });

  it("changes nothing in text free of broken forms", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (s) => {
        fc.pre(!/(?:^|[^A-Za-z0-9])(?:ch|Ch|CH|t|T|tnh|Tnh|chnh|Chnh|thnh|Thnh)(?![A-Za-z0-9])/.test(s));
        expect(repairText(s)).toEqual({ text: s, repairs: [] });
      }),
    );
  });
});
