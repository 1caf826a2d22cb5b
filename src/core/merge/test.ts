import { legacyPeriodResults, mergeIntoWorkbook } from ".";
import { buildLayout } from "../layout";
import { interpretSnapshot, layoutSnapshot } from "../workbook";
import type { WorkbookSnapshot } from "../workbook";
import { indicator, plan, target, task } from "../layout/_test/plan";

/** Types a value into a table cell of a snapshot, the way an official would. */
function type(s: WorkbookSnapshot, table: string, key: string, header: string, value: string | number): void {
  const t = s.tables.find((x) => x.name === table);
  if (!t) throw new Error(table);
  const keyCol = t.headers.indexOf("Khóa");
  const col = t.headers.indexOf(header);
  const row = t.rows.find((r) => r[keyCol] === key);
  if (!row) throw new Error(key);
  row[col] = value;
}

describe("mergeIntoWorkbook", () => {
  const old = plan([indicator("1", { tasks: [task("Làm A")] }), indicator("2"), indicator("3")]);
  const snapshot = layoutSnapshot(buildLayout(old, { lang: "vi" }));
  type(snapshot, "KetQuaTheoKy", "1", "Năm 2024", 12);
  type(snapshot, "KetQuaTheoKy", "1", "6 tháng đầu năm 2024", 6);
  type(snapshot, "ChiTieu", "2", "Ghi chú", "Chờ số liệu Cục Thống kê");
  type(snapshot, "KetQuaTheoKy", "3", "6 tháng đầu năm 2024", 5);
  type(snapshot, "NhiemVu", "1|làm a", "Trạng thái", "Đang thực hiện");
  const updated = plan([indicator("1", { tasks: [task("Làm A")] }), indicator("2"), indicator("4")]);
  const merged = mergeIntoWorkbook(updated, interpretSnapshot(snapshot));
  const after = interpretSnapshot(layoutSnapshot(buildLayout(updated, { lang: "vi", results: merged.user })));

  it("keeps every period's results, notes and task statuses typed by officials", () => {
    expect(after.periodResults["1"]).toEqual({ "2023-H1": null, "2023": null, "2024-H1": 6, "2024-H1/FY": null, "2024": 12 });
    expect(after.notes["2"]).toBe("Chờ số liệu Cục Thống kê");
    expect(after.taskStatuses["1|làm a"]?.status).toBe("Đang thực hiện");
  });

  it("adds indicators that are new in the document", () => {
    expect(merged.added).toEqual(["4"]);
    expect(after.indicators.map((r) => r.key)).toEqual(["1", "2", "4", "3"]);
  });

  it("keeps an indicator gone from the document, with its results, marked not deleted", () => {
    expect(merged.gone).toEqual(["3"]);
    const gone = after.indicators.find((r) => r.key === "3");
    expect(after.periodResults["3"]?.["2024-H1"]).toBe(5);
    expect(gone?.values.sourceState).toBe("Không còn trong văn bản");
    expect(gone?.values.name).toBe("Chỉ tiêu 3");
  });

  it("keeps a row an official added without a key, unmarked, and gives it a grid row of its own", () => {
    const s = layoutSnapshot(buildLayout(old, { lang: "vi" }));
    const t = s.tables.find((x) => x.name === "ChiTieu");
    t?.rows.push(t.headers.map((h) => (h === "Chỉ tiêu" ? "Chỉ tiêu tự thêm" : null)));
    const m = mergeIntoWorkbook(old, interpretSnapshot(s));
    const again = interpretSnapshot(layoutSnapshot(buildLayout(old, { lang: "vi", results: m.user })));
    const mine = again.indicators.find((r) => r.values.name === "Chỉ tiêu tự thêm");
    expect(mine?.key).toMatch(/^user:/);
    expect(mine?.values.sourceState ?? null).toBeNull();
    expect(Object.keys(again.periodResults)).toContain(mine?.key);
    // Merged again, it stays the official's row: not marked as gone from the document.
    const m2 = mergeIntoWorkbook(old, again);
    expect(m2.gone).toEqual([]);
  });

  it("keeps the period KyBaoCao showed", () => {
    const s = layoutSnapshot(buildLayout(old, { lang: "vi" }));
    s.names = { KyBaoCao: "Năm 2024" };
    expect(mergeIntoWorkbook(old, interpretSnapshot(s)).user.reportPeriod).toBe("2024");
  });

  it("keeps a result typed for a period the plan no longer names, in a column of its own", () => {
    const s = layoutSnapshot(buildLayout(old, { lang: "vi", results: { indicators: {}, tasks: {}, goneIndicators: [], goneTasks: [], periodResults: { "1": { "2023": 9 } } } }));
    const grid = s.tables.find((x) => x.name === "KetQuaTheoKy");
    expect(grid?.headers).toContain("Năm 2023");
    const m = mergeIntoWorkbook(old, interpretSnapshot(s));
    const again = interpretSnapshot(layoutSnapshot(buildLayout(old, { lang: "vi", results: m.user })));
    expect(again.periodResults["1"]?.["2023"]).toBe(9);
  });

  it("changes nothing when the same plan is merged twice", () => {
    const once = mergeIntoWorkbook(updated, after);
    const twice = interpretSnapshot(layoutSnapshot(buildLayout(updated, { lang: "vi", results: once.user })));
    expect(twice.indicators).toEqual(after.indicators);
    expect(twice.tasks).toEqual(after.tasks);
  });
});

