import type { ReportingSchedule } from "../../../model";
import { readSchedule } from "../../../import/schedule";
import { appendix, findings, ind, plan } from "../../_test/build";

const withSchedule = (reporting: ReportingSchedule | null) => ({ ...plan([appendix([ind()])]), reporting });
const read = (text: string): ReportingSchedule | null => readSchedule(text, { years: { from: 2025, to: 2025 } });

describe("schedule rules", () => {
  it("warns when the focal agency's report upward is due before the agencies' reports, quoting the sentence", () => {
    const r = read("3. Các sở gửi báo cáo 6 tháng về Sở Tài chính trước ngày 15/6 để tổng hợp, báo cáo UBND tỉnh trước ngày 10/6.");
    const f = findings("schedule.upstreamFirst", withSchedule(r));
    expect(f).toHaveLength(1);
    expect(f[0]?.ref).toEqual({ appendix: "Lịch báo cáo", field: "reporting.upstream", period: "2025-H1" });
    expect(f[0]?.message).toContain("10/06/2025");
    expect(f[0]?.message).toContain("15/06/2025");
    expect(f[0]?.message).toContain("Các sở gửi báo cáo 6 tháng về Sở Tài chính");
  });

  it("says nothing when the upward report comes after the agencies' (seed 002's 2nd and 10th)", () => {
    const r = read("2. Các cơ quan gửi báo cáo hằng quý tới Sở Tài chính trước ngày 02 của tháng đầu tiên quý tiếp theo để tổng hợp, báo cáo Chủ tịch UBND tỉnh trước ngày 10 của tháng đầu tiên quý tiếp theo.");
    expect(findings("schedule.upstreamFirst", withSchedule(r))).toEqual([]);
  });

  it("warns of a round due before its period's last month ('tháng đầu tiên của quý' for 'quý tiếp theo')", () => {
    const r = read("2. Hằng quý, các sở gửi báo cáo về Sở Tài chính trước ngày 05 của tháng đầu tiên của quý.");
    // "of the quarter", without "tiếp theo": the quarter's own first month, as the text says.
    expect(r?.due.map((d) => d.date)).toEqual(["2025-01-05", "2025-04-05", "2025-07-05", "2025-10-05"]);
    const f = findings("schedule.beforePeriodEnd", withSchedule(r));
    expect(f.map((x) => x.ref.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(f[2]?.message).toMatch(/^Quý III\/2025: hạn các đơn vị gửi 05\/07\/2025/);
  });

  it("takes a report due in the period's last month as normal: December for the year, June for 6 months", () => {
    const r = read("2. Định kỳ trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2025 các đơn vị gửi báo cáo về Sở Tài chính.");
    expect(r?.due).toHaveLength(2);
    expect(findings("schedule.beforePeriodEnd", withSchedule(r))).toEqual([]);
  });

  it("says nothing about a plan without a schedule", () => {
    expect(findings("schedule.beforePeriodEnd", withSchedule(null))).toEqual([]);
    expect(findings("schedule.upstreamFirst", withSchedule(null))).toEqual([]);
  });
});
