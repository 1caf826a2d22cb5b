import { argb, rgbHex } from "./colour";

describe("argb", () => {
  it("accepts 8-digit upper-case ARGB hex as SpreadsheetML stores it", () => {
    expect(argb("FF9C0006")).toBe("FF9C0006");
  });

  it.each(["#9C0006", "9C0006", "ff9c0006", "FF9C00067"])("refuses %s, which Excel would read as black", (bad) => {
    expect(() => argb(bad)).toThrow(/ARGB/);
  });

  it("gives Office.js the #RRGGBB form", () => {
    expect(rgbHex(argb("FF1F6FB2"))).toBe("#1F6FB2");
  });
});
