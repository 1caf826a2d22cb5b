import fc from "fast-check";
import { buildReport, reportText, chartPicture, chartSvg, agencyChart, countByAgency, ND30_FORMAT, ND30_BOUNDS, resolveParticulars, symbolFor, nd30Date, countedOnce } from ".";
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

  it("titles it BÁO CÁO with a trích yếu that cites the plan's number, date and issuer", () => {
    expect(doc.docType).toBe("BÁO CÁO");
    const cited = buildReport(TABLE, { ...CONTEXT, plan: { title: "Kế hoạch thực hiện Nghị quyết 02/NQ-CP năm 2025", number: "125/KH-UBND", date: "14/3/2025", issuer: "UBND tỉnh Bắc Giang" } });
    expect(cited.subject.join(" ")).toBe("Kết quả thực hiện Kế hoạch số 125/KH-UBND ngày 14/3/2025 của UBND tỉnh Bắc Giang về thực hiện Nghị quyết 02/NQ-CP năm 2025 năm 2023");
    // Without the plan's issuer or the province, the citation names neither.
    expect(doc.subject.join(" ")).toBe("Kết quả thực hiện Kế hoạch số 370/KH-UBND về nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh năm 2023");
  });

  it("writes the appendix table real reports use, numbers the Vietnamese way, units on every row", () => {
    expect(text).toContain("STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện cùng kỳ | Thực hiện (ước) kỳ báo cáo | So với cùng kỳ (%) | So với kế hoạch (%) | Đánh giá");
    expect(text).toContain("1 | Chỉ số Tính minh bạch | Điểm | ≥ 6,35 |  | 6,4 |  | 100,8 | Đạt");
    expect(text).toContain("2 | Tỷ lệ doanh nghiệp tiếp cận tài liệu quy hoạch | % | ≥ 30 |  | 25 |  | 83,3 | Không đạt");
    expect(text).toContain("≥ 1.000");
  });

  it("fills cùng kỳ, its ratio and Ước cả năm from the status rows of a 6-month report (as the status table gives them), marking estimates", () => {
    const h1 = buildReport(
      { period: { id: "2025-H1", label: "6 tháng đầu năm 2025", end: "2025-06-30" }, indicators: [row({ key: "a", stt: "1", name: "Thu ngân sách", unit: "tỷ đồng", target: { op: ">=", value: 1000, max: null, year: 2025 }, result: 560, nature: "estimate", previous: { period: { id: "2024-H1", label: "6 tháng đầu năm 2024" }, value: 490, nature: "official" }, percentOfPrevious: 114.29, fullYearEstimate: { value: 1050, status: "exceeded", statusLabel: "dự kiến Vượt" }, percentOfPlan: 56, status: "exceeded", lead: ["Sở Tài chính"] })] },
      CONTEXT,
    );
    const t = reportText(h1);
    expect(t).toContain("Thực hiện (ước) kỳ báo cáo | Ước cả năm | So với cùng kỳ (%)");
    expect(t).toContain("1 | Thu ngân sách | tỷ đồng | ≥ 1.000 | 490 | 560 (ước) | 1.050 | 114,3 | 56 | Vượt");
    expect(t).toContain("đạt và vượt 1/1 chỉ tiêu");
  });

  it("counts the statuses in a sentence ('đạt và vượt N/M') and a table, with shares", () => {
    expect(text).toContain("Kế hoạch có 4 chỉ tiêu. Kết quả năm 2023: đạt và vượt 1/4 chỉ tiêu (25%); trong đó 1 chỉ tiêu đạt, 1 chỉ tiêu có nguy cơ, 1 chỉ tiêu không đạt và 1 chỉ tiêu chưa có số liệu.");
    expect(text).toContain("Tổng số | 4 | 100%");
  });

  it("writes the four sections from the data", () => {
    for (const h of ["I. KẾT QUẢ ĐẠT ĐƯỢC", "II. HẠN CHẾ, TỒN TẠI VÀ NGUYÊN NHÂN", "III. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", "IV. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"]) expect(text).toContain(h);
    expect(text).toContain("- Chỉ số Tính minh bạch: thực hiện 6,4 Điểm; kế hoạch ≥ 6,35 Điểm; đạt 100,8% kế hoạch.");
  });

  it("counts the tasks' returned statuses and lists the overdue ones with their lead agency", () => {
    const t = reportText(buildReport(TABLE, { ...CONTEXT, tasks: [
      { text: "Công khai quy hoạch trên cổng thông tin.", lead: ["Sở Xây dựng"], deadline: "Trước 30/6/2023", due: "2023-06-30", status: "Đang thực hiện", note: null },
      { text: "Rà soát thủ tục.", lead: ["Sở Tư pháp"], deadline: "Trước 30/11/2023", due: "2023-11-30", status: "Hoàn thành", note: null },
      { text: "Đối thoại doanh nghiệp.", lead: ["Sở Tài chính"], deadline: "Thường xuyên", due: null, status: null, note: null },
    ] }));
    expect(t).toContain("Kế hoạch giao 3 nhiệm vụ; các đơn vị đã báo cáo tình trạng 2/3 nhiệm vụ năm 2023: đang thực hiện 1, hoàn thành 1 và chưa báo cáo 1.");
    expect(t).toContain("1 nhiệm vụ đã quá thời hạn mà chưa hoàn thành:\n- Công khai quy hoạch trên cổng thông tin (chủ trì: Sở Xây dựng; thời hạn: Trước 30/6/2023; tình trạng: đang thực hiện).");
  });

  it("lists the unmet and at-risk indicators with their lead agencies and the agency's explanation, or says none came", () => {
    expect(text).toContain("Đơn vị chủ trì: Sở Xây dựng; Sở Tài nguyên và Môi trường.");
    expect(text).toContain("Giải trình của đơn vị: Cổng thông tin quy hoạch bảo trì 2 tháng.");
    expect(text).toContain("Xếp hạng chỉ số (có nguy cơ): kế hoạch ≤ 30 hạng; thực hiện 35 hạng; mức cần đạt theo tiến độ 31,5 hạng; đạt 116,7% kế hoạch.");
    expect(text).toContain("Đơn vị chủ trì: Chưa xác định đơn vị chủ trì.");
    expect(text).toContain("Giải trình của đơn vị: đơn vị chưa gửi giải trình.");
  });

  it("gives results by agency, counting an indicator for each of its lead agencies", () => {
    expect(text).toContain("Đơn vị chủ trì | Số chỉ tiêu | Đạt | Có nguy cơ | Không đạt | Chưa có số liệu");
    expect(text).toContain("Sở Xây dựng | 1 | 0 | 0 | 1 | 0");
  });

  it("says plainly when the workbook holds no returns data, and lists pending agencies when it does", () => {
    expect(text).toContain("Sổ theo dõi chưa ghi nhận báo cáo nào của các đơn vị cho kỳ này");
    const withReturns = reportText(buildReport(TABLE, { ...CONTEXT, returns: { pending: ["Sở Tư pháp"], returned: ["Sở Xây dựng"] } }));
    expect(withReturns).toContain("1/2 đơn vị đã gửi báo cáo: Sở Xây dựng.");
    expect(withReturns).toContain("1 đơn vị chưa gửi báo cáo:\n- Sở Tư pháp");
  });

  it("holds a chart of the counts and one of statuses by agency", () => {
    const charts = doc.body.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
    expect(charts.map((c) => c.kind)).toEqual(["column", "barStacked"]);
    expect(charts[0]?.categories.map((c) => c.label)).toEqual(["Đạt", "Có nguy cơ", "Không đạt", "Chưa có số liệu"]);
    expect(doc.appendix?.title).toEqual(["Phụ lục", "BIỂU KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "NĂM 2023"]);
  });

  it("ends with Nơi nhận and the signing authority of the People's Committee", () => {
    expect(doc.recipients.at(-1)).toBe("Lưu: VT.");
    expect(doc.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });

  it("writes a department's report under its superior body, to the People's Committee, keeping the name's capitals", () => {
    const p = resolveParticulars({ province: "Bắc Giang" }, { issuer: "Sở Tài chính", signerTitle: "Phó Giám đốc", signerName: "Trần Thị Lan" });
    const dept = buildReport(TABLE, { ...CONTEXT, ...p, plan: { ...CONTEXT.plan, ...p.plan } });
    expect(dept.header.parentBody).toBe("ỦY BAN NHÂN DÂN TỈNH BẮC GIANG");
    expect(dept.header.issuingBody).toEqual(["SỞ TÀI CHÍNH"]);
    expect(dept.header.number).toMatch(/\/BC-STC$/);
    expect(dept.addressee).toBe("Ủy ban nhân dân tỉnh Bắc Giang");
    expect(reportText(dept)).toContain("Sở Tài chính báo cáo kết quả thực hiện năm 2023");
    expect(dept.signature).toEqual({ authority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer: "Trần Thị Lan" });
  });

  it("throws on a caller's malformed status table (misuse)", () => {
    expect(() => buildReport({ ...TABLE, indicators: [{ key: "x" }] } as unknown as StatusTable, CONTEXT)).toThrow();
  });
});

describe("Nghị định 30/2020 particulars", () => {
  it("pads days below 10 and the months 1 and 2 only", () => {
    expect(nd30Date("2024-01-05")).toBe("ngày 05 tháng 01 năm 2024");
    expect(nd30Date("2024-02-15")).toBe("ngày 15 tháng 02 năm 2024");
    expect(nd30Date("2023-06-05")).toBe("ngày 05 tháng 6 năm 2023");
    expect(nd30Date("2023-12-15")).toBe("ngày 15 tháng 12 năm 2023");
  });

  it("gives each of today's issuers its symbol", () => {
    expect(symbolFor("Ủy ban nhân dân tỉnh Bắc Giang")).toBe("BC-UBND");
    expect(symbolFor("Sở Tài chính")).toBe("BC-STC");
    expect(symbolFor("Sở Nông nghiệp và Môi trường")).toBe("BC-SNNMT");
    expect(symbolFor("Sở Khoa học và Công nghệ")).toBe("BC-SKHCN");
    expect(symbolFor("Sở Văn hóa, Thể thao và Du lịch")).toBe("BC-SVHTTDL");
    expect(symbolFor("Sở Ngoại vụ")).toBe("BC-SNgV");
  });

  it("signs for the People's Committee as TM. and KT. with the name; the workbook's values yield to the caller's", () => {
    expect(resolveParticulars({ province: "Bắc Giang", signerName: "Nguyễn Văn Hùng" }).signature).toEqual({ authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], signer: "Nguyễn Văn Hùng" });
    const deputy = resolveParticulars({ province: "Bắc Giang", signerTitle: "PHÓ CHỦ TỊCH" });
    expect(deputy.signature.authority).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    expect(deputy.place).toBe("Bắc Giang");
    expect(deputy.addressee).toBeNull();
    expect(resolveParticulars({ province: "Bắc Giang", recipients: "- Bộ Tài chính;\n- Lưu: VT." }).recipients).toEqual(["Bộ Tài chính;", "Lưu: VT."]);
    expect(resolveParticulars({ place: "Bắc Giang" }, { place: "Việt Yên" }).place).toBe("Việt Yên");
  });
});

