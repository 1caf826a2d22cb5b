import { dateFromCaption, extractPlanMeta } from ".";

describe("extractPlanMeta", () => {
  it("reads the number, the full date and the issuer of a signed plan", () => {
    const m = extractPlanMeta("ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nSố: 370/KH -UBND Bình Dương, ngày 21 tháng 01 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết số 02/NQ-CP\nThực hiện Nghị quyết số 02/NQ-CP …");
    expect(m).toEqual({
      title: "Triển khai thực hiện Nghị quyết số 02/NQ-CP",
      issuer: "ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG",
      number: "370/KH-UBND",
      date: "2025-01-21",
      dateRaw: "ngày 21 tháng 01 năm 2025",
      period: { from: 2025, to: 2025 },
    });
  });

  it("leaves a draft's blank number null and reads a month-only date as the first of the month", () => {
    const m = extractPlanMeta("Số:             /KH-UBND\nBắc Giang, ngày       tháng 7 năm 2024\nKẾ HOẠCH\nDuy trì Chỉ số PII năm 2024 và những năm tiếp theo\n––––––");
    expect(m.number).toBeNull();
    expect(m.date).toBe("2024-07-01");
    expect(m.dateRaw).toBe("ngày tháng 7 năm 2024");
    expect(m.period).toEqual({ from: 2024, to: 2024 });
  });

  it("reads a period 'giai đoạn 2021-2030' from the title", () => {
    const m = extractPlanMeta("KẾ HOẠCH\nPhát triển công nghiệp giai đoạn 2021-2030\nThực hiện …");
    expect(m.period).toEqual({ from: 2021, to: 2030 });
  });

  it("finds the issuer in running text when the header block is missing", () => {
    expect(extractPlanMeta("… năm 2025, UBND tỉnh\nBắc Giang ban hành Kế hoạch").issuer).toBe("UBND tỉnh Bắc Giang");
  });

  it("does not take 'ngày 08 tháng 01 năm 2025' of a cited resolution as the plan's date", () => {
    expect(extractPlanMeta("Thực hiện Nghị quyết số 02/NQ-CP ngày 08 tháng 01 năm 2025 của Chính phủ").date).toBeNull();
  });

  it("gives an empty title and nulls for text without a header", () => {
    expect(extractPlanMeta("")).toEqual({ title: "", issuer: null, number: null, date: null, dateRaw: null, period: null });
  });
});

describe("dateFromCaption", () => {
  it("reads the month of a draft plan from 'ngày tháng 7 năm 2023' in the appendix caption", () => {
    expect(dateFromCaption("(Kèm theo Kế hoạch số        /KH-UBND ngày      tháng 7 năm 2023 của Chủ tịch UBND tỉnh)")).toEqual({ date: "2023-07-01", dateRaw: "ngày tháng 7 năm 2023" });
  });
  it("reads 'ngày /01/2025' with a blank day as the first of January", () => {
    expect(dateFromCaption("(Kèm theo Kế hoạch số /KH-UBND ngày       /01/2025 của UBND tỉnh )")?.date).toBe("2025-01-01");
  });
  it("ignores captions that are not 'Kèm theo' notes", () => {
    expect(dateFromCaption("PHÂN CÔNG ĐƠN VỊ CHỦ TRÌ ngày 5 tháng 7 năm 2023")).toBeNull();
  });
});
