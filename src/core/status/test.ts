import { evaluateStatus, exceeds, meets, midYearExpected, statusFormula, gapFormula, completionFormula, thisRow, readOpSymbol, statusLabel, isComparison, percentOfPrevious } from ".";
import type { StatusRow } from ".";

const row = (extra: Partial<StatusRow>): StatusRow => ({
  op: "≥", target: 10, targetMax: null, direction: "Cao hơn là tốt", baseline: null, baselineYear: null,
  targetYear: null, result6m: null, resultYear: null, ...extra,
});

describe("evaluateStatus", () => {
  it("counts a full-year result equal to a ≥ target as met", () => {
    expect(evaluateStatus(row({ op: "≥", target: 6.35, resultYear: 6.35 }))).toBe("met");
  });
  it("counts a full-year result equal to a ≤ target as met", () => {
    expect(evaluateStatus(row({ op: "≤", target: 0.21, resultYear: 0.21, direction: "Thấp hơn là tốt" }))).toBe("met");
  });
  it("does not count equality as meeting a strict > target", () => {
    expect(evaluateStatus(row({ op: ">", target: 5, resultYear: 5 }))).toBe("missed");
  });
  it("judges a lower-is-better row with no operator by ≤, below it as Vượt", () => {
    expect(evaluateStatus(row({ op: null, direction: "Thấp hơn là tốt", target: 20, resultYear: 20 }))).toBe("met");
    expect(evaluateStatus(row({ op: null, direction: "Thấp hơn là tốt", target: 20, resultYear: 19 }))).toBe("exceeded");
    expect(evaluateStatus(row({ op: null, direction: "Thấp hơn là tốt", target: 20, resultYear: 21 }))).toBe("missed");
  });
  it("judges a higher-is-better row with no operator by ≥", () => {
    expect(evaluateStatus(row({ op: null, target: 20, resultYear: 19 }))).toBe("missed");
  });
  it("accepts ≈ within the relative tolerance and rejects outside it", () => {
    expect(evaluateStatus(row({ op: "≈", target: 100, resultYear: 104.9 }), 0.05)).toBe("met");
    expect(evaluateStatus(row({ op: "≈", target: 100, resultYear: 94 }), 0.05)).toBe("missed");
  });
  it("meets a range from its near bound, exceeds it beyond the far bound, and misses short of it", () => {
    const r = row({ op: "khoảng", target: 5, targetMax: 7 });
    expect(meets(5, r, 0)).toBe(true);
    expect(meets(7, r, 0)).toBe(true);
    expect(meets(7.01, r, 0)).toBe(true);
    expect(exceeds(7, r, 0)).toBe(false);
    expect(exceeds(7.01, r, 0)).toBe(true);
    expect(meets(4.99, r, 0)).toBe(false);
  });
  it("says 'no data' when no result is in", () => {
    expect(evaluateStatus(row({}))).toBe("noData");
  });
  it("says nothing when the target is not a number", () => {
    expect(evaluateStatus(row({ target: "Tối thiểu", resultYear: 3 }))).toBe("none");
  });
  it("flags a 6-month result behind the mid-year point of the line as at risk", () => {
    // baseline 60 → target 80 in one year: mid-year point 70.
    expect(evaluateStatus(row({ baseline: 60, target: 80, result6m: 69 }))).toBe("atRisk");
    expect(evaluateStatus(row({ baseline: 60, target: 80, result6m: 70 }))).toBe("noData");
  });
  it("flags a lower-is-better 6-month result above the line as at risk", () => {
    expect(evaluateStatus(row({ op: "≤", direction: "Thấp hơn là tốt", baseline: 30, target: 20, result6m: 26 }))).toBe("atRisk");
    expect(evaluateStatus(row({ op: "≤", direction: "Thấp hơn là tốt", baseline: 30, target: 20, result6m: 24 }))).toBe("noData");
  });
  it("puts the mid-year point of a multi-year plan near the end of the line", () => {
    expect(midYearExpected(row({ baseline: 0, target: 100, baselineYear: 2020, targetYear: 2025 }))).toBeCloseTo(90);
  });
  it("ignores a 6-month result once the full-year result is in", () => {
    expect(evaluateStatus(row({ baseline: 60, target: 80, result6m: 61, resultYear: 80 }))).toBe("met");
  });
  it("treats text typed as a result as no result, like ISNUMBER", () => {
    expect(evaluateStatus(row({ resultYear: "đang tổng hợp" }))).toBe("noData");
  });
  it("labels statuses in Vietnamese and English", () => {
    expect(statusLabel("atRisk")).toBe("Có nguy cơ");
    expect(statusLabel("missed", "en")).toBe("Not met");
    expect(statusLabel("none")).toBe("");
  });
});

describe("formulas", () => {
  const refs = {
    op: "$I2", target: "$J2", targetMax: "$K2", direction: "$H2", baseline: "$E2", baselineYear: "$F2",
    targetYear: "$L2", result6m: "$P2", resultYear: "$Q2", tolerance: "SaiSoChoPhep",
  };
  it("writes the status formula without LET, so LibreOffice 7.4 computes it", () => {
    const f = statusFormula(refs);
    expect(f.startsWith("=IF(")).toBe(true);
    expect(f).not.toMatch(/LET\(/);
    expect(f).toContain('"Có nguy cơ"');
    expect(f).toContain("SaiSoChoPhep");
  });
  it("balances parentheses in every formula", () => {
    for (const f of [statusFormula(refs), gapFormula(refs), completionFormula(refs), statusFormula(refs, "en")]) {
      let depth = 0;
      for (const ch of f.replace(/"[^"]*"/g, "")) {
        depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
  it("writes structured references in the stored form LibreOffice reads", () => {
    expect(thisRow("ChiTieu", "Kết quả cả năm")).toBe("ChiTieu[[#This Row],[Kết quả cả năm]]");
    expect(thisRow("T", "a[b]#")).toBe("T[[#This Row],[a'[b']'#]]");
  });
  it("reads operator symbols typed either way", () => {
    expect(readOpSymbol(" ≥ ")).toBe(">=");
    expect(readOpSymbol("<=")).toBe("<=");
    expect(readOpSymbol("khoảng")).toBe("range");
    expect(readOpSymbol("tối thiểu")).toBeNull();
  });
});

describe("so với cùng kỳ", () => {
  it("takes growth rates and changes in percentage points as comparisons already, and nothing else", () => {
    expect(isComparison("growth", "%")).toBe(true);
    expect(isComparison("level", "điểm %")).toBe(true);
    expect(isComparison("flow", "tỷ đồng")).toBe(false);
    expect(isComparison("level", "%")).toBe(false);
  });
  it("divides by the same period a year earlier, and leaves comparisons, zeros and missing figures empty", () => {
    expect(percentOfPrevious(6150, 5420, false)).toBeCloseTo(113.4686, 3);
    expect(percentOfPrevious(7.05, 6.52, true)).toBeNull();
    expect(percentOfPrevious(5, 0, false)).toBeNull();
    expect(percentOfPrevious("", 5, false)).toBeNull();
  });
});
