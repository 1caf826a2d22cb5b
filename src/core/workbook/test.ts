import { interpretSnapshot, layoutSnapshot, demoResults, locateInReading } from ".";
import { buildLayout } from "../layout";
import { evaluateStatus } from "../status";
import type { StatusRow } from "../status";
import { indicator, plan, target, task } from "../layout/_test/plan";

describe("interpretSnapshot", () => {
  const p = plan([indicator("1", { tasks: [task("Làm A")] }), indicator("2")]);

  it("recognises a Chỉ tiêu workbook by its indicators table and key column", () => {
    const reading = interpretSnapshot(layoutSnapshot(buildLayout(p, { lang: "vi" })));
    expect(reading.isChiTieu).toBe(true);
    expect(reading.sheets).toEqual({ indicators: "Chỉ tiêu", tasks: "Nhiệm vụ" });
    expect(reading.indicators.map((r) => r.key)).toEqual(["1", "2"]);
    expect(reading.tasks).toHaveLength(1);
  });

  it("reads results, notes and task statuses by key", () => {
    const layout = buildLayout(p, {
      lang: "vi",
      results: { indicators: { "2": { result6m: 4, resultYear: 11, note: "đã báo cáo" } }, tasks: { "1|làm a": { status: "Hoàn thành" } }, goneIndicators: [], goneTasks: [] },
    });
    const reading = interpretSnapshot(layoutSnapshot(layout));
    expect(reading.results["2"]).toEqual({ result6m: 4, resultYear: 11 });
    expect(reading.notes["2"]).toBe("đã báo cáo");
    expect(reading.taskStatuses["1|làm a"]).toEqual({ status: "Hoàn thành", note: null });
  });

  it("locates a row's cell where it is now, even after officials sorted the table", () => {
    const snapshot = layoutSnapshot(buildLayout(p, { lang: "vi" }));
    snapshot.tables[0]?.rows.reverse();
    const reading = interpretSnapshot(snapshot);
    expect(locateInReading(reading, "1", "resultYear")).toEqual({ sheet: "Chỉ tiêu", address: "Q3" });
    expect(locateInReading(reading, "9", "resultYear")).toBeNull();
  });

  it("reads a workbook written in English", () => {
    const reading = interpretSnapshot(layoutSnapshot(buildLayout(p, { lang: "en" })));
    expect(reading.lang).toBe("en");
    expect(reading.indicators).toHaveLength(2);
  });

  it("says a workbook without our table is not a Chỉ tiêu workbook", () => {
    const reading = interpretSnapshot({ sheetNames: ["Sheet1"], tables: [{ sheet: "Sheet1", name: "Table1", anchor: "A1", headers: ["A"], rows: [[1]] }] });
    expect(reading.isChiTieu).toBe(false);
  });
});

describe("demoResults", () => {
  it("fills results so that met, missed, at-risk and no-data rows all appear", () => {
    const p = plan(Array.from({ length: 5 }, (_, i) =>
      indicator(`k${i}`, { target: target(">=", 80), baseline: { value: 60, percent: false, year: null, raw: "60" } })));
    const layout = buildLayout(p, { lang: "vi", results: demoResults(p) });
    const t = layout.sheets[0]?.tables[0];
    if (!t) throw new Error("no table");
    const at = (key: string): number => t.columns.findIndex((c) => c.key === key);
    const statuses = t.rows.map((r) => {
      const row = Object.fromEntries(["op", "target", "targetMax", "direction", "baseline", "baselineYear", "targetYear", "result6m", "resultYear"].map((k) => [k, r[at(k)]]));
      return evaluateStatus(row as unknown as StatusRow);
    });
    expect(new Set(statuses)).toEqual(new Set(["met", "missed", "atRisk", "noData"]));
  });
});
