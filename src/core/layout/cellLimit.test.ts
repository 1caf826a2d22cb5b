import { buildLayout, EXCEL_CELL_MAX, fitCellText } from ".";
import { checkedLayout } from "../checks";
import { indicator, plan, task } from "./_test/plan";

describe("over-long cells", () => {
  const long = "Chỉ tiêu rất dài ".repeat(2500); // 42,500 characters
  const p = plan([indicator("1"), indicator("2", { name: long, tasks: [task(long)] })]);

  it("cuts a text over 32,767 characters to exactly the limit, ending in …", () => {
    const cut = fitCellText(long);
    expect(cut).toHaveLength(EXCEL_CELL_MAX);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(fitCellText("ngắn")).toBe("ngắn");
  });

  it("never splits a surrogate pair at the cut", () => {
    const emoji = `${"a".repeat(EXCEL_CELL_MAX - 2)}😀${"b".repeat(10)}`;
    const cut = fitCellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(cut.endsWith("a…")).toBe(true);
  });

  it("cuts the name on Chỉ tiêu and the task on Nhiệm vụ and lists both cells with their full length", () => {
    const layout = buildLayout(p, { lang: "vi" });
    expect(layout.cut).toEqual([
      { sheet: "Chỉ tiêu", cell: "C3", length: long.length },
      { sheet: "Nhiệm vụ", cell: "B2", length: long.length },
    ]);
    const name = layout.sheets[0]!.tables[0]!.rows[1]![2];
    expect(typeof name === "string" && name.length).toBe(EXCEL_CELL_MAX);
    expect(buildLayout(plan([indicator("1")]), { lang: "vi" }).cut).toBeUndefined();
  });

  it("puts a warning on the Kiểm tra sheet saying where the full text is kept", () => {
    const { findings } = checkedLayout(p, { lang: "vi" }, new Date("2026-01-01"));
    const cut = findings.filter((f) => f.rule === "cell.tooLong");
    expect(cut.map((f) => f.ref)).toEqual([{ sheet: "Chỉ tiêu", cell: "C3" }, { sheet: "Nhiệm vụ", cell: "B2" }]);
    expect(cut[0]!.message).toContain("Toàn văn vẫn nằm trong tệp phụ lục gốc");
    expect(cut[0]!.messageEn).toContain("42500 characters");
  });
});
