/**
 * `chitieu import`: file → workbook, --demo-results, --update merging, and
 * nothing written on failure. The importer (src/import, owned by F) is
 * replaced by a double returning a known plan, so these tests judge the
 * command and the workbook, not the parsing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CliIo } from "../../src/cli/io";
import { diskIo } from "../support/cli-io";
import type { Plan } from "../../src/core/model";
import { interpretSnapshot } from "../../src/core/workbook";
import { locateCell, buildLayout } from "../../src/core/layout";
import { readWorkbook } from "../../src/xlsx";
import { indicator, plan, target } from "../../src/core/layout/_test/plan";
import { sheetsAsCsv } from "./support/libreoffice";

const plans: Record<string, Plan> = {};
jest.mock("../../src/import", () => ({
  importFile: async (fileName: string) => {
    const p = plans[fileName.replace(/^.*\//, "")];
    return p
      ? { ok: true, result: { plan: p, warnings: [], repairs: [] } }
      : { ok: false, error: { code: "noTable", message: "Không tìm thấy bảng chỉ tiêu.", messageEn: "No indicator table found." } };
  },
}));
// Imported after the mock so the command sees the double.
import { main } from "../../src/cli/main";

const base = (v: number): Plan["appendices"][number]["indicators"][number]["baseline"] => ({ value: v, percent: false, year: 2023, raw: String(v) });
plans["v1.txt"] = plan(Array.from({ length: 10 }, (_, i) =>
  indicator(`k${i}`, { target: target(i % 2 ? "<=" : ">=", 50 + i), lowerIsBetter: i % 2 === 1, baseline: base(i % 2 ? 70 : 30) })));
plans["v2.txt"] = plan([...(plans["v1.txt"]?.appendices[0]?.indicators.slice(1) ?? []), indicator("moi", { target: target(">=", 1) })]);

const dir = mkdtempSync(join(tmpdir(), "w-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const name of Object.keys(plans)) writeFileSync(join(dir, name), "văn bản");
writeFileSync(join(dir, "rong.txt"), "không có bảng");

function io(): CliIo & { lines: string[] } {
  return diskIo(new Date("2024-07-01"));
}

describe("chitieu import", () => {
  it("writes the workbook and, with --demo-results, rows of every status a year-end can show", async () => {
    const out = join(dir, "demo.xlsx");
    const cli = io();
    expect(await main(["import", join(dir, "v1.txt"), "-o", out, "--demo-results"], cli)).toBe(0);
    expect(cli.lines[0]).toContain("10 chỉ tiêu");
    expect(readdirSync(dir).some((f) => f.includes(".tmp-"))).toBe(false);
    const sheet = sheetsAsCsv(out, dir)["Chỉ tiêu"] ?? [];
    const col = sheet[0]?.indexOf("Trạng thái") ?? -1;
    // KyBaoCao starts on the latest period with a result: the year (the first half's are on the grid).
    expect(new Set(sheet.slice(1).map((r) => r[col]))).toEqual(new Set(["Vượt", "Đạt", "Không đạt", "Chưa có số liệu"]));
    const grid = sheetsAsCsv(out, dir)["Kết quả theo kỳ"] ?? [];
    // The year before's periods (cùng kỳ) and the full-year estimate column sit beside the plan's own periods.
    expect(grid[0]).toEqual(["Mã", "Chỉ tiêu", "Đơn vị tính", "6 tháng đầu năm 2023", "Năm 2023", "6 tháng đầu năm 2024", "Ước cả năm 2024 (kỳ 6 tháng)", "Năm 2024", "Khóa"]);
    const half = grid[0]?.indexOf("6 tháng đầu năm 2024") ?? -1;
    expect(grid.slice(1).filter((r) => r[half] !== "").length).toBeGreaterThan(0);
  });

  it("keeps what officials typed when updating, adds new indicators and marks gone ones", async () => {
    const first = join(dir, "v1.xlsx");
    await main(["import", join(dir, "v1.txt"), "-o", first], io());
    const layout = buildLayout(plans["v1.txt"] as Plan, { lang: "vi" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(first) as unknown as ArrayBuffer);
    const at = locateCell(layout, "k3", "note");
    if (!at) throw new Error("not located");
    (wb.getWorksheet(at.sheet) as ExcelJS.Worksheet).getCell(at.address).value = "Sở đã báo cáo";
    // A result typed into the grid: k0's row, the Năm 2024 column (found by their headers: the grid may grow columns).
    const grid = wb.getWorksheet("Kết quả theo kỳ") as ExcelJS.Worksheet;
    const headers = grid.getRow(1).values as unknown[];
    const keyCol = headers.indexOf("Khóa");
    const yearCol = headers.indexOf("Năm 2024");
    expect([keyCol, yearCol].every((c) => c > 0)).toBe(true);
    let row = 0;
    grid.eachRow((r, n) => { if (r.getCell(keyCol).value === "k0") row = n; });
    grid.getRow(row).getCell(yearCol).value = 55;
    await wb.xlsx.writeFile(first);

    const second = join(dir, "v2.xlsx");
    const cli = io();
    expect(await main(["import", join(dir, "v2.txt"), "--update", first, "-o", second], cli)).toBe(0);
    expect(cli.lines[0]).toContain("giữ 9, thêm 1, đánh dấu không còn trong văn bản 1");
    const reading = interpretSnapshot(await readWorkbook(readFileSync(second)));
    expect(reading.periodResults.k0?.["2024"]).toBe(55);
    expect(reading.indicators.find((r) => r.key === "k0")?.values.sourceState).toBe("Không còn trong văn bản");
    expect(reading.notes.k3).toBe("Sở đã báo cáo");
    expect(reading.indicators.some((r) => r.key === "moi")).toBe(true);
  });

  it("keeps a Đã xem mark typed in the Kiểm tra sheet with its finding when the workbook is updated", async () => {
    const mine = join(dir, "da-xem.xlsx");
    await main(["import", join(dir, "v1.txt"), "-o", mine], io());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(mine) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Kiểm tra");
    const headers = (sheet?.getRow(1).values as unknown[]).map((v) => (typeof v === "string" ? v : ""));
    const idCol = headers.indexOf("Mã phát hiện");
    const seenCol = headers.indexOf("Đã xem");
    expect(idCol).toBeGreaterThan(0);
    const id = String(sheet?.getRow(2).getCell(idCol).value ?? "");
    expect(id).toMatch(/^[0-9a-z]{7}/);
    // Typed by hand in Excel, without the pane.
    sheet!.getRow(2).getCell(seenCol).value = "x";
    await wb.xlsx.writeFile(mine);
    expect(await main(["import", join(dir, "v1.txt"), "--update", mine, "-o", mine], io())).toBe(0);
    const checks = (await readWorkbook(readFileSync(mine))).tables.find((t) => t.name === "KiemTra");
    const marked = (checks?.rows ?? []).filter((r) => r[checks?.headers.indexOf("Đã xem") ?? -1] === "x").map((r) => r[checks?.headers.indexOf("Mã phát hiện") ?? -1]);
    expect(marked).toEqual([id]);
  });

  it("updates a workbook in place, even through another spelling of its path, keeping the user's own sheet", async () => {
    const mine = join(dir, "cua-toi.xlsx");
    await main(["import", join(dir, "v1.txt"), "-o", mine], io());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(mine) as unknown as ArrayBuffer);
    wb.addWorksheet("Số liệu riêng").getCell("A1").value = "của tôi";
    await wb.xlsx.writeFile(mine);
    const cli = io();
    expect(await main(["import", join(dir, "v2.txt"), "--update", join(dir, ".", "cua-toi.xlsx").replace("/cua-toi", "/./cua-toi"), "-o", mine], cli)).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load(readFileSync(mine) as unknown as ArrayBuffer);
    expect(after.getWorksheet("Số liệu riêng")?.getCell("A1").value).toBe("của tôi");
    expect(interpretSnapshot(await readWorkbook(readFileSync(mine))).indicators.some((r) => r.key === "moi")).toBe(true);
  });

  it("stops before changing anything, and says which cell is in the way, when the table cannot grow in place", async () => {
    const mine = join(dir, "chan.xlsx");
    await main(["import", join(dir, "v1.txt"), "-o", mine], io());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(mine) as unknown as ArrayBuffer);
    // A total the user typed right under the table (v1 has 10 rows: the table ends on row 11).
    wb.getWorksheet("Chỉ tiêu")!.getCell("J12").value = { formula: "SUM(J2:J11)" } as ExcelJS.CellValue;
    await wb.xlsx.writeFile(mine);
    const before = readFileSync(mine);
    const cli = io();
    expect(await main(["import", join(dir, "v2.txt"), "--update", mine, "-o", mine], cli)).toBe(2);
    expect(cli.lines.join("\n")).toMatch(/Không cập nhật được tại chỗ, sổ tính chưa bị thay đổi: .*'Chỉ tiêu'!J12/);
    expect(readFileSync(mine).equals(before)).toBe(true);
  });

  it("writes nothing when the document cannot be imported", async () => {
    const out = join(dir, "khong-co.xlsx");
    const cli = io();
    expect(await main(["import", join(dir, "rong.txt"), "-o", out], cli)).toBe(1);
    expect(cli.lines.join("\n")).toContain("Không tìm thấy bảng chỉ tiêu.");
    expect(existsSync(out)).toBe(false);
  });

  it("explains its arguments when -o is missing", async () => {
    const cli = io();
    expect(await main(["import", join(dir, "v1.txt")], cli)).toBe(2);
    expect(cli.lines.join("\n")).toContain("-o");
  });
});
