import { appendix, findings, ind, plan, target } from "../../_test/build";

const scored = () => plan([appendix([ind({ key: "A", name: "Tiếp cận tài liệu pháp lý (1=Không thể; 5=Rất dễ)", target: target(">=", 3.5) })])]);
const percent = () => plan([appendix([ind({ key: "A", unit: "%", target: target(">=", 92, true) })])]);
/** Results of the 2023 rounds: first half and year (a null leaves the cell empty). */
const res = (h1: unknown, year: unknown = null, note?: unknown) => {
  const periods = { "2023-H1": h1, "2023": year };
  return new Map([["A", note === undefined ? { periods } : { periods, note }]]);
};

describe("result rules", () => {
  it("reports a result that is not a number, and text that reads as one as a warning", () => {
    const f = findings("result.notNumber", scored(), { results: res("chưa có", "3,6") });
    expect(f.map((x) => [x.ref.field, x.ref.period, x.severity])).toEqual([["period:2023-H1", "2023-H1", "error"], ["period:2023", "2023", "warning"]]);
    expect(f[0]?.message).toContain('Kết quả 6 tháng đầu năm 2023 "chưa có"');
  });
  it("accepts numbers and empty cells", () => {
    expect(findings("result.notNumber", scored(), { results: res(3.6, null) })).toEqual([]);
  });

  it("reports a score outside its 1–5 scale and a share typed as 92 instead of 92%", () => {
    expect(findings("result.outOfScale", scored(), { results: res(6.2) })[0]?.message).toContain("1–5");
    expect(findings("result.outOfScale", percent(), { results: res(92) })).toHaveLength(1);
  });
  it("accepts a score inside the scale and 92% stored as 0.92", () => {
    expect(findings("result.outOfScale", scored(), { results: res(3.6) })).toEqual([]);
    expect(findings("result.outOfScale", percent(), { results: res(0.92) })).toEqual([]);
  });

  it("reports a result typed for a period that is not over yet", () => {
    const f = findings("result.wrongColumn", scored(), { results: res(null, 3.6), today: new Date("2023-07-15") });
    expect(f[0]?.ref.field).toBe("period:2023");
    expect(f[0]?.message).toContain("Năm 2023");
  });
  it("reports a number typed in Ghi chú while no result is entered", () => {
    expect(findings("result.wrongColumn", scored(), { results: res(null, null, 3.6) })[0]?.ref.field).toBe("note");
  });
  it("accepts a year's result after the year and a first-half result mid-year", () => {
    expect(findings("result.wrongColumn", scored(), { results: res(null, 3.6), today: new Date("2024-01-10") })).toEqual([]);
    expect(findings("result.wrongColumn", scored(), { results: res(3.4, null, "đã báo cáo"), today: new Date("2023-07-15") })).toEqual([]);
  });
});
