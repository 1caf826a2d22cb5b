import { comparePeriods, evaluatePeriod, fullYearEstimateId, fullYearEstimateLabel, fullYearEstimateOf, hasFullYearEstimate, parsePeriod, periodOf, planPeriods, previousYearPeriod } from ".";
import type { PlanRow } from ".";
import { indicator, plan, target } from "../layout/_test/plan";

const row = (extra: Partial<PlanRow>): PlanRow => ({
  op: "≥", target: 10, targetMax: null, direction: "Cao hơn là tốt", baseline: null, baselineYear: null, targetYear: 2023, ...extra,
});

describe("parsePeriod", () => {
  it.each([
    ["2026", "Năm 2026", "2026-12-31"],
    ["2026-H1", "6 tháng đầu năm 2026", "2026-06-30"],
    ["2026-9M", "9 tháng năm 2026", "2026-09-30"],
    ["2026-Q1", "Quý I/2026", "2026-03-31"],
    ["2026-Q2", "Quý II/2026", "2026-06-30"],
    ["2026-Q3", "Quý III/2026", "2026-09-30"],
    ["2026-Q4", "Quý IV/2026", "2026-12-31"],
  ])("reads id %s as '%s' ending %s, and the label back to the id", (id, label, end) => {
    const p = parsePeriod(id);
    expect(p).toMatchObject({ id, label, end });
    expect(parsePeriod(label)?.id).toBe(id);
  });

  it("reads labels typed loosely: other case, without diacritics, 'cả năm', arabic quarters, English", () => {
    expect(parsePeriod("  6 THÁNG ĐẦU NĂM 2023 ")?.id).toBe("2023-H1");
    expect(parsePeriod("6 thang nam 2023")?.id).toBe("2023-H1");
    expect(parsePeriod("Cả năm 2023")?.id).toBe("2023");
    expect(parsePeriod("Quý 3/2023")?.id).toBe("2023-Q3");
    expect(parsePeriod("quý iv năm 2023")?.id).toBe("2023-Q4");
    expect(parsePeriod("First half of 2023")?.id).toBe("2023-H1");
    expect(parsePeriod("Q2 2023")?.id).toBe("2023-Q2");
  });

  it("gives English labels", () => {
    expect(parsePeriod("2026-9M")?.labelEn).toBe("First nine months of 2026");
    expect(parsePeriod("2026-Q3")?.labelEn).toBe("Q3 2026");
  });

  it("returns null for text that is not a period", () => {
    for (const t of ["", "2026-H2", "2026-Q5", "Quý V/2026", "năm nay", "10 tháng năm 2026", "26", "0026"]) expect(parsePeriod(t)).toBeNull();
  });
});

describe("periodOf", () => {
  it("gives the period of an id", () => {
    expect(periodOf("2023-H1")).toEqual({ id: "2023-H1", kind: "half", year: 2023, quarter: null, label: "6 tháng đầu năm 2023", labelEn: "First half of 2023", end: "2023-06-30" });
  });
  it("throws on a label or malformed id, which only a programming error passes", () => {
    expect(() => periodOf("Năm 2023")).toThrow(/Not a period id/);
    expect(() => periodOf("2023-H3")).toThrow(/Not a period id/);
  });
});

