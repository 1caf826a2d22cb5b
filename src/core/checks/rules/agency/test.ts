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

  describe("agency.reorganized", () => {
    const at = (today: string, over: Parameters<typeof ind>[0], extra: { periodEnd?: string } = {}) =>
      findings("agency.reorganized", plan([appendix([ind(over)])]), { today: new Date(`${today}T00:00:00Z`), ...extra });

    it("reports a dissolved lead with its successor in one short sentence, the legal basis and the doubts apart, as a warning", () => {
      const f = at("2026-11-30", { lead: [agency("Sở Kế hoạch và Đầu tư")] });
      expect(f).toHaveLength(1);
      expect(f[0]?.severity).toBe("warning");
      expect(f[0]?.ref.field).toBe("lead");
      expect(f[0]?.message).toMatch(/: đơn vị chủ trì "Sở Kế hoạch và Đầu tư" → Sở Tài chính \(từ 1\/3\/2025\)\.$/);
      expect(f[0]?.message).not.toContain("Nghị định");
      expect(f[0]?.messageEn).toContain('"Sở Kế hoạch và Đầu tư" → Sở Tài chính (since 2025-03-01)');
      expect(f[0]?.basis?.vi).toBe("Nghị định 45/2025/NĐ-CP ngày 28/2/2025, hiệu lực 1/3/2025");
      expect(f[0]?.notes?.vi).toContain("chưa đối chiếu được");
      expect(f[0]?.changes).toMatchObject([{ agency: "Sở Kế hoạch và Đầu tư", written: "Sở Kế hoạch và Đầu tư", status: "replaced", since: "2025-03-01", successors: ["Sở Tài chính"] }]);
    });

    it("reports a dissolved coordinator as information, written as the plan wrote it", () => {
      const f = at("2026-11-30", { lead: [agency("Sở Tư pháp")], coordinating: [agency("Sở Thông tin và Truyền thông", "agency", "Sở TT&TT")] });
      expect(f.map((x) => [x.severity, x.ref.field])).toEqual([["info", "coordinating"]]);
      expect(f[0]?.message).toContain('"Sở TT&TT"');
      expect(f[0]?.message).toContain("Sở Khoa học và Công nghệ");
    });

    it("says a district UBND's task must be reassigned since 1/7/2025, and names no successor", () => {
      const f = at("2026-11-30", { lead: [agency("Sở Tư pháp")], tasks: [task({ lead: [group("Các sở, ngành"), agency("UBND cấp huyện", "group", "UBND huyện, thành phố")] })] });
      expect(f).toHaveLength(1);
      expect(f[0]?.ref.field).toBe("task.lead");
      expect(f[0]?.message).toContain('"UBND huyện, thành phố" không còn từ 1/7/2025, cần giao lại');
      expect(f[0]?.message).not.toContain("→");
      expect(f[0]?.changes?.map((c) => [c.status, c.since, c.successors])).toEqual([["reassign", "2025-07-01", []]]);
    });

    it("reports nothing when checked as of a day before the change", () => {
      expect(at("2023-12-31", { lead: [agency("Sở Kế hoạch và Đầu tư")], coordinating: [group("UBND cấp huyện")] })).toEqual([]);
      expect(at("2025-06-30", { lead: [group("UBND cấp huyện")] })).toEqual([]);
    });

    it("judges as of the reporting period's end when given, not today", () => {
      expect(at("2026-11-30", { lead: [group("UBND cấp huyện")] }, { periodEnd: "2025-06-30" })).toEqual([]);
      expect(at("2024-01-01", { lead: [agency("Sở Kế hoạch và Đầu tư")] }, { periodEnd: "2025-12-31" })).toHaveLength(1);
    });

    it("says it once for tasks sharing their indicator's cell, and once per agency in a cell", () => {
      const lead = [agency("Sở Kế hoạch và Đầu tư"), agency("Sở Kế hoạch và Đầu tư", "agency", "Sở KH&ĐT")];
      expect(at("2026-11-30", { lead, tasks: [task({ lead }), task({ lead })] })).toHaveLength(1);
    });

    it("accepts agencies that still exist and today's names", () => {
      expect(at("2026-11-30", { lead: [agency("Sở Tài chính")], coordinating: [agency("Sở Nông nghiệp và Môi trường"), group("Các sở, ngành")] })).toEqual([]);
    });
  });
});
