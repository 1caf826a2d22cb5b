import fc from "fast-check";
import {
  findTargets,
  isLowerBetterOp,
  parseBaseline,
  parseRank,
  parseTarget,
  parseTargets,
  parseTargetWithBaseline,
  splitLowerIsBetterMarker,
  splitNameTarget,
  splitNameTargets,
} from ".";
import { TargetSchema } from "../../model";
import { formatNumberVi } from "../number";

describe("parseTarget", () => {
  it.each([
    ["Trên hoặc bằng 6,35", ">=", 6.35, false],
    ["Trên hoặc\nbằng\n6,35", ">=", 6.35, false],
    ["Dưới hoặc bằng 21,0%", "<=", 21, true],
    ["≥ 20", ">=", 20, false],
    ["≥ 10%", ">=", 10, true],
    ["≤ 5", "<=", 5, false],
    [">= 3", ">=", 3, false],
    ["Tối thiểu 90", ">=", 90, false],
    ["Tối đa 5", "<=", 5, false],
    ["trên 90%", ">", 90, true],
    ["dưới 5%", "<", 5, true],
    ["đạt trên 90%", ">", 90, true],
    ["100", null, 100, false],
    ["92,0%", null, 92, true],
    ["(trên hoặc bằng 3,4)", ">=", 3.4, false],
    ["trên hoặc bằng 3,50)", ">=", 3.5, false],
    ["không quá 01 lần/năm", "<=", 1, false],
  ])("reads '%s' as %s %p (percent %p)", (raw, op, value, percent) => {
    expect(parseTarget(raw)).toMatchObject({ op, value, percent, kind: "value", max: null, raw });
  });

  it("reads 'đạt khoảng 19%/năm' as about 19 with unit '%/năm'", () => {
    expect(parseTarget("đạt khoảng 19%/năm")).toMatchObject({ op: "~", value: 19, percent: true, unit: "%/năm" });
  });

  it("reads 'khoảng 855 nghìn tỷ đồng' with its unit words", () => {
    expect(parseTarget("khoảng 855 nghìn tỷ đồng")).toMatchObject({ op: "~", value: 855, unit: "nghìn tỷ đồng" });
  });

  it("reads 'đạt khoảng 2.200.000 tỷ đồng' with '.' as thousands", () => {
    expect(parseTarget("đạt khoảng 2.200.000 tỷ đồng")).toMatchObject({ op: "~", value: 2200000, unit: "tỷ đồng" });
  });

  it.each(["từ 10 đến 15%", "10 - 15%", "10–15 %"])("reads the range '%s' as 10..15 percent", (raw) => {
    expect(parseTarget(raw)).toMatchObject({ op: "range", value: 10, max: 15, percent: true });
  });

  it("reads 'xếp thứ hạng 04/63' as a rank of 4 or better out of 63", () => {
    expect(parseTarget("xếp thứ hạng 04/63")).toMatchObject({ kind: "rank", op: "<=", value: 4, of: 63 });
  });

  it.each(["nằm trong tốp 10", "nằm trong nhóm 10", "trong top 10"])("reads '%s' as top 10", (raw) => {
    expect(parseTarget(raw)).toMatchObject({ kind: "top", op: "<=", value: 10, of: null });
  });

  it("takes the year from the context, and an explicit year over it", () => {
    expect(parseTarget("≥ 20", { year: 2024 }).year).toBe(2024);
    expect(parseTarget("≥ 20").year).toBeNull();
    expect(parseTarget("đạt trên 90% vào năm 2030", { year: 2024 }).year).toBe(2030);
  });

  it("reads the first target of a sentence that has several", () => {
    expect(parseTarget("đạt trên 67,23 điểm, xếp thứ hạng 04/63")).toMatchObject({ op: ">", value: 67.23, unit: "điểm" });
  });

  it.each(["", "không rõ", "Trên hoặc", "Thường xuyên", "—"])("keeps the unreadable '%s' with op and value null", (raw) => {
    expect(parseTarget(raw)).toEqual({ op: null, value: null, max: null, percent: false, year: null, kind: "value", of: null, unit: null, raw });
  });
});

describe("parseTargetWithBaseline", () => {
  it("reads 'từ 47,1% năm 2020 lên 60% vào năm 2030' as 60% in 2030 from 47,1% in 2020", () => {
    const r = parseTargetWithBaseline("từ 47,1% năm 2020 lên 60% vào năm 2030");
    expect(r.target).toMatchObject({ op: ">=", value: 60, percent: true, year: 2030 });
    expect(r.baseline).toEqual({ value: 47.1, percent: true, year: 2020, raw: "47,1% năm 2020" });
  });

  it("reads a fall 'giảm từ 20% năm 2020 xuống 10% năm 2025' as at most 10", () => {
    const r = parseTargetWithBaseline("giảm từ 20% năm 2020 xuống 10% năm 2025");
    expect(r.target).toMatchObject({ op: "<=", value: 10, year: 2025 });
    expect(r.baseline).toMatchObject({ value: 20, year: 2020 });
  });

  it("returns notes for ambiguous numbers instead of guessing silently", () => {
    const r = parseTargetWithBaseline("Tối thiểu 1.000");
    expect(r.target.value).toBe(1000);
    expect(r.notes).toHaveLength(1);
    expect(parseTargetWithBaseline("Tối thiểu 1.000", { decimal: "." }).target.value).toBe(1);
  });
});

