import type { HistoryFigure } from "../../../model";
import { appendix, findings, ind, plan } from "../../_test/build";

const fig = (kind: HistoryFigure["kind"], year: number | null, value: number, raw: string, column: string): HistoryFigure =>
  ({ kind, from: year, to: year, value, max: null, percent: false, nature: kind === "actual" ? "official" : kind === "estimate" ? "estimate" : null, raw, column });

const budget = (compareRaw: string, compare: number, column = "So sánh (%)") => ind({
  stt: "4",
  history: [
    fig("actual", 2024, 5420, "5.420", "Thực hiện năm 2024"),
    fig("plan", 2025, 5800, "5.800", "Năm 2025 Kế hoạch"),
    fig("estimate", 2025, 6150, "6.150", "Năm 2025 Ước thực hiện"),
    fig("compare", null, compare, compareRaw, column),
  ],
});

describe("history.compareMismatch", () => {
  it("reports a So sánh cell that is neither the estimate over last year's result nor over the plan, at its cell", () => {
    const f = findings("history.compareMismatch", plan([appendix([budget("115,3", 115.3)])]));
    expect(f).toHaveLength(1);
    expect(f[0]?.ref).toMatchObject({ stt: "4", field: "So sánh (%)" });
    expect(f[0]?.message).toBe('STT 4: cột "So sánh (%)" ghi 115,3 nhưng 6.150 ÷ 5.420 (năm 2024) × 100 = 113,5.');
  });

  it("accepts the ratio to the year before at the printed precision (110,75 printed 110,8)", () => {
    expect(findings("history.compareMismatch", plan([appendix([budget("113,5", 113.5)])]))).toEqual([]);
  });

  it("accepts the ratio to the year's plan when the header does not say which", () => {
    expect(findings("history.compareMismatch", plan([appendix([budget("106,0", 106.0)])]))).toEqual([]);
  });

  it("holds the header to what it names: 'so với kế hoạch' is not the ratio to last year", () => {
    expect(findings("history.compareMismatch", plan([appendix([budget("113,5", 113.5, "Ước TH 2025 so với kế hoạch (%)")])]))).toHaveLength(1);
  });

  it("says nothing for a row without the figures to recompute from", () => {
    expect(findings("history.compareMismatch", plan([appendix([ind({ history: [fig("compare", null, 110, "110", "So sánh (%)")] })])]))).toEqual([]);
  });
});
