/**
 * The way a planner breaks it, in LibreOffice itself (through UNO): a sheet of their own with formulas on
 * our tables and a chart of our targets, a column added inside ChiTieu, a formula typed in a result cell
 * (a period cell of the Kết quả theo kỳ grid);
 * saved by LibreOffice. Then `chitieu import NEW -o SAME --update SAME` (the only copy, named through
 * another spelling of its path) updates it in place: every cell that is not ours is as it was, every
 * part but ours is byte for byte the same (the chart survives), and LibreOffice computes the user's
 * formulas on the new rows.
 *
 * Also measured here, why the update does not go through exceljs: a plain exceljs load + write of the
 * same LibreOffice file does not give it back (it throws on LibreOffice's tables, or drops the chart).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { diskIo } from "../support/cli-io";
import type { Plan } from "../../src/core/model";
import { buildLayout } from "../../src/core/layout";
import { writeWorkbook } from "../../src/xlsx";
import { indicator, plan, target } from "../../src/core/layout/_test/plan";
import { readWithOpenpyxl, type ReaderDump } from "../support/fidelity";
import { sheetsAsCsv } from "../xlsx/support/libreoffice";
import { changedParts, mayChange, ours, sheetParts } from "./support";

const plans: Record<string, Plan> = {};
jest.mock("../../src/import", () => ({
  importFile: async (fileName: string) => ({ ok: true, result: { plan: plans[fileName.replace(/^.*\//, "")], warnings: [], repairs: [] } }),
}));
// Imported after the mock so the command sees the double.
import { main } from "../../src/cli/main";

const dir = mkdtempSync(join(tmpdir(), "inplace-lo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const v1 = plan([indicator("a", { target: target(">=", 10) }), indicator("b", { target: target(">=", 20) }), indicator("c", { target: target(">=", 30) })]);
// "a" leaves, "b" gets a new target, "d" and "e" arrive.
plans["v2.txt"] = plan([indicator("b", { target: target(">=", 25) }), indicator("c", { target: target(">=", 30) }), indicator("d", { target: target(">=", 40) }), indicator("e", { target: target(">=", 50) })]);

function sheets(dump: ReaderDump | undefined): Record<string, Record<string, unknown>> {
  if (!dump || "error" in dump) throw new Error(`openpyxl: ${dump && "error" in dump ? dump.error : "nothing"}`);
  return dump.sheets;
}

describe("update in place of a workbook edited in LibreOffice", () => {
  it("keeps the user's sheet, chart, column and formulas, and LibreOffice computes them on the new rows", async () => {
    const base = join(dir, "base.xlsx");
    const mine = join(dir, "so-cua-toi.xlsx");
    writeFileSync(base, await writeWorkbook(buildLayout(v1, { lang: "vi" })));
    const profile = mkdtempSync(join(tmpdir(), "lo-uno-"));
    const r = spawnSync("/usr/bin/python3", [join(__dirname, "lo_user_edits.py"), base, mine, profile], { encoding: "utf8", timeout: 120_000 });
    rmSync(profile, { recursive: true, force: true });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const { result } = JSON.parse(r.stdout) as { result: string };
    const edited = readFileSync(mine);
    expect(Object.keys((await JSZip.loadAsync(edited)).files).some((f) => f.startsWith("xl/charts/"))).toBe(true);

    // The only copy, updated onto itself through another spelling of its path.
    writeFileSync(join(dir, "v2.txt"), "văn bản");
    const lines: string[] = [];
    const io = diskIo(new Date("2026-11-30"));
    const code = await main(["import", join(dir, "v2.txt"), "--update", join(dir, ".", "./so-cua-toi.xlsx"), "-o", mine], io);
    lines.push(...io.lines);
    expect(lines.join("\n")).toContain("Cập nhật");
    expect(code).toBe(0);
    const updated = readFileSync(mine);

    const parts = await sheetParts(edited);
    const oursParts = buildLayout(v1, { lang: "vi" }).sheets.map((s) => parts[s.name] ?? "");
    expect((await changedParts(edited, updated)).filter((p) => !mayChange(p, oursParts))).toEqual([]);

    const editedCopy = join(dir, "edited-copy.xlsx");
    writeFileSync(editedCopy, edited);
    const dumps = readWithOpenpyxl([editedCopy, mine]);
    const old = sheets(dumps[editedCopy]);
    const now = sheets(dumps[mine]);
    const layout = buildLayout(v1, { lang: "vi" });
    const changed = Object.entries(old).flatMap(([sheet, cells]) =>
      Object.entries(cells).filter(([addr, v]) => !ours(layout, sheet, addr, v) && now[sheet]?.[addr] !== v).map(([addr, v]) => `${sheet}!${addr}: ${JSON.stringify(v)} → ${JSON.stringify(now[sheet]?.[addr])}`));
    expect(changed).toEqual([]);
    expect(now["Chỉ tiêu"]?.AF1).toBe("Người phụ trách");
    expect(result).toMatch(/^[A-Z]+2$/);
    expect(now["Kết quả theo kỳ"]?.[result]).toBe("='Chỉ tiêu'!L2*0.9");
    // Row 2 was "a" (left the document: kept, marked); "d" and "e" were added below "c".
    expect([now["Chỉ tiêu"]?.AC2, now["Chỉ tiêu"]?.AC3, now["Chỉ tiêu"]?.AC4, now["Chỉ tiêu"]?.AC5, now["Chỉ tiêu"]?.AC6]).toEqual(["a", "b", "c", "d", "e"]);

    const csv = sheetsAsCsv(mine, mkdtempSync(join(dir, "csv-")));
    const mineSheet = csv["Theo dõi"] ?? [];
    // B1 = SUM(L2:L3) (Mục tiêu) = a (10, kept) + b (now 25); B2 = the result cell + 1 = 10 × 0.9 + 1.
    expect(Number(mineSheet[0]?.[1])).toBe(35);
    expect(Number(mineSheet[1]?.[1])).toBeCloseTo(10);
    expect(Number(mineSheet[2]?.[1])).toBe(42);
    for (const rows of Object.values(csv)) for (const row of rows) for (const text of row) expect(text).not.toMatch(/^(#REF!|#NAME\?|Err:\d+)$/);
  });

  it("measured: a plain exceljs load and write does not give a LibreOffice workbook back", async () => {
    const mine = readFileSync(join(dir, "so-cua-toi.xlsx"));
    const wb = new ExcelJS.Workbook();
    let lost: string[] = [];
    let threw = "";
    try {
      await wb.xlsx.load(mine as unknown as ArrayBuffer);
      const out = await JSZip.loadAsync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      lost = Object.keys((await JSZip.loadAsync(mine)).files).filter((f) => /^xl\/(charts|drawings)\//.test(f) && !out.file(f));
    } catch (e) {
      threw = e instanceof Error ? e.message : String(e);
    }
    expect(threw !== "" || lost.length > 0).toBe(true);
  });
});