describe("parseTargets", () => {
  it("finds a score and a rank in 'đạt trên 67,23 điểm, xếp thứ hạng 04/63 tỉnh/thành phố'", () => {
    const ts = parseTargets("đạt trên 67,23 điểm, xếp thứ hạng 04/63 tỉnh/thành phố");
    expect(ts).toHaveLength(2);
    expect(ts[0]).toMatchObject({ op: ">", value: 67.23, unit: "điểm", kind: "value", raw: "trên 67,23 điểm" });
    expect(ts[1]).toMatchObject({ op: "<=", value: 4, of: 63, kind: "rank", raw: "xếp thứ hạng 04/63" });
  });

  it("ignores 'trên' and 'dưới' when no number follows ('trên địa bàn', 'dưới nhiều hình thức')", () => {
    expect(parseTargets("trên địa bàn tỉnh, dưới nhiều hình thức, Hỗ trợ 100% chi phí")).toEqual([]);
  });

  it("does not take the year of a 'Xếp hạng 2022' header for a rank", () => {
    expect(parseTargets("Xếp hạng 2022")).toEqual([]);
  });

  it("takes the year said earlier in the clause", () => {
    expect(parseTargets("đến năm 2030, giá trị sản xuất (giá so sánh 2010) đạt khoảng 2.200.000 tỷ đồng")[0]?.year).toBe(2030);
  });

  it("gives positions into the squashed text with findTargets", () => {
    const [hit] = findTargets("phấn đấu đạt\ntrên 90%");
    expect(hit).toMatchObject({ start: 13, end: 21 });
  });
});

describe("splitNameTarget", () => {
  it.each([
    ["Tiếp cận tài liệu quy hoạch (trên hoặc bằng 3,4)", "Tiếp cận tài liệu quy hoạch", ">=", 3.4, false],
    ["Chất lượng website của tỉnh (trên hoặc bằng 57%)", "Chất lượng website của tỉnh", ">=", 57, true],
    ["Khả năng dự liệu được thay đổi quy định pháp luật của tỉnh (% Có thể) trên hoặc bằng 35%", "Khả năng dự liệu được thay đổi quy định pháp luật của tỉnh (% Có thể)", ">=", 35, true],
    ["Tiếp cận tài liệu pháp lý (1 = không dễ; 5 = rất dễ) trên hoặc bằng 3,50)", "Tiếp cận tài liệu pháp lý (1 = không dễ; 5 = rất dễ)", ">=", 3.5, false],
    ["Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu (dưới hoặc bằng 1)", "Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu", "<=", 1, false],
    ["Cần có \"mối quan hệ\" để có được các tài liệu của tỉnh (dưới hoặc bằng 21%)", "Cần có \"mối quan hệ\" để có được các tài liệu của tỉnh", "<=", 21, true],
    ["Vai trò của các hiệp hội DN địa phương trong việc xây dựng và phản biện chính sách, quy định của tỉnh là quan trọng” (trên hoặc bằng 82%)", "Vai trò của các hiệp hội DN địa phương trong việc xây dựng và phản biện chính sách, quy định của tỉnh là quan trọng”", ">=", 82, true],
    ["Thông tin trên website của tỉnh về các ưu \nđãi/khuyến khích/hỗ trợ đầu \ntư của tỉnh là hữu \ních (trên hoặc bằng 50%)", "Thông tin trên website của tỉnh về các ưu đãi/khuyến khích/hỗ trợ đầu tư của tỉnh là hữu ích", ">=", 50, true],
  ])("splits '%s'", (raw, name, op, value, percent) => {
    const r = splitNameTarget(raw);
    expect(r.name).toBe(name);
    expect(r.target).toMatchObject({ op, value, percent });
  });

  it.each([
    "Thông tin trên các website của tỉnh về các văn bản pháp luật của tỉnh là hữu ích",
    "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)",
    "Số sản phẩm OCOP 4 sao trở lên/tổng số đơn vị hành chính cấp xã",
    "Số tổ chức khoa học và công nghệ/10.000 dân",
  ])("finds no target in the name '%s'", (raw) => {
    expect(splitNameTarget(raw)).toEqual({ name: raw, target: null });
  });

  it("splits two indicators sharing one cell with splitNameTargets", () => {
    const pairs = splitNameTargets("Thương lượng với cán bộ thuế là phần thiết yếu trong hoạt động kinh doanh (dưới hoặc bằng 33,5%); Thỏa thuận về các khoản thuế phải nộp với cán bộ thuế giúp doanh nghiệp giảm được số thuế phải nộp (dưới hoặc bằng 20%)");
    expect(pairs.map((p) => [p.name, p.target?.op, p.target?.value])).toEqual([
      ["Thương lượng với cán bộ thuế là phần thiết yếu trong hoạt động kinh doanh", "<=", 33.5],
      ["Thỏa thuận về các khoản thuế phải nộp với cán bộ thuế giúp doanh nghiệp giảm được số thuế phải nộp", "<=", 20],
    ]);
  });

  it("keeps a name without target as one pair in splitNameTargets", () => {
    expect(splitNameTargets("Chất lượng website")).toEqual([{ name: "Chất lượng website", target: null }]);
  });
});

