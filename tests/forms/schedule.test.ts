/**
 * The schedule drives the round (issue 25), end to end on seed 002 as its
 * text reads: quarterly reports due on the 2nd of the next quarter's first
 * month, to the focal agency (Sở Thông tin và Truyền thông, today Sở Khoa học
 * và Công nghệ). The grid has the four quarters and the year, every form says
 * when it is due, and collect says who is late and by how many days.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readWorkbook } from "../../src/xlsx";
import { readScheduleTable } from "../../src/core/forms";
import { cli, ROOT } from "./support/workbook";
import { fillWithExceljs } from "./support/fill";

const dir = mkdtempSync(join(tmpdir(), "schedule-002-"));
const workbook = join(dir, "002.xlsx");
const forms = join(dir, "q3");

beforeAll(async () => {
  const r = await cli(["import", join(ROOT, "tests/fixtures/seeds/002-pci-minh-bach-2023.txt"), "-o", workbook]);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("seed 002's workbook follows its reporting schedule", () => {
  it("has the four quarters and the year in its period grid", async () => {
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(workbook)));
    const grid = snapshot.tables.find((t) => t.name === "KetQuaTheoKy");
    // The year before comes first (issue 20: the same periods a year earlier, for "so với cùng kỳ").
    expect(grid?.headers.slice(3, -1)).toEqual(["Quý I/2022", "Quý II/2022", "Quý III/2022", "Quý IV/2022", "Năm 2022", "Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023", "Năm 2023"]);
  });

  it("shows the schedule on Tổng hợp (Lịch báo cáo) and reads it back", async () => {
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(workbook)));
    expect(snapshot.tables.find((t) => t.name === "LichBaoCao")?.sheet).toBe("Tổng hợp");
    const schedule = readScheduleTable(snapshot);
    expect(schedule.get("2023-Q3")).toEqual({ period: "2023-Q3", due: "2023-10-02", to: "Sở Khoa học và Công nghệ", upstreamDue: "2023-10-10", upstreamTo: "Chủ tịch UBND tỉnh" });
    expect(schedule.get("2023")?.due).toBe("2023-12-02");
  });
});

describe("chitieu forms and collect for Quý III/2023", () => {
  let json: { pending: string[]; pendingAgencies: Array<{ agency: string; period: string; due: string | null; daysLate: number }> };

  beforeAll(async () => {
    expect((await cli(["forms", workbook, "--period", "2023-Q3", "-o", forms])).code).toBe(0);
    const form = join(forms, "bao-cao-2023-q3-so-tu-phap.xlsx");
    const snapshot = await readWorkbook(new Uint8Array(readFileSync(form)));
    const task = snapshot.tables.find((t) => t.name === "BaoCaoNhiemVu");
    const key = String(task?.rows[0]?.[task.headers.indexOf("Khóa")] ?? "");
    await fillWithExceljs(form, join(dir, "tu-phap.xlsx"), [{ key, column: "Trạng thái", value: "Đang thực hiện" }]);
    const r = await cli(["collect", join(dir, "tu-phap.xlsx"), "--into", workbook, "-o", join(dir, "002-collected.xlsx"), "--today", "2023-10-05", "--json"]);
    json = JSON.parse(r.out) as typeof json;
  }, 120_000);

  it("states the due day on every agency's form: 'Hạn nộp: 02/10/2023'", async () => {
    for (const file of ["bao-cao-2023-q3-so-tu-phap.xlsx", "bao-cao-2023-q3-cuc-thue-tinh.xlsx"]) {
      const ExcelJS = (await import("exceljs")).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(forms, file));
      const sheet = wb.getWorksheet("Báo cáo");
      const texts: string[] = [];
      sheet?.getRows(1, 4)?.forEach((row) => row.eachCell((c) => void texts.push(String(c.value))));
      expect(texts).toContain("Hạn nộp: 02/10/2023 — gửi Sở Khoa học và Công nghệ");
    }
  });

  it("lists each pending agency with its due day and 3 days late on 5 October", () => {
    expect(json.pending.length).toBeGreaterThan(0);
    expect(json.pending).not.toContain("Sở Tư pháp");
    expect(json.pendingAgencies.map((p) => p.agency)).toEqual(json.pending);
    for (const p of json.pendingAgencies) expect(p).toEqual({ agency: p.agency, period: "2023-Q3", due: "2023-10-02", daysLate: 3 });
  });
});

describe("Lịch báo cáo is the planner's to edit", () => {
  it("keeps a due day typed on Tổng hợp through an in-place update, and forms then use it", async () => {
    // The planner moves Quý III's due day to 05/10/2023: the cell's value in the sheet's XML, as Excel saves a typed date.
    const table = (await readWorkbook(new Uint8Array(readFileSync(workbook)))).tables.find((t) => t.name === "LichBaoCao");
    const anchor = /^([A-Z]+)(\d+)$/.exec(table?.anchor ?? "");
    const row = Number(anchor?.[2]) + 1 + (table?.rows.findIndex((r) => r[1] === "2023-Q3") ?? 0);
    const cell = `${String.fromCharCode((anchor?.[1] ?? "A").charCodeAt(0) + 2)}${row}`;
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(workbook));
    let edits = 0;
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      const xml = await zip.file(name)?.async("string") ?? "";
      const next = xml.replace(new RegExp(`(<c r="${cell}"[^>]*><v>)45201(</v>)`), (_m, a: string, b: string) => `${a}45204${b}`);
      if (next !== xml) {
        edits++;
        zip.file(name, next);
      }
    }
    expect(edits).toBe(1);
    const edited = join(dir, "002-edited.xlsx");
    writeFileSync(edited, await zip.generateAsync({ type: "uint8array" }));
    const updated = join(dir, "002-updated.xlsx");
    expect((await cli(["import", join(ROOT, "tests/fixtures/seeds/002-pci-minh-bach-2023.txt"), "--update", edited, "-o", updated])).code).toBe(0);
    const schedule = readScheduleTable(await readWorkbook(new Uint8Array(readFileSync(updated))));
    expect(schedule.get("2023-Q3")).toMatchObject({ due: "2023-10-05", to: "Sở Khoa học và Công nghệ" });
    expect(schedule.get("2023-Q2")).toMatchObject({ due: "2023-07-02" });
    expect((await cli(["forms", updated, "--period", "2023-Q3", "-o", join(dir, "q3-edited")])).code).toBe(0);
    const ExcelJS = (await import("exceljs")).default;
    const form = new ExcelJS.Workbook();
    await form.xlsx.readFile(join(dir, "q3-edited", "bao-cao-2023-q3-so-tu-phap.xlsx"));
    expect(form.getWorksheet("Báo cáo")?.getCell("D3").value).toBe("Hạn nộp: 05/10/2023 — gửi Sở Khoa học và Công nghệ");
  }, 120_000);
});

describe("seed 001, a plan with no table: forms and collect work on its tasks", () => {
  it("sends each lead its tasks (today's agency for 2025-H1), takes a task status back, and names who is late", async () => {
    const book = join(dir, "001.xlsx");
    expect((await cli(["import", join(ROOT, "tests/fixtures/seeds/001-binh-duong-nq02-2025-old-font.txt"), "-o", book])).code).toBe(0);
    const made = await cli(["forms", book, "--period", "2025-H1", "-o", join(dir, "001-h1")]);
    expect(made.out).toContain("Sở Nội vụ\t0 chỉ tiêu, 2 nhiệm vụ");
    // Sở Kế hoạch và Đầu tư's tasks (II.3, III.4) go to Sở Tài chính, with its own (III.3).
    expect(made.out).toContain("Sở Tài chính\t0 chỉ tiêu, 4 nhiệm vụ");
    const form = join(dir, "001-h1", "bao-cao-2025-h1-so-noi-vu.xlsx");
    const tasks = (await readWorkbook(new Uint8Array(readFileSync(form)))).tables.find((t) => t.name === "BaoCaoNhiemVu");
    const key = String(tasks?.rows[0]?.[tasks.headers.indexOf("Khóa")] ?? "");
    await fillWithExceljs(form, join(dir, "noi-vu.xlsx"), [{ key, column: "Trạng thái", value: "Đã hoàn thành" }]);
    const out = join(dir, "001-collected.xlsx");
    const r = await cli(["collect", join(dir, "noi-vu.xlsx"), "--into", book, "-o", out, "--today", "2025-06-15", "--json"]);
    const json = JSON.parse(r.out) as { accepted: unknown[]; pendingAgencies: Array<{ agency: string; due: string | null; daysLate: number }> };
    expect(json.accepted).toHaveLength(1);
    expect(json.pendingAgencies.find((p) => p.agency === "Sở Tài chính")).toEqual({ agency: "Sở Tài chính", period: "2025-H1", due: "2025-06-10", daysLate: 5 });
    const nv = (await readWorkbook(new Uint8Array(readFileSync(out)))).tables.find((t) => t.name === "NhiemVu");
    const row = nv?.rows.find((x) => x[nv.headers.indexOf("Khóa")] === key);
    expect(row?.[nv?.headers.indexOf("Trạng thái") ?? -1]).toBe("Hoàn thành");
  }, 120_000);
});
