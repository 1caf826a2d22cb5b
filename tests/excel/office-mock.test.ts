/**
 * The Office.js adapter against office-addin-mock: the request context is an
 * OfficeMockObject (its load/sync semantics: unloaded reads give error
 * strings), `context.sync` is counted with a spy, and everything the adapter
 * writes is recorded so the tests assert the VALUES sent to Excel.
 */
import { OfficeMockObject } from "office-addin-mock";
import { buildLayout } from "../../src/core/layout";
import { columnLetter } from "../../src/core/layout/_lib/a1";
import { indicator, plan } from "../../src/core/layout/_test/plan";
import { highlightGaps } from "../../src/excel/highlight";
import { writeLayout } from "../../src/excel/write";

/** Letters of the Chỉ tiêu table's last column and of its status column, from the layout's headers (not hard-coded). */
function chiTieuLetters(layout: ReturnType<typeof buildLayout>): { last: string; status: string } {
  const columns = layout.sheets[0]?.tables[0]?.columns ?? [];
  return { last: columnLetter(columns.length), status: columnLetter(columns.findIndex((c) => c.key === "status") + 1) };
}

interface Entry {
  path: string;
  value?: unknown;
  args?: unknown[];
}

/** A stand-in for write-only proxies: records every property set and method call by path. */
function recorder(log: Entry[], path: string): unknown {
  const store = new Map<string, unknown>();
  return new Proxy(() => undefined, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then") return undefined;
      if (!store.has(prop)) store.set(prop, recorder(log, `${path}.${prop}`));
      return store.get(prop);
    },
    set(_t, prop, value) {
      log.push({ path: `${path}.${String(prop)}`, value });
      store.set(String(prop), value);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      log.push({ path, args });
      const shown = args.filter((a) => typeof a !== "object" && typeof a !== "function").map((a) => JSON.stringify(a));
      return recorder(log, `${path}(${shown.join(",")})`);
    },
  });
}

/** office-addin-mock cannot load "items/name" paths: its collections load "items" whole, which Office.js also allows. */
function loadItems(this: OfficeMockObject): OfficeMockObject {
  return OfficeMockObject.prototype.load.call(this, "items") as OfficeMockObject;
}

function mockContext(log: Entry[], extra: Record<string, unknown> = {}, sheets = ["Sheet1"]) {
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        items: sheets.map((name) => ({ name })),
        load: loadItems,
        add: (name: string) => recorder(log, `sheet[${name}]`),
        getItem: (name: string) => recorder(log, `sheet[${name}]`),
        getItemOrNullObject: (name: string) => recorder(log, `sheet?[${name}]`),
      },
      tables: { items: [], load: loadItems, getItem: (name: string) => recorder(log, `table[${name}]`) },
      names: { items: [], load: loadItems, add: (...args: unknown[]) => log.push({ path: "names.add", args }), getItem: (name: string) => recorder(log, `name[${name}]`) },
      ...extra,
    },
    application: { suspendApiCalculationUntilNextSync: () => log.push({ path: "suspendApiCalculationUntilNextSync" }) },
  });
  const sync = jest.spyOn(context, "sync");
  return { context: context as unknown as Excel.RequestContext, sync };
}

const layoutOf = (n: number) => buildLayout(plan(Array.from({ length: n }, (_, i) => indicator(String(i + 1), { name: `Chỉ tiêu số ${i + 1}` }))), { lang: "vi" });
const find = (log: Entry[], path: string) => log.filter((e) => e.path === path);

describe("Office.js import (office-addin-mock)", () => {
  it("imports 10 indicators in 2 syncs and sends the layout's headers, values, table, formula and rules", async () => {
    const log: Entry[] = [];
    const { context, sync } = mockContext(log);
    const layout = layoutOf(10);
    const report = await writeLayout(context, layout);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(report.sheets["Chỉ tiêu"]).toBe("Chỉ tiêu");

    const table = layout.sheets[0]?.tables[0];
    const { last, status: S } = chiTieuLetters(layout);
    const [values] = find(log, `sheet[Chỉ tiêu].getRange("A1:${last}11").values`);
    const grid = values?.value as unknown[][];
    // Every text goes marked as text (a leading apostrophe, which Excel does not keep in the value).
    expect(grid[0]).toEqual(table?.columns.map((c) => `'${c.header}`));
    expect(grid[1]?.[2]).toBe("'Chỉ tiêu số 1");
    expect(grid[10]?.[2]).toBe("'Chỉ tiêu số 10");
    expect(find(log, `sheet[Chỉ tiêu].tables.add("A1:${last}11",true).name`)[0]?.value).toBe("ChiTieu");

    const status = table?.columns.find((c) => c.key === "status")?.formula;
    expect(find(log, `sheet[Chỉ tiêu].getRange("${S}2").formulas`)[0]?.value).toEqual([[status]]);
    expect(find(log, `sheet[Chỉ tiêu].getRange("${S}3:${S}11").copyFrom`)[0]?.args).toEqual([`${S}2`, "Formulas"]);
    const rules = log.filter((e) => e.path.endsWith('.conditionalFormats.add("Custom").custom.rule.formula') && e.path.startsWith("sheet[Chỉ tiêu]"));
    expect(rules.map((r) => r.value)).toEqual(["Không đạt", "Có nguy cơ", "Đạt", "Vượt", "Đúng tiến độ"].map((label) => `=$${S}2="${label}"`));
    expect(find(log, "suspendApiCalculationUntilNextSync")).toHaveLength(1);
    expect(find(log, "names.add").map((e) => e.args?.[0])).toEqual(layout.names.map((n) => n.name));
  });

  it("imports 5,000 indicators in at most 3 syncs, every row sent", async () => {
    const log: Entry[] = [];
    const { context, sync } = mockContext(log);
    const layout = layoutOf(5000);
    await writeLayout(context, layout);
    expect(sync.mock.calls.length).toBeLessThanOrEqual(3);
    const { last } = chiTieuLetters(layout);
    const chunks = log.filter((e) => new RegExp(`^sheet\\[Chỉ tiêu\\]\\.getRange\\("A\\d+:${last}\\d+"\\)\\.values$`).test(e.path));
    const rows = chunks.flatMap((e) => e.value as unknown[][]);
    expect(rows).toHaveLength(5001);
    expect(rows[5000]?.[2]).toBe("'Chỉ tiêu số 5000");
  });
});

