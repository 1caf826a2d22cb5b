import JSZip from "jszip";
import { buildReport } from "../core/report";
import type { ReportContext, StatusTable } from "../core/report";
import { writeReportDocx } from ".";

const table: StatusTable = {
  period: { id: "2023-H1", label: "6 tháng đầu năm 2023", end: "2023-06-30" },
  indicators: [
    { key: "a", stt: "1", code: null, name: "Chỉ số Tính minh bạch", unit: "Điểm", target: { op: ">=", value: 6.35, max: null, year: 2023 }, expected: 6.3, result: 6.1, status: "atRisk", percentOfPlan: 96.1, lead: ["Sở Kế hoạch và Đầu tư"] },
    { key: "b", stt: "2", code: null, name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", target: { op: ">=", value: 0.9, max: null, year: 2023 }, expected: 0.85, result: 0.88, status: "onTrack", percentOfPlan: 97.8, lead: ["Sở Nội vụ"] },
  ],
};
const context: ReportContext = {
  plan: { title: "Kế hoạch thử", number: null }, issuer: "Ủy ban nhân dân tỉnh Bắc Giang", parentBody: null, symbol: "BC-UBND",
  place: "Bắc Giang", date: "2023-07-05", explanations: {}, returns: null,
};

describe("writeReportDocx", () => {
  let zip: JSZip;
  let document = "";
  beforeAll(async () => {
    zip = await JSZip.loadAsync(await writeReportDocx(buildReport(table, context)));
    document = (await zip.file("word/document.xml")?.async("string")) ?? "";
  });

  it("lays the page out as the decree says: A4 portrait, margins 20/20/30/15 mm, page numbers from page 2", () => {
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(document).toContain("<w:titlePg/>");
  });

  it("writes Times New Roman 14 pt as the document's font and Vietnamese as its language", async () => {
    const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(styles).toContain('<w:sz w:val="28"/>');
    expect(styles).toContain('w:val="vi-VN"');
  });

  it("puts the page number field centred in the header of every page but the first (the landscape appendix too)", async () => {
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)?.async("string") ?? ""));
    expect(headers.filter((h) => h.includes("PAGE"))).toHaveLength(2);
    expect(headers.some((h) => !h.includes("PAGE"))).toBe(true);
  });

  it("repeats the indicator table's header row on each page and holds two native charts with their data", () => {
    expect(document).toContain("<w:tblHeader/>");
    expect(Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
    expect(Object.keys(zip.files).some((f) => f.startsWith("word/embeddings/"))).toBe(true);
  });
});
