import fc from "fast-check";
import { findNumbers, formatNumberVi, parseNumber, parseRange } from ".";

describe("parseNumber", () => {
  it("reads leading zeros as in '05' and '04'", () => {
    expect(parseNumber("05")).toMatchObject({ ok: true, value: 5 });
    expect(parseNumber("04")).toMatchObject({ ok: true, value: 4 });
  });

  it("reads a lone ',' before three digits as decimal by default and says it is ambiguous", () => {
    const r = parseNumber("1,234");
    expect(r).toMatchObject({ ok: true, value: 1.234, ambiguous: true });
    expect(r.ok && r.note).toContain("1,234");
  });

  it("lets the caller decide the ambiguous case with the decimal option", () => {
    expect(parseNumber("1.000", { decimal: "." })).toMatchObject({ value: 1, ambiguous: true });
    expect(parseNumber("1,234", { decimal: "." })).toMatchObject({ value: 1234, ambiguous: true });
    expect(parseNumber("1.000", { decimal: "," })).toMatchObject({ value: 1000, ambiguous: true });
  });

  it("is not ambiguous when thousands grouping is impossible ('0.123', '1234.567')", () => {
    expect(parseNumber("0.123")).toMatchObject({ value: 0.123, ambiguous: false });
    expect(parseNumber("1234.567")).toMatchObject({ value: 1234.567, ambiguous: false });
  });

  it("reads both marks with the last one as decimal ('1.234,5' and '1,234.5')", () => {
    expect(parseNumber("1.234,5")).toMatchObject({ value: 1234.5, ambiguous: false });
    expect(parseNumber("1,234.5")).toMatchObject({ value: 1234.5, ambiguous: false });
  });

  it("reads signs, spaces before % and line breaks around the number", () => {
    expect(parseNumber("-3,5")).toMatchObject({ value: -3.5 });
    expect(parseNumber("\u22122")).toMatchObject({ value: -2 });
    expect(parseNumber(" 92,0 %\n")).toMatchObject({ value: 92, percent: true });
  });

  it.each(["", "abc", "6,35 điểm", "6.35.2", "1.23,4.5", "%", "04/63", "1,,2"])("refuses '%s' with a reason", (text) => {
    const r = parseNumber(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.length).toBeGreaterThan(0);
  });
});

describe("parseRange", () => {
  it.each([
    ["10 - 15%", 10, 15, true],
    ["từ 10 đến 15%", 10, 15, true],
    ["Từ 10 – 15 %", 10, 15, true],
    ["2 - 3", 2, 3, false],
  ])("reads '%s' as %p..%p", (text, min, max, percent) => {
    expect(parseRange(text)).toMatchObject({ ok: true, min, max, percent });
  });

  it("keeps a backwards range as written and notes it", () => {
    const r = parseRange("15 - 10");
    expect(r).toMatchObject({ ok: true, min: 15, max: 10 });
    expect(r.ok && r.notes.length).toBe(1);
  });

  it("refuses text that is not a range", () => {
    expect(parseRange("10")).toMatchObject({ ok: false });
  });
});

describe("findNumbers", () => {
  it("finds the numbers of a sentence with their positions", () => {
    const text = "đạt trên 67,23 điểm, xếp thứ hạng 04/63";
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual([67.23, 4, 63]);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.raw);
  });

  it("never takes the dash of a year span for a minus sign", () => {
    expect(findNumbers("giai đoạn 2021-2030").map((n) => n.value)).toEqual([2021, 2030]);
  });

});

describe("formatNumberVi", () => {
  it.each([
    [6.35, "6,35", {}],
    [2200000, "2.200.000", {}],
    [92, "92,0%", { decimals: 1, percent: true }],
    [-1234.5, "-1.234,5", {}],
    [0.0000001, "0,0000001", {}],
    [1e21, "1.000.000.000.000.000.000.000", {}],
    [-0.001, "0,0", { decimals: 1 }],
  ])("writes %p as '%s'", (value, text, opts) => {
    expect(formatNumberVi(value, opts)).toBe(text);
  });

  it("throws on misuse: NaN, infinity, bad decimals", () => {
    expect(() => formatNumberVi(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumberVi(Infinity)).toThrow(RangeError);
    expect(() => formatNumberVi(1, { decimals: 1.5 })).toThrow(RangeError);
  });
});

describe("properties", () => {
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[\d.,% -]{0,12}$/)), (s) => {
        parseNumber(s);
        parseRange(s);
        findNumbers(s);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives back any double after formatting it", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (x, percent) => {
        const r = parseNumber(formatNumberVi(x, { percent }));
        expect(r).toMatchObject({ ok: true, percent });
        expect(r.ok && r.value).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives back a value rounded to the decimals it was formatted with", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (n, decimals) => {
        const x = n / 10 ** decimals;
        const r = parseNumber(formatNumberVi(x, { decimals }));
        expect(r.ok && r.value).toBeCloseTo(x, decimals);
      }),
    );
  });
});
