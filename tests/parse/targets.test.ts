import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseBaseline, parseRank, parseTarget, parseTargets } from "../../src/core/parse/target";
import { repairText } from "../../src/core/parse/text";

/**
 * Every target in the seeds, read two ways:
 * 1. the target cells of the appendix tables, collected from the files by pattern
 *    and each given its expected reading;
 * 2. every target phrase of each whole document (repaired first), in order.
 * The expected values were checked one by one against the documents.
 */
const SEEDS = join(__dirname, "../fixtures/seeds");
const seed = (file: string): string => repairText(readFileSync(join(SEEDS, file), "utf8")).text;
const squash = (s: string): string => s.replace(/\s+/gu, " ").trim();

/** [cell text, op, value, percent] for every distinct target cell of the seeds' tables. */
const TABLE_CELLS: Array<[string, string | null, number, boolean]> = [
  // 000 (unit column "%"; the cell itself has no % sign)
  ["100", null, 100, false],
  ["Tối thiểu 90", ">=", 90, false],
  // 002 Phụ lục I
  ["Trên hoặc bằng 6,35", ">=", 6.35, false],
  ["Trên hoặc bằng 3,40", ">=", 3.4, false],
  ["Trên hoặc bằng 3,50", ">=", 3.5, false],
  ["Trên hoặc bằng 92,0%", ">=", 92, true],
  ["Trên hoặc bằng 83,0%", ">=", 83, true],
  ["Dưới hoặc bằng 1,00", "<=", 1, false],
  ["Trên hoặc bằng 50,0%", ">=", 50, true],
  ["Trên hoặc bằng 77,2%", ">=", 77.2, true],
  ["Trên hoặc bằng 50,6%", ">=", 50.6, true],
  ["Trên hoặc bằng 58,4%", ">=", 58.4, true],
  ["Dưới hoặc bằng 21,0%", "<=", 21, true],
  ["Dưới hoặc bằng 33,5%", "<=", 33.5, true],
  ["Dưới hoặc bằng 20,0%", "<=", 20, true],
  ["Trên hoặc bằng 82,0%", ">=", 82, true],
  ["Trên hoặc bằng 38,0%", ">=", 38, true],
  ["Trên hoặc bằng 35,0%", ">=", 35, true],
  ["Trên hoặc bằng 57,0%", ">=", 57, true],
  ["Trên hoặc bằng 53,2%", ">=", 53.2, true],
  // 004 Phụ lục
  ["≥ 5", ">=", 5, false],
  ["≥ 10", ">=", 10, false],
  ["≥ 15", ">=", 15, false],
  ["≥ 20", ">=", 20, false],
  ["≥ 25", ">=", 25, false],
  ["≥ 30", ">=", 30, false],
  ["≥ 55", ">=", 55, false],
  ["≥ 10%", ">=", 10, true],
  ["≥ 25%", ">=", 25, true],
];

describe("target cells of the seeds' tables", () => {
  it.each(TABLE_CELLS)("reads '%s' as %s %p (percent %p)", (cell, op, value, percent) => {
    expect(parseTarget(cell, { year: 2023 })).toMatchObject({ op, value, percent, year: 2023, kind: "value", raw: cell });
  });

  it("reads the cells as the PDF viewer broke them over several lines", () => {
    expect(parseTarget("Trên hoặc \n\nbằng \n6,35 ")).toMatchObject({ op: ">=", value: 6.35 });
    expect(parseTarget("Dưới hoặc \n\nbằng \n21,0% ")).toMatchObject({ op: "<=", value: 21, percent: true });
    expect(parseTarget("Tối thiểu \n\n90 ")).toMatchObject({ op: ">=", value: 90 });
  });

  it("has a row for every target cell found in the seed files", () => {
    const cells = new Set<string>();
    const patterns = [/(?:Trên|Dưới) hoặc\s+bằng\s+\d+(?:,\d+)?%?/gu, /≥\s*\d+%?/gu, /Tối thiểu\s+\d+/gu, /(?<=%\s)100(?=\s)/gu];
    for (const file of readdirSync(SEEDS)) {
      const text = seed(file);
      for (const p of patterns) for (const m of text.matchAll(p)) cells.add(squash(m[0]));
    }
    const table = new Set(TABLE_CELLS.map(([c]) => c));
    expect([...cells].filter((c) => !table.has(c))).toEqual([]);
    expect([...table].filter((c) => !cells.has(c))).toEqual([]);
  });
});