describe("Office.js import safety (office-addin-mock)", () => {
  it("reads the loaded sheet names (not the mock's error strings) and suffixes ours when the user has a 'Chỉ tiêu' sheet", async () => {
    const log: Entry[] = [];
    const { context, sync } = mockContext(log, {}, ["Chỉ tiêu"]);
    const layout = layoutOf(3);
    const report = await writeLayout(context, layout);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(report.sheets["Chỉ tiêu"]).toBe("Chỉ tiêu (2)");
    const { last } = chiTieuLetters(layout);
    expect(find(log, `sheet[Chỉ tiêu].getRange("A1:${last}4").values`)).toHaveLength(0);
    expect(find(log, `sheet[Chỉ tiêu (2)].getRange("A1:${last}4").values`)).toHaveLength(1);
  });
});

describe("Office.js highlight (office-addin-mock)", () => {
  it("highlights the selected 5,000-row table in 4 syncs (which table, read it, read it again at apply, write) with the right formula and rules", async () => {
    const log: Entry[] = [];
    const headers = ["STT", "Tên chỉ tiêu", "Mục tiêu", "KQ năm", "Đơn vị chủ trì"];
    const rows = Array.from({ length: 5000 }, (_, i) => [i + 1, `Chỉ tiêu ${i + 1}`, 10, i % 2 === 0 ? 12 : 8, "Sở Tài chính"]);
    const { context, sync } = mockContext(log, {
      active: { name: "Theo dõi", tables: { items: [{ name: "Khac" }, { name: "Bang1" }], load: loadItems } },
      selection: { tables: { items: [{ name: "Bang1" }], load: loadItems } },
      bang1: {
        name: "Bang1",
        columns: { items: headers.map((name) => ({ name })), load: loadItems, add: (...args: unknown[]) => log.push({ path: 'table[Bang1].columns.add', args }) },
        header: { address: "'Theo dõi'!A1:E1" },
        body: { values: rows, rowCount: 5000, conditionalFormats: { items: [], load: loadItems } },
        worksheet: { name: "Theo dõi" },
      },
    });
    const wb = context.workbook as unknown as Record<string, OfficeMockObject & Record<string, OfficeMockObject>>;
    const { active, selection, bang1 } = wb as unknown as Record<string, OfficeMockObject & Record<string, OfficeMockObject>>;
    if (!active || !selection || !bang1) throw new Error("mock");
    Object.assign(bang1, { getHeaderRowRange: () => bang1.header, getDataBodyRange: () => bang1.body });
    Object.assign(context.workbook, { getSelectedRanges: () => ({ getTables: () => selection.tables }) });
    Object.assign(context.workbook.tables, { getItem: (name: string) => (name === "Bang1" ? bang1 : recorder(log, `table[${name}]`)) });
    Object.assign(context.workbook.worksheets, { getActiveWorksheet: () => active });

    const result = await highlightGaps(context);
    expect(sync).toHaveBeenCalledTimes(4);
    if (!result.done) throw new Error("expected the highlight to be applied");
    expect(result.report.counts).toEqual({ met: 0, exceeded: 2500, missed: 2500, atRisk: 0, noData: 0, onTrack: 0 });
    expect(result.report.sheet).toBe("Theo dõi");
    const added = log.find((e) => e.path === "table[Bang1].columns.add");
    expect(added?.args).toEqual([undefined, undefined, "Trạng thái (Chỉ tiêu)"]);
    const formula = find(log, 'sheet[Theo dõi].getRange("F2").formulas')[0]?.value as string[][];
    expect(formula[0]?.[0]).toContain("Bang1[[#This Row],[Mục tiêu]]");
    expect(formula[0]?.[0]).toContain("Bang1[[#This Row],[KQ năm]]");
    expect(find(log, 'sheet[Theo dõi].getRange("F3:F5001").copyFrom')[0]?.args).toEqual(["F2", "Formulas"]);
    const rules = log.filter((e) => e.path.startsWith('sheet[Theo dõi].getRange("F2:F5001").conditionalFormats.add("Custom").custom.rule.formula'));
    expect(rules.map((r) => r.value)).toEqual(['=F2="Không đạt"', '=F2="Có nguy cơ"', '=F2="Đạt"', '=F2="Vượt"']);
  });
});
