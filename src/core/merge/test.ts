import { mergeIntoWorkbook } from ".";
import { buildLayout } from "../layout";
import { interpretSnapshot, layoutSnapshot } from "../workbook";
import type { WorkbookSnapshot } from "../workbook";
import { indicator, plan, task } from "../layout/_test/plan";

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
  type(snapshot, "ChiTieu", "1", "Kết quả cả năm", 12);
  type(snapshot, "ChiTieu", "2", "Ghi chú", "Chờ số liệu Cục Thống kê");
  type(snapshot, "ChiTieu", "3", "Kết quả 6 tháng", 5);
  type(snapshot, "NhiemVu", "1|làm a", "Trạng thái", "Đang thực hiện");
  const updated = plan([indicator("1", { tasks: [task("Làm A")] }), indicator("2"), indicator("4")]);
  const merged = mergeIntoWorkbook(updated, interpretSnapshot(snapshot));
  const after = interpretSnapshot(layoutSnapshot(buildLayout(updated, { lang: "vi", results: merged.user })));

  it("keeps results, notes and task statuses typed by officials", () => {
    expect(after.results["1"]?.resultYear).toBe(12);
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
    expect(gone?.values.result6m).toBe(5);
    expect(gone?.values.sourceState).toBe("Không còn trong văn bản");
    expect(gone?.values.name).toBe("Chỉ tiêu 3");
  });

  it("keeps a row an official added without a key, unmarked", () => {
    const s = layoutSnapshot(buildLayout(old, { lang: "vi" }));
    const t = s.tables.find((x) => x.name === "ChiTieu");
    t?.rows.push(t.headers.map((h) => (h === "Chỉ tiêu" ? "Chỉ tiêu tự thêm" : h === "Kết quả cả năm" ? 3 : null)));
    const m = mergeIntoWorkbook(old, interpretSnapshot(s));
    const again = interpretSnapshot(layoutSnapshot(buildLayout(old, { lang: "vi", results: m.user })));
    const mine = again.indicators.find((r) => r.values.name === "Chỉ tiêu tự thêm");
    expect(mine?.values.resultYear).toBe(3);
    expect(mine?.values.sourceState ?? null).toBeNull();
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