type Row = [string, string, number, number | null, boolean, string, number | null, string | null, number | null];

/** [raw, op, value, max, percent, kind, of, unit, year] of every target phrase of each seed, in reading order. */
const DOCUMENT_TARGETS: Record<string, Row[]> = {
  "000-bac-giang-nq02-2025.txt": [
    ["từ 200ha trở lên", ">=", 200, null, false, "value", null, "ha", null],
    ["trên 95%", ">", 95, null, true, "value", null, null, null],
    ["trên 70%", ">", 70, null, true, "value", null, null, null],
    ["trên 60%", ">", 60, null, true, "value", null, null, null],
    ["Tối thiểu 90", ">=", 90, null, false, "value", null, null, null],
  ],
  "001-binh-duong-nq02-2025-old-font.txt": [
  ],
  "002-pci-minh-bach-2023.txt": [
    ["trên hoặc bằng 6,35", ">=", 6.35, null, false, "value", null, null, 2023],
    ["trên hoặc bằng 6,35 điểm", ">=", 6.35, null, false, "value", null, "điểm", null],
    ["Trên hoặc bằng 6,35", ">=", 6.35, null, false, "value", null, null, null],
    ["Trên hoặc bằng 3,40", ">=", 3.4, null, false, "value", null, null, null],
    ["Trên hoặc bằng 3,50", ">=", 3.5, null, false, "value", null, null, null],
    ["Trên hoặc bằng 92,0%", ">=", 92, null, true, "value", null, null, null],
    ["Trên hoặc bằng 83,0%", ">=", 83, null, true, "value", null, null, null],
    ["Dưới hoặc bằng 1,00", "<=", 1, null, false, "value", null, null, null],
    ["Trên hoặc bằng 50,0%", ">=", 50, null, true, "value", null, null, null],
    ["Trên hoặc bằng 77,2%", ">=", 77.2, null, true, "value", null, null, null],
    ["Trên hoặc bằng 50,6%", ">=", 50.6, null, true, "value", null, null, null],
    ["Trên hoặc bằng 58,4%", ">=", 58.4, null, true, "value", null, null, null],
    ["Dưới hoặc bằng 21,0%", "<=", 21, null, true, "value", null, null, null],
    ["Dưới hoặc bằng 33,5%", "<=", 33.5, null, true, "value", null, null, null],
    ["Dưới hoặc bằng 20,0%", "<=", 20, null, true, "value", null, null, null],
    ["Trên hoặc bằng 82,0%", ">=", 82, null, true, "value", null, null, null],
    ["Trên hoặc bằng 38,0%", ">=", 38, null, true, "value", null, null, null],
    ["Trên hoặc bằng 35,0%", ">=", 35, null, true, "value", null, null, null],
    ["Trên hoặc bằng 57,0%", ">=", 57, null, true, "value", null, null, null],
    ["Trên hoặc bằng 53,2%", ">=", 53.2, null, true, "value", null, null, null],
    ["trên hoặc bằng 3,4", ">=", 3.4, null, false, "value", null, null, null],
    ["trên hoặc bằng 50%", ">=", 50, null, true, "value", null, null, null],
    ["trên hoặc bằng 77,2%", ">=", 77.2, null, true, "value", null, null, null],
    ["trên hoặc bằng 50,6%", ">=", 50.6, null, true, "value", null, null, null],
    ["trên hoặc bằng 57%", ">=", 57, null, true, "value", null, null, null],
    ["trên hoặc bằng 3,50", ">=", 3.5, null, false, "value", null, null, null],
    ["trên hoặc bằng 35%", ">=", 35, null, true, "value", null, null, null],
    ["trên hoặc bằng 92%", ">=", 92, null, true, "value", null, null, null],
    ["trên hoặc bằng 83%", ">=", 83, null, true, "value", null, null, null],
    ["dưới hoặc bằng 1", "<=", 1, null, false, "value", null, null, null],
    ["dưới hoặc bằng 21%", "<=", 21, null, true, "value", null, null, null],
    ["trên hoặc bằng 38%", ">=", 38, null, true, "value", null, null, null],
    ["dưới hoặc bằng 33,5%", "<=", 33.5, null, true, "value", null, null, null],
    ["dưới hoặc bằng 20%", "<=", 20, null, true, "value", null, null, null],
    ["trên hoặc bằng 82%", ">=", 82, null, true, "value", null, null, null],
  ],
  "003-cong-nghiep-2021-2030.txt": [
    ["khoảng 19%/năm", "~", 19, null, true, "value", null, "%/năm", 2030],
    ["từ 47,1% năm 2020 lên 60% vào năm 2030", ">=", 60, null, true, "value", null, null, 2030],
    ["khoảng 26%/năm", "~", 26, null, true, "value", null, "%/năm", 2030],
    ["khoảng 2.200.000 tỷ đồng", "~", 2200000, null, false, "value", null, "tỷ đồng", 2030],
    ["khoảng 855 nghìn tỷ đồng", "~", 855, null, false, "value", null, "nghìn tỷ đồng", 2030],
    ["trên 90%", ">", 90, null, true, "value", null, null, 2030],
    ["trên 40%", ">", 40, null, true, "value", null, null, 2030],
    ["khoảng 11%/năm", "~", 11, null, true, "value", null, "%/năm", 2030],
    ["từ 30,9% năm 2020 lên 36% vào năm 2030", ">=", 36, null, true, "value", null, null, 2030],
    ["ít nhất 05 KCN", ">=", 5, null, false, "value", null, "KCN", 2025],
    ["tối thiểu 35%", ">=", 35, null, true, "value", null, null, null],
  ],
  "004-pii-2024.txt": [
    ["nằm trong nhóm 10", "<=", 10, null, false, "top", null, null, null],
    ["nằm trong nhóm 10", "<=", 10, null, false, "top", null, null, null],
    ["trên 67,23 điểm", ">", 67.23, null, false, "value", null, "điểm", null],
    ["xếp thứ hạng 04/63", "<=", 4, null, false, "rank", 63, null, null],
    ["trên 69,32 điểm", ">", 69.32, null, false, "value", null, "điểm", null],
    ["xếp thứ hạng 05/63", "<=", 5, null, false, "rank", 63, null, null],
    ["trên 43,96 điểm", ">", 43.96, null, false, "value", null, "điểm", null],
    ["xếp thứ hạng 07/63", "<=", 7, null, false, "rank", 63, null, null],
    ["trên 66,21 điểm", ">", 66.21, null, false, "value", null, "điểm", null],
    ["xếp thứ hạng 01/63", "<=", 1, null, false, "rank", 63, null, null],
    ["nằm trong nhóm 10", "<=", 10, null, false, "top", null, null, null],
    ["trên 50 điểm", ">", 50, null, false, "value", null, "điểm", null],
    ["nằm trong tốp 10", "<=", 10, null, false, "top", null, null, null],
    ["trên 60 điểm", ">", 60, null, false, "value", null, "điểm", null],
    ["nằm trong tốp 10", "<=", 10, null, false, "top", null, null, null],
    ["trên 50 điểm", ">", 50, null, false, "value", null, "điểm", null],
    ["nằm trong tốp 10", "<=", 10, null, false, "top", null, null, null],
    ["≥ 20", ">=", 20, null, false, "value", null, null, null],
    ["≥ 10", ">=", 10, null, false, "value", null, null, null],
    ["≥ 20", ">=", 20, null, false, "value", null, null, null],
    ["≥ 20", ">=", 20, null, false, "value", null, null, null],
    ["≥ 5", ">=", 5, null, false, "value", null, null, null],
    ["≥ 10%", ">=", 10, null, true, "value", null, null, null],
    ["≥ 30", ">=", 30, null, false, "value", null, null, null],
    ["trên 90%", ">", 90, null, true, "value", null, null, null],
    ["≥ 25", ">=", 25, null, false, "value", null, null, null],
    ["≥ 30", ">=", 30, null, false, "value", null, null, null],
    ["≥ 10", ">=", 10, null, false, "value", null, null, null],
    ["≥ 10", ">=", 10, null, false, "value", null, null, null],
    ["≥ 25", ">=", 25, null, false, "value", null, null, null],
    ["từ 10 - 15%", "range", 10, 15, true, "value", null, null, null],
    ["≥ 55", ">=", 55, null, false, "value", null, null, null],
    ["≥ 15", ">=", 15, null, false, "value", null, null, null],
    ["≥ 25%", ">=", 25, null, true, "value", null, null, null],
    ["≥ 10%", ">=", 10, null, true, "value", null, null, null],
    ["≥ 25", ">=", 25, null, false, "value", null, null, null],
  ],
};

