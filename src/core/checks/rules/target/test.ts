import { appendix, baseline, findings, ind, plan, target } from "../../_test/build";

const one = (rule: string, ...rows: Parameters<typeof ind>[0][]) => findings(rule, plan([appendix(rows.map((r) => ind(r)))]));

describe("target rules", () => {
  it("reports an indicator without a target as an error", () => {
    const f = one("target.missing", { target: null, stt: "5" });
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe("error");
  });
  it("does not report a section heading without a target", () => {
    expect(one("target.missing", { target: null, level: "component" })).toEqual([]);
  });

  it("reports a target whose text gives no number", () => {
    const f = one("target.unreadable", { target: { ...target(">=", null), raw: "Tăng hạng" } });
    expect(f[0]?.message).toContain('"Tăng hạng"');
  });
  it("reports a name that states two targets (two indicators merged)", () => {
    const f = one("target.unreadable", { target: null, name: "Thuế (dưới hoặc bằng 33,5%) và thỏa thuận (dưới hoặc bằng 20%)" });
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("2 mục tiêu");
  });
  it("accepts a readable target", () => {
    expect(one("target.unreadable", { target: target(">=", 3.4) })).toEqual([]);
  });

  it("reports a starred (lower-is-better) indicator asked to be at least a value", () => {
    expect(one("target.directionConflict", { extra: { "*": "Có dấu *" }, target: target(">=", 20, true) })).toHaveLength(1);
  });
  it("accepts a starred indicator with a ≤ target", () => {
    expect(one("target.directionConflict", { extra: { "*": "Có dấu *" }, lowerIsBetter: true, target: target("<=", 20, true) })).toEqual([]);
  });

  it("reports a higher-is-better target below its baseline", () => {
    const f = one("target.belowBaseline", { baseline: baseline(6.3), target: target(">=", 6) });
    expect(f[0]?.message).toContain("6 thấp hơn giá trị gốc 6,3");
  });
  it("accepts a higher-is-better target above its baseline", () => {
    expect(one("target.belowBaseline", { baseline: baseline(6.3), target: target(">=", 6.35) })).toEqual([]);
  });
  it("reports a lower-is-better target above its baseline", () => {
    expect(one("target.aboveBaseline", { lowerIsBetter: true, baseline: baseline(21.19, true), target: target("<=", 25, true) })).toHaveLength(1);
  });
  it("accepts a lower-is-better target below its baseline", () => {
    expect(one("target.aboveBaseline", { lowerIsBetter: true, baseline: baseline(21.19, true), target: target("<=", 21, true) })).toEqual([]);
  });

  it("reports 13,93% → 92,0% in one year as implausible", () => {
    const f = one("target.implausibleJump", { baseline: baseline(13.93, true), target: target(">=", 92, true) });
    expect(f[0]?.message).toContain("13,93% lên 92%");
  });
  it("accepts 28,21% → 50% in one year", () => {
    expect(one("target.implausibleJump", { baseline: baseline(28.21, true), target: target(">=", 50, true) })).toEqual([]);
  });
  it("allows a larger move over a longer period (47,1% in 2020 → 60% in 2030)", () => {
    const t = { ...target(">=", 60, true), year: 2030 };
    expect(findings("target.implausibleJump", plan([appendix([ind({ baseline: baseline(47.1, true, 2020), target: t })])], { period: { from: 2021, to: 2030 } }))).toEqual([]);
  });

  it("reports a share above 100%", () => {
    expect(one("target.percentOver100", { target: target(">=", 120, true) })).toHaveLength(1);
  });
  it("accepts 100% and a growth rate above 100%/năm", () => {
    expect(one("target.percentOver100", { target: target("=", 100), unit: "%" })).toEqual([]);
    expect(one("target.percentOver100", { name: "Tốc độ tăng trưởng", unit: "%/năm", target: target("~", 150, true) })).toEqual([]);
  });
});
