import fc from "fast-check";
import { buildReport, reportText, chartPicture, chartSvg, agencyChart, countByAgency, ND30_FORMAT, ND30_BOUNDS } from ".";
import type { ReportContext, StatusRow, StatusTable } from ".";

const row = (over: Partial<StatusRow> & Pick<StatusRow, "key" | "name" | "status">): StatusRow => ({
  stt: null, code: null, unit: null, target: null, expected: null, result: null, percentOfPlan: null, lead: [], ...over,
});

const TABLE: StatusTable = {
  period: { id: "2023", label: "Năm 2023", end: "2023-12-31" },
  indicators: [
    row({ key: "PL1:1", stt: "1", name: "Chỉ số Tính minh bạch", unit: "Điểm", target: { op: ">=", value: 6.35, max: null, year: 2023 }, result: 6.4, percentOfPlan: 100.787, status: "met", lead: ["Sở Kế hoạch và Đầu tư"] }),
    row({ key: "PL1:2", stt: "2", name: "Tỷ lệ doanh nghiệp tiếp cận tài liệu quy hoạch", unit: "%", percent: true, target: { op: ">=", value: 0.3, max: null, year: 2023 }, result: 0.25, percentOfPlan: 83.333, status: "missed", lead: ["Sở Xây dựng", "Sở Tài nguyên và Môi trường"] }),
    row({ key: "PL1:3", stt: "3", name: "Số thủ tục công bố", unit: "thủ tục", target: { op: ">=", value: 1000, max: null, year: 2023 }, result: null, status: "noData", lead: ["Sở Tư pháp"] }),
    row({ key: "PL1:4", stt: "4", name: "Xếp hạng chỉ số", unit: "hạng", target: { op: "<=", value: 30, max: null, year: 2023 }, result: 35, expected: 31.5, percentOfPlan: 116.667, status: "atRisk", lead: [] }),
  ],
};

const CONTEXT: ReportContext = {
  plan: { title: "Kế hoạch Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh năm 2023", number: "370/KH-UBND" },
  issuer: "Ủy ban nhân dân tỉnh Bắc Giang",
  parentBody: null,
  symbol: "BC-UBND",
  place: "Bắc Giang",
  date: "2024-01-05",
  explanations: { "PL1:2": "Cổng thông tin quy hoạch bảo trì 2 tháng." },
  returns: null,
};

describe("buildReport", () => {
  const doc = buildReport(TABLE, CONTEXT);
  const text = reportText(doc);

  it("heads the report with the issuing body, the national name and motto, the number and the place-date line", () => {
    expect(doc.header.issuingBody).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG"]);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    expect(doc.header.number).toMatch(/^Số: +\/BC-UBND$/);
    expect(doc.header.placeDate).toBe("Bắc Giang, ngày 05 tháng 01 năm 2024");
  });

  it("titles it BÁO CÁO with the subject and the period's label", () => {
    expect(doc.docType).toBe("BÁO CÁO");
    expect(doc.subject.join(" ")).toBe("Kết quả thực hiện các chỉ tiêu năm 2023 của Kế hoạch Nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh năm 2023");
  });

  it("writes numbers the Vietnamese way, percent indicators in percent points", () => {
    expect(text).toContain("1 | Chỉ số Tính minh bạch | Điểm | ≥ 6,35 | 6,4 | 100,8% | Đạt");
    expect(text).toContain("2 | Tỷ lệ doanh nghiệp tiếp cận tài liệu quy hoạch | % | ≥ 30 | 25 | 83,3% | Không đạt");
    expect(text).toContain("≥ 1.000");
  });

  it("counts the statuses in a sentence and a table, with shares", () => {
    expect(text).toContain("Kế hoạch có 4 chỉ tiêu được theo dõi. Kết quả đánh giá năm 2023: 1 chỉ tiêu đạt (25%), 1 chỉ tiêu có nguy cơ (25%), 1 chỉ tiêu không đạt (25%) và 1 chỉ tiêu chưa có số liệu (25%); đạt và vượt 1/4 chỉ tiêu.");
    expect(text).toContain("Tổng số | 4 | 100%");
  });

  it("lists the unmet and at-risk indicators with their lead agencies and the agency's explanation, or says none came", () => {
    expect(text).toContain("Đơn vị chủ trì: Sở Xây dựng; Sở Tài nguyên và Môi trường.");
    expect(text).toContain("Giải trình của đơn vị: Cổng thông tin quy hoạch bảo trì 2 tháng.");
    expect(text).toContain("Xếp hạng chỉ số (có nguy cơ): mục tiêu ≤ 30 hạng; kết quả 35 hạng; mức cần đạt theo tiến độ 31,5 hạng; đạt 116,7% so với kế hoạch.");
    expect(text).toContain("Đơn vị chủ trì: Chưa xác định đơn vị chủ trì.");
    expect(text).toContain("Giải trình của đơn vị: đơn vị chưa gửi giải trình.");
  });

  it("gives results by agency, counting an indicator for each of its lead agencies", () => {
    expect(text).toContain("Đơn vị chủ trì | Số chỉ tiêu | Đạt | Có nguy cơ | Không đạt | Chưa có số liệu");
    expect(text).toContain("Sở Xây dựng | 1 | 0 | 0 | 1 | 0");
  });

  it("says plainly when the workbook holds no returns data, and lists pending agencies when it does", () => {
    expect(text).toContain("chưa có dữ liệu tiếp nhận báo cáo");
    const withReturns = reportText(buildReport(TABLE, { ...CONTEXT, returns: { pending: ["Sở Tư pháp"], returned: ["Sở Xây dựng"] } }));
    expect(withReturns).toContain("1 đơn vị chưa gửi báo cáo:\n- Sở Tư pháp");
  });

  it("holds a chart of the counts and one of statuses by agency", () => {
    const charts = doc.body.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
    expect(charts.map((c) => c.kind)).toEqual(["column", "barStacked"]);
    expect(charts[0]?.categories.map((c) => c.label)).toEqual(["Đạt", "Có nguy cơ", "Không đạt", "Chưa có số liệu"]);
  });

  it("ends with Nơi nhận and the signing authority of the People's Committee", () => {
    expect(doc.recipients.at(-1)).toBe("Lưu: VT.");
    expect(doc.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });

  it("signs for a department under its superior body when one is given", () => {
    const dept = buildReport(TABLE, { ...CONTEXT, issuer: "Sở Kế hoạch và Đầu tư", parentBody: "Ủy ban nhân dân tỉnh Bắc Giang", symbol: "BC-SKHĐT" });
    expect(dept.header.parentBody).toBe("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG");
    expect(dept.header.issuingBody).toEqual(["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"]);
    expect(dept.signature.authority).toEqual(["GIÁM ĐỐC"]);
  });

  it("throws on a caller's malformed status table (misuse)", () => {
    expect(() => buildReport({ ...TABLE, indicators: [{ key: "x" }] } as unknown as StatusTable, CONTEXT)).toThrow();
  });
});

describe("the report's format (Nghị định 30/2020/NĐ-CP, Phụ lục I)", () => {
  it("is A4 portrait in Times New Roman, with margins and sizes inside the decree's bounds", () => {
    const f = ND30_FORMAT;
    expect([f.page.width, f.page.height, f.font]).toEqual([210, 297, "Times New Roman"]);
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const [lo, hi] = ND30_BOUNDS.margins[side];
      expect(f.margins[side]).toBeGreaterThanOrEqual(lo);
      expect(f.margins[side]).toBeLessThanOrEqual(hi);
    }
    expect(f.body.size).toBeGreaterThanOrEqual(ND30_BOUNDS.bodySize[0]);
    expect(f.body.size).toBeLessThanOrEqual(ND30_BOUNDS.bodySize[1]);
    expect(f.nationalName.size).toBeLessThanOrEqual(ND30_BOUNDS.nationalNameSize[1]);
    expect(f.pageNumber).toEqual({ position: "top-center", size: 14, firstPage: false });
  });
});

