import { newSheet } from "./state";
import { addUserTable, createStandInContext, createWorkbookState, dumpWorkbook, findSheet, installExcelStandIn, interpretInput, StandInError } from "./index";

describe("Excel stand-in: load/sync semantics", () => {
  it("refuses to read a property before load and sync, like Office.js", async () => {
    const context = createStandInContext(createWorkbookState(["Sheet1"]));
    const sheets = context.workbook.worksheets;
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    await context.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(() => sheets.items[0]?.tabColor).toThrow(/PropertyNotLoaded/);
  });

  it("applies writes only at sync, in order, and counts every sync", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const context = createStandInContext(state);
    const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
    range.values = [[1, "hai"]];
    expect(findSheet(state, "Sheet1")?.cells.size).toBe(0);
    range.load("values, address");
    await context.sync();
    expect(range.values).toEqual([[1, "hai"]]);
    expect(range.address).toBe("Sheet1!A1:B1");
    expect(context.syncCount).toBe(1);
  });

  it("interprets strings the way Excel does: = + - @ start formulas, ' marks text, numbers convert", () => {
    expect(interpretInput("=1+1")).toEqual({ value: "", formula: "=1+1" });
    expect(interpretInput("-abc")).toEqual({ value: "", formula: "=-abc" });
    expect(interpretInput("@x")).toEqual({ value: "", formula: "=x" });
    expect(interpretInput("'=1+1")).toEqual({ value: "=1+1" });
    expect(interpretInput("05")).toEqual({ value: 5 });
    expect(interpretInput("TRUE")).toEqual({ value: true });
    expect(interpretInput(null)).toBeNull();
    // Excel's reading of typed text (en-US): accounting negatives, currency, thousands, percentages, dates.
    expect(["(1)", "$5", "1,000", "5%", "Jan 2025", "1/2/2025", "(Sở)"].map((x) => interpretInput(x)?.value)).toEqual([-1, 5, 1000, 0.05, 45658, 45659, "(Sở)"]);
  });

  it("fails getSelectedRange with InvalidSelection when several ranges are selected, as Excel does", async () => {
    const state = createWorkbookState(["Sheet1"]);
    state.selection = "Sheet1!A1:B2,Sheet1!D4";
    const context = createStandInContext(state);
    context.workbook.getSelectedRange().load("address");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidSelection" });
  });

  it("deletes a table row as Excel does: a reference to it becomes #REF!, one below follows its cell up", async () => {
    const state = createWorkbookState(["Sheet1"]);
    addUserTable(state, "Sheet1", "A1", "Bang1", ["A"], [[1], [2], [3]]);
    const other = newSheet("Khác");
    state.sheets.push(other);
    other.cells.set("0,0", { value: "", formula: "=Sheet1!A3" });
    other.cells.set("1,0", { value: "", formula: "=Sheet1!$A$4+1" });
    const context = createStandInContext(state);
    context.workbook.tables.getItem("Bang1").rows.getItemAt(1).delete();
    await context.sync();
    expect(other.cells.get("0,0")?.formula).toBe("=#REF!");
    expect(other.cells.get("1,0")?.formula).toBe("=Sheet1!$A$3+1");
  });

  it("refuses a request above the payload limit as a whole, applying nothing", async () => {
    const state = createWorkbookState(["Sheet1"]);
    state.payloadLimitBytes = 500;
    const context = createStandInContext(state);
    context.workbook.worksheets.add("Mới");
    context.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = Array.from({ length: 100 }, (_, i) => [`dòng ${i}`]);
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("rejects sheet names Excel rejects and tables that overlap", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const attempts = ["a/b", "x".repeat(32), "sheet1"].map((bad) => {
      const context = createStandInContext(state);
      context.workbook.worksheets.add(bad);
      return context;
    });
    // One context per name: each refusal is its own request.
    const results = await Promise.allSettled(attempts.map((c) => c.sync()));
    expect(results.map((r) => (r.status === "rejected" && r.reason instanceof StandInError ? r.reason.code : r.status))).toEqual(["InvalidArgument", "InvalidArgument", "ItemAlreadyExists"]);
    addUserTable(state, "Sheet1", "A1", "Bang1", ["A", "B"], [[1, 2]]);
    const context = createStandInContext(state);
    context.workbook.worksheets.getItem("Sheet1").tables.add("B1:C3", true);
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("gives null objects for missing items and ignores writes to them", async () => {
    const state = createWorkbookState(["Sheet1"]);
    const context = createStandInContext(state);
    const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
    missing.load("name");
    missing.delete();
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(state.sheets).toHaveLength(1);
  });

  it("loads tables through navigation paths (items/worksheet/name, items/columns/items/values)", async () => {
    const state = createWorkbookState(["Sheet1"]);
    addUserTable(state, "Sheet1", "C2", "Bang1", ["Mục tiêu", "Kết quả"], [[10, 12], [5, null]]);
    const context = createStandInContext(state);
    const tables = context.workbook.tables;
    tables.load("items/name, items/worksheet/name, items/columns/items/name, items/columns/items/values, items/rows/count");
    await context.sync();
    const t = tables.items[0];
    expect(t?.name).toBe("Bang1");
    expect(t?.worksheet.name).toBe("Sheet1");
    expect(t?.columns.items.map((c) => c.name)).toEqual(["Mục tiêu", "Kết quả"]);
    expect(t?.columns.items[1]?.values).toEqual([["Kết quả"], [12], [""]]);
    expect(t?.rows.count).toBe(2);
    expect(dumpWorkbook(state).tables[0]).toEqual({ sheet: "Sheet1", name: "Bang1", anchor: "C2", headers: ["Mục tiêu", "Kết quả"], rows: [[10, 12], [5, null]] });
  });

  it("installs Excel.run and a minimal Office on a global object, counting syncs across runs", async () => {
    const globalObj: Record<string, unknown> = {};
    const installed = installExcelStandIn(globalObj, createWorkbookState(["Sheet1"]), { unsupportedSets: ["ExcelApi 1.9"] });
    const excel = globalObj.Excel as { run: (b: (c: ReturnType<typeof createStandInContext>) => Promise<string>) => Promise<string> };
    const name = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Sheet1");
    expect(installed.totalSyncs()).toBe(1);
    const office = globalObj.Office as { context: { requirements: { isSetSupported: (n: string, v: string) => boolean } } };
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });
});