describe("every target phrase of each seed document", () => {
  it.each(Object.keys(DOCUMENT_TARGETS))("finds exactly the targets of %s", (file) => {
    const found = parseTargets(seed(file)).map((t): Row => [t.raw, t.op ?? "", t.value ?? Number.NaN, t.max, t.percent, t.kind, t.of, t.unit, t.year]);
    expect(found).toEqual(DOCUMENT_TARGETS[file]);
  });
});

/** Phụ lục I of seed 002: [baseline "Điểm 2022", value, percent, rank "Xếp hạng 2022"] of each row, component row III first. */
const BASELINES_002: Array<[string, number, boolean, string]> = [
  ["6,30", 6.3, false, "19"], ["3,33", 3.33, false, "4"], ["3,42", 3.42, false, "7"], ["13,93%", 13.93, true, "58"],
  ["80,00%", 80, true, "25"], ["5", 5, false, "30"], ["28,21%", 28.21, true, "37"], ["76,92%", 76.92, true, "6"],
  ["23,08%", 23.08, true, "56"], ["43,59%", 43.59, true, "29"], ["21,19%", 21.19, true, "8"], ["33,88%", 33.88, true, "5"],
  ["21,49%", 21.49, true, "2"], ["79,66%", 79.66, true, "8"], ["32,20%", 32.2, true, "25"], ["30,51%", 30.51, true, "29"],
  ["55,15%", 55.15, true, "18"], ["33,05%", 33.05, true, "47"],
];

