/**
 * The bundled demo sample (`samples/ke-hoach-mau.txt`, a fictional province
 * written in the seeds' PDF-text style) must import cleanly: `npm run demo`
 * starts from it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importText } from "../../src/core/import/text";
import { ImportResultSchema } from "../../src/core/model";
import { expectRow, type ExpectedRow } from "./support";

const text = readFileSync(join(__dirname, "..", "..", "samples", "ke-hoach-mau.txt"), "utf8");
const result = ImportResultSchema.parse(importText(text, "ke-hoach-mau.txt"));
const [pl1, pl2] = result.plan.appendices;
const ALL = ["Các sở, ngành", "UBND cấp huyện"];

const ROWS: ExpectedRow[] = [
  { stt: "1", code: "1", name: "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", unit: "điểm", baseline: [68.52, 2024], rank: 15, target: [">=", 70, 2025], lower: false, lead: ["Sở Kế hoạch và Đầu tư"], co: ALL, deadline: "Hằng năm" },
  { stt: "2", code: "2", name: "Chỉ số cải cách hành chính (PAR INDEX)", unit: "%", baseline: [88.15, 2024], rank: 21, target: [">=", 90, 2025], lower: false, lead: ["Sở Nội vụ"], co: ALL, deadline: "Hằng năm" },
  { stt: "3", code: "3", name: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trước và đúng hạn", unit: "%", baseline: [97.5, 2024], rank: null, target: [">=", 99, 2025], lower: false, lead: ["Văn phòng UBND tỉnh"], co: ["Các sở, ngành"], deadline: "Thường xuyên" },
  { stt: "4", code: "4", name: "Tỷ lệ dịch vụ công trực tuyến toàn trình phát sinh hồ sơ", unit: "%", baseline: [62.3, 2024], rank: null, target: [">", 80, 2025], lower: false, lead: ["Sở Thông tin và Truyền thông"], co: ALL, deadline: "Quý IV/2025" },
  { stt: "5", code: "5", name: "Số ngày giải quyết thủ tục cấp giấy chứng nhận đăng ký doanh nghiệp", unit: "ngày", baseline: [2.5, 2024], rank: null, target: ["<=", 2, 2025], lower: true, lead: ["Sở Kế hoạch và Đầu tư"], co: ["Cục Thuế tỉnh"], deadline: "Thường xuyên" },
  { stt: "6", code: "6", name: "Tỷ lệ doanh nghiệp phải chi trả chi phí không chính thức", unit: "%", baseline: [41.2, 2024], rank: 35, target: ["<=", 35, 2025], lower: true, lead: ["Sở Nội vụ"], co: ["Sở Tư pháp"], deadline: "Hằng năm" },
  { stt: "7", code: "7", name: "Chỉ số chuyển đổi số cấp tỉnh (DTI)", unit: "điểm", baseline: [0.4521, 2024], rank: 32, target: [">=", 0.5, 2025], lower: false, lead: ["Sở Thông tin và Truyền thông"], co: ["Các sở, ngành"], deadline: "Hằng năm" },
  { stt: "8", code: "8", name: "Số doanh nghiệp thành lập mới", unit: "doanh nghiệp", baseline: [850, 2024], rank: null, target: [">=", 950, 2025], lower: false, lead: ["Sở Kế hoạch và Đầu tư"], co: ["UBND cấp huyện"], deadline: "Trước 31/12/2025" },
  { stt: "9", code: "9", name: "Tỷ lệ giải ngân vốn đầu tư công", unit: "%", baseline: [92.1, 2024], rank: null, target: [">", 95, 2025], lower: false, lead: ["Sở Tài chính"], co: ["Sở Kế hoạch và Đầu tư", "các chủ đầu tư"], deadline: "Trước 31/01/2026" },
  { stt: "10", code: "10", name: "Vốn đầu tư trực tiếp nước ngoài thu hút mới", unit: "triệu USD", baseline: [350, 2024], rank: null, target: [">=", 400, 2025], lower: false, lead: ["Ban Quản lý các Khu công nghiệp tỉnh"], co: ["Sở Kế hoạch và Đầu tư"], deadline: "Hằng năm" },
  { stt: "11", code: "11", name: "Mức độ hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính", unit: "%", baseline: [86.4, 2024], rank: null, target: [">=", 90, 2025], lower: false, lead: ["Sở Nội vụ"], co: ALL, deadline: "Quý III+IV/2025" },
  { stt: "12", code: "12", name: "Tỷ lệ hồ sơ thủ tục hành chính trễ hạn", unit: "%", baseline: [2.5, 2024], rank: null, target: ["<", 1, 2025], lower: true, lead: ["Văn phòng UBND tỉnh"], co: ["Các sở, ngành"], deadline: "Thường xuyên" },
];

describe("the bundled sample plan", () => {
  it("reads the plan's metadata", () => {
    expect(result.plan).toMatchObject({
      issuer: "ỦY BAN NHÂN DÂN TỈNH AN THỊNH",
      number: "125/KH-UBND",
      date: "2025-03-14",
      period: { from: 2025, to: 2025 },
    });
    expect(result.plan.title).toMatch(/^Cải thiện môi trường đầu tư kinh doanh/);
  });

  it("reads Phụ lục I with twelve indicators and Phụ lục II with three indicators and five tasks", () => {
    expect(pl1?.indicators).toHaveLength(12);
    expect(pl2?.kind).toBe("tasks");
    expect(pl2?.indicators.map((i) => i.tasks.length)).toEqual([2, 2, 1]);
  });

  it.each(ROWS.map((r, i) => [r.stt, i, r] as const))("reads sample row %s field by field", (_stt, i, want) => {
    expectRow(pl1?.indicators[i], want);
  });

  it("parses cleanly: the only warnings are the page break it contains", () => {
    expect(result.warnings.map((w) => w.code).sort()).toEqual(["text.headerRepeated", "text.pageNumberStripped"]);
  });

  it("also lists the two targets stated in the body", () => {
    const body = result.plan.appendices.find((a) => a.kind === "body");
    expect(body?.indicators.map((i) => [i.code, i.target?.op, i.target?.value])).toEqual([["1", ">=", 70], ["2", ">=", 99]]);
  });
});
