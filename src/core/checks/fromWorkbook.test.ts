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
    // An official types 7 into the first-half result of a 1–5 score, in the Kết quả theo kỳ grid.
    const grid = reading.periodResults["PL1:3.2"];
    if (grid) grid["2023-H1"] = 7;
    const f = checkReading({ reading, today: "2023-07-20" }).filter((x) => x.rule === "result.outOfScale");
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("1–5");
    expect(f[0]?.ref).toMatchObject({ sheet: "Kết quả theo kỳ", period: "2023-H1" });
    expect(f[0]?.ref.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it("reads a workbook written before the grid: its six-month result counts as the first half of the target's year", () => {
    const snapshot = layoutSnapshot(buildLayout(source, { lang: "vi" }));
    const t = snapshot.tables.find((x) => x.name === "ChiTieu");
    if (!t) throw new Error("no table");
    // The old Chỉ tiêu table: a "Kết quả 6 tháng" column instead of the grid.
    t.headers.push("Kết quả 6 tháng");
    const yearAt = t.headers.indexOf("Năm mục tiêu");
    t.rows.forEach((r, i) => {
      r.push(i === 1 ? 7 : null);
      r[yearAt] = 2023;
    });
    snapshot.tables = snapshot.tables.filter((x) => x.name !== "KetQuaTheoKy");
    const f = checkReading({ reading: interpretSnapshot(snapshot), today: "2023-07-20" }).filter((x) => x.rule === "result.outOfScale");
    expect(f.map((x) => x.ref.period)).toEqual(["2023-H1"]);
  });
});
