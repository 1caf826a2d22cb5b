import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildLayout, describeProblems } from "../core/layout";
import type { WorkbookLayout } from "../core/layout/types";
import { interpretSnapshot } from "../core/workbook";
import { mergeIntoWorkbook } from "../core/merge";
import { agency, indicator, plan, target } from "../core/layout/_test/plan";
import { address, parseAddress } from "../core/layout/_lib/a1";
import { expectXlsxFidelity } from "../../tests/support/fidelity";
import { readWorkbook } from "./read";
import { updateWorkbookInPlace, withoutCachedResults } from "./update";
import { writeWorkbook } from "./write";

const dir = mkdtempSync(join(tmpdir(), "xlsx-update-"));

/** Each cell's formula (without "=") or value, as plain exceljs reads it; null when empty. */
async function readCellsOf(bytes: Uint8Array, sheet: string, addresses: string[]): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet);
  return Object.fromEntries(addresses.map((a) => {
    const v = ws?.getCell(a).value;
    return [a, v === null || v === undefined ? null : typeof v === "object" && "formula" in v ? v.formula : v];
  }));
}
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const written: string[] = [];

const v1 = plan([indicator("a", { target: target(">=", 10) }), indicator("b", { target: target(">=", 20, { percent: true }) })]);
const v2 = plan([indicator("a", { target: target(">=", 12) }), indicator("b", { target: target(">=", 20, { percent: true }) }), indicator("c", { target: target(">=", 30, { percent: true }) })]);

async function layoutFor(bytes: Uint8Array): Promise<WorkbookLayout> {
  const merged = mergeIntoWorkbook(v2, interpretSnapshot(await readWorkbook(bytes)));
  return buildLayout(v2, { lang: "vi", results: merged.user });
}

/** Row 7, one empty column right of the rightmost table a sheet of the layout holds: where a later version could add one. */
function besideTables(layout: WorkbookLayout, role: string): string {
  const tables = layout.sheets.find((s) => s.role === role)?.tables ?? [];
  const end = Math.max(...tables.map((t) => parseAddress(t.anchor).col + t.columns.length - 1));
  return address(7, end + 2);
}

/** Drops a sheet from a package the way a user deleting it in Excel would (its part, its tables, its entry). */
async function deleteSheet(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const entry = new RegExp(`<sheet [^>]*name="${name}"[^>]*/>`).exec(wb)?.[0] ?? "";
  const rid = /r:id="([^"]+)"/.exec(entry)?.[1] ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1] ?? "";
  const part = `xl/${target}`;
  const sheetRels = (await zip.file(part.replace(/([^/]+)$/, "_rels/$1.rels"))?.async("string")) ?? "";
  for (const m of sheetRels.matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) zip.remove(`xl/tables/${m[1] ?? ""}`);
  zip.remove(part);
  zip.file("xl/workbook.xml", wb.replace(entry, "").replace(/<definedName [^>]*localSheetId[^>]*>[^<]*<\/definedName>/g, ""));
  return zip.generateAsync({ type: "uint8array" });
}

