import { buildLayout } from "./index";
import { planUpdate, updatedRef } from "./ownership";
import type { CellState, ExistingTable, ExistingWorkbook } from "./ownership";
import type { TableSpec, WorkbookLayout } from "./types";
import { indicator, plan, target } from "./_test/plan";

const layoutOf = (keys: string[]): WorkbookLayout => buildLayout(plan(keys.map((k) => indicator(k, { target: target(">=", 10) }))), { lang: "vi" });
const spec = (layout: WorkbookLayout, name: string): TableSpec => {
  const t = layout.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(name);
  return t;
};

/** The workbook as our own writer left it for `layout`, with the user's edits applied by `edit`. */
function existingOf(layout: WorkbookLayout, edit: (t: ExistingTable) => void = () => undefined): ExistingWorkbook {
  const tables = layout.sheets.flatMap((s) =>
    s.tables.map((t): ExistingTable => {
      const keyAt = t.columns.findIndex((c) => c.key === t.rowKey);
      const rows = (t.rows.length > 0 ? t.rows : [t.columns.map(() => null)]).map((r) => ({
        key: keyAt >= 0 && typeof r[keyAt] === "string" ? (r[keyAt] as string) : null,
        cells: t.columns.map((c, j): CellState => (c.formula ? "formula" : r[j] === null || r[j] === "" ? "empty" : "value")),
      }));
      const table: ExistingTable = { name: t.name, sheet: s.name, anchor: t.anchor, headers: t.columns.map((c) => c.header), rows, totalsRow: false };
      edit(table);
      return table;
    }));
  return { sheets: layout.sheets.map((s) => s.name), tables, names: layout.names };
}

