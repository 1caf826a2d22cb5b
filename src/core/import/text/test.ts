import { importText, parsePastedText } from ".";

/** Seeds separate every line by a blank line; tests do the same. */
const pdf = (lines: string[]): string => lines.join(" \n\n");

const HEADER = ["STT", "Chỉ tiêu", "Đơn vị", "Mức điểm số năm 2023", "Mục tiêu năm 2024", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"];

describe("parsePastedText", () => {
  it("splits body text from a captioned appendix and reads its header", () => {
    const doc = parsePastedText(pdf(["KẾ HOẠCH", "Nội dung", "Phụ lục I", "CÁC CHỈ TIÊU", "(Kèm theo Kế hoạch số 1/KH-UBND)", "STT Chỉ tiêu", "Đơn", "vị", "Mục tiêu", "năm 2025", "1", "Tỷ lệ A", "% 100"]), "a.txt");
    expect(doc.bodyText).toBe("KẾ HOẠCH\nNội dung");
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.caption).toBe("Phụ lục I\nCÁC CHỈ TIÊU\n(Kèm theo Kế hoạch số 1/KH-UBND)");
    expect(doc.tables[0]?.header).toEqual([["STT", "Chỉ tiêu", "Đơn vị", "Mục tiêu năm 2025"]]);
    expect(doc.tables[0]?.rows.map((r) => r.cells)).toEqual([["1", "Tỷ lệ A", "%", "100"]]);
  });

  it("reads a row whose cells share lines and wrap over lines", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER,
      "1", "Chỉ số: 1.2.1. Chi phí gia nhập", "thị trường 20.34 ≥ 30", "Sở Kế hoạch và", "Đầu tư", "Các sở, ngành và", "các đơn vị liên", "quan", "Thường", "xuyên",
      "- Công khai thủ tục", "- Rút ngắn thời gian"]), "a.txt");
    expect(doc.tables[0]?.rows[0]?.cells).toEqual([
      "1", "Chỉ số: 1.2.1. Chi phí gia nhập thị trường\n- Công khai thủ tục\n- Rút ngắn thời gian", "", "20.34", "≥ 30",
      "Sở Kế hoạch và Đầu tư", "Các sở, ngành và các đơn vị liên quan", "Thường xuyên",
    ]);
  });

  it("strips a lone page number out of the STT sequence, with a warning", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Tỷ lệ A", "% 5 ≥ 10", "Sở Tư pháp", "Hằng năm", "7", "2", "Tỷ lệ B", "% 6 ≥ 12", "Sở Y tế", "Hằng năm"]), "a.txt");
    expect(doc.tables[0]?.rows.map((r) => r.cells[0])).toEqual(["1", "2"]);
    expect(doc.warnings?.map((w) => w.code)).toEqual(["text.pageNumberStripped"]);
    expect(doc.warnings?.[0]?.message).toContain('"7"');
  });

  it("strips a page number glued to a deadline ('Thường xuyên 4')", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Tỷ lệ A", "% 5 ≥ 10", "Sở Tư pháp", "Sở Y tế", "Thường xuyên 4", "- Nhiệm vụ một"]), "a.txt");
    expect(doc.tables[0]?.rows[0]?.cells[7]).toBe("Thường xuyên");
    expect(doc.warnings?.some((w) => w.code === "text.pageNumberStripped" && w.message.includes('"4"'))).toBe(true);
  });

  it("skips a header repeated after a page break, with a warning", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Tỷ lệ A", "% 5 ≥ 10", "Sở Tư pháp", "Hằng năm", ...HEADER, "2", "Tỷ lệ B", "% 6 ≥ 12", "Sở Y tế", "Hằng năm"]), "a.txt");
    expect(doc.tables[0]?.rows).toHaveLength(2);
    expect(doc.warnings?.map((w) => w.code)).toEqual(["text.headerRepeated"]);
  });

  it("starts a row without STT at a 'Chỉ số: x.y.z.' line", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Chỉ số: 1.1.1. A", "1.5 ≥ 2", "Sở Tư pháp", "Hằng năm", "Chỉ số: 1.1.2. B", "2.5 ≥ 3", "Sở Y tế", "Hằng năm"]), "a.txt");
    expect(doc.tables[0]?.rows.map((r) => [r.cells[0], r.cells[1]])).toEqual([["1", "Chỉ số: 1.1.1. A"], ["", "Chỉ số: 1.1.2. B"]]);
  });

  it("reads roman component rows and dotted sub-numbers as STT", () => {
    const doc = parsePastedText(pdf(["Phụ lục", "STT Chỉ số thành phần", "Điểm 2022", "Mục tiêu 2023", "III", "CSTP 3: A", "6,30", "6,35", "3.1", "B", "3,33", "3,40", "3.2", "C", "5", "Dưới hoặc bằng 1"]), "a.txt");
    expect(doc.tables[0]?.rows.map((r) => r.cells)).toEqual([["III", "CSTP 3: A", "6,30", "6,35"], ["3.1", "B", "3,33", "3,40"], ["3.2", "C", "5", "Dưới hoặc bằng 1"]]);
  });

  it("keeps tasks of a tasks table as continuation rows", () => {
    const doc = parsePastedText(pdf(["Phụ lục II", "STT Chỉ tiêu Nhiệm vụ, giải pháp trọng tâm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
      "1", "Chỉ tiêu A (trên", "hoặc bằng 3,4)", "1.1. Công bố kịp thời các quy hoạch của tỉnh lên Cổng thông tin điện tử", "Sở Xây dựng", "Sở Tư pháp", "Trước", "30/7/2023",
      "1.2. Tiếp nhận phản ánh của doanh nghiệp về tài liệu quy hoạch của tỉnh", "Sở Tư pháp", "Quý III+IV/2023"]), "a.txt");
    expect(doc.tables[0]?.rows.map((r) => r.cells)).toEqual([
      ["1", "Chỉ tiêu A (trên hoặc bằng 3,4)", "1.1. Công bố kịp thời các quy hoạch của tỉnh lên Cổng thông tin điện tử", "Sở Xây dựng", "Sở Tư pháp", "Trước 30/7/2023"],
      ["", "", "1.2. Tiếp nhận phản ánh của doanh nghiệp về tài liệu quy hoạch của tỉnh", "Sở Tư pháp", "", "Quý III+IV/2023"],
    ]);
  });

  it("reads rows written on one line each (another PDF viewer), with CRLF line ends", () => {
    const doc = parsePastedText([
      "Phụ lục I", "STT Chỉ số thành phần Điểm 2022 Xếp hạng 2022 Mục tiêu 2023 Đơn vị chủ trì Đơn vị phối hợp",
      "3.1 Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ) 3,33 4 Trên hoặc bằng 3,40 Sở Thông tin và Truyền thông Các Sở: TN&MT, XD và UBND huyện, thành phố",
      "Phụ lục", "STT Chỉ tiêu Đơn vị Chỉ tiêu năm 2025 Cơ quan chủ trì thực hiện",
      "1 Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử % 100 Các sở, ngành; UBND cấp huyện, UBND cấp xã",
    ].join("\r\n"), "a.txt");
    expect(doc.tables.map((t) => t.rows.map((r) => r.cells))).toEqual([
      [["3.1", "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)", "3,33", "4", "Trên hoặc bằng 3,40", "Sở Thông tin và Truyền thông", "Các Sở: TN&MT, XD và UBND huyện, thành phố"]],
      [["1", "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", "%", "100", "Các sở, ngành; UBND cấp huyện, UBND cấp xã"]],
    ]);
  });

  it("returns the body alone when there is no table", () => {
    const doc = parsePastedText("KẾ HOẠCH\nKhông có phụ lục", "a.txt");
    expect(doc.tables).toEqual([]);
    expect(doc.bodyText).toBe("KẾ HOẠCH\nKhông có phụ lục");
  });

  it("throws when given something other than text", () => {
    expect(() => parsePastedText(42 as unknown as string, "a.txt")).toThrow(TypeError);
  });

  it("never throws on arbitrary text", () => {
    for (const s of ["", "\n\n", "Phụ lục", "Phụ lục\nSTT", "STT\n1\n2\n3", "1\n2\nPhụ lục I\nSTT Chỉ tiêu\nIII\n3.1\n3.2", "Phụ lục\nSTT Chỉ tiêu Đơn vị chủ trì\n1\nSở\n-\n1.1."]) {
      expect(() => importText(s, "x.txt")).not.toThrow();
    }
  });
});