describe("updateWorkbookInPlace", () => {
  it("updates our rows in place: targets changed, percent rows formatted, new indicators added", async () => {
    const old = await writeWorkbook(buildLayout(v1, { lang: "vi" }));
    const result = await updateWorkbookInPlace(old, await layoutFor(old));
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    const path = join(dir, "updated.xlsx");
    writeFileSync(path, result.bytes);
    const reading = interpretSnapshot(await readWorkbook(result.bytes));
    expect(reading.indicators.map((r) => [r.key, r.values.target])).toEqual([["a", 12], ["b", 0.2], ["c", 0.3]]);
    written.push(path);
  });

  it("brings back a sheet of ours the user deleted (or a later version added), with its table and formats", async () => {
    const old = await deleteSheet(await writeWorkbook(buildLayout(v1, { lang: "vi" })), "Kiểm tra");
    expect(interpretSnapshot(await readWorkbook(old)).isChiTieu).toBe(true);
    const result = await updateWorkbookInPlace(old, await layoutFor(old));
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    expect(result.plan.newSheets.map((s) => s.name)).toEqual(["Kiểm tra"]);
    const snapshot = await readWorkbook(result.bytes);
    // A restored sheet comes back at the end, after the report's particulars.
    expect(snapshot.sheetNames).toEqual(["Chỉ tiêu", "Kết quả theo kỳ", "Nhiệm vụ", "Cơ quan", "Tổng hợp", "Thông tin báo cáo", "Kiểm tra"]);
    expect(snapshot.tables.find((t) => t.name === "KiemTra")?.sheet).toBe("Kiểm tra");
    const path = join(dir, "restored.xlsx");
    writeFileSync(path, result.bytes);
    written.push(path);
  });

  it("adds a table a later version put on one of our sheets, next to the user's work there", async () => {
    const old = await writeWorkbook(buildLayout(v1, { lang: "vi" }));
    const layout = await layoutFor(old);
    const summary = layout.sheets.find((s) => s.role === "summary");
    const anchor = besideTables(layout, "summary");
    summary?.tables.push({
      name: "DanhSachKyThu", anchor, style: "TableStyleLight9", cellFormats: [], rowKey: "id",
      columns: [{ key: "label", header: "Kỳ báo cáo", width: 22 }, { key: "id", header: "Mã kỳ", width: 10, numberFormat: "@" }],
      rows: [["6 tháng đầu năm 2026", "2026-H1"], ["Năm 2026", "2026"]],
    });
    const result = await updateWorkbookInPlace(old, layout);
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    const table = (await readWorkbook(result.bytes)).tables.find((t) => t.name === "DanhSachKyThu");
    expect(table).toMatchObject({ sheet: "Tổng hợp", anchor, headers: ["Kỳ báo cáo", "Mã kỳ"], rows: [["6 tháng đầu năm 2026", "2026-H1"], ["Năm 2026", "2026"]] });
    const path = join(dir, "new-table.xlsx");
    writeFileSync(path, result.bytes);
    written.push(path);
  });

  it("moves our chart with the agency table an update grows: every agency plotted, chart and caption below the table", async () => {
    const leads = (names: string[]) =>
      plan(names.map((n, i) => indicator(String(i + 1), { lead: [agency(n)], coordinating: [], target: target(">=", 10) })));
    const before = buildLayout(leads(["Sở Tư pháp", "Sở Tài chính", "Sở Y tế"]), { lang: "vi" });
    const old = await writeWorkbook(before, { charts: true });
    const after = buildLayout(leads(["Sở Tư pháp", "Sở Tài chính", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Sở Công Thương", "Công an tỉnh"]), { lang: "vi" });
    const chartOf = (l: WorkbookLayout) => l.sheets.flatMap((x) => x.charts)[0];
    const [was, now] = [chartOf(before), chartOf(after)];
    if (!was?.titleCell || !now?.titleCell) throw new Error("the summary has no chart with a caption");
    expect(now.anchor).not.toBe(was.anchor);

    const result = await updateWorkbookInPlace(old, after);
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    const zip = await JSZip.loadAsync(result.bytes);
    const chart = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    const last = now.dataRange.replace(/^.*\$(\d+)$/, "$1");
    expect(refs).toContain(`'Tổng hợp'!$D$8:$D$${last}`);
    expect(refs.filter((r) => r?.includes(":")).every((r) => r?.endsWith(`$${last}`))).toBe(true);
    expect(refs[0]).toBe(`'Tổng hợp'!$${now.titleCell.replace(/(\d+)$/, "$$$1")}`);
    const drawing = (await zip.file("xl/drawings/drawing1.xml")?.async("string")) ?? "";
    expect(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/.exec(drawing)?.slice(1)).toEqual(["0", String(parseAddress(now.anchor).row - 1)]);
    // The caption moved with the chart: the old cell is empty, the new one holds the caption formula.
    const cells = await readCellsOf(result.bytes, "Tổng hợp", [was.titleCell, now.titleCell]);
    expect(cells[was.titleCell]).toBeNull();
    expect(String(cells[now.titleCell])).toContain("KyBaoCao");
    const path = join(dir, "chart-follows.xlsx");
    writeFileSync(path, result.bytes);
    written.push(path);

    // Updating again with the same agencies leaves the chart's parts byte for byte.
    const again = await updateWorkbookInPlace(result.bytes, after);
    if (!again.ok) throw new Error("second update refused");
    const zip2 = await JSZip.loadAsync(again.bytes);
    for (const part of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]) expect(await zip2.file(part)?.async("string")).toBe(await zip.file(part)?.async("string"));
  });

  it("leaves a chart that plots other cells (the user's own) exactly as it was", async () => {
    const leads = (names: string[]) => plan(names.map((n, i) => indicator(String(i + 1), { lead: [agency(n)], coordinating: [], target: target(">=", 10) })));
    const old = await JSZip.loadAsync(await writeWorkbook(buildLayout(leads(["Sở Tư pháp", "Sở Y tế"]), { lang: "vi" }), { charts: true }));
    // The same chart part, now plotting the status table (columns A:B) as a user's chart would.
    const mine = ((await old.file("xl/charts/chart1.xml")?.async("string")) ?? "").replace(/\$D\$/g, "$A$").replace(/\$E\$/g, "$B$").replace(/\$[F-I]\$/g, "$B$");
    old.file("xl/charts/chart1.xml", mine);
    const bytes = await old.generateAsync({ type: "uint8array" });
    const result = await updateWorkbookInPlace(bytes, buildLayout(leads(["Sở Tư pháp", "Sở Y tế", "Sở Xây dựng", "Sở Nội vụ", "Công an tỉnh"]), { lang: "vi" }));
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    const zip = await JSZip.loadAsync(result.bytes);
    expect(await zip.file("xl/charts/chart1.xml")?.async("string")).toBe(mine);
    expect(await zip.file("xl/drawings/drawing1.xml")?.async("string")).toBe(await old.file("xl/drawings/drawing1.xml")?.async("string"));
  });

  it("writes files every reader accepts: schema, openpyxl, plain exceljs, LibreOffice", () => {
    expect(written).toHaveLength(4);
    expectXlsxFidelity(written);
  });

  it("changes nothing and says which cell is in the way when the table must grow over the user's data", async () => {
    const old = await writeWorkbook(buildLayout(v1, { lang: "vi" }));
    const zip = await JSZip.loadAsync(old);
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    // The user typed "Tổng" right below the table (row 4, column B).
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", '<row r="4"><c r="B4" t="inlineStr"><is><t>Tổng</t></is></c></row></sheetData>'));
    const edited = await zip.generateAsync({ type: "uint8array" });
    const result = await updateWorkbookInPlace(edited, await layoutFor(edited));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.cell])).toEqual([["CELLS_IN_THE_WAY", "B4"]]);
    expect(describeProblems(result.problems).vi).toMatch(/^Không cập nhật được tại chỗ, sổ tính chưa bị thay đổi: .*'Chỉ tiêu'!B4/);
  });

  it("reads only the rows a sheet holds when a table's ref claims a million", async () => {
    const old = await writeWorkbook(buildLayout(v1, { lang: "vi" }));
    const zip = await JSZip.loadAsync(old);
    const table = (await zip.file("xl/tables/table1.xml")?.async("string")) ?? "";
    zip.file("xl/tables/table1.xml", table.replace(/ref="A1:AE3"/g, 'ref="A1:AE1000001"'));
    const bloated = await zip.generateAsync({ type: "uint8array" });
    const started = Date.now();
    const layout = buildLayout(v2, { lang: "vi", results: { indicators: {}, tasks: {}, goneIndicators: [], goneTasks: [] } });
    const result = await updateWorkbookInPlace(bloated, layout);
    expect(Date.now() - started).toBeLessThan(5000);
    if (!result.ok) throw new Error(describeProblems(result.problems).vi);
    expect(/ref="([^"]+)"/.exec((await (await JSZip.loadAsync(result.bytes)).file("xl/tables/table1.xml")?.async("string")) ?? "")?.[1]).toBe("A1:AE4");
  });

  it("drops only formulas' cached results from a user's sheet, byte for byte", () => {
    const xml = '<sheetData><row r="1"><c r="A1"><f>SUM(B1:B2)</f><v>3</v></c><c r="B1"><v>1</v></c><c r="C1" t="str"><f t="shared" si="0"/><v>x</v></c></row></sheetData>';
    expect(withoutCachedResults(xml)).toBe('<sheetData><row r="1"><c r="A1"><f>SUM(B1:B2)</f></c><c r="B1"><v>1</v></c><c r="C1" t="str"><f t="shared" si="0"/></c></row></sheetData>');
  });
});