describe("planUpdate", () => {
  it("keeps existing rows where they are and adds new keys at the end of the table", () => {
    const plan1 = planUpdate(layoutOf(["b", "c", "d"]), existingOf(layoutOf(["a", "b", "c"])));
    const u = plan1.tables.find((t) => t.table === "ChiTieu");
    expect(plan1.problems).toEqual([]);
    expect(u?.rowsBefore).toBe(3);
    expect(u?.rowsAfter).toBe(4);
    const keyCol = spec(layoutOf(["a"]), "ChiTieu").columns.findIndex((c) => c.key === "key");
    const keys = u?.writes.filter((w) => w.column === keyCol).map((w) => [w.row, w.value]);
    expect(keys).toEqual([[1, "b"], [2, "c"], [3, "d"]]);
    expect(u && updatedRef(u)).toBe("A1:AE5");
  });

  it("never writes an input cell the user filled, and fills empty ones", () => {
    // Results are typed into the Kết quả theo kỳ grid, one input column per period.
    const layout = layoutOf(["a", "b"]);
    const grid = spec(layout, "KetQuaTheoKy");
    const resultCol = grid.columns.findIndex((c) => c.key.startsWith("period:") && !c.key.endsWith("-H1"));
    const column = grid.columns[resultCol]?.key ?? "";
    expect(grid.columns[resultCol]?.input).toBe(true);
    const period = column.slice("period:".length);
    const existing = existingOf(layout, (t) => {
      if (t.name === "KetQuaTheoKy") (t.rows[0] as { cells: CellState[] }).cells[resultCol] = "formula";
    });
    const next = buildLayout(plan([indicator("a"), indicator("b")]), {
      lang: "vi",
      results: { indicators: {}, periodResults: { a: { [period]: 5 }, b: { [period]: 7 } }, tasks: {}, goneIndicators: [], goneTasks: [] },
    });
    const writes = planUpdate(next, existing).tables.find((t) => t.table === "KetQuaTheoKy")?.writes.filter((w) => w.column === resultCol);
    expect(writes?.map((w) => [w.row, w.value])).toEqual([[1, 7]]);
    // A caller that collected a value on purpose (forms' collect) names the cell to overwrite.
    const forced = planUpdate(next, existing, { overwrite: [{ table: "KetQuaTheoKy", key: "a", column }] });
    expect(forced.tables.find((t) => t.table === "KetQuaTheoKy")?.writes.filter((w) => w.column === resultCol).map((w) => [w.row, w.value])).toEqual([[0, 5], [1, 7]]);
  });

  it("finds our columns by header wherever the user moved them, and leaves the user's columns out", () => {
    const layout = layoutOf(["a"]);
    const existing = existingOf(layout, (t) => {
      if (t.name !== "ChiTieu") return;
      t.headers.splice(2, 0, "Người phụ trách");
      for (const r of t.rows) r.cells.splice(2, 0, "value");
    });
    const u = planUpdate(layout, existing).tables.find((t) => t.table === "ChiTieu");
    expect(u?.columnAt.slice(0, 4)).toEqual([0, 1, 3, 4]);
    expect(u?.writes.some((w) => w.column === 2)).toBe(false);
    expect(u?.width).toBe(32);
  });

  it("adds a column of ours the table lacks at its right end", () => {
    const layout = layoutOf(["a"]);
    const existing = existingOf(layout, (t) => {
      if (t.name !== "ChiTieu") return;
      const at = t.headers.indexOf("Ghi chú");
      t.headers.splice(at, 1);
      for (const r of t.rows) r.cells.splice(at, 1);
    });
    const u = planUpdate(layout, existing).tables.find((t) => t.table === "ChiTieu");
    expect(u?.appended.map((c) => c.header)).toEqual(["Ghi chú"]);
    expect(u && updatedRef(u)).toBe("A1:AE2");
  });

  it("refuses, in Vietnamese, when the key column is gone, a totals row is on, or our sheet lost its table", () => {
    const layout = layoutOf(["a", "b"]);
    const noKey = existingOf(layoutOf(["a"]), (t) => {
      if (t.name === "ChiTieu") t.headers = t.headers.map((h) => (h === "Khóa" ? "Khoá cũ" : h));
    });
    expect(planUpdate(layout, noKey).problems.map((p) => p.code)).toContain("KEY_COLUMN_MISSING");
    const totals = existingOf(layoutOf(["a"]), (t) => {
      if (t.name === "ChiTieu") t.totalsRow = true;
    });
    const p = planUpdate(layout, totals).problems;
    expect(p.map((x) => x.code)).toEqual(["TOTALS_ROW"]);
    expect(p[0]?.vi).toContain("dòng tổng");
    const gone = existingOf(layout);
    gone.tables = gone.tables.filter((t) => t.name !== "NhiemVu");
    // Our sheet without its only table (converted to a range, or deleted) cannot be told from a user's sheet of that name.
    expect(planUpdate(layout, gone).problems.map((x) => [x.code, x.sheet])).toEqual([["SHEET_TAKEN", "Nhiệm vụ"]]);
  });

  it("updates our sheet under the name the user gave it, and points our names there", () => {
    const layout = layoutOf(["a"]);
    const existing = existingOf(layout, (t) => {
      if (t.sheet === "Tổng hợp") t.sheet = "TH 2026";
    });
    existing.sheets = existing.sheets.map((s) => (s === "Tổng hợp" ? "TH 2026" : s));
    const out = planUpdate(layout, existing);
    expect(out.problems).toEqual([]);
    expect(out.newSheets).toEqual([]);
    expect(out.names.find((n) => n.name === "SaiSoChoPhep")?.formula).toBe("='TH 2026'!$B$3");
    expect(out.cells.every((c) => c.sheet === "TH 2026")).toBe(true);
  });

  it("writes a table a later version added to one of our sheets, where the layout puts it", () => {
    const layout = layoutOf(["a"]);
    const existing = existingOf(layout);
    existing.tables = existing.tables.filter((t) => t.name !== "TongHopDonVi");
    const out = planUpdate(layout, existing);
    expect(out.problems).toEqual([]);
    expect(out.newTables.map((t) => [t.sheet, t.spec.name])).toEqual([["Tổng hợp", "TongHopDonVi"]]);
  });

  it("writes a layout sheet the workbook lacks whole, and refuses a user's sheet that holds its name", () => {
    const layout = layoutOf(["a"]);
    const existing = existingOf(layout);
    existing.tables = existing.tables.filter((t) => t.name !== "KiemTra");
    existing.sheets = existing.sheets.filter((s) => s !== "Kiểm tra");
    expect(planUpdate(layout, existing).newSheets.map((s) => s.name)).toEqual(["Kiểm tra"]);
    existing.sheets.push("Kiểm tra");
    expect(planUpdate(layout, existing).problems.map((p) => p.code)).toEqual(["SHEET_TAKEN"]);
  });
});
