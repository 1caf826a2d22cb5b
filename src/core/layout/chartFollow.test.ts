import { buildLayout } from ".";
import { agency, indicator, plan, target } from "./_test/plan";
import { chartsToFollow, parseSheetRange, within } from "./chartFollow";
import type { UpdatePlan } from "./ownership";

const leads = (names: string[]) => plan(names.map((n, i) => indicator(String(i + 1), { lead: [agency(n)], coordinating: [], target: target(">=", 10) })));

/** A plan in which only the agency table changes size, as planUpdate gives it for the layout. */
function grown(layout: ReturnType<typeof buildLayout>, rowsBefore: number, anchor?: string): UpdatePlan {
  const sheet = layout.sheets.find((s) => s.role === "summary");
  const spec = sheet?.tables.find((t) => t.name === "TongHopDonVi");
  if (!sheet || !spec) throw new Error("no agency table");
  return {
    tables: [{ table: spec.name, sheet: sheet.name, anchor: anchor ?? spec.anchor, spec, columnAt: spec.columns.map((_, i) => i), appended: [], width: spec.columns.length, rowsBefore, rowsAfter: spec.rows.length, writes: [] }],
    newSheets: [], newTables: [], cells: [], names: [], problems: [],
  };
}

describe("parseSheetRange", () => {
  it("reads quoted and plain sheet names, ranges and single cells", () => {
    expect(parseSheetRange("'Tổng hợp'!$D$7:$I$12")).toEqual({ sheet: "Tổng hợp", top: 7, left: 4, bottom: 12, right: 9 });
    expect(parseSheetRange("'It''s'!A1")).toEqual({ sheet: "It's", top: 1, left: 1, bottom: 1, right: 1 });
    expect(parseSheetRange("Sheet1!$B$2:$B$9")).toEqual({ sheet: "Sheet1", top: 2, left: 2, bottom: 9, right: 2 });
  });

  it("gives null for what is not one block of cells (names, unions, external books)", () => {
    expect(parseSheetRange("KyBaoCao")).toBeNull();
    expect(parseSheetRange("(Sheet1!A1,Sheet1!B2)")).toBeNull();
    expect(parseSheetRange("[1]Sheet1!A1")).toBeNull();
  });
});

describe("within", () => {
  it("compares sheet names without case and needs every edge inside", () => {
    const outer = { sheet: "Tổng hợp", top: 7, left: 4, bottom: 10, right: 9 };
    expect(within({ sheet: "TỔNG HỢP", top: 8, left: 4, bottom: 10, right: 4 }, outer)).toBe(true);
    expect(within({ sheet: "Tổng hợp", top: 8, left: 4, bottom: 11, right: 4 }, outer)).toBe(false);
    expect(within({ sheet: "Khác", top: 8, left: 4, bottom: 9, right: 4 }, outer)).toBe(false);
  });
});

describe("chartsToFollow", () => {
  it("says the summary chart plotted the agency table's old rows and now plots its new ones", () => {
    const layout = buildLayout(leads(["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Công an tỉnh"]), { lang: "vi" });
    const [follow] = chartsToFollow(layout, grown(layout, 2));
    expect(follow).toMatchObject({ sheet: "Tổng hợp", table: "TongHopDonVi", before: { top: 7, bottom: 9, left: 4 }, after: { top: 7, bottom: 11, left: 4 } });
    expect(follow?.chart.dataRange).toBe("'Tổng hợp'!$D$7:$J$11");
  });

  it("follows nothing when the table was moved by the user (the layout's range would point elsewhere)", () => {
    const layout = buildLayout(leads(["Sở Tư pháp", "Sở Y tế"]), { lang: "vi" });
    expect(chartsToFollow(layout, grown(layout, 1, "D20"))).toEqual([]);
  });
});
