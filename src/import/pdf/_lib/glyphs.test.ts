import { pageGlyphs } from "./glyphs";
import type { FontInfo } from "./glyphs";

/** pdfjs's operator numbers (pdfjs-dist 3.11 `OPS`), the ones the interpreter reads. */
const OPS: Record<string, number> = { save: 10, restore: 11, transform: 12, beginText: 31, setCharSpacing: 33, setWordSpacing: 34, setHScale: 35, setLeading: 36, setFont: 37, setTextRise: 39, moveText: 40, setLeadingMoveText: 41, setTextMatrix: 42, nextLine: 43, showText: 44, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75 };

const fonts: Record<string, FontInfo> = { F1: { fontMatrix: [0.001, 0, 0, 0.001, 0, 0] }, F2: { fontMatrix: [0.001, 0, 0, 0.001, 0, 0] } };
const g = (unicode: string, width = 500): { unicode: string; width: number; isSpace: boolean } => ({ unicode, width, isSpace: unicode === " " });

function glyphsOf(ops: [string, unknown[] | null][]): { str: string; x: number; y: number; w: number }[] {
  return pageGlyphs(ops.map(([op]) => OPS[op]!), ops.map(([, args]) => args), OPS, (name) => fonts[name] ?? null).map(({ str, x, y, w }) => ({ str, x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100, w: Math.round(w * 100) / 100 }));
}

describe("pageGlyphs", () => {
  it("places each glyph by its advance and the TJ adjustments, in page space", () => {
    const out = glyphsOf([
      ["beginText", null],
      ["setFont", ["F1", 10]],
      ["moveText", [50, 700]],
      ["showText", [[g("h"), g("o"), -700, g("c")]]],
    ]);
    // 500/1000 × 10 = 5 per glyph; −700 moves 7 to the right.
    expect(out).toEqual([{ str: "h", x: 50, y: 700, w: 5 }, { str: "o", x: 55, y: 700, w: 5 }, { str: "c", x: 67, y: 700, w: 5 }]);
  });

  it("places a fallback font's glyphs, drawn after the line, where their text matrix puts them", () => {
    const out = glyphsOf([
      ["beginText", null],
      ["setFont", ["F1", 10]],
      ["moveText", [50, 700]],
      ["showText", [[g("o"), -700, g("c")]]],
      ["setTextMatrix", [1, 0, 0, 1, 55, 700]],
      ["setFont", ["F2", 10]],
      ["showText", [[g("ặ", 700)]]],
    ]);
    expect(out.map((o) => [o.str, o.x])).toEqual([["o", 50], ["c", 62], ["ặ", 55]]);
  });

  it("applies character and word spacing, horizontal scaling, leading and the current transformation", () => {
    const out = glyphsOf([
      ["save", null],
      ["transform", [2, 0, 0, 2, 10, 20]],
      ["beginText", null],
      ["setFont", ["F1", 10]],
      ["setCharSpacing", [1]],
      ["setWordSpacing", [3]],
      ["setHScale", [50]],
      ["setLeadingMoveText", [0, -12]],
      ["showText", [[g("a"), g(" ", 250), g("b")]]],
      ["nextLine", null],
      ["showText", [[g("c")]]],
      ["restore", null],
    ]);
    // a at 0; advance (5 + 1) × 0.5 = 3; space (2.5 + 1 + 3) × 0.5 = 3.25; all doubled by the CTM and moved by (10, 20).
    expect(out).toEqual([
      { str: "a", x: 10, y: -4, w: 5 },
      { str: " ", x: 16, y: -4, w: 2.5 },
      { str: "b", x: 22.5, y: -4, w: 5 },
      { str: "c", x: 10, y: -28, w: 5 },
    ]);
  });

  it("spells out ligatures as a viewer's copy does", () => {
    expect(glyphsOf([["beginText", null], ["setFont", ["F1", 10]], ["showText", [[g("ﬁ")]]]])[0]!.str).toBe("fi");
  });
});