/** The seed 004 appendix's "Mức điểm số năm 2023" of its 17 indicators, in order. */
const BASELINES_004: Array<[string, number]> = [
  ["12.76", 12.76], ["2.43", 2.43], ["14.72", 14.72], ["18.31", 18.31], ["2.81", 2.81], ["0.00", 0], ["20.34", 20.34], ["18.90", 18.9],
  ["21.05", 21.05], ["1.64", 1.64], ["6.31", 6.31], ["17.07", 17.07], ["46.75", 46.75], ["7.57", 7.57], ["20.0", 20], ["4.46", 4.46], ["18.79", 18.79],
];

describe("baselines and ranks of the seeds", () => {
  it.each(BASELINES_002)("reads the 002 baseline '%s' as %p (percent %p) and the rank '%s'", (raw, value, percent, rank) => {
    expect(parseBaseline(raw, 2022)).toEqual({ value, percent, year: 2022, raw });
    expect(parseRank(rank)).toEqual({ value: Number(rank), of: null, raw: rank });
  });

  it.each(BASELINES_004)("reads the 004 baseline '%s' as %p", (raw, value) => {
    expect(parseBaseline(raw, 2023)).toEqual({ value, percent: false, year: 2023, raw });
  });

  it("has every baseline/rank pair of seed 002 and every baseline of seed 004 in its tables, in order", () => {
    const pairs = [...readFileSync(join(SEEDS, "002-pci-minh-bach-2023.txt"), "utf8").matchAll(/^(\d+(?:,\d+)?%?) (\d+) *$/gmu)].map((m) => [m[1], m[2]]);
    expect(pairs).toEqual(BASELINES_002.map(([b, , , r]) => [b, r]));
    const base004 = [...readFileSync(join(SEEDS, "004-pii-2024.txt"), "utf8").matchAll(/(\d+\.\d+)\s+≥/gu)].map((m) => m[1]);
    expect(base004).toEqual(BASELINES_004.map(([b]) => b));
  });
});
