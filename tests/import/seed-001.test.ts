/**
 * Seed 001 (Bình Dương, NQ 02/2025) is written in an old font where "ð"
 * stands for "Đ" and "ñ" for "đ", and has no appendix table.
 */
import { importSeed, warningCodes } from "./support";

const result = importSeed("001-binh-duong-nq02-2025-old-font.txt");

describe("seed 001: old-font text without an appendix", () => {
  it("says clearly that no appendix table was found, and makes up no indicator", () => {
    expect(warningCodes(result)).toContain("document.noAppendix");
    // Its work is read from the text instead (issue 25); no indicator is made up.
    expect(result.plan.appendices.map((a) => a.id)).toEqual(["VB"]);
    expect(result.plan.appendices.flatMap((a) => a.indicators).every((i) => i.target === null && i.level === "component")).toBe(true);
    const w = result.warnings.find((x) => x.code === "document.noAppendix");
    expect(w?.message).toMatch(/Không tìm thấy bảng phụ lục/);
    expect(w?.messageEn).toMatch(/No appendix table/);
  });

  it("records the old-font repairs (ð → Đ, ñ → đ)", () => {
    const oldFont = result.repairs.filter((r) => r.kind === "oldFont");
    expect(oldFont.length).toBeGreaterThan(0);
    expect(oldFont.some((r) => r.from === "ð" && r.to === "Đ")).toBe(true);
    expect(oldFont.some((r) => r.from === "ñ" && r.to === "đ")).toBe(true);
  });

  it("reads the number, the full date and the issuer from the repaired header", () => {
    expect(result.plan.number).toBe("370/KH-UBND");
    expect(result.plan.date).toBe("2025-01-21");
    expect(result.plan.dateRaw).toBe("ngày 21 tháng 01 năm 2025");
    expect(result.plan.issuer).toBe("ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG");
    expect(result.plan.period).toEqual({ from: 2025, to: 2025 });
    expect(result.plan.title).toMatch(/^Triển khai thực hiện Nghị quyết số 02\/NQ-CP/);
    expect(result.plan.title).not.toMatch(/[ðñ]/);
  });
});

describe("seed 001: the work assigned in sections II–III is read as tasks (issue 25)", () => {
  const groups = result.plan.appendices.find((a) => a.id === "VB")?.indicators ?? [];
  const names = (xs: Array<{ name: string }>): string[] => xs.map((x) => x.name);

  it("makes one group per numbered assignment, with its lead, coordinating agencies and number of tasks, as the document writes them", () => {
    const siblings = ["Các sở, ngành", "Các cơ quan, đơn vị liên quan"];
    expect(groups.map((g) => [g.code, names(g.lead), names(g.coordinating), g.tasks.length])).toEqual([
      ["II.1", ["Các sở, ngành", "UBND cấp huyện"], [], 3],
      ["II.2", ["Trung tâm Phục vụ hành chính công tỉnh"], siblings, 3],
      ["II.3", ["Sở Kế hoạch và Đầu tư"], siblings, 2],
      ["II.4", ["Sở Công Thương"], siblings, 3],
      ["II.5", ["Sở Nội vụ"], siblings, 2],
      ["III.1", ["Các sở, ngành", "đoàn thể tỉnh", "UBND cấp huyện"], [], 1],
      ["III.2", ["Các cơ quan, đơn vị liên quan"], [], 1],
      ["III.3", ["Sở Tài chính"], ["Các sở, ngành", "UBND cấp huyện"], 1],
      ["III.4", ["Sở Kế hoạch và Đầu tư"], ["Các sở, ngành", "UBND cấp huyện"], 1],
      ["III.5", ["Sở Thông tin và Truyền thông"], ["Ban Tuyên giáo Tỉnh ủy", "Các cơ quan thông tấn, báo chí", "Các sở, ngành", "Các địa phương"], 1],
    ]);
  });

  it("takes each bullet as one task, in the repaired text, carrying its group's lead", () => {
    const soKhdt = groups.find((g) => g.code === "II.3");
    expect(soKhdt?.tasks.map((t) => t.text.slice(0, 40))).toEqual(["Nâng cao hiệu quả các dịch vụ hỗ trợ doa", "Đa dạng hóa và phát triển hiệu quả hệ th"]);
    expect(soKhdt?.tasks.every((t) => t.lead[0]?.name === "Sở Kế hoạch và Đầu tư" && !/[ðñ]/.test(t.text))).toBe(true);
    expect(soKhdt?.tasks[0]?.code).toBe("II.3.1");
  });

  it("writes 'Thường xuyên' with a note where the text gives no deadline, and the dates where it does", () => {
    const bullet = groups.find((g) => g.code === "II.4")?.tasks[0];
    expect(bullet?.deadline).toMatchObject({ kind: "ongoing", raw: "Thường xuyên" });
    expect(bullet?.deadline?.note).toMatch(/không nêu thời hạn/);
    const report = groups.find((g) => g.code === "III.2")?.tasks[0];
    expect(report?.deadline).toMatchObject({ kind: "byDate", date: "2025-12-10" });
    expect(report?.deadline?.note).toContain("2025-06-10");
  });

  it("reads the reporting schedule: 10 June and 10 December 2025, to Sở Kế hoạch và Đầu tư (today Sở Tài chính)", () => {
    expect(result.plan.reporting).toMatchObject({
      rounds: ["half", "year"],
      due: [{ period: "2025-H1", date: "2025-06-10" }, { period: "2025", date: "2025-12-10" }],
      to: "Sở Tài chính",
      toAsWritten: "Sở Kế hoạch và Đầu tư",
      upstream: { to: "Bộ Tài chính", toAsWritten: "Bộ Kế hoạch và Đầu tư", due: [] },
    });
  });
});
