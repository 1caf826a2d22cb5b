import { appendix, findings, ind, plan, target } from "../../_test/build";

const two = (a: Parameters<typeof ind>[0], b: Parameters<typeof ind>[0]) =>
  findings("duplicate.conflict", plan([appendix([ind(a)]), appendix([ind(b)], { id: "PL-II", title: "Phụ lục II — NHIỆM VỤ", kind: "tasks" })]));

describe("duplicate.conflict", () => {
  it("reports scale labels that differ between two appendices", () => {
    const f = two(
      { name: "Tiếp cận tài liệu pháp lý (1=Không thể; 5=Rất dễ)", target: target(">=", 3.5) },
      { name: "Tiếp cận tài liệu pháp lý (1 = không dễ; 5 = rất dễ)", target: target(">=", 3.5) },
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("Thang điểm");
    expect(f[0]?.ref.appendix).toBe("Phụ lục II");
  });
  it("reports the same indicator with two different targets", () => {
    const f = two({ name: "Minh bạch trong đấu thầu (% Đồng ý)", target: target(">=", 92, true) }, { name: "Minh bạch trong đấu thầu", target: target(">=", 90, true) });
    expect(f[0]?.message).toContain("Mục tiêu khác nhau");
  });
  it("accepts the same target written two ways (92,0% and 92%) and labels differing only in case", () => {
    expect(two(
      { name: "Tiếp cận tài liệu (1=Không thể; 5=Rất dễ)", target: { ...target(">=", 92, true), raw: "Trên hoặc bằng 92,0%" } },
      { name: "Tiếp cận tài liệu (1=không thể; 5=rất dễ)", target: { ...target(">=", 92, true), raw: "trên hoặc bằng 92%" } },
    )).toEqual([]);
  });
  it("does not match indicators that only share their first words", () => {
    expect(two(
      { name: "Thông tin trên website của tỉnh về các ưu đãi khuyến khích hỗ trợ đầu tư", target: target(">=", 50, true) },
      { name: "Thông tin trên website của tỉnh về các quy định về thủ tục hành chính", target: target(">=", 77.2, true) },
    )).toEqual([]);
  });
});
