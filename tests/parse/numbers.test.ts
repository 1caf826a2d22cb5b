import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { findNumbers, parseNumber } from "../../src/core/parse/number";

const SEEDS = join(__dirname, "../fixtures/seeds");
const seedTexts = (): string[] => readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(SEEDS, f), "utf8").normalize("NFC"));

/**
 * Every number with a separator that occurs in the seeds (collected with
 * a script, section codes like "3.1" left out), with the value it stands for
 * read from its place in the document. `amb` marks the lone-"."-before-3-digits cases.
 */
const SEED_NUMBERS: Array<[string, number, boolean, boolean?]> = [
  // [text, value, percent, ambiguous]
  ["0.00", 0, false], ["1,00", 1, false], ["1.64", 1.64, false], ["12.76", 12.76, false], ["14.72", 14.72, false],
  ["17.07", 17.07, false], ["18.31", 18.31, false], ["18.79", 18.79, false], ["18.90", 18.9, false], ["2.43", 2.43, false],
  ["2.81", 2.81, false], ["20.0", 20, false], ["20.34", 20.34, false], ["21.05", 21.05, false], ["4.46", 4.46, false],
  ["46.75", 46.75, false], ["6.31", 6.31, false], ["7.57", 7.57, false], ["4.0", 4, false],
  ["3,33", 3.33, false], ["3,4", 3.4, false], ["3,40", 3.4, false], ["3,42", 3.42, false], ["3,50", 3.5, false],
  ["6,30", 6.3, false], ["6,35", 6.35, false], ["43,96", 43.96, false], ["66,21", 66.21, false], ["67,23", 67.23, false],
  ["69,32", 69.32, false], ["372,6", 372.6, false],
  ["13,93%", 13.93, true], ["20,0%", 20, true], ["21,0%", 21, true], ["21,19%", 21.19, true], ["21,49%", 21.49, true],
  ["23,08%", 23.08, true], ["28,21%", 28.21, true], ["30,51%", 30.51, true], ["30,9%", 30.9, true], ["32,20%", 32.2, true],
  ["33,05%", 33.05, true], ["33,5%", 33.5, true], ["33,88%", 33.88, true], ["35,0%", 35, true], ["38,0%", 38, true],
  ["43,59%", 43.59, true], ["47,1%", 47.1, true], ["50,0%", 50, true], ["50,6%", 50.6, true], ["53,2%", 53.2, true],
  ["55,15%", 55.15, true], ["57,0%", 57, true], ["58,4%", 58.4, true], ["76,92%", 76.92, true], ["77,2%", 77.2, true],
  ["79,66%", 79.66, true], ["80,00%", 80, true], ["82,0%", 82, true], ["83,0%", 83, true], ["92,0%", 92, true],
  ["2.200.000", 2200000, false],
  ["1.000", 1000, false, true], ["10.000", 10000, false, true], ["1.853", 1853, false, true], ["3.209", 3209, false, true],
  ["6.518", 6518, false, true], ["7.840", 7840, false, true],
];

/** Section and indicator codes ("1.1.1", "2.2.3") are not numbers. */
const SEED_CODES = ["1.1.1", "1.2.1", "2.1.2", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "3.1.1", "4.1.1", "4.2.1", "4.2.2", "5.2.2", "5.2.3", "6.1.1", "6.2.3", "6.3.3", "7.1.2"];

describe("numbers of the seeds", () => {
  it.each(SEED_NUMBERS)("reads the seed number '%s' as %p (percent %p)", (text, value, percent, ambiguous = false) => {
    const r = parseNumber(text);
    expect(r).toMatchObject({ ok: true, value, percent, ambiguous, raw: text });
  });

  it("covers every number with a separator found in the seeds, apart from section codes", () => {
    const found = new Set<string>();
    for (const t of seedTexts()) for (const m of t.matchAll(/(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)+(?:\s?%)?/gu)) found.add(m[0]);
    const known = new Set([...SEED_NUMBERS.map(([t]) => t), ...SEED_CODES]);
    // Two-part codes ("3.10", "16.2") are headings; they do parse as numbers, which is the importer's business.
    const uncovered = [...found].filter((t) => !known.has(t) && !/^\d{1,2}\.\d{1,2}$/.test(t));
    expect(uncovered).toEqual([]);
  });

  it.each(SEED_CODES)("refuses the three-part code '%s' as a number", (code) => {
    expect(parseNumber(code)).toMatchObject({ ok: false });
  });

  it("finds every digit of every seed inside a number, except in multi-part codes", () => {
    const leftOver = new Set<string>();
    for (const t of seedTexts()) {
      const covered = new Uint8Array(t.length);
      for (const n of findNumbers(t)) covered.fill(1, n.start, n.end);
      for (const m of t.matchAll(/\d+(?:[.,]\d+)*/gu)) {
        // Footnote markers glued to a word ("Chính phủ1") are not numbers of the text.
        const glued = /\p{L}/u.test(t[m.index - 1] ?? "");
        if (covered[m.index] !== 1 && !glued) leftOver.add(m[0]);
      }
    }
    expect([...leftOver].filter((tok) => !/^\d+(?:\.\d+){2,}$/.test(tok))).toEqual([]);
  });
});
