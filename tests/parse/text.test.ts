import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repairText } from "../../src/core/parse/text";

const SEEDS = join(__dirname, "../fixtures/seeds");
const seed = (file: string): string => readFileSync(join(SEEDS, file), "utf8");

describe("repairText on the seeds", () => {
  it("leaves the clean seeds 000 and 002 untouched", () => {
    for (const file of ["000-bac-giang-nq02-2025.txt", "002-pci-minh-bach-2023.txt"]) {
      const text = seed(file);
      expect(repairText(text)).toEqual({ text, repairs: [] });
    }
  });

  it("composes the decomposed seed 003 to NFC and records it", () => {
    const raw = seed("003-cong-nghiep-2021-2030.txt");
    const r = repairText(raw);
    expect(r.text).toBe(raw.normalize("NFC"));
    expect(r.repairs).toEqual([{ kind: "nfc", from: "NFD", to: "NFC", count: expect.any(Number) }]);
    expect(r.repairs[0]?.count).toBeGreaterThan(100);
    expect(r.text).toContain("đạt khoảng 19%/năm");
  });

  it("maps the old font's 'ð' to 'Đ' and 'ñ' to 'đ' in seed 001, 16 and 93 times", () => {
    const r = repairText(seed("001-binh-duong-nq02-2025-old-font.txt"));
    expect(r.repairs).toEqual([
      { kind: "oldFont", from: "ð", to: "Đ", count: 16 },
      { kind: "oldFont", from: "ñ", to: "đ", count: 93 },
    ]);
    expect(r.text).not.toMatch(/[ðñ]/u);
    expect(r.text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(r.text).toContain("Sở Kế hoạch và Đầu tư");
    expect(r.text).toContain("10/TTr-SKHĐT");
    expect(r.text).toContain("trên địa bàn tỉnh");
  });

  it("restores the lost glyphs of seed 004 and counts each repair", () => {
    const r = repairText(seed("004-pii-2024.txt"));
    expect(r.repairs).toEqual([
      { kind: "lostGlyph", from: "Ch", to: "Chỉ", count: 21 },
      { kind: "lostGlyph", from: "ch", to: "chỉ", count: 19 },
      { kind: "lostGlyph", from: "tnh", to: "tỉnh", count: 26 },
      { kind: "lostGlyph", from: "Tnh", to: "Tỉnh", count: 3 },
      { kind: "lostGlyph", from: "t", to: "tỉ", count: 4 },
      { kind: "lostGlyph", from: "B\uFFFDc", to: "Bắc", count: 10 },
      { kind: "lostGlyph", from: "g\uFFFDn", to: "gắn", count: 1 },
      { kind: "lostGlyph", from: "T\uFFFDCH", to: "TỊCH", count: 2 },
    ]);
    expect(r.text).not.toContain("\uFFFD");
    expect(r.text).toContain("Trên cơ sở phân tích kết quả Chỉ số đổi mới sáng tạo tỉnh Bắc Giang năm");
    expect(r.text).toContain("PHÓ CHỦ TỊCH");
    expect(r.text).toContain("nâng cao tỉ lệ doanh nghiệp");
    expect(r.text).toContain("gắn với việc thực hiện");
    expect(r.text).toContain("Tỉnh ủy");
  });

  it("leaves no broken word behind in seed 004", () => {
    const { text } = repairText(seed("004-pii-2024.txt"));
    expect(text.match(/(?<![\p{L}\p{M}])(?:[Cc]h|[Tt]|[Tt]nh)(?![\p{L}\p{M}])/gu) ?? []).toEqual([]);
  });
});

