import { particularDefaults, planDateText, provinceOfIssuer } from ".";
import { buildLayout } from ".";
import type { Plan } from "../model";

const plan = (over: Partial<Plan>): Plan => ({ title: "Kế hoạch cải cách hành chính năm 2025", issuer: null, number: null, date: null, dateRaw: null, period: null, appendices: [], ...over });

describe("the report's particulars in the workbook", () => {
  it("reads the province from the plan's issuer, in the header block's capitals or in a sentence", () => {
    expect(provinceOfIssuer("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG")).toBe("Bắc Giang");
    expect(provinceOfIssuer("UBND tỉnh Bà Rịa - Vũng Tàu")).toBe("Bà Rịa - Vũng Tàu");
    expect(provinceOfIssuer("UBND tỉnh")).toBeNull();
  });

  it("cites the plan's date as 14/3/2025, or the month when the draft left the day blank", () => {
    expect(planDateText({ date: "2025-03-14", dateRaw: "ngày 14 tháng 3 năm 2025" })).toBe("14/3/2025");
    expect(planDateText({ date: "2023-07-01", dateRaw: "ngày tháng 7 năm 2023" })).toBe("tháng 7/2023");
  });

  it("fills the defaults the plan gives and leaves the rest for the planner", () => {
    const d = particularDefaults(plan({ issuer: "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", number: "125/KH-UBND", date: "2025-03-14", dateRaw: "ngày 14 tháng 3 năm 2025" }));
    expect(d).toMatchObject({ province: "Bắc Giang", issuer: "Ủy ban nhân dân tỉnh Bắc Giang", planNumber: "125/KH-UBND", planDate: "14/3/2025", planIssuer: "UBND tỉnh Bắc Giang", signerName: null });
  });

  it("writes them as the Thông tin báo cáo sheet, the value column the planner's", () => {
    const sheet = buildLayout(plan({ issuer: "UBND tỉnh Bắc Giang" }), { lang: "vi" }).sheets.find((s) => s.name === "Thông tin báo cáo");
    const table = sheet?.tables[0];
    expect(table?.name).toBe("ThongTinBaoCao");
    expect(table?.columns.find((c) => c.key === "value")?.input).toBe(true);
    expect(table?.rows[0]).toEqual(["Tỉnh", "Bắc Giang", "Bắc Giang", "province"]);
  });
});
