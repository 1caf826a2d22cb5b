import { agency, appendix, findings, group, ind, plan, task } from "../../_test/build";

const one = (rule: string, over: Parameters<typeof ind>[0]) => findings(rule, plan([appendix([ind(over)])]));

describe("agency rules", () => {
  it("reports an indicator nobody leads", () => {
    expect(one("agency.noLead", { lead: [] })[0]?.severity).toBe("error");
  });
  it("accepts an indicator led through its tasks, and plan-text targets (no lead column)", () => {
    expect(one("agency.noLead", { lead: [], tasks: [task()] })).toEqual([]);
    expect(findings("agency.noLead", plan([appendix([ind({ lead: [] })], { kind: "body" })]))).toEqual([]);
  });

  it("reports a lead that is only catch-all groups", () => {
    const f = one("agency.catchAllLead", { lead: [group("Các sở, ngành"), group("UBND cấp huyện")] });
    expect(f[0]?.message).toContain("Các sở, ngành; UBND cấp huyện");
  });
  it("says it once when the tasks share the indicator's catch-all lead", () => {
    const lead = [group("Các sở, ngành")];
    expect(one("agency.catchAllLead", { lead, tasks: [task({ lead }), task({ lead })] })).toHaveLength(1);
  });
  it("accepts a named lead beside a group", () => {
    expect(one("agency.catchAllLead", { lead: [agency("Sở Tư pháp"), group("Các sở, ngành")] })).toEqual([]);
  });

  it("reports the lead listed again among the coordinators, even spelled differently", () => {
    const f = one("agency.leadAlsoCoordinating", {
      lead: [agency("Sở Kế hoạch và Đầu tư")],
      coordinating: [agency("Sở Nội vụ"), agency("Sở Kế hoạch và Đầu tư", "agency", "Sở KH&ĐT")],
    });
    expect(f).toHaveLength(1);
  });
  it("accepts distinct lead and coordinators", () => {
    expect(one("agency.leadAlsoCoordinating", { lead: [agency("Sở Tư pháp")], coordinating: [agency("Sở Nội vụ")] })).toEqual([]);
  });

  it("reports an unknown agency with the directory's suggestion", () => {
    const f = one("agency.unknown", { lead: [agency("Sở Kế hạch và Đầu tư", "unknown")] });
    expect(f[0]?.message).toContain('có phải "Sở Kế hoạch và Đầu tư"');
  });
  it("accepts agencies found in the directory", () => {
    expect(one("agency.unknown", { lead: [agency("Sở Tư pháp")] })).toEqual([]);
  });

  it("reports an agency written unlike the directory ('Cục thuế tỉnh')", () => {
    const f = one("agency.variant", { lead: [agency("Cục Thuế tỉnh", "agency", "Cục thuế tỉnh")] });
    expect(f[0]?.message).toContain('"Cục thuế tỉnh" là cách viết khác của "Cục Thuế tỉnh"');
  });
  it("accepts the directory's own spelling", () => {
    expect(one("agency.variant", { lead: [agency("Cục Thuế tỉnh")] })).toEqual([]);
  });

  it("reports one agency listed twice in a cell, spelled two ways", () => {
    const f = one("agency.listedTwice", { coordinating: [agency("Ban Quản lý các Khu công nghiệp tỉnh", "agency", "Ban Quản lý các Khu công nghiệp"), agency("Sở Công Thương"), agency("Ban Quản lý các Khu công nghiệp tỉnh", "agency", "Ban quản lý các khu công nghiệp tỉnh")] });
    expect(f).toHaveLength(1);
    expect(f[0]?.ref.field).toBe("coordinating");
  });
  it("accepts a list naming each agency once", () => {
    expect(one("agency.listedTwice", { coordinating: [agency("Sở Công Thương"), agency("Sở Tư pháp")] })).toEqual([]);
  });
});