describe("planPeriods", () => {
  it("gives an annual plan its first half and its year", () => {
    expect(planPeriods(plan([indicator("1", { target: target(">=", 5, { year: 2024 }) })])).map((p) => p.id)).toEqual(["2024-H1", "2024"]);
  });
  it("gives a 2021–2030 plan the first half and the year of every year, in order", () => {
    const p = { ...plan([indicator("1", { target: target(">=", 5, { year: 2030 }) })]), period: { from: 2021, to: 2030 } };
    const ids = planPeriods(p).map((x) => x.id);
    expect(ids).toHaveLength(20);
    expect(ids.slice(0, 3)).toEqual(["2021-H1", "2021", "2022-H1"]);
    expect(ids.at(-1)).toBe("2030");
  });
  it("widens the plan's years to a target year beyond them", () => {
    const p = { ...plan([indicator("1", { target: target(">=", 5, { year: 2025 }) })]), period: { from: 2024, to: 2024 } };
    expect(planPeriods(p).map((x) => x.id)).toEqual(["2024-H1", "2024", "2025-H1", "2025"]);
  });
  it("falls back on the plan's date, and gives none without any year", () => {
    const bare = { ...plan([indicator("1", { target: target(">=", 5, { year: null }) })]), period: null };
    expect(planPeriods(bare).map((x) => x.id)).toEqual(["2024-H1", "2024"]);
    expect(planPeriods({ ...bare, date: null })).toEqual([]);
  });
  it("orders a quarter before the half year that ends the same day", () => {
    expect([periodOf("2023-H1"), periodOf("2023-Q2"), periodOf("2023-Q1")].sort(comparePeriods).map((p) => p.id)).toEqual(["2023-Q1", "2023-Q2", "2023-H1"]);
  });
});

describe("evaluatePeriod", () => {
  const h1 = periodOf("2023-H1");
  const y = periodOf("2023");

  it("says Chưa có số liệu without a result, even when the period is final", () => {
    expect(evaluatePeriod(row({}), y, null).status).toBe("noData");
    expect(evaluatePeriod(row({}), y, "khoảng 20").status).toBe("noData");
    expect(evaluatePeriod(row({}), h1, null)).toEqual({ status: "noData", expected: 10, judged: null, percentOfPlan: null });
  });

  it("says nothing for a row without a numeric target", () => {
    expect(evaluatePeriod(row({ target: null }), y, 5).status).toBe("none");
  });

  it("judges a year-end result against the target, the boundary meeting ≥ and ≤", () => {
    expect(evaluatePeriod(row({ target: 6.35 }), y, 6.35).status).toBe("met");
    expect(evaluatePeriod(row({ target: 3.4 }), y, 3.06).status).toBe("missed");
    const lower = row({ op: "≤", target: 0.21, direction: "Thấp hơn là tốt" });
    expect(evaluatePeriod(lower, y, 0.21).status).toBe("met");
    expect(evaluatePeriod(lower, y, 0.2101).status).toBe("missed");
  });

  it("judges ≈ with the tolerance, a range from its near bound to beyond its far one, and strict > at its boundary", () => {
    expect(evaluatePeriod(row({ op: "≈", target: 100 }), y, 104.9, 0.05).status).toBe("met");
    expect(evaluatePeriod(row({ op: "≈", target: 100 }), y, 105.1, 0.05).status).toBe("exceeded");
    expect(evaluatePeriod(row({ op: "≈", target: 100 }), y, 94, 0.05).status).toBe("missed");
    expect(evaluatePeriod(row({ op: "khoảng", target: 5, targetMax: 7 }), y, 7).status).toBe("met");
    expect(evaluatePeriod(row({ op: "khoảng", target: 5, targetMax: 7 }), y, 7.5).status).toBe("exceeded");
    expect(evaluatePeriod(row({ op: "khoảng", target: 5, targetMax: 7 }), y, 4.9).status).toBe("missed");
    expect(evaluatePeriod(row({ op: ">", target: 5 }), y, 5).status).toBe("missed");
  });

  it("judges a rank target (lower is better) at the boundary as met", () => {
    expect(evaluatePeriod(row({ op: "≤", target: 10, direction: "Thấp hơn là tốt" }), y, 10).status).toBe("met");
  });

  it("judges a period after the target's year as final too", () => {
    expect(evaluatePeriod(row({ targetYear: 2022 }), h1, 10).status).toBe("met");
    expect(evaluatePeriod(row({ targetYear: 2022 }), h1, 12).status).toBe("exceeded");
  });

  it("reads the line from baseline (31/12 of its year) to target at the period's end", () => {
    // 2022-12-31 → 2023-12-31 is 365 days; 2023-06-30 is 181 days in.
    const r = row({ baseline: 60, baselineYear: 2022, target: 80, targetYear: 2023 });
    const expected = 60 + (20 * 181) / 365;
    expect(evaluatePeriod(r, h1, 70).expected).toBeCloseTo(expected, 12); // 69.92
    expect(evaluatePeriod(r, h1, 69.9).status).toBe("atRisk");
    expect(evaluatePeriod(r, h1, 70).status).toBe("onTrack");
    expect(evaluatePeriod(r, h1, expected).status).toBe("onTrack");
  });

  it("reads the line the other way for a lower-is-better row", () => {
    const r = row({ op: "≤", direction: "Thấp hơn là tốt", baseline: 30, baselineYear: 2022, target: 20, targetYear: 2023 });
    expect(evaluatePeriod(r, h1, 25).status).toBe("onTrack");
    expect(evaluatePeriod(r, h1, 26).status).toBe("atRisk");
  });

  it("puts a 2025 result of a 2020 → 2030 plan half way along the line (47.1 % → 60 %: about 53.55 %)", () => {
    const r = row({ baseline: 0.471, baselineYear: 2020, target: 0.6, targetYear: 2030 });
    const e = evaluatePeriod(r, periodOf("2025"), 0.54);
    expect(e.expected).toBeCloseTo(0.5355, 10);
    expect(e.status).toBe("onTrack");
    expect(evaluatePeriod(r, periodOf("2025"), 0.53).status).toBe("atRisk");
  });

  it("compares an early result with the target itself when there is no baseline", () => {
    expect(evaluatePeriod(row({ target: 10 }), h1, 10)).toMatchObject({ status: "onTrack", expected: 10 });
    expect(evaluatePeriod(row({ target: 10 }), h1, 9.9).status).toBe("atRisk");
  });

  it("treats a December period as final when the target has no year", () => {
    expect(evaluatePeriod(row({ targetYear: null }), y, 9).status).toBe("missed");
    expect(evaluatePeriod(row({ targetYear: null }), h1, 9).status).toBe("atRisk");
  });

  it("computes % so với kế hoạch as result ÷ target × 100, never from the baseline", () => {
    const r = row({ baseline: 60, baselineYear: 2022, target: 80 });
    expect(evaluatePeriod(r, y, 84).percentOfPlan).toBeCloseTo(105, 12);
    expect(evaluatePeriod(r, y, null).percentOfPlan).toBeNull();
    expect(evaluatePeriod(row({ target: 0 }), y, 1).percentOfPlan).toBeNull();
  });
});