describe("importText speed", () => {
  it("reads a synthetic appendix of 2,000 indicators in linear time (the bench measures the real rate)", () => {
    const rows: string[] = [];
    for (let i = 1; i <= 2000; i++) {
      rows.push(String(i), `Chỉ số: ${i}.1.1. Tỷ lệ doanh nghiệp tham gia chương trình hỗ trợ số ${i}`, "của tỉnh trên địa bàn (%)", `${(i % 90) + 0.5} ≥ ${(i % 90) + 5}`,
        "Sở Kế hoạch và", "Đầu tư", "Các sở, ngành và", "các đơn vị liên", "quan", "Thường", "xuyên", "- Triển khai các giải pháp hỗ trợ doanh nghiệp theo kế hoạch của tỉnh", "- Báo cáo kết quả thực hiện");
      if (i % 25 === 0) rows.push(String(i / 25 + 100), ...HEADER);
    }
    const text = pdf(["Phụ lục", ...HEADER, ...rows]);
    const t0 = performance.now();
    const r = importText(text, "big.txt");
    const seconds = (performance.now() - t0) / 1000;
    const mb = Buffer.byteLength(text, "utf8") / 1e6;
    expect(r.plan.appendices[0]?.indicators).toHaveLength(2000);
    expect(r.plan.appendices[0]?.indicators[1999]?.tasks).toHaveLength(2);
    // A quadratic step would take minutes here; 0.4 MB/s leaves room for a loaded 2-core CI machine.
    expect(mb / seconds).toBeGreaterThan(0.4);
  });
});

describe("parsePastedText on other layouts", () => {
  it("keeps a 'Phụ lục' without a table in the body and says so", () => {
    const doc = parsePastedText(["KẾ HOẠCH", "Phụ lục", "Danh sách đơn vị nhận văn bản"].join("\n"), "a.txt");
    expect(doc.tables).toEqual([]);
    expect(doc.bodyText).toContain("Danh sách đơn vị nhận văn bản");
    expect(doc.warnings?.map((w) => w.code)).toEqual(["table.notFound"]);
  });

  it("reads a unit outside the vocabulary when it stands on its own line before the numbers", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Số lượt khách du lịch", "đến tỉnh", "Lượt khách", "850 ≥ 900", "Sở Văn hóa, Thể thao và Du lịch", "Hằng năm"]), "a.txt");
    expect(doc.tables[0]?.rows[0]?.cells.slice(1, 5)).toEqual(["Số lượt khách du lịch đến tỉnh", "Lượt khách", "850", "≥ 900"]);
  });

  it("reads '6 tháng đầu năm' as a deadline cell", () => {
    const doc = parsePastedText(pdf(["Phụ lục", ...HEADER, "1", "Tỷ lệ A", "% 5 ≥ 10", "Sở Tư pháp", "Sở Y tế", "6 tháng đầu năm"]), "a.txt");
    expect(doc.tables[0]?.rows[0]?.cells[7]).toBe("6 tháng đầu năm");
  });
});