describe("mergeIntoWorkbook with tasks gone from the document", () => {
  it("keeps the status typed on a task whose indicator left the document", () => {
    const before = plan([indicator("0", { tasks: [task("Nhiệm vụ 0")] }), indicator("1")]);
    const s = layoutSnapshot(buildLayout(before, { lang: "vi" }));
    type(s, "NhiemVu", "0|nhiệm vụ 0", "Trạng thái", "Chưa thực hiện");
    const after = plan([indicator("1")]);
    const m = mergeIntoWorkbook(after, interpretSnapshot(s));
    const again = interpretSnapshot(layoutSnapshot(buildLayout(after, { lang: "vi", results: m.user })));
    expect(again.tasks[0]?.values).toMatchObject({ status: "Chưa thực hiện", sourceState: "Không còn trong văn bản" });
  });
});

describe("migrating a workbook written before the period grid", () => {
  /** The Chỉ tiêu table as main wrote it: "Kết quả 6 tháng" and "Kết quả cả năm", no grid. */
  function legacySnapshot(): WorkbookSnapshot {
    const s = layoutSnapshot(buildLayout(plan([indicator("1"), indicator("2"), indicator("3", { target: { ...target(">=", 5), year: null } })]), { lang: "vi" }));
    s.tables = s.tables.filter((t) => t.name !== "KetQuaTheoKy" && t.name !== "DanhSachKy");
    const t = s.tables.find((x) => x.name === "ChiTieu");
    if (!t) throw new Error("no table");
    t.headers.push("Kết quả 6 tháng", "Kết quả cả năm");
    t.rows.forEach((r) => r.push(null, null));
    type(s, "ChiTieu", "1", "Kết quả 6 tháng", 4.5);
    type(s, "ChiTieu", "1", "Kết quả cả năm", 11);
    type(s, "ChiTieu", "2", "Kết quả cả năm", "đang tổng hợp");
    type(s, "ChiTieu", "3", "Kết quả 6 tháng", 2);
    return s;
  }

  it("moves both results into the first half and the whole of the target's year, text included", () => {
    const reading = interpretSnapshot(legacySnapshot());
    expect(reading.legacy).toBe(true);
    expect(legacyPeriodResults(reading, 2030)).toEqual({ "1": { "2024-H1": 4.5, "2024": 11 }, "2": { "2024": "đang tổng hợp" }, "3": { "2030-H1": 2 } });
  });

  it("migrates only a workbook without a grid: old columns left beside a grid never refill it", () => {
    const withGrid = legacySnapshot();
    const p = plan([indicator("1")]);
    withGrid.tables.push(...layoutSnapshot(buildLayout(p, { lang: "vi" })).tables.filter((t) => t.name === "KetQuaTheoKy"));
    const m = mergeIntoWorkbook(p, interpretSnapshot(withGrid));
    expect(m.user.periodResults?.["1"]).toEqual({ "2023-H1": null, "2023": null, "2024-H1": null, "2024-H1/FY": null, "2024": null });
  });

  it("writes them into the grid on update, so the new sheet shows them", () => {
    const p = plan([indicator("1"), indicator("2"), indicator("3", { target: { ...target(">=", 5), year: null } })]);
    const m = mergeIntoWorkbook(p, interpretSnapshot(legacySnapshot()));
    const after = interpretSnapshot(layoutSnapshot(buildLayout(p, { lang: "vi", results: m.user })));
    expect(after.legacy).toBe(false);
    expect(after.periodResults["1"]).toEqual({ "2023-H1": null, "2023": null, "2024-H1": 4.5, "2024-H1/FY": null, "2024": 11 });
    expect(after.periodResults["2"]?.["2024"]).toBe("đang tổng hợp");
    // No target year: the plan's last year (2024 here).
    expect(after.periodResults["3"]?.["2024-H1"]).toBe(2);
  });
});