describe("previousYearPeriod", () => {
  it("pairs every period with the same period of the year before", () => {
    expect(["2026-H1", "2026-9M", "2026-Q3", "2026"].map((id) => previousYearPeriod(periodOf(id)).id)).toEqual(["2025-H1", "2025-9M", "2025-Q3", "2025"]);
    expect(previousYearPeriod(periodOf("2026-H1")).label).toBe("6 tháng đầu năm 2025");
  });
});

describe("full-year estimates of the mid-year rounds", () => {
  it("names a column for the 6- and 9-month rounds and reads its header back, in both languages", () => {
    for (const id of ["2026-H1", "2026-9M"]) {
      const p = periodOf(id);
      expect(hasFullYearEstimate(p)).toBe(true);
      expect(fullYearEstimateOf(fullYearEstimateLabel(p))?.id).toBe(id);
      expect(fullYearEstimateOf(fullYearEstimateLabel(p, "en"))?.id).toBe(id);
    }
    expect(fullYearEstimateLabel(periodOf("2026-H1"))).toBe("Ước cả năm 2026 (kỳ 6 tháng)");
    expect(fullYearEstimateId(periodOf("2026-H1"))).toBe("2026-H1/FY");
    expect(hasFullYearEstimate(periodOf("2026"))).toBe(false);
    expect(parsePeriod("2026-H1/FY")).toBeNull();
    expect(fullYearEstimateOf("Năm 2026")).toBeNull();
  });
});
