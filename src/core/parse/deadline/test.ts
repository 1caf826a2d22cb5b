import fc from "fast-check";
import { parseDeadline } from ".";
import { DeadlineSchema } from "../../model";

describe("parseDeadline", () => {
  it("takes a missing year from the plan and says so", () => {
    const d = parseDeadline("Quý II +III.", { planYear: 2024 });
    expect(d).toMatchObject({ kind: "quarters", year: 2024, start: "2024-04-01", end: "2024-09-30" });
    expect(d.note).toBeDefined();
  });

  it("keeps quarters without a year when the plan year is unknown", () => {
    expect(parseDeadline("Quý II +III.", { planYear: null })).toMatchObject({ kind: "quarters", year: null, quarters: [2, 3], start: null, end: null });
  });

  it("reads a quarter span 'Quý I - III/2024' as quarters 1 to 3", () => {
    expect(parseDeadline("Quý I - III/2024", { planYear: null })).toMatchObject({ quarters: [1, 2, 3], start: "2024-01-01", end: "2024-09-30" });
  });

  it("reads 'Năm 2024' as due by the end of 2024, covering the year", () => {
    expect(parseDeadline("Năm 2024", { planYear: null })).toMatchObject({ kind: "byDate", date: "2024-12-31", start: "2024-01-01", end: "2024-12-31" });
  });

  it("reads '2024-2025' as due by the end of 2025", () => {
    expect(parseDeadline("2024-2025", { planYear: null })).toMatchObject({ kind: "byDate", date: "2025-12-31", start: "2024-01-01" });
  });

  it("keeps an impossible date as text with a note", () => {
    expect(parseDeadline("Trước 31/2/2023", { planYear: null })).toMatchObject({ kind: "text", note: expect.stringContaining("không hợp lệ") });
  });

  it("keeps a date without year as text when the plan year is unknown", () => {
    expect(parseDeadline("Trước 30/11", { planYear: null })).toMatchObject({ kind: "text" });
  });

  it.each(["", "Sớm nhất có thể", "6 tháng đầu năm"])("keeps '%s' as free text", (raw) => {
    expect(parseDeadline(raw, { planYear: 2023 })).toEqual({ kind: "text", raw, start: null, end: null });
  });

  it("never throws and always returns a valid Deadline, whatever the text", () => {
    const words = fc.array(fc.constantFrom("Quý", "II", "+", "III", "/", "2023", "Trước", "30/11/2023", "tháng", "13", "năm", "Thường", "xuyên", "Hằng", ".", "\n", "0/0/0000"), { maxLength: 8 }).map((a) => a.join(" "));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), words), fc.option(fc.integer({ min: 1900, max: 2100 })), (s, planYear) => {
        expect(DeadlineSchema.safeParse(parseDeadline(s, { planYear })).success).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("parseDeadline on recurring rhythms", () => {
  it("reads 'Hằng quý' as ongoing through the plan, keeping the rhythm as its note", () => {
    const d = parseDeadline("Hằng quý", { planYear: 2025 });
    expect(d.kind).toBe("ongoing");
    expect(d.note).toBe("Hằng quý");
  });
  it("reads 'Định kỳ hàng tháng' as ongoing with the note 'hàng tháng'", () => {
    const d = parseDeadline("Định kỳ hàng tháng", { planYear: null });
    expect(d).toMatchObject({ kind: "ongoing", note: "hàng tháng" });
  });
});
