import { interpretSnapshot, layoutSnapshot, demoResults, locateInReading } from ".";
import { buildLayout } from "../layout";
import { evaluatePeriod } from "../period";
import type { PlanRow } from "../period";
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
      results: { indicators: { "2": { note: "đã báo cáo" } }, periodResults: { "2": { "2024-H1": 4, "2024": 11 } }, tasks: { "1|làm a": { status: "Hoàn thành" } }, goneIndicators: [], goneTasks: [] },
    });
    const snapshot = layoutSnapshot(layout);
    snapshot.names = { KyBaoCao: "6 tháng đầu năm 2024" };
    const reading = interpretSnapshot(snapshot);
    expect(reading.periodResults["2"]).toEqual({ "2023-H1": null, "2023": null, "2024-H1": 4, "2024-H1/FY": null, "2024": 11 });
    expect(reading.periods.map((p) => p.id)).toEqual(["2023-H1", "2023", "2024-H1", "2024"]);
    expect(reading.reportPeriod?.id).toBe("2024-H1");
    expect(reading.legacy).toBe(false);
    expect(reading.notes["2"]).toBe("đã báo cáo");
    expect(reading.taskStatuses["1|làm a"]).toEqual({ status: "Hoàn thành", note: null });
  });

  it("locates a row's cell where it is now, even after officials sorted the table", () => {
    const snapshot = layoutSnapshot(buildLayout(p, { lang: "vi" }));
    snapshot.tables[0]?.rows.reverse();
    const reading = interpretSnapshot(snapshot);
    expect(locateInReading(reading, "1", "target")).toEqual({ sheet: "Chỉ tiêu", address: "L3" });
    expect(locateInReading(reading, "9", "target")).toBeNull();
    // A period's result is located in the grid: column of the period, row of the key.
    expect(locateInReading(reading, "2", "period:2024")).toEqual({ sheet: "Kết quả theo kỳ", address: "H3" });
    expect(locateInReading(reading, "2", "period:2031")).toBeNull();
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
  it("fills results so that every status appears across the plan's periods", () => {
    const p = plan(Array.from({ length: 6 }, (_, i) =>
      indicator(`k${i}`, { target: target(">=", 80), baseline: { value: 60, percent: false, year: 2023, raw: "60" } })));
    const layout = buildLayout(p, { lang: "vi", results: demoResults(p) });
    const t = layout.sheets[0]?.tables[0];
    if (!t) throw new Error("no table");
    const at = (key: string): number => t.columns.findIndex((c) => c.key === key);
    const reading = interpretSnapshot(layoutSnapshot(layout));
    const statuses = t.rows.flatMap((r) => {
      const row = Object.fromEntries(["op", "target", "targetMax", "direction", "baseline", "baselineYear", "targetYear"].map((k) => [k, r[at(k)]])) as unknown as PlanRow;
      const typed = reading.periodResults[String(r[at("key")])] ?? {};
      return reading.periods.map((period) => evaluatePeriod(row, period, typed[period.id]).status);
    });
    expect(new Set(statuses)).toEqual(new Set(["exceeded", "met", "missed", "atRisk", "onTrack", "noData"]));
  });
});
