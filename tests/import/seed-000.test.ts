/**
 * Seed 000 (Bắc Giang, NQ 02/2025): one "Phụ lục" with four indicators, unit
 * and target on one line ("% 100"), one row written on a single line
 * ("3   Tỷ lệ xử lý … % 100") and a target split over lines ("Tối thiểu / 90").
 */
import { expectRow, importSeed, warningCodes, type ExpectedRow } from "./support";

const result = importSeed("000-bac-giang-nq02-2025.txt");
const appendix = result.plan.appendices.find((a) => a.kind === "indicators");
const ALL = ["Các sở, ngành", "UBND cấp huyện", "UBND cấp xã"];

const ROWS: ExpectedRow[] = [
  { stt: "1", code: "1", name: "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", unit: "%", baseline: null, rank: null, target: [null, 100, 2025], lower: false, lead: ALL, co: [], deadline: null },
  { stt: "2", code: "2", name: "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hoá", unit: "%", baseline: null, rank: null, target: [null, 100, 2025], lower: false, lead: ALL, co: [], deadline: null },
  { stt: "3", code: "3", name: "Tỷ lệ xử lý phản ảnh, kiến nghị đúng hạn", unit: "%", baseline: null, rank: null, target: [null, 100, 2025], lower: false, lead: ALL, co: [], deadline: null },
  { stt: "4", code: "4", name: "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính của người dân, doanh nghiệp", unit: "%", baseline: null, rank: null, target: [">=", 90, 2025], lower: false, lead: ALL, co: [], deadline: null },
];

describe("seed 000: Bắc Giang, Phụ lục of NQ 02/2025", () => {
  it("finds exactly one appendix table, of indicators, titled from its caption", () => {
    expect(result.plan.appendices.filter((a) => a.kind !== "body" && a.id !== "VB")).toHaveLength(1);
    expect(appendix?.title).toBe("Phụ lục — MỘT SỐ CHỈ TIÊU CẢI CÁCH THỦ TỤC HÀNH CHÍNH, QUY ĐỊNH KINH DOANH NĂM 2025");
    expect(appendix?.headers).toEqual(["STT", "Chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan chủ trì thực hiện"]);
  });

  it("reads four indicators, no more", () => {
    expect(appendix?.indicators).toHaveLength(4);
  });

  it.each(ROWS.map((r, i) => [r.stt, r.name, i, r] as const))("reads row %s '%s' field by field", (_stt, _name, i, want) => {
    expectRow(appendix?.indicators[i], want);
  });

  it("keeps '90' after 'Tối thiểu' as the target value, not as a page number", () => {
    expect(appendix?.indicators[3]?.target?.raw.replace(/\s+/g, " ")).toBe("Tối thiểu 90");
    expect(warningCodes(result)).not.toContain("text.pageNumberStripped");
  });

  it("gives the keys appendix id + code", () => {
    expect(appendix?.indicators.map((i) => i.key)).toEqual(["PL/1", "PL/2", "PL/3", "PL/4"]);
  });

  it("reads the plan's title and issuer from the body, no number (the draft leaves it out) and the month from the appendix caption", () => {
    expect(result.plan.title).toMatch(/^Thực hiện Nghị quyết số 02\/NQ-CP ngày 08\/01\/2025/);
    expect(result.plan.issuer).toBe("UBND tỉnh Bắc Giang");
    expect(result.plan.number).toBeNull();
    // The heading's date is blank; the appendix caption "(Kèm theo … ngày /01/2025 …)" still gives the month.
    expect(result.plan.date).toBe("2025-01-01");
    expect(result.plan.dateRaw).toBe("ngày /01/2025");
    expect(result.plan.period).toEqual({ from: 2025, to: 2025 });
  });
});
