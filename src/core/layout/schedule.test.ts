import { importText } from "../import/text";
import { buildLayout, excelSerial } from ".";

const TASKS_ONLY = [
  "ỦY BAN NHÂN DÂN",
  "TỈNH BÌNH DƯƠNG",
  "Số: 12/KH-UBND Bình Dương, ngày 10 tháng 02 năm 2026",
  "KẾ HOẠCH",
  "Cải cách hành chính năm 2026",
  "II. NHIỆM VỤ VÀ GIẢI PHÁP",
  "1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành:",
  "- Rà soát quy trình nội bộ giải quyết thủ tục hành chính, hoàn thành trong quý II/2026.",
  "- Tổ chức khảo sát sự hài lòng của người dân.",
  "III. TỔ CHỨC THỰC HIỆN",
  "1. Hằng quý, các sở, ngành gửi báo cáo kết quả về Sở Nội vụ trước ngày 20 của tháng cuối quý để tổng hợp, báo cáo UBND tỉnh.",
].join("\n");

describe("a plan that assigns only tasks (issue 25)", () => {
  const plan = importText(TASKS_ONLY, "kh.txt").plan;
  const layout = buildLayout(plan, { lang: "vi" });

  it("opens on Nhiệm vụ and keeps the empty indicator sheets hidden (their tables stay for the reader)", () => {
    expect(layout.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["Nhiệm vụ", false], ["Chỉ tiêu", true], ["Kết quả theo kỳ", true], ["Cơ quan", false], ["Tổng hợp", false], ["Kiểm tra", false], ["Thông tin báo cáo", false],
    ]);
    const tasks = layout.sheets[0]?.tables[0];
    // The two bullets, and the reporting paragraph (its subject "các sở, ngành" is its lead).
    expect(tasks?.rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["II.1.1", "Rà soát quy trình nội bộ giải quyết thủ tục hành chính, hoàn thành trong quý II/2026.", "Sở Nội vụ"],
      ["II.1.2", "Tổ chức khảo sát sự hài lòng của người dân.", "Sở Nội vụ"],
      ["III.1.1", "Hằng quý, các sở, ngành gửi báo cáo kết quả về Sở Nội vụ trước ngày 20 của tháng cuối quý để tổng hợp, báo cáo UBND tỉnh.", "Các sở, ngành"],
    ]);
    // The deadline the text gives, else "Thường xuyên".
    expect(tasks?.rows.map((r) => r[4])).toEqual(["trong quý II/2026", "Thường xuyên", "Thường xuyên"]);
  });

  it("shows its quarterly schedule on Tổng hợp, one editable row per quarter", () => {
    const summary = layout.sheets.find((s) => s.name === "Tổng hợp");
    const table = summary?.tables.find((t) => t.name === "LichBaoCao");
    expect(table?.columns.filter((c) => c.input).map((c) => c.key)).toEqual(["due", "to", "upstreamDue", "upstreamTo", "basis"]);
    expect(table?.rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["2026-Q1", excelSerial("2026-03-20"), "Sở Nội vụ"],
      ["2026-Q2", excelSerial("2026-06-20"), "Sở Nội vụ"],
      ["2026-Q3", excelSerial("2026-09-20"), "Sở Nội vụ"],
      ["2026-Q4", excelSerial("2026-12-20"), "Sở Nội vụ"],
    ]);
    expect(summary?.cells.find((c) => c.value === "Lịch báo cáo")).toBeDefined();
  });

  it("asks for a schedule when the plan sets none", () => {
    const none = buildLayout({ ...plan, reporting: null }, { lang: "vi" });
    const summary = none.sheets.find((s) => s.name === "Tổng hợp");
    expect(summary?.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Văn bản không nêu lịch báo cáo"))).toBe(true);
    expect(summary?.tables.find((t) => t.name === "LichBaoCao")?.rows.every((r) => r[2] === null)).toBe(true);
  });
});

describe("excelSerial", () => {
  it("gives the day numbers Excel and LibreOffice show as dates", () => {
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2023-10-02")).toBe(45201);
  });
});
