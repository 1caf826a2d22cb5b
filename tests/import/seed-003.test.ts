/**
 * Seed 003 (Bắc Giang, industry 2021–2030): no appendix table; the targets
 * are numbered items of "II. MỤC TIÊU" in the body, and the text is
 * decomposed Unicode (NFD).
 */
import { importSeed, warningCodes } from "./support";

const result = importSeed("003-cong-nghiep-2021-2030.txt");
const body = result.plan.appendices.find((a) => a.kind === "body");

describe("seed 003: targets written in the body text", () => {
  it("says clearly that the document has no appendix table", () => {
    expect(result.plan.appendices.filter((a) => a.kind !== "body" && a.id !== "VB")).toHaveLength(0);
    expect(warningCodes(result)).toContain("document.noAppendix");
  });

  it("records the NFC repair of the decomposed text", () => {
    expect(result.repairs.some((r) => r.kind === "nfc")).toBe(true);
  });

  it("extracts one indicator per target clause of the six numbered items, without agencies", () => {
    expect(body?.title).toBe("Mục tiêu trong văn bản — II. MỤC TIÊU");
    expect(body?.indicators.map((i) => i.code)).toEqual(["1.1", "1.2", "2.1", "2.2", "3", "4.1", "4.2", "4.3", "5", "6"]);
    expect(body?.indicators.every((i) => i.lead.length === 0 && i.coordinating.length === 0)).toBe(true);
  });

  it("reads '(1) … đạt khoảng 19%/năm' as about 19 percent a year", () => {
    const i = body?.indicators[0];
    expect(i?.name).toBe("Tốc độ tăng trưởng GRDP ngành công nghiệp bình quân giai đoạn 2021-2030");
    expect(i?.target?.op).toBe("~");
    expect(i?.target?.value).toBe(19);
    expect(i?.target?.percent).toBe(true);
  });

  it("reads 'tăng từ 47,1% năm 2020 lên 60% vào năm 2030' as a baseline of 2020 and a target of 2030", () => {
    const i = body?.indicators[1];
    expect(i?.name).toBe("đóng góp trong cơ cấu GRDP của tỉnh");
    expect(i?.baseline).toMatchObject({ value: 47.1, percent: true, year: 2020 });
    expect(i?.target).toMatchObject({ value: 60, percent: true, year: 2030 });
  });

  it("reads the thousands separator in '2.200.000 tỷ đồng' and keeps the unit", () => {
    const i = body?.indicators[3];
    expect(i?.target?.value).toBe(2200000);
    expect(i?.unit).toBe("tỷ đồng");
  });

  it("reads 'đạt trên 90%' and 'đạt trên 40%' as strictly above", () => {
    expect(body?.indicators[5]?.target).toMatchObject({ op: ">", value: 90 });
    expect(body?.indicators[6]?.target).toMatchObject({ op: ">", value: 40 });
    expect(body?.indicators[6]?.name).toBe("tỷ lệ lao động đào tạo có bằng cấp, chứng chỉ");
  });

  it("reads item (5) with its 2020 baseline 30,9%", () => {
    expect(body?.indicators[8]?.baseline).toMatchObject({ value: 30.9, year: 2020 });
    expect(body?.indicators[8]?.target).toMatchObject({ value: 36, year: 2030 });
  });

  it("keeps the item's whole sentence beside each indicator", () => {
    expect(body?.indicators[0]?.extra["Nguyên văn"]).toMatch(/lên 60% vào năm 2030\.$/);
  });

  it("reads the plan period 2021–2030 and the month-only date", () => {
    expect(result.plan.period).toEqual({ from: 2021, to: 2030 });
    expect(result.plan.date).toBe("2021-08-01");
    expect(result.plan.number).toBeNull();
  });
});
