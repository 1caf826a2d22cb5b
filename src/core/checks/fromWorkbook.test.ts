import { interpretSnapshot, layoutSnapshot } from "../workbook";
import { buildLayout } from "../layout";
import { checkReading, runRules, planFromReading } from ".";
import { agency, appendix, baseline, ind, plan, target } from "./_test/build";

describe("planFromReading", () => {
  const source = plan([appendix([
    ind({ key: "PL1:3.3", stt: "3.3", name: "Minh bạch trong đấu thầu (% Đồng ý)", unit: "% Đồng ý", baseline: { ...baseline(13.93, true), raw: "13,93%" }, target: { ...target(">=", 92, true), raw: "Trên hoặc bằng 92,0%" }, lead: [agency("Sở Kế hoạch và Đầu tư")] }),
    ind({ key: "PL1:3.2", stt: "3.2", name: "Tiếp cận tài liệu pháp lý (1=Không thể; 5=Rất dễ)", target: { ...target(">=", 3.5), raw: "Trên hoặc bằng 3,50" }, lead: [agency("Sở Tư pháp")] }),
  ])]);

  it("finds the same plan defects in the workbook as in the document, with sheet and cell", () => {
    const layout = buildLayout(source, { lang: "vi" });
    const { plan: back, results, locate } = planFromReading(interpretSnapshot(layoutSnapshot(layout)));
    const f = runRules({ plan: back, results, locate, today: new Date("2023-07-20") }).filter((x) => x.rule === "target.implausibleJump");
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("13,93% lên 92%");
    expect(f[0]?.ref.sheet).toBeTruthy();
    expect(f[0]?.ref.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it("judges what officials typed: a score above the 1–5 scale, with its cell (the Office.js entry point)", () => {
    const reading = interpretSnapshot(layoutSnapshot(buildLayout(source, { lang: "vi" })));
    // An official types 7 into the six-month result of a 1–5 score.
    const row = reading.indicators.find((r) => r.key === "PL1:3.2");
    if (row) row.values.result6m = 7;
    const f = checkReading({ reading, today: "2023-07-20" }).filter((x) => x.rule === "result.outOfScale");
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("1–5");
    expect(f[0]?.ref.cell).toMatch(/^[A-Z]+\d+$/);
  });
});