describe("splitLowerIsBetterMarker", () => {
  it.each([
    ["Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu (Trung vị)*", "Số ngày chờ đợi để nhận được thông tin, văn bản yêu cầu (Trung vị)"],
    ["Thỏa thuận về các khoản thuế (% Đồng ý) *", "Thỏa thuận về các khoản thuế (% Đồng ý)"],
    ["Thương lượng với cán bộ thuế (% Đồng \ný)*", "Thương lượng với cán bộ thuế (% Đồng ý)"],
  ])("finds the marker in '%s'", (raw, name) => {
    expect(splitLowerIsBetterMarker(raw)).toEqual({ name, marked: true });
  });

  it("leaves a name without a trailing '*' unmarked", () => {
    expect(splitLowerIsBetterMarker("Chất lượng * website")).toEqual({ name: "Chất lượng * website", marked: false });
  });
});

describe("isLowerBetterOp", () => {
  it.each([["<=", true], ["<", true], [">=", false], [">", false], ["=", null], ["~", null], ["range", null], [null, null]] as const)("says %p → %p", (op, expected) => {
    expect(isLowerBetterOp(op)).toBe(expected);
  });
});

describe("parseBaseline", () => {
  it.each([
    ["6,30", 6.3, false], ["13,93%", 13.93, true], ["5", 5, false], ["12.76", 12.76, false], ["0.00", 0, false],
    ["80,00%", 80, true], ["20.0", 20, false], ["6,30 điểm", 6.3, false],
  ])("reads '%s' as %p (percent %p)", (raw, value, percent) => {
    expect(parseBaseline(raw, 2022)).toEqual({ value, percent, year: 2022, raw });
  });

  it.each(["", "-", "chưa có"])("keeps '%s' with a null value", (raw) => {
    expect(parseBaseline(raw, null)).toEqual({ value: null, percent: false, year: null, raw });
  });
});

describe("parseRank", () => {
  it.each([["19", 19, null], ["04/63", 4, 63], ["4 / 63 tỉnh", 4, 63], ["05", 5, null]] as const)("reads '%s'", (raw, value, of) => {
    expect(parseRank(raw)).toEqual({ value, of, raw });
  });

  it.each(["", "x", "hạng nhất"])("keeps '%s' with null values", (raw) => {
    expect(parseRank(raw)).toEqual({ value: null, of: null, raw });
  });
});

describe("properties", () => {
  const anyText = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.array(fc.constantFrom("trên", "hoặc", "bằng", "dưới", "từ", "lên", "năm", "2030", "6,35", "%", "≥", "(", ")", "xếp thứ hạng", "04/63", "tốp", "10", " ", "\n", "-", "đến", "*"), { maxLength: 12 }).map((a) => a.join(" ")),
  );

  it("never throws and always returns a valid Target, whatever the text", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(TargetSchema.safeParse(parseTarget(s)).success).toBe(true);
        parseTargets(s).forEach((t) => expect(TargetSchema.safeParse(t).success).toBe(true));
        parseTargetWithBaseline(s);
        parseBaseline(s, null);
        parseRank(s);
        splitNameTarget(s);
        splitNameTargets(s);
        splitLowerIsBetterMarker(s);
      }),
      { numRuns: 1500 },
    );
  });

  it("reads back an operator and a formatted value", () => {
    const ops = [["Trên hoặc bằng", ">="], ["Dưới hoặc bằng", "<="], ["≥", ">="], ["≤", "<="], ["Tối thiểu", ">="], ["Tối đa", "<="], ["trên", ">"], ["dưới", "<"], ["khoảng", "~"]] as const;
    fc.assert(
      fc.property(fc.constantFrom(...ops), fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), ([words, op], n, decimals, percent) => {
        const value = n / 10 ** decimals;
        const t = parseTarget(`${words} ${formatNumberVi(value, { percent })}`);
        expect(t.op).toBe(op);
        expect(t.value).toBe(value);
        expect(t.percent).toBe(percent);
      }),
    );
  });
});

describe("target years", () => {
  it("does not take the comparison year of 'so với kết quả năm 2023' for the target's year", () => {
    expect(parseTargets("so với kết quả năm 2023, đạt trên 50 điểm", { year: 2024 })[0]?.year).toBe(2024);
    expect(parseTargets("đến năm 2030, đạt trên 50 điểm", { year: 2024 })[0]?.year).toBe(2030);
  });
});
