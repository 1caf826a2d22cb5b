import { readSchedule } from ".";

const read = (text: string, from = 2025, to = from): ReturnType<typeof readSchedule> => readSchedule(text, { years: { from, to } });

describe("readSchedule: other wordings", () => {
  it("a quarterly schedule on the 20th of the quarter's last month, to Sở Tài chính", () => {
    const r = read("3. Định kỳ hằng quý, các sở, ngành gửi báo cáo kết quả thực hiện về Sở Tài chính trước ngày 20 của tháng cuối quý để tổng hợp, báo cáo UBND tỉnh.");
    expect(r?.rounds).toEqual(["quarter"]);
    expect(r?.due.map((d) => d.date)).toEqual(["2025-03-20", "2025-06-20", "2025-09-20", "2025-12-20"]);
    expect(r?.to).toBe("Sở Tài chính");
    expect(r?.upstream?.to).toBe("UBND tỉnh");
  });

  it("6, 9 months and year with their own dates, and an upward date after 'để tổng hợp'", () => {
    const r = read("4. Các cơ quan, đơn vị gửi báo cáo 6 tháng trước ngày 05/7, báo cáo 9 tháng trước ngày 05/10 và báo cáo năm trước ngày 05/01 năm sau về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh trước ngày 15/7, 15/10 và 15/01.", 2026);
    expect(r?.rounds).toEqual(["half", "nineMonths", "year"]);
    expect(r?.due.map((d) => [d.period, d.date])).toEqual([["2026-H1", "2026-07-05"], ["2026-9M", "2026-10-05"], ["2026", "2027-01-05"]]);
    expect(r?.to).toBe("Sở Nội vụ");
    expect(r?.upstream?.due.map((d) => [d.period, d.date])).toEqual([["2026-H1", "2026-07-15"], ["2026-9M", "2026-10-15"]]);
  });

  it("a year report due on a written date in the next January belongs to the year before", () => {
    const r = read("2. Hằng năm, các sở báo cáo kết quả gửi về Sở Tài chính trước ngày 15/01/2026.");
    expect(r?.due).toEqual([{ period: "2025", date: "2026-01-15", raw: "trước ngày 15/01/2026" }]);
  });

  it("agencies reporting straight to the province, by a date every year", () => {
    const r = read("5. Các sở, ngành báo cáo UBND tỉnh kết quả thực hiện trước ngày 10/12 hằng năm.", 2024, 2025);
    expect(r).toMatchObject({ rounds: ["year"], due: [{ period: "2024", date: "2024-12-10" }, { period: "2025", date: "2025-12-10" }], to: "UBND tỉnh", upstream: null });
  });

  it("is null when the text sets no schedule, and ignores documents' dates", () => {
    expect(read("1. Thực hiện Quyết định số 08/2022/QĐ-UBND ngày 12/4/2022 của UBND tỉnh, báo cáo kết quả khi có yêu cầu.")).toBeNull();
    expect(read("Không có gì.")).toBeNull();
  });
});
