import { buildLayout } from "../../core/layout";
import { indicator, plan } from "../../core/layout/_test/plan";
import { columnLetters, parseRect, quoteSheet, rectAddress, splitSheet } from "./a1";
import { estimateBytes, toExcelInput } from "./cells";
import { interpretInput } from "../../../tests/support/excel-standin";
import { fitLayout, renameInFormula } from "./rename";

describe("a1", () => {
  it("converts between addresses and rectangles, sheet prefixes included", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(27)).toBe("AB");
    expect(parseRect("$B$2:C4")).toEqual({ row: 1, col: 1, rows: 3, cols: 2 });
    expect(rectAddress({ row: 0, col: 0, rows: 5001, cols: 25 })).toBe("A1:Y5001");
    expect(splitSheet("'Chỉ tiêu'!C5")).toEqual({ sheet: "Chỉ tiêu", ref: "C5" });
    expect(quoteSheet("CoQuan")).toBe("CoQuan");
    expect(quoteSheet("Tổng hợp")).toBe("'Tổng hợp'");
    expect(() => parseRect("không phải")).toThrow(/Not an A1 address/);
  });
});

describe("toExcelInput", () => {
  it("marks text Excel would read as a formula or a number with a leading apostrophe", () => {
    expect(["=1+1", "+84", "-x", "@a", "\tx", "\rx", "05", "1.1", "30/11/2023", "TRUE", "'quoted"].map(toExcelInput)).toEqual(
      ["'=1+1", "'+84", "'-x", "'@a", "'\tx", "'\rx", "'05", "'1.1", "'30/11/2023", "'TRUE", "''quoted"],
    );
    expect(toExcelInput("Sở Tài chính")).toBe("'Sở Tài chính");
    expect(toExcelInput({ formula: "=A1" })).toBe("=A1");
    expect(toExcelInput(null)).toBe("");
    expect(toExcelInput(6.35)).toBe(6.35);
  });

  it("keeps \"(1)\", \"$5\" and \"Jan 2025\" as the text they are where Excel would read −1, 5 and a date", () => {
    const written = ["(1)", "$5", "Jan 2025", "5%", "1,000", "1e5"].map((text) => interpretInput(toExcelInput(text)));
    expect(written).toEqual([{ value: "(1)" }, { value: "$5" }, { value: "Jan 2025" }, { value: "5%" }, { value: "1,000" }, { value: "1e5" }]);
  });

  it("estimates request bytes in UTF-8", () => {
    expect(estimateBytes("đ") - estimateBytes("d")).toBe(1);
  });
});

describe("fitLayout", () => {
  const renames = { sheets: new Map([["Chỉ tiêu", "Chỉ tiêu (2)"], ["CoQuan", "CoQuan (2)"]]), tables: new Map([["ChiTieu", "ChiTieu2"]]), names: new Map([["SaiSoChoPhep", "SaiSoChoPhep2"]]) };

  it("rewrites sheet, table and name references but never text inside quotes", () => {
    expect(renameInFormula(`=COUNTIF(ChiTieu[Trạng thái],"ChiTieu")+'Chỉ tiêu'!A1*SaiSoChoPhep`, renames)).toBe(
      `=COUNTIF(ChiTieu2[Trạng thái],"ChiTieu")+'Chỉ tiêu (2)'!A1*SaiSoChoPhep2`,
    );
    expect(renameInFormula("=CoQuan!$A$2:$A$9", renames)).toBe("='CoQuan (2)'!$A$2:$A$9");
    expect(renameInFormula("=ChiTieuX[A]+SaiSoChoPhepCu", renames)).toBe("=ChiTieuX[A]+SaiSoChoPhepCu");
  });

  it("picks free names for every sheet, table and name the workbook already uses", () => {
    const layout = buildLayout(plan([indicator("1")]), { lang: "vi" });
    const { layout: fitted, renames: r } = fitLayout(layout, { sheets: ["Chỉ tiêu", "Cơ quan"], tables: ["ChiTieu"], names: ["DanhSachCoQuan"] });
    expect(fitted.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu (2)", "Kết quả theo kỳ", "Nhiệm vụ", "Cơ quan (2)", "Tổng hợp", "Kiểm tra", "Thông tin báo cáo"]);
    expect(r.tables.get("ChiTieu")).toBe("ChiTieu2");
    expect(fitted.names.find((n) => n.name === "DanhSachCoQuan2")?.formula).toMatch(/^='Cơ quan \(2\)'!/);
    const status = fitted.sheets[0]?.tables[0]?.columns.find((c) => c.key === "status")?.formula ?? "";
    expect(status).toContain("ChiTieu2[[#This Row],");
    expect(status).not.toMatch(/ChiTieu\[/);
  });
});
