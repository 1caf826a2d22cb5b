import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseDeadline } from "../../src/core/parse/deadline";

const SEEDS = join(__dirname, "../fixtures/seeds");
const squash = (s: string): string => s.replace(/\s+/gu, " ").trim();

/**
 * Every distinct deadline of the seeds' "Thời gian thực hiện" columns (002 Phụ lục II, 004 Phụ lục),
 * as the PDF viewer broke them, with the reading expected for a plan of 2023.
 */
const SEED_DEADLINES: Array<[string, Record<string, unknown>]> = [
  ["Thường xuyên", { kind: "ongoing", start: null, end: null }],
  ["Thường \nxuyên", { kind: "ongoing" }],
  ["Thường xuyên \n(Sau khi văn \nbản ban hành)", { kind: "ongoing", note: "(Sau khi văn bản ban hành)" }],
  ["Thường xuyên \n(khi có sự thay \nđổi)", { kind: "ongoing", note: "(khi có sự thay đổi)" }],
  ["Thường xuyên \nvà theo \nchương trình, \nkế hoạch, yêu \ncầu", { kind: "ongoing", note: "và theo chương trình, kế hoạch, yêu cầu" }],
  ["Hằng \nnăm", { kind: "annual", start: null, end: null }],
  ["Trước \n30/7/2023", { kind: "byDate", date: "2023-07-30", end: "2023-07-30" }],
  ["Trước \n15/9/2023", { kind: "byDate", date: "2023-09-15", end: "2023-09-15" }],
  ["Trước \n30/11/2023", { kind: "byDate", date: "2023-11-30", end: "2023-11-30" }],
  ["Xong trong \ntháng 6/2023", { kind: "month", year: 2023, month: 6, start: "2023-06-01", end: "2023-06-30" }],
  ["Quý II +III.", { kind: "quarters", year: 2023, quarters: [2, 3], start: "2023-04-01", end: "2023-09-30", note: expect.stringContaining("kế hoạch") }],
  ["Quý \nIII+IV/2023", { kind: "quarters", year: 2023, quarters: [3, 4], start: "2023-07-01", end: "2023-12-31" }],
  ["Quý III/2023", { kind: "quarters", year: 2023, quarters: [3], start: "2023-07-01", end: "2023-09-30" }],
  ["Khi có đề nghị \ncủa các cơ \nquan", { kind: "event", start: null, end: null }],
  ["Theo tiến độ \nnêu tại Kế \nhoạch số \n6424/KH-\nUBND", { kind: "event" }],
  ["Theo tiến độ \nnêu tại Kế \nhoạch số \n09/KH-UBND", { kind: "event" }],
  ["Theo tiến độ \nnêu tại Kế \nhoạch số \n6445/KH-\nUBND", { kind: "event" }],
];

/** Deadlines written in the seeds' running text (000, 001, 002, 003), same plan-year context. */
const BODY_DEADLINES: Array<[string, Record<string, unknown>]> = [
  ["hoàn thành trong tháng 9 năm 2021", { kind: "month", year: 2021, month: 9, start: "2021-09-01", end: "2021-09-30" }],
  ["Hàng năm", { kind: "annual" }],
  ["trước ngày 15/6", { kind: "byDate", date: "2023-06-15", note: expect.stringContaining("kế hoạch") }],
  ["trước ngày 15/12", { kind: "byDate", date: "2023-12-15" }],
  ["trước ngày 02/12 hằng năm", { kind: "text" }],
  ["Trước ngày 01 tháng 6 và ngày 01 tháng 12 năm 2025", { kind: "text" }],
  ["trước ngày 10tháng 6và ngày 10 tháng 12 năm 2025", { kind: "text" }],
];

describe("parseDeadline on the seeds", () => {
  it.each(SEED_DEADLINES)("reads the table cell '%s'", (raw, expected) => {
    expect(parseDeadline(raw, { planYear: 2023 })).toMatchObject({ ...expected, raw });
  });

  it.each(BODY_DEADLINES)("reads the running-text deadline '%s'", (raw, expected) => {
    expect(parseDeadline(raw, { planYear: 2023 })).toMatchObject({ ...expected, raw });
  });

  it("has a row for every deadline phrase found in the seed files", () => {
    const phrase = /Thường xuyên(?: \([^)]*\)| và theo chương trình, kế hoạch, yêu cầu)?|Hằng năm|Hàng năm|Trước \d+\/\d+\/\d{4}|Xong trong tháng \d+\/\d{4}|Quý [IV+ ]+(?:\/\d{4}|\.)|Khi có đề nghị của các cơ quan|Theo tiến độ nêu tại Kế hoạch số \d+\/KH- ?UBND|trong tháng \d+ năm \d{4}/gu;
    const found = new Set<string>();
    for (const file of readdirSync(SEEDS)) {
      for (const m of squash(readFileSync(join(SEEDS, file), "utf8").normalize("NFC")).matchAll(phrase)) found.add(m[0]);
    }
    const table = new Set([...SEED_DEADLINES, ...BODY_DEADLINES].map(([raw]) => squash(raw)));
    const covered = (p: string): boolean => table.has(p) || [...table].some((t) => t.endsWith(p));
    expect([...found].filter((p) => !covered(p))).toEqual([]);
  });
});

