/**
 * The annual plan in a workbook: its history fills the grid (2024 results,
 * 2025 estimates, the year-before periods), and the status table compares
 * every result with the same period a year earlier, saying which figure is an
 * estimate. An update keeps what officials typed over the appendix's figures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importFile } from "../../src/import";
import type { Plan } from "../../src/core/model";
import { buildLayout } from "../../src/core/layout";
import { interpretSnapshot, layoutSnapshot } from "../../src/core/workbook";
import type { WorkbookSnapshot } from "../../src/core/workbook";
import { mergeIntoWorkbook } from "../../src/core/merge";
import { statusTable } from "../../src/core/statusTable";
import { periodOf } from "../../src/core/period";

function type(s: WorkbookSnapshot, key: string, header: string, value: string | number | null): void {
  const t = s.tables.find((x) => x.name === "KetQuaTheoKy");
  if (!t) throw new Error("no grid");
  const row = t.rows.find((r) => r[t.headers.indexOf("Khóa")] === key);
  if (!row) throw new Error(key);
  row[t.headers.indexOf(header)] = value;
}

const cell = (s: WorkbookSnapshot, key: string, header: string): unknown => {
  const t = s.tables.find((x) => x.name === "KetQuaTheoKy");
  const row = t?.rows.find((r) => r[t.headers.indexOf("Khóa")] === key);
  return row?.[t?.headers.indexOf(header) ?? -1];
};

let plan: Plan;
beforeAll(async () => {
  const o = await importFile("ke-hoach-nam-2026.docx", new Uint8Array(readFileSync(join(__dirname, "../fixtures/shapes/ke-hoach-nam-2026.docx"))));
  if (!o.ok) throw new Error(o.error.messageEn);
  plan = o.result.plan;
});

describe("the annual plan's history in the grid", () => {
  it("has the year before's periods and the appendix's 2024 results and 2025 estimates", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    const grid = s.tables.find((t) => t.name === "KetQuaTheoKy");
    expect(grid?.headers).toEqual(["Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2024", "6 tháng đầu năm 2025", "Năm 2025", "6 tháng đầu năm 2026", "Ước cả năm 2026 (kỳ 6 tháng)", "Năm 2026", "Khóa"]);
    expect([cell(s, "PL/4", "Năm 2024"), cell(s, "PL/4", "Năm 2025"), cell(s, "PL/4", "6 tháng đầu năm 2025")]).toEqual([5420, 6150, null]);
    // PCI has no 2025 estimate: the cell stays empty, not invented.
    expect(cell(s, "PL/8", "Năm 2025")).toBeNull();
  });

  it("shows the baseline's nature on Chỉ tiêu and starts KyBaoCao on the plan's first round", () => {
    const layout = buildLayout(plan, { lang: "vi" });
    const s = layoutSnapshot(layout);
    const t = s.tables.find((x) => x.name === "ChiTieu");
    const row = t?.rows.find((r) => r[t.headers.indexOf("Khóa")] === "PL/1");
    expect([row?.[t?.headers.indexOf("Giá trị gốc") ?? -1], row?.[t?.headers.indexOf("Năm gốc") ?? -1], row?.[t?.headers.indexOf("Tính chất số gốc") ?? -1]]).toEqual([0.0705, 2025, "Ước thực hiện"]);
    expect(layout.sheets.find((x) => x.role === "summary")?.cells.find((c) => c.address === "B5")?.value).toBe("6 tháng đầu năm 2026");
  });

  it("compares the year with the 2025 estimate, says it is an estimate, and leaves growth rates without a ratio", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    type(s, "PL/4", "Năm 2026", 6650);
    // A percent row holds fractions, as Excel stores 8,1 %.
    type(s, "PL/1", "Năm 2026", 0.081);
    const table = statusTable(interpretSnapshot(s), periodOf("2026"));
    const budget = table.indicators.find((r) => r.key === "PL/4");
    expect(budget?.previous).toEqual({ period: { id: "2025", label: "Năm 2025" }, value: 6150, nature: "estimate" });
    expect(budget?.percentOfPrevious).toBeCloseTo((6650 / 6150) * 100, 9);
    const grdp = table.indicators.find((r) => r.key === "PL/1");
    expect(grdp?.previous?.value).toBeCloseTo(0.0705, 12);
    expect(grdp?.percentOfPrevious).toBeNull();
  });

  it("compares 6 months with the same 6 months, a figure typed with no mark having no nature", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    type(s, "PL/4", "6 tháng đầu năm 2025", 2900);
    type(s, "PL/4", "6 tháng đầu năm 2026", 3126);
    const budget = statusTable(interpretSnapshot(s), periodOf("2026-H1")).indicators.find((r) => r.key === "PL/4");
    expect(budget?.previous).toEqual({ period: { id: "2025-H1", label: "6 tháng đầu năm 2025" }, value: 2900, nature: null });
    expect(budget?.percentOfPrevious).toBeCloseTo(107.7931, 3);
    expect(budget?.nature).toBeNull();
  });

  it("carries the 6-month round's full-year estimate with its outlook against the year's target", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    type(s, "PL/4", "6 tháng đầu năm 2026", 3126);
    type(s, "PL/4", "Ước cả năm 2026 (kỳ 6 tháng)", 6600);
    type(s, "PL/13", "Ước cả năm 2026 (kỳ 6 tháng)", 13.1);
    const table = statusTable(interpretSnapshot(s), periodOf("2026-H1"));
    expect(table.indicators.find((r) => r.key === "PL/4")?.fullYearEstimate).toEqual({ value: 6600, status: "met", statusLabel: "dự kiến Đạt" });
    expect(table.indicators.find((r) => r.key === "PL/13")?.fullYearEstimate).toEqual({ value: 13.1, status: "missed", statusLabel: "dự kiến Không đạt" });
    expect(table.indicators.find((r) => r.key === "PL/7")?.fullYearEstimate).toMatchObject({ value: null, statusLabel: "Chưa có số liệu" });
    expect(statusTable(interpretSnapshot(s), periodOf("2026")).indicators[0]?.fullYearEstimate).toBeNull();
  });

  it("keeps a figure an official typed over the appendix's estimate through an update, and drops the estimate's mark", () => {
    const s = layoutSnapshot(buildLayout(plan, { lang: "vi" }));
    type(s, "PL/4", "Năm 2025", 6210);
    const merged = mergeIntoWorkbook(plan, interpretSnapshot(s));
    const after = layoutSnapshot(buildLayout(plan, { lang: "vi", results: merged.user }));
    expect(cell(after, "PL/4", "Năm 2025")).toBe(6210);
    type(after, "PL/4", "Năm 2026", 6650);
    const budget = statusTable(interpretSnapshot(after), periodOf("2026")).indicators.find((r) => r.key === "PL/4");
    expect(budget?.previous).toEqual({ period: { id: "2025", label: "Năm 2025" }, value: 6210, nature: null });
  });
});
