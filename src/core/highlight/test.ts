import { confirmMapping, detectColumns, normalizeHeader, type HighlightRole } from "./index";
import { readUserNumber, userRowStatus, userStatusFormula } from "./status";

const headerOf = (headers: string[], role: HighlightRole) => detectColumns(headers).mapping[role]?.header ?? null;

describe("detectColumns", () => {
  it("reads 'Chỉ tiêu KH 2025' as the target and 'Thực hiện' as the result, leaving 'Chỉ tiêu' (the name) alone", () => {
    const d = detectColumns(["STT", "Chỉ tiêu", "Chỉ tiêu KH 2025", "Thực hiện", "Đơn vị chủ trì", "Đơn vị phối hợp"]);
    expect(d.mapping.target?.header).toBe("Chỉ tiêu KH 2025");
    expect(d.mapping.result?.header).toBe("Thực hiện");
    expect(d.mapping.lead?.header).toBe("Đơn vị chủ trì");
    expect(d.ready).toBe(true);
    expect(d.needsConfirmation).toEqual([]);
  });

  it("tells 'KQ năm' (full year) from 'KQ 6 tháng' and reads 'So sánh' as the operator", () => {
    const d = detectColumns(["TT", "Tên chỉ tiêu", "Mục tiêu", "KQ 6 tháng", "KQ năm", "So sánh", "Cơ quan chủ trì"]);
    expect(d.mapping.result?.header).toBe("KQ năm");
    expect(d.mapping.result6m?.header).toBe("KQ 6 tháng");
    expect(d.mapping.operator?.header).toBe("So sánh");
    expect(d.mapping.lead?.header).toBe("Cơ quan chủ trì");
  });

  it("reads English headers and headers typed without accents", () => {
    expect(headerOf(["Indicator", "Target", "Actual", "Lead agency", "Direction", "Baseline"], "result")).toBe("Actual");
    expect(headerOf(["Indicator", "Target", "Actual", "Lead agency", "Direction", "Baseline"], "direction")).toBe("Direction");
    expect(headerOf(["Indicator", "Target", "Actual", "Lead agency", "Direction", "Baseline"], "baseline")).toBe("Baseline");
    expect(headerOf(["Ten chi tieu", "Muc tieu", "Ket qua", "Don vi chu tri"], "target")).toBe("Muc tieu");
    expect(headerOf(["Ten chi tieu", "Muc tieu", "Ket qua", "Don vi chu tri"], "lead")).toBe("Don vi chu tri");
  });

  it("does not take 'Đơn vị thực hiện' for a result: it is the lead agency", () => {
    const d = detectColumns(["Đơn vị thực hiện", "Kết quả", "Kế hoạch năm 2025", "Giá trị gốc", "Năm gốc"]);
    expect(d.mapping.lead?.header).toBe("Đơn vị thực hiện");
    expect(d.mapping.result?.header).toBe("Kết quả");
    expect(d.mapping.target?.header).toBe("Kế hoạch năm 2025");
    expect(d.mapping.baseline?.header).toBe("Giá trị gốc");
  });

  it("asks for the target and the result when no header names them", () => {
    const d = detectColumns(["A", "B", "C"]);
    expect(d.ready).toBe(false);
    expect(d.confidence).toBe(0);
    expect(d.needsConfirmation).toEqual(["target", "result"]);
  });

  it("offers a bare year header as a target to confirm, not as a certainty", () => {
    const d = detectColumns(["Chỉ tiêu", "Năm 2025", "Kết quả"]);
    expect(d.mapping.target?.header).toBe("Năm 2025");
    expect(d.ready).toBe(false);
    expect(d.needsConfirmation).toContain("target");
  });

  it("judges a lone 6-month result as the result to compare", () => {
    const d = detectColumns(["Chỉ tiêu", "Mục tiêu", "Kết quả 6 tháng"]);
    expect(d.mapping.result?.header).toBe("Kết quả 6 tháng");
    expect(d.mapping.result6m).toBeNull();
  });

  it("flags two equally good target columns as ambiguous", () => {
    const d = detectColumns(["Mục tiêu", "Mục tiêu", "Kết quả"]);
    expect(d.ready).toBe(false);
    expect(d.needsConfirmation).toContain("target");
  });
});

describe("confirmMapping", () => {
  it("makes the user's picks certain and throws on a header that is not in the table", () => {
    const headers = ["Tên", "Cột A", "Cột B"];
    const d = confirmMapping(headers, detectColumns(headers), { target: "Cột A", result: "Cột B" });
    expect(d.ready).toBe(true);
    expect(d.mapping.target).toEqual({ index: 1, header: "Cột A", score: 1 });
    expect(() => confirmMapping(headers, d, { result: "Cột Z" })).toThrow(/not a header/);
  });
});

describe("user table status", () => {
  const d = detectColumns(["Chỉ tiêu", "Mục tiêu", "Thực hiện", "So sánh", "Chiều"]);

  it("reads numbers typed with a decimal comma as NUMBERVALUE does", () => {
    expect(readUserNumber("6,35")).toBe(6.35);
    expect(readUserNumber("1.000,5")).toBe(1000.5);
    expect(readUserNumber("92%")).toBeCloseTo(0.92);
    expect(readUserNumber(7)).toBe(7);
    expect(readUserNumber("Trên 6,35")).toBeNull();
    expect(readUserNumber("")).toBeNull();
  });

  it("counts equality at the boundary as met for ≥ and ≤, typed as >= or ≥", () => {
    expect(userRowStatus(["x", 6.35, "6,35", ">=", ""], d)).toBe("met");
    expect(userRowStatus(["x", 21, 21, "≤", ""], d)).toBe("met");
    expect(userRowStatus(["x", 21, 21.5, "<=", ""], d)).toBe("missed");
  });

  it("falls back on the direction column when there is no operator", () => {
    expect(userRowStatus(["x", 10, 10, "", "Thấp hơn là tốt"], d)).toBe("met");
    expect(userRowStatus(["x", 10, 9, "", "Thấp hơn là tốt"], d)).toBe("exceeded");
    expect(userRowStatus(["x", 10, 9, "", ""], d)).toBe("missed");
  });

  it("says 'no data' without a result and nothing without a numeric target", () => {
    expect(userRowStatus(["x", 10, null, ">=", ""], d)).toBe("noData");
    expect(userRowStatus(["x", "Trên hoặc bằng 6", 7, ">=", ""], d)).toBe("none");
  });

  it("builds a formula over the table's own headers that normalises operators and decimal commas", () => {
    const f = userStatusFormula("Bang1", d);
    expect(f).toContain("Bang1[[#This Row],[Mục tiêu]]");
    expect(f).toContain('NUMBERVALUE(Bang1[[#This Row],[Thực hiện]],",",".")');
    expect(f).toContain('SUBSTITUTE(SUBSTITUTE(TRIM(Bang1[[#This Row],[So sánh]]),">=","≥"),"<=","≤")');
    expect(f.length).toBeLessThan(8192);
  });

  it("folds headers to plain lowercase words", () => {
    expect(normalizeHeader("  Kết quả\n6 THÁNG ")).toBe("ket qua 6 thang");
    expect(normalizeHeader("Đơn vị chủ trì")).toBe("don vi chu tri");
  });
});
