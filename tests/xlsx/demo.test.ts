/**
 * `npm run demo` end to end: the bundled sample (samples/ke-hoach-mau.txt)
 * through the real importer, the layout and the .xlsx writer, opened in
 * LibreOffice: every status appears, as computed by LibreOffice itself, and a
 * PNG of the Chỉ tiêu sheet is kept in test-results/xlsx/ for people to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { diskIo } from "../support/cli-io";
import { pdfPageToPng, sheetsAsCsv, toPdf } from "./support/libreoffice";

const dir = mkdtempSync(join(tmpdir(), "w-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const io: CliIo = diskIo(new Date("2025-07-01"));

describe("the demo workbook", () => {
  const out = join(dir, "demo-chi-tieu.xlsx");

  beforeAll(async () => {
    expect(await main(["import", "samples/ke-hoach-mau.txt", "-o", out, "--demo-results"], io)).toBe(0);
  });

  it("shows every status, computed by LibreOffice", () => {
    const [header = [], ...rows] = sheetsAsCsv(out, dir)["Chỉ tiêu"] ?? [];
    const statuses = new Set(rows.map((r) => r[header.indexOf("Trạng thái")]));
    for (const s of ["Đạt", "Không đạt", "Có nguy cơ", "Chưa có số liệu"]) expect(statuses).toContain(s);
  });

  it("renders to a PNG under test-results/", () => {
    const target = join(process.cwd(), "test-results", "xlsx");
    mkdirSync(target, { recursive: true });
    expect(pdfPageToPng(toPdf(out, dir), 1, 80, join(target, "demo-chi-tieu"))).toMatch(/demo-chi-tieu\.png$/);
  });
});