describe("countedOnce", () => {
  it("counts an indicator restated in another appendix once, with a cross-reference and the figure only the restatement holds", () => {
    const rows = countedOnce([
      row({ key: "PL-I/3.1", stt: "3.1", name: "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)", target: { op: ">=", value: 3.4, max: null, year: 2023 }, status: "noData", lead: ["Sở Xây dựng"] }),
      row({ key: "PL-I/3.2", stt: "3.2", name: "Tiếp cận tài liệu pháp lý", target: { op: ">=", value: 3.5, max: null, year: 2023 }, status: "noData", lead: ["Sở Tư pháp"] }),
      row({ key: "PL-II/1", stt: "1", name: "Tiếp cận tài liệu quy hoạch", target: { op: ">=", value: 3.4, max: null, year: null }, result: 3.6, percentOfPlan: 105.9, status: "met" }),
      row({ key: "PL-II/2", stt: "2", name: "Tiếp cận tài liệu pháp lý", target: { op: ">=", value: 4, max: null, year: null }, status: "noData" }),
    ]);
    expect(rows.map((r) => r.key)).toEqual(["PL-I/3.1", "PL-I/3.2", "PL-II/2"]);
    expect(rows[0]).toMatchObject({ result: 3.6, status: "met", lead: ["Sở Xây dựng"], restatedAs: [{ key: "PL-II/1", stt: "1", appendix: "PL-II" }] });
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