describe("the report's text", () => {
  const status = fc.constantFrom("met", "onTrack", "atRisk", "missed", "noData", "none" as const);
  const num = fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }), { nil: null });
  const text = fc.option(fc.string({ maxLength: 12 }), { nil: null });
  const arbRow = fc.record({
    key: fc.string({ minLength: 1, maxLength: 6 }),
    stt: text,
    code: text,
    name: fc.string({ maxLength: 30 }),
    unit: fc.option(fc.constantFrom("%", "Điểm", "tỷ đồng", ""), { nil: null }),
    target: fc.option(fc.record({ op: fc.option(fc.constantFrom(">=", "<=", "~", "range", "=", ">"), { nil: null }), value: num, max: num, year: fc.option(fc.integer({ min: 2000, max: 2040 }), { nil: null }) }), { nil: null }),
    expected: num,
    result: fc.oneof(num, fc.constantFrom("khoảng 20", "#N/A")),
    status,
    percentOfPlan: num,
    lead: fc.array(fc.constantFrom("Sở Tư pháp", "Sở Xây dựng", "UBND cấp huyện"), { maxLength: 2 }),
  });

  it("never shows undefined, NaN or null, whatever the values (blank ones included)", () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 12 }), fc.boolean(), (indicators, withReturns) => {
        const t = reportText(buildReport({ period: TABLE.period, indicators }, { ...CONTEXT, returns: withReturns ? { pending: ["Sở Tư pháp"], returned: [] } : null }));
        // Names are random text: look for the words only where the report itself writes values.
        const own = t.replace(/\b(undefined|NaN|null)\b/g, (w, _g, at: number) => (indicators.some((r) => r.name.includes(w) || (r.stt ?? "").includes(w) || (r.unit ?? "").includes(w) || r.key.includes(w)) ? "" : `<<${w}@${at}>>`));
        expect(own).not.toMatch(/<<(undefined|NaN|null)@/);
      }),
      { numRuns: 200 },
    );
  });
});

describe("chartPicture", () => {
  it("draws one row per agency with bars as wide as their counts, and escapes text in the SVG", () => {
    const chart = agencyChart(countByAgency(TABLE.indicators, "Chưa rõ"), "Năm 2023");
    const pic = chartPicture(chart, 300);
    const groups = pic.shapes.filter((s) => s.kind === "group");
    expect(groups).toHaveLength(5);
    const bar = (i: number) => { const g = groups[i]; return g?.kind === "group" ? g.shapes.find((s) => s.kind === "rect") : undefined; };
    expect(bar(0)).toMatchObject({ width: 156, fill: "006100" });
    const svg = chartSvg(chartPicture({ ...chart, categories: [{ label: "<Sở & Ngành>", values: [1, 0, 0, 0] }] }, 300));
    expect(svg).toContain("&lt;Sở &amp; Ngành&gt;");
    expect(svg.startsWith("<svg")).toBe(true);
  });
});
