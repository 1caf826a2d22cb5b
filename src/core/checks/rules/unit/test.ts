import { appendix, baseline, findings, ind, plan, target } from "../../_test/build";

const one = (rule: string, over: Parameters<typeof ind>[0]) => findings(rule, plan([appendix([ind(over)])]));

describe("unit rules", () => {
  it("reports a baseline without % against a target with %", () => {
    const f = one("unit.mismatch", { baseline: { ...baseline(0), raw: "0.00" }, target: { ...target(">=", 10, true), raw: "≥ 10%" } });
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('"0.00"');
  });
  it("accepts baseline and target both in percent", () => {
    expect(one("unit.mismatch", { baseline: baseline(13.93, true), target: target(">=", 92, true) })).toEqual([]);
  });

  it("reports a 'Tỉ lệ' indicator with no unit and no % anywhere", () => {
    expect(one("unit.missing", { name: "Tỉ lệ học sinh tham gia thi", baseline: baseline(1.64), target: target(">=", 10) })).toHaveLength(1);
  });
  it("accepts a rate whose unit is stated", () => {
    expect(one("unit.missing", { name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", target: target("=", 100) })).toEqual([]);
  });
  it("accepts a name that is not a rate", () => {
    expect(one("unit.missing", { name: "Chất lượng website của tỉnh" })).toEqual([]);
  });

  it("leaves a rate whose baseline and target disagree on % to unit.mismatch (one finding per row)", () => {
    expect(one("unit.missing", { name: "Tỉ lệ dự án", baseline: baseline(20), target: target(">=", 25, true) })).toEqual([]);
  });
});
