/**
 * Agency returns on seed 002 (PCI 2023, Phụ lục I and II), end to end
 * through the CLI: forms for 2023, filled as agencies fill them (exceljs cell
 * edits, and LibreOffice typing through python3-uno), collected back.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAgencies } from "../../src/core/agency";
import { readIdentity } from "../../src/core/forms";
import type { FormIdentity } from "../../src/core/forms";
import { interpretSnapshot } from "../../src/core/workbook";
import type { SnapshotValue } from "../../src/core/workbook";
import { readWorkbook } from "../../src/xlsx";
import { expectXlsxFidelity } from "../support/fidelity";
import { pdfPageToPng, toPdf } from "../xlsx/support/libreoffice";
import { fillWithExceljs, fillWithLibreOffice } from "./support/fill";
import { cli, ROOT, seed002Workbook } from "./support/workbook";

const dir = mkdtempSync(join(tmpdir(), "forms-002-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let workbook = "";
const forms: Record<string, string> = {};
const identities: FormIdentity[] = [];

async function grid(path: string): Promise<Record<string, Record<string, SnapshotValue>>> {
  const snapshot = await readWorkbook(readFileSync(path));
  const t = snapshot.tables.find((x) => x.name === "KetQuaTheoKy");
  if (!t) throw new Error("no grid");
  const k = t.headers.indexOf("Khóa");
  const out: Record<string, Record<string, SnapshotValue>> = {};
  for (const r of t.rows) out[String(r[k])] = { "2023-H1": r[t.headers.indexOf("6 tháng đầu năm 2023")] ?? null, "2023": r[t.headers.indexOf("Năm 2023")] ?? null };
  return out;
}

const collect = async (files: string[], into: string, extra: string[] = [], today?: string) => {
  const r = await cli(["collect", ...files, "--into", into, "--json", ...extra], today);
  return { code: r.code, json: JSON.parse(r.out) as Record<string, Array<Record<string, unknown>>> };
};

beforeAll(async () => {
  workbook = await seed002Workbook(dir);
  const r = await cli(["forms", workbook, "--period", "2023", "-o", join(dir, "forms")], "2024-01-05T08:00:00.000Z");
  expect(r.code).toBe(0);
  for (const f of readdirSync(join(dir, "forms"))) {
    const id = readIdentity(await readWorkbook(readFileSync(join(dir, "forms", f))));
    if (!id.ok) throw new Error(`${f}: ${id.message}`);
    identities.push(id.identity);
    forms[id.identity.agency] = join(dir, "forms", f);
  }
}, 60_000);

describe("chitieu forms on seed 002 for 2023", () => {
  it("writes a form for every specific lead agency of Phụ lục I and II, under an ASCII name", async () => {
    const reading = interpretSnapshot(await readWorkbook(readFileSync(workbook)));
    const leads = new Set<string>();
    for (const r of [...reading.indicators, ...reading.tasks]) {
      for (const a of parseAgencies(String(r.values.lead ?? ""))) if (a.kind !== "group") leads.add(a.name);
    }
    expect(leads).toEqual(new Set(["Sở Thông tin và Truyền thông", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Cục Thuế tỉnh", "Hiệp hội doanh nghiệp tỉnh", "Sở Xây dựng", "Văn phòng UBND tỉnh", "Báo tỉnh", "Đài Phát thanh và Truyền hình tỉnh"]));
    for (const lead of leads) expect(Object.keys(forms)).toContain(lead);
    expect(identities.filter((i) => i.agencyKind === "planningOffice")).toHaveLength(1);
    for (const f of readdirSync(join(dir, "forms"))) expect(f).toMatch(/^bao-cao-2023-[a-z0-9-]+\.xlsx$/);
  });

  it("leaves no indicator of the workbook out of every form", async () => {
    const reading = interpretSnapshot(await readWorkbook(readFileSync(workbook)));
    const inForms = new Set(identities.flatMap((i) => i.rows.filter((r) => r.kind === "indicator").map((r) => r.key)));
    expect(reading.indicators.map((r) => r.key).filter((k) => k !== null && !inForms.has(k))).toEqual([]);
  });

  it("sends the 2026 forms to today's agencies: Sở Tài chính, not Sở KH&ĐT or Sở TT&TT", async () => {
    const out = join(dir, "forms-2026");
    const r = await cli(["forms", workbook, "--period", "2026", "-o", out], "2026-11-30T08:00:00.000Z");
    expect(r.code).toBe(0);
    const agencies: string[] = [];
    for (const f of readdirSync(out)) {
      const id = readIdentity(await readWorkbook(readFileSync(join(out, f))));
      if (id.ok) agencies.push(id.identity.agency);
    }
    expect(agencies).toContain("Sở Tài chính");
    expect(agencies).toContain("Sở Khoa học và Công nghệ");
    expect(agencies).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(agencies).not.toContain("Sở Thông tin và Truyền thông");
    expect(readdirSync(out)).toContain("bao-cao-2026-so-tai-chinh.xlsx");
  }, 60_000);

  it("writes forms every reader accepts", () => {
    expectXlsxFidelity(Object.values(forms).slice(0, 3));
  }, 120_000);
});

describe("chitieu collect on seed 002 for 2023", () => {
  let into = "";
  let tuPhap = "";
  let khdt = "";
  beforeAll(async () => {
    into = join(dir, "theo-doi.xlsx");
    copyFileSync(workbook, into);
    tuPhap = join(dir, "tu-phap-da-dien.xlsx");
    await fillWithExceljs(forms["Sở Tư pháp"] ?? "", tuPhap, [
      { key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 },
      { key: "PL-I/3.15", column: "Kết quả kỳ này", value: "khoảng 20" },
      { key: "PL-I/3.15", column: "Giải trình", value: "Chưa có kết quả khảo sát chính thức" },
      { key: "PL-II/8", column: "Kết quả kỳ này", value: 3.4 },
    ]);
    khdt = join(dir, "khdt-da-dien.xlsx");
    fillWithLibreOffice([{ form: forms["Sở Kế hoạch và Đầu tư"] ?? "", out: khdt, entries: [
      { key: "PL-I/3.3", column: "Kết quả kỳ này", value: "93%" },
      { key: "PL-I/3.4", column: "Kết quả kỳ này", value: "80%" },
      { key: "PL-I/3.5", column: "Kết quả kỳ này", value: "1.5" },
    ] }], dir);
  }, 120_000);

  it("prints the form Sở KH&ĐT filled in LibreOffice with its title block, its indicators and the figures it typed (picture in test-results/forms)", () => {
    const pdf = toPdf(khdt, join(dir, "pdf"));
    const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
    expect(text).toContain("Sở Kế hoạch và Đầu tư");
    expect(text).toContain("Năm 2023");
    expect(text).toContain("Kết quả kỳ này");
    // Number formats print in the machine's locale (LibreOffice here: en-US, "93.0%"; Excel in Vietnamese: "93,0%").
    expect(text).toMatch(/93[.,]0\s?%/);
    expect(text).toMatch(/80[.,]0\s?%/);
    expect(text).toMatch(/\b1[.,]5\b/);
    // The hidden identity sheet is not printed.
    expect(text).not.toContain("_BieuMau");
    const out = join(ROOT, "test-results", "forms");
    mkdirSync(out, { recursive: true });
    expect(statSync(pdfPageToPng(pdf, 1, 80, join(out, "bieu-mau-so-khdt-da-dien"))).size).toBeGreaterThan(10_000);
  }, 120_000);

  it("takes Sở Tư pháp's and Sở KH&ĐT's returns into the period grid and reports 'khoảng 20' instead of taking it", async () => {
    const { code, json } = await collect([tuPhap, khdt], into);
    expect(json.rejected).toEqual([]);
    expect(code).toBe(0);
    expect(json.accepted?.map((a) => a.agency)).toEqual(["Sở Tư pháp", "Sở Kế hoạch và Đầu tư"]);
    expect(json.rowsRejected).toEqual([expect.objectContaining({ code: "form.notNumber", value: "khoảng 20", key: "PL-I/3.15" })]);
    const g = await grid(into);
    expect(g["PL-I/3.2"]?.["2023"]).toBe(3.6);
    expect(g["PL-II/8"]?.["2023"]).toBe(3.4);
    expect(g["PL-I/3.3"]?.["2023"]).toBeCloseTo(0.93, 10);
    expect(g["PL-I/3.4"]?.["2023"]).toBeCloseTo(0.8, 10);
    expect(g["PL-I/3.5"]?.["2023"]).toBe(1.5);
    expect(g["PL-I/3.15"]?.["2023"]).toBeNull();
    expect(json.pending).toEqual(expect.arrayContaining(["Sở Thông tin và Truyền thông", "Cục Thuế tỉnh"]));
    expect(json.pending).not.toContain("Sở Tư pháp");
    const snapshot = await readWorkbook(readFileSync(into));
    expect(snapshot.sheetNames).toEqual(expect.arrayContaining(["Nguồn số liệu", "Tiến độ nộp báo cáo"]));
  }, 60_000);

  it("sets the statuses of Sở Tư pháp's and Sở KH&ĐT's indicators, as chitieu status reads them", async () => {
    const r = await cli(["status", into, "--period", "2023", "--json"]);
    const table = JSON.parse(r.out) as { indicators: Array<{ key: string; status: string; result: unknown }> };
    const status = (key: string) => table.indicators.find((x) => x.key === key)?.status;
    // Beyond a bare target is Vượt (counted with Đạt as "đạt và vượt").
    expect(status("PL-I/3.2")).toBe("exceeded"); // ≥ 3,5: 3,6
    expect(status("PL-I/3.3")).toBe("exceeded"); // ≥ 92%: 93%
    expect(status("PL-I/3.4")).toBe("missed"); // ≥ 83%: 80%
    expect(status("PL-I/3.15")).toBe("noData"); // "khoảng 20" was not taken
  }, 60_000);

  it("changes nothing when the same form is collected a second time", async () => {
    const before = readFileSync(into);
    const mtime = statSync(into).mtimeMs;
    const { code, json } = await collect([tuPhap], into, [], "2024-01-20T08:00:00.000Z");
    expect(code).toBe(0);
    expect(json.conflicts).toEqual([]);
    expect(readFileSync(into).equals(before)).toBe(true);
    expect(statSync(into).mtimeMs).toBe(mtime);
  }, 60_000);

  it("rejects a form made from another plan and leaves the workbook untouched", async () => {
    const other = join(dir, "pii-004.xlsx");
    expect((await cli(["import", join(ROOT, "tests/fixtures/docx/004-pii-2024.docx"), "-o", other])).code).toBe(0);
    const r = await cli(["forms", other, "--period", "2024", "-o", join(dir, "forms-004")]);
    expect(r.code).toBe(0);
    const foreign = join(dir, "forms-004", readdirSync(join(dir, "forms-004"))[0] ?? "");
    const before = readFileSync(into);
    const { code, json } = await collect([foreign], into);
    expect(code).toBe(1);
    expect(json.rejected).toEqual([expect.objectContaining({ code: "form.otherPlan", message: expect.stringContaining("kế hoạch khác") })]);
    expect(readFileSync(into).equals(before)).toBe(true);
  }, 60_000);

  it("keeps a hand-corrected value through a re-collect and lists it as a conflict", async () => {
    const corrected = join(dir, "theo-doi-sua-tay.xlsx");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(into);
    const ws = wb.getWorksheet("Kết quả theo kỳ");
    const headers = (ws?.getRow(1).values as unknown[] | undefined) ?? [];
    ws?.eachRow((row) => {
      if (row.getCell(headers.indexOf("Khóa")).value === "PL-I/3.2") row.getCell(headers.indexOf("Năm 2023")).value = 3.55;
    });
    await wb.xlsx.writeFile(corrected);
    const { json } = await collect([tuPhap], corrected);
    expect(json.conflicts).toEqual([expect.objectContaining({ code: "3.2", period: "2023", workbook: 3.55, form: 3.6, agency: "Sở Tư pháp" })]);
    expect((await grid(corrected))["PL-I/3.2"]?.["2023"]).toBe(3.55);
    const again = await collect([tuPhap], corrected);
    expect(again.json.conflicts).toHaveLength(1);
    expect((await grid(corrected))["PL-I/3.2"]?.["2023"]).toBe(3.55);
    expect(readFileSync(`${corrected}.bak`).length).toBeGreaterThan(0);
  }, 60_000);

  it("writes a collected workbook every reader accepts", () => {
    expectXlsxFidelity([into]);
  }, 120_000);
});
