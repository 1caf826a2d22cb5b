import { periodOf } from "../../../period";
import type { Deadline } from "../../../model";
import { appendix, findings, ind, plan, target, task } from "../../_test/build";

const byDate = (raw: string, date: string): Deadline => ({ kind: "byDate", date, raw, start: null, end: date });
const quarters = (raw: string, start: string, end: string): Deadline => ({ kind: "quarters", year: 2023, quarters: [2, 3], raw, start, end });
const withTask = (deadline: Deadline) => plan([appendix([ind({ tasks: [task({ deadline })] })])]);

describe("deadline rules", () => {
  it("reports 'Xong trong tháng 6/2023' in a plan of July 2023 as an error", () => {
    const d: Deadline = { kind: "month", year: 2023, month: 6, raw: "Xong trong tháng 6/2023", start: "2023-06-01", end: "2023-06-30" };
    const f = findings("deadline.beforePlan", withTask(d));
    expect(f[0]?.severity).toBe("error");
    expect(f[0]?.ref.field).toBe("task.deadline");
    expect(f[0]?.message).toContain("tháng 7 năm 2023");
  });
  it("warns that 'Quý II +III.' in a July plan has partly passed", () => {
    expect(findings("deadline.beforePlan", withTask(quarters("Quý II +III.", "2023-04-01", "2023-09-30")))[0]?.severity).toBe("warning");
  });
  it("accepts a deadline after the plan's date, and says nothing when the date is unknown", () => {
    expect(findings("deadline.beforePlan", withTask(byDate("Trước 30/11/2023", "2023-11-30")))).toEqual([]);
    const p = { ...withTask(byDate("Trước 30/5/2023", "2023-05-30")), date: null };
    expect(findings("deadline.beforePlan", p)).toEqual([]);
  });

  it("reports a deadline after the plan period", () => {
    expect(findings("deadline.afterPeriod", withTask(byDate("Trước 30/3/2024", "2024-03-30")))).toHaveLength(1);
  });
  it("accepts a deadline inside the period", () => {
    expect(findings("deadline.afterPeriod", withTask(byDate("Trước 30/11/2023", "2023-11-30")))).toEqual([]);
  });

  it("reports a deadline it cannot read", () => {
    const d: Deadline = { kind: "text", raw: "Sớm nhất có thể", start: null, end: null };
    expect(findings("deadline.unreadable", withTask(d))).toHaveLength(1);
  });
  it("accepts 'Thường xuyên'", () => {
    const d: Deadline = { kind: "ongoing", raw: "Thường xuyên", start: null, end: null };
    expect(findings("deadline.unreadable", withTask(d))).toEqual([]);
  });

  it("reports a passed deadline without result, judged by the given today", () => {
    const p = plan([appendix([ind({ key: "A", deadline: byDate("Trước 30/11/2023", "2023-11-30") })])]);
    const results = new Map([["A", { periods: { "2023-H1": null, "2023": "" } }]]);
    const f = findings("deadline.passedNoResult", p, { results, today: new Date("2023-12-01") });
    expect(f.map((x) => x.ref.period)).toEqual(["2023-H1"]);
    expect(f[0]?.message).toContain('kỳ "6 tháng đầu năm 2023" đã kết thúc (30/6/2023)');
    expect(findings("deadline.passedNoResult", p, { results, today: new Date("2023-06-29") })).toEqual([]);
  });
  it("reports each period that ended without a result, up to the target's year", () => {
    const p = plan([appendix([ind({ key: "A", target: { ...target(">=", 5), year: 2023 } })])]);
    const results = new Map([["A", { periods: { "2023-H1": 4 } }]]);
    const f = findings("deadline.passedNoResult", p, { results, today: new Date("2026-11-30"), periods: [periodOf("2023-H1"), periodOf("2023"), periodOf("2024")] });
    expect(f.map((x) => x.ref.period)).toEqual(["2023"]);
  });
  it("accepts a passed deadline with a result, and stays silent without a workbook", () => {
    const p = plan([appendix([ind({ key: "A", deadline: byDate("Trước 30/11/2023", "2023-11-30") })])]);
    expect(findings("deadline.passedNoResult", p, { results: new Map([["A", { periods: { "2023-H1": 3, "2023": 4 } }]]) })).toEqual([]);
    expect(findings("deadline.passedNoResult", p)).toEqual([]);
  });
});
