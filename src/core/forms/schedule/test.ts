import type { WorkbookSnapshot } from "../../workbook";
import { dayOf, lateAgencies, nextDue, pendingWithDue, readScheduleTable } from ".";

const snapshot = (rows: Array<Array<string | number | null>>, headers = ["Kỳ báo cáo", "Mã kỳ", "Hạn các đơn vị gửi", "Gửi đến", "Hạn báo cáo cấp trên", "Cấp trên nhận", "Căn cứ (văn bản)"]): WorkbookSnapshot => ({
  sheetNames: ["Tổng hợp"],
  tables: [{ sheet: "Tổng hợp", name: "LichBaoCao", anchor: "P7", headers, rows }],
});

describe("the schedule as the workbook keeps it", () => {
  it("reads a day however the cell holds it: Excel serial, ISO text, or typed dd/mm/yyyy; anything else is no day", () => {
    expect(dayOf(45201)).toBe("2023-10-02");
    expect(dayOf("2023-10-02")).toBe("2023-10-02");
    expect(dayOf("2/10/2023")).toBe("2023-10-02");
    expect(dayOf("31/02/2023")).toBeNull();
    expect(dayOf("sớm")).toBeNull();
    expect(dayOf(null)).toBeNull();
  });

  it("reads the rows by their headers (an English table too) and skips rows without a period", () => {
    const vi = readScheduleTable(snapshot([["Quý III/2023", "2023-Q3", 45201, "Sở Khoa học và Công nghệ", 45209, "Chủ tịch UBND tỉnh", null], [null, null, 45209, null, null, null, null]]));
    expect([...vi.values()]).toEqual([{ period: "2023-Q3", due: "2023-10-02", to: "Sở Khoa học và Công nghệ", upstreamDue: "2023-10-10", upstreamTo: "Chủ tịch UBND tỉnh" }]);
    const en = readScheduleTable(snapshot([["Q3 2023", "2023-Q3", "02/10/2023", "Sở Tài chính", null, null]], ["Reporting period", "Period id", "Agencies due by", "Report to", "Upward report due", "Upward to"]));
    expect(en.get("2023-Q3")?.due).toBe("2023-10-02");
    expect(readScheduleTable({ sheetNames: [], tables: [] }).size).toBe(0);
  });

  it("tells each pending agency's days late, and names the late ones for the report, latest first", () => {
    expect(pendingWithDue(["Sở Y tế"], "2023-Q3", "2023-10-02", "2023-10-05")).toEqual([{ agency: "Sở Y tế", period: "2023-Q3", due: "2023-10-02", daysLate: 3 }]);
    expect(pendingWithDue(["Sở Y tế"], "2023-Q3", "2023-10-02", "2023-10-01")[0]?.daysLate).toBe(0);
    expect(pendingWithDue(["Sở Y tế"], "2023-Q3", null, "2023-10-05")[0]).toEqual({ agency: "Sở Y tế", period: "2023-Q3", due: null, daysLate: 0 });
    expect(() => pendingWithDue([], "2023-Q3", null, "5/10/2023")).toThrow(TypeError);
    const schedule = readScheduleTable(snapshot([["Quý III/2023", "2023-Q3", 45201, null, null, null, null]]));
    expect(lateAgencies(["Sở Y tế", "Cục Thuế tỉnh"], "2023-Q3", schedule, "2023-10-05").map((p) => [p.agency, p.daysLate])).toEqual([["Cục Thuế tỉnh", 3], ["Sở Y tế", 3]]);
    expect(lateAgencies(["Sở Y tế"], "2023-Q3", schedule, "2023-10-02")).toEqual([]);
  });

  it("finds the next day something is due, the agencies' or the upward report", () => {
    const schedule = readScheduleTable(snapshot([
      ["Quý III/2023", "2023-Q3", 45201, "Sở Khoa học và Công nghệ", 45209, "Chủ tịch UBND tỉnh", null],
      ["Năm 2023", "2023", 45262, "Sở Khoa học và Công nghệ", 45270, "Chủ tịch UBND tỉnh", null],
    ]));
    expect(nextDue(schedule, "2023-09-20")).toEqual({ period: "2023-Q3", date: "2023-10-02", kind: "agencies", to: "Sở Khoa học và Công nghệ" });
    expect(nextDue(schedule, "2023-10-03")).toEqual({ period: "2023-Q3", date: "2023-10-10", kind: "upstream", to: "Chủ tịch UBND tỉnh" });
    expect(nextDue(schedule, "2024-01-01")).toBeNull();
  });
});
