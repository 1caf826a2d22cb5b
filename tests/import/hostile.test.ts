/**
 * Hostile and careless inputs (issue 9): each is read, or refused with a
 * message that names the file and says what is wrong, quickly and without
 * a stack overflow or exhausting memory. The files are built in memory.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import { readWorkbook } from "../../src/xlsx";
import { interpretSnapshot } from "../../src/core/workbook";
import {
  bigCsv, gridSpanBombDocx, lyingZipBombDocx, millionRowRefWorkbook, nestedTablesDocx, strayCellXlsx, utf16, vMergeBombDocx,
  wholeColumnMergeXlsx, zipBombDocx,
} from "../support/hostile";
import { CASES } from "../support/hostile/measure";

const CASE_NAMES = Object.keys(CASES);

async function refused(name: string, bytes: Uint8Array): Promise<{ code: string; message: string; messageEn: string }> {
  const outcome = await importFile(name, bytes);
  if (outcome.ok) throw new Error(`${name} should have been refused`);
  expect(outcome.error.message.startsWith(`${name}: `)).toBe(true);
  expect(outcome.error.messageEn.startsWith(`${name}: `)).toBe(true);
  return outcome.error;
}

async function read(name: string, bytes: Uint8Array): Promise<Awaited<ReturnType<typeof importFile>> & { ok: true }> {
  const outcome = await importFile(name, bytes);
  if (!outcome.ok) throw new Error(outcome.error.messageEn);
  return outcome;
}

const names = (o: { result: { plan: { appendices: Array<{ indicators: Array<{ name: string }> }> } } }): string[] =>
  o.result.plan.appendices.flatMap((a) => a.indicators.map((i) => i.name));

describe("Word files that used to overflow the stack or exhaust memory", () => {
  it("reads a table nested 5,000 deep in a cell without overflowing the stack", async () => {
    const o = await read("long-bang.docx", await nestedTablesDocx(5000));
    expect(names(o)[1]).toBe("Chỉ tiêu lồng sâu");
  });

  it("refuses a cell spanning 200 million columns, naming the table and row", async () => {
    const e = await refused("gop-ngang.docx", await gridSpanBombDocx(200_000_000));
    expect(e.code).toBe("table.tooLarge");
    expect(e.message).toContain("Bảng thứ 1, dòng 3");
    expect(e.messageEn).toContain("200000000 columns, at most 63");
  });

  it("refuses a vertical-merge bomb (40,000 rows of 63 merged columns) by its number of cells", async () => {
    const e = await refused("gop-doc.docx", await vMergeBombDocx(40_000));
    expect(e.code).toBe("table.tooLarge");
    expect(e.messageEn).toMatch(/cells, at most 2000000/);
  });

  it("refuses a zip bomb from the sizes in its directory, before inflating it", async () => {
    const bytes = await zipBombDocx(130);
    const started = performance.now();
    const e = await refused("bom.docx", bytes);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e.code).toBe("file.inflatesTooFar");
    expect(e.message).toContain("word/document.xml");
  });

  it("refuses a zip bomb that lies about its size while inflating it, past the size it declared", async () => {
    const e = await refused("bom-gia.docx", await lyingZipBombDocx(20));
    expect(e.code).toBe("file.inflatesTooFar");
  });
});

describe("workbooks and CSV that used to overflow the stack or exhaust memory", () => {
  it("reads an .xlsx with one stray cell at row 1,048,576", async () => {
    const o = await read("o-lac.xlsx", await strayCellXlsx());
    expect(names(o)[0]).toBe("Tỷ lệ hồ sơ trực tuyến toàn trình");
  });

  it("refuses an .xlsx whose merged range spans a whole column, naming the sheet and range, before exceljs builds it", async () => {
    const started = performance.now();
    const e = await refused("gop-cot.xlsx", await wholeColumnMergeXlsx());
    expect(performance.now() - started).toBeLessThan(3000);
    expect(e.code).toBe("sheet.mergeTooLarge");
    expect(e.message).toContain('Trang "Phụ lục I" có vùng gộp ô J1:J1048576');
  });

  it("reads a 19 MB CSV of 300,000 rows", async () => {
    const bytes = bigCsv(300_000);
    expect(bytes.length).toBeGreaterThan(17 * 1024 * 1024);
    const o = await read("lon.csv", bytes);
    expect(o.result.plan.appendices[0]!.indicators).toHaveLength(300_000);
  }, 60_000);

  it("reads a Chỉ tiêu workbook whose table ref claims a million rows as the rows it has", async () => {
    const started = performance.now();
    const reading = interpretSnapshot(await readWorkbook(await millionRowRefWorkbook(), "trieu-dong.xlsx"));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(reading.indicators.map((r) => r.key)).toEqual(["k1", "k2"]);
  });
});

describe("text encodings", () => {
  const tsv = "STT\tChỉ tiêu\tĐơn vị tính\tMục tiêu\tĐơn vị chủ trì\n1\tTỷ lệ hồ sơ trực tuyến\t%\t≥ 90\tSở Nội vụ\n2\tSố doanh nghiệp thành lập mới\tDoanh nghiệp\t≥ 1.200\tSở Tài chính\n";
  const csv = tsv.replace(/\t/g, ";");

  it.each(["le", "be"] as const)("reads UTF-16 %s text and CSV with a BOM as their UTF-8 twins", async (order) => {
    const utf8Csv = names(await read("bang.csv", new TextEncoder().encode(csv)));
    expect(utf8Csv).toEqual(["Tỷ lệ hồ sơ trực tuyến", "Số doanh nghiệp thành lập mới"]);
    expect(names(await read("bang.csv", utf16(csv, order)))).toEqual(utf8Csv);
    expect(names(await read("unicode.csv", utf16(tsv, order)))).toEqual(utf8Csv);
    const text = readFileSync(join(__dirname, "../fixtures/txt/002-phu-luc-i.txt"), "utf8");
    const fromUtf8 = names(await read("dan.txt", new TextEncoder().encode(text)));
    expect(fromUtf8.length).toBeGreaterThan(3);
    expect(names(await read("dan.txt", utf16(text, order)))).toEqual(fromUtf8);
  });

  it("refuses UTF-8 with a line in another code page, naming the encoding problem and the line", async () => {
    const good = new TextEncoder().encode(csv);
    const bad = new Uint8Array([...good, ...new TextEncoder().encode("3;Ch"), 0xea, ...new TextEncoder().encode(" tiêu;%;5;Sở Y tế\n")]);
    const e = await refused("tron.csv", bad);
    expect(e.code).toBe("text.encoding");
    expect(e.message).toContain("dòng 4");
    expect(e.messageEn).toMatch(/line 4: byte 0xEA is not valid UTF-8: the file mixes two encodings/);
  });

  it("refuses a lone surrogate, in UTF-16 and encoded in UTF-8, naming the line", async () => {
    const withLone = utf16(`${csv}3;A\uD800B;%;5;Sở Y tế\n`, "le");
    const e16 = await refused("le.csv", withLone);
    expect(e16).toMatchObject({ code: "text.encoding", messageEn: expect.stringContaining("line 4: a lone surrogate U+D800 in UTF-16LE") });
    const e8 = await refused("le8.txt", new Uint8Array([...new TextEncoder().encode(`${csv}3;A`), 0xed, 0xa0, 0x80, ...new TextEncoder().encode("B\n")]));
    expect(e8).toMatchObject({ code: "text.encoding", messageEn: expect.stringContaining("line 4: a lone surrogate encoded in UTF-8") });
  });

  it("still reads a file that is all Windows-1258 (no UTF-8 at all) and says so", async () => {
    const legacy = new Uint8Array([...new TextEncoder().encode("STT;Chi ti"), 0xea, ...new TextEncoder().encode("u;Don vi;Muc tieu;Don vi chu tri\n1;A;%;5;So Y te\n")]);
    const o = await read("cu.csv", legacy);
    expect(o.result.warnings.map((w) => w.code)).toContain("csv.notUtf8");
  });
});

describe("peak memory", () => {
  // One process runs every case in turn (building each file included): its peak bounds each case's.
  // Per case: `/usr/bin/time -f %M node --import tsx -e 'require("./tests/support/hostile/measure.ts").main(["docx20k"])'`.
  // `--import tsx`, not `require("tsx/cjs")`: the readers load exceljs through a dynamic import(), which needs tsx's ESM hooks.
  it("stays under 1.5 GB over every hostile case and a 20,000-row Word appendix (/usr/bin/time -f %M)", () => {
    const script = join(__dirname, "../support/hostile/measure.ts");
    const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "--import", "tsx", "-e", `require(${JSON.stringify(script)}).main()`], { encoding: "utf8", timeout: 240_000, cwd: join(__dirname, "../..") });
    const peakKb = Number(/(\d+)\s*$/.exec(r.stderr.trim())?.[1]);
    for (const name of CASE_NAMES) expect(r.stdout).toContain(`${name}: `);
    expect(r.stdout).toContain("docx20k: 20000 indicators");
    expect(r.stdout).toContain("csv300k: 300000 indicators");
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(1.5 * 1024 * 1024);
  }, 240_000);
});
