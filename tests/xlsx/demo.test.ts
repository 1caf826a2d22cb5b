/**
 * `npm run demo` end to end: the bundled sample (samples/ke-hoach-mau.txt)
 * through the real importer, the layout and the .xlsx writer, opened in
 * LibreOffice: every status appears in one period or the other, as computed by LibreOffice itself, and a
 * PNG of the Chỉ tiêu sheet is kept in test-results/xlsx/ for people to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { diskIo } from "../support/cli-io";
import { pdfPageToPng, toPdf } from "./support/libreoffice";
import { columnsOf, runLibreOffice } from "../support/lo";

const dir = mkdtempSync(join(tmpdir(), "w-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io: CliIo = diskIo(new Date("2025-07-01"));

describe("the demo workbook", () => {
  const out = join(dir, "demo-chi-tieu.xlsx");

  beforeAll(async () => {
    expect(await main(["import", "samples/ke-hoach-mau.txt", "-o", out, "--demo-results"], io)).toBe(0);
  });

  it("shows every status across its two periods, computed by LibreOffice as KyBaoCao switches", () => {
    const read = { op: "columns" as const, sheet: "Chỉ tiêu", headers: ["Trạng thái"] };
    const r = runLibreOffice([
      { op: "open", path: out },
      { op: "setName", name: "KyBaoCao", value: "6 tháng đầu năm 2025" },
      { op: "recalc" },
      read,
      { op: "setName", name: "KyBaoCao", value: "Năm 2025" },
      { op: "recalc" },
      read,
    ]);
    const firstHalf = new Set(columnsOf(r[3])["Trạng thái"]);
    const year = new Set(columnsOf(r[6])["Trạng thái"]);
    for (const s of ["Đúng tiến độ", "Có nguy cơ", "Chưa có số liệu"]) expect(firstHalf).toContain(s);
    for (const s of ["Đạt", "Không đạt", "Chưa có số liệu"]) expect(year).toContain(s);
  });

  it("renders to a PNG under test-results/", () => {
    const target = join(process.cwd(), "test-results", "xlsx");
    mkdirSync(target, { recursive: true });
    expect(pdfPageToPng(toPdf(out, dir), 1, 80, join(target, "demo-chi-tieu"))).toMatch(/demo-chi-tieu\.png$/);
  });
});
