import { assembleLine } from "./line";
import type { Glyph } from "./grid";

/** One glyph per character, 5 units wide at size 10 (the tests' advance), from x on baseline 100. */
function run(text: string, x: number, width = 5): Glyph[] {
  return [...text].map((ch, i) => ({ str: ch, x: x + i * width, y: 100, w: width, size: 10 }));
}

describe("assembleLine", () => {
  it("puts letters a fallback font draws after the line into the holes left for them", () => {
    // LibreOffice with a Times-like font: "Trên ho_c b_ng" in one run, then "ặ" and "ằ" from the fallback font.
    const main = [...run("Trên ho", 0), ...run("c b", 40), ...run("ng", 60)];
    const line = assembleLine([...main, ...run("ặ", 35), ...run("ằ", 55)]);
    expect(line.text).toBe("Trên hoặc bằng");
    expect(line.repairs.joinedRuns).toBeGreaterThan(0);
    expect(line.drawn).toBe("Trên ho c b ng ặ ằ");
  });

  it("puts a space only at a gap, not where one run ends and the next begins", () => {
    const line = assembleLine([...run("Sở Kế", 0), ...run("hoạch", 25), ...run("và", 55)]);
    expect(line.text).toBe("Sở Kếhoạch và");
  });

  it("drops a space glyph that a letter of another run covers, but keeps a real space", () => {
    const line = assembleLine([...run("Tiếp c n tài", 0), ...run("ậ", 30)]);
    expect(line.text).toBe("Tiếp cận tài");
  });

  it("keeps a glyph drawn twice on the same spot (fake bold) once", () => {
    const line = assembleLine([...run("STT", 0), ...run("STT", 0.3)]);
    expect(line.text).toBe("STT");
    expect(line.repairs.joinedRuns).toBe(3);
  });

  it("attaches a combining mark to the letter under it and composes it (NFC)", () => {
    // A maker that draws "bng", then "a" in its hole, then a breve and a dot below (zero width) over the "a".
    const glyphs = [...run("bng", 0), { str: "a", x: 5, y: 100, w: 5, size: 10 }, { str: "\u0306", x: 6, y: 100, w: 0, size: 10 }, { str: "\u0323", x: 6.5, y: 100, w: 0, size: 10 }];
    glyphs[1] = { ...glyphs[1]!, x: 10 };
    glyphs[2] = { ...glyphs[2]!, x: 15 };
    const line = assembleLine(glyphs);
    expect(line.text).toBe("bặng");
    expect(line.text).toHaveLength(4);
    expect(line.repairs.attachedMarks).toBe(2);
  });

  it("reports no change for a line drawn in reading order with its marks after their letters", () => {
    const glyphs = [...run("ha", 0), { str: "\u0323", x: 9, y: 100, w: 0, size: 10 }, ...run("y", 10)];
    const line = assembleLine(glyphs);
    expect(line.text).toBe("hạy");
    expect(line.drawn).toBeNull();
    expect(line.repairs.attachedMarks).toBe(1);
  });

  it("spaces words set without space glyphs (a gap wider than a fifth of the size)", () => {
    expect(assembleLine([...run("Cục", 0), ...run("Thuế", 18)]).text).toBe("Cục Thuế");
  });
});
