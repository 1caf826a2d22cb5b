/**
 * Updates an existing .xlsx in place: opens the zip, changes only the cells,
 * tables and names that `planUpdate` (src/core/layout/ownership) says are ours,
 * and leaves every other part byte for byte as it was: the user's sheets,
 * charts, drawings, pivot tables, comments, macros, themes, printer settings.
 *
 * Why not exceljs: a load + write with exceljs 4.4 drops the parts it does not
 * model (charts, drawings' anchors, pivot tables and caches, slicers, threaded
 * comments, external links, custom XML) and renumbers styles and shared
 * strings (measured in test.ts: "what a plain exceljs round trip loses"). So
 * only the XML of the sheets that hold our tables is edited here, with the DOM,
 * plus the table parts, the styles (new number formats are appended, never
 * renumbered), the shared strings (appended) and workbook.xml (our names,
 * recalculation on open). A sheet of ours the workbook lacks is written by our
 * writer and moved in whole (_lib/addSheets.ts). The user's sheets lose only
 * their formulas' cached results, so every reader recomputes them.
 *
 * When the user's structure makes an in-place update impossible (our table
 * turned into a range, a totals row, data where the table must grow) nothing
 * is written and the problems say why, in Vietnamese and English.
 */
import JSZip from "jszip";
import type { Document, Element } from "@xmldom/xmldom";
import type { LayoutCell, WorkbookLayout } from "../core/layout/types";
import { planUpdate, cellInTheWay, newTableRef, tableAreaTaken, updatedRef } from "../core/layout/ownership";
import type { CellState, ExistingTable, ExistingWorkbook, UpdateOptions, UpdatePlan, UpdateProblem } from "../core/layout/ownership";
import { address, columnNumber, parseAddress } from "../core/layout/_lib/a1";
import { addSheets, importTables, setInlineString, type Target } from "./_lib/addSheets";
import { child, children, parse, relsOf, resolve, serialize } from "./_lib/xml";
import { followCharts } from "./_lib/followCharts";
import { chartsToFollow } from "../core/layout/chartFollow";
import { writeWorkbook } from "./write";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export type InPlaceResult = { ok: true; bytes: Uint8Array; plan: UpdatePlan } | { ok: false; problems: UpdateProblem[] };

/** A problem the caller did not cause and cannot fix in the workbook (misuse, or a file that is not ours). */
export class NotAnXlsx extends Error {}

/** Text of a shared string item or inline string (rich runs joined, phonetic runs left out). */
function itemText(si: Element): string {
  const t = child(si, "t");
  if (t) return t.textContent ?? "";
  return children(si, "r").map((r) => child(r, "t")?.textContent ?? "").join("");
}

interface SheetDoc {
  name: string;
  part: string;
  doc: Document;
  data: Element;
  rows: Map<number, Element>;
}

interface TablePart {
  part: string;
  doc: Document;
  sheet: string;
  name: string;
  ref: string;
  columns: Element[];
}

/** The number formats Excel knows without declaring them. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

class Styles {
  private readonly cache = new Map<string, number>();
  changed = false;
  constructor(readonly doc: Document | null) {}

  formatId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const root = this.doc?.documentElement;
    if (!root) return 0;
    let numFmts = child(root, "numFmts");
    const existing = numFmts ? children(numFmts, "numFmt") : [];
    const found = existing.find((n) => n.getAttribute("formatCode") === code);
    if (found) return Number(found.getAttribute("numFmtId"));
    if (!numFmts) {
      numFmts = this.doc!.createElementNS(NS, "numFmts");
      root.insertBefore(numFmts, root.firstChild);
    }
    const id = Math.max(163, ...existing.map((n) => Number(n.getAttribute("numFmtId")))) + 1;
    const el = this.doc!.createElementNS(NS, "numFmt");
    el.setAttribute("numFmtId", String(id));
    el.setAttribute("formatCode", code);
    numFmts.appendChild(el);
    numFmts.setAttribute("count", String(existing.length + 1));
    this.changed = true;
    return id;
  }

  /** The cell style `s` with the number format `code`: the same index when it already has it, else an appended copy. */
  withFormat(s: number, code: string): number {
    const key = `${s}|${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const root = this.doc?.documentElement;
    const xfs = root ? child(root, "cellXfs") : undefined;
    const list = xfs ? children(xfs, "xf") : [];
    const xf = list[s] ?? list[0];
    if (!xfs || !xf) return s;
    const id = this.formatId(code);
    let result = s;
    if (Number(xf.getAttribute("numFmtId") ?? "0") !== id) {
      const copy = xf.cloneNode(true) as Element;
      copy.setAttribute("numFmtId", String(id));
      copy.setAttribute("applyNumberFormat", "1");
      xfs.appendChild(copy);
      xfs.setAttribute("count", String(list.length + 1));
      result = list.length;
      this.changed = true;
    }
    this.cache.set(key, result);
    return result;
  }
}

class SharedStrings {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  changed = false;
  constructor(readonly doc: Document | null) {
    const root = doc?.documentElement;
    this.items = root ? children(root, "si").map(itemText) : [];
    this.items.forEach((s, i) => {
      if (!this.index.has(s)) this.index.set(s, i);
    });
  }
  /** The index of a string, appended when new; null when the workbook has no shared-string part. */
  add(s: string): number | null {
    const root = this.doc?.documentElement;
    if (!root) return null;
    const hit = this.index.get(s);
    if (hit !== undefined) return hit;
    const si = this.doc!.createElementNS(NS, "si");
    const t = this.doc!.createElementNS(NS, "t");
    t.setAttribute("xml:space", "preserve");
    t.appendChild(this.doc!.createTextNode(s));
    si.appendChild(t);
    root.appendChild(si);
    this.items.push(s);
    this.index.set(s, this.items.length - 1);
    root.setAttribute("uniqueCount", String(this.items.length));
    root.removeAttribute("count");
    this.changed = true;
    return this.items.length - 1;
  }
}

function cellState(c: Element | undefined): CellState {
  if (!c) return "empty";
  if (child(c, "f")) return "formula";
  const v = child(c, "v");
  if (v && (v.textContent ?? "") !== "") return "value";
  const is = child(c, "is");
  if (is && itemText(is) !== "") return "value";
  return "empty";
}

function cellText(c: Element | undefined, strings: SharedStrings): string | null {
  if (!c) return null;
  const t = c.getAttribute("t");
  if (t === "inlineStr") {
    const is = child(c, "is");
    return is ? itemText(is) : null;
  }
  const v = child(c, "v")?.textContent ?? null;
  if (v === null) return null;
  if (t === "s") return strings.items[Number(v)] ?? null;
  return v;
}

function indexRows(data: Element): Map<number, Element> {
  const rows = new Map<number, Element>();
  for (const r of children(data, "row")) rows.set(Number(r.getAttribute("r")), r);
  return rows;
}

function getCell(sheet: SheetDoc, row: number, col: number): Element | undefined {
  const r = sheet.rows.get(row);
  if (!r) return undefined;
  const ref = address(row, col);
  return children(r, "c").find((c) => c.getAttribute("r") === ref);
}

/** The cell, created in its row (rows and cells stay in order, as the format requires). */
function ensureCell(sheet: SheetDoc, row: number, col: number): Element {
  let r = sheet.rows.get(row);
  if (!r) {
    r = sheet.doc.createElementNS(NS, "row");
    r.setAttribute("r", String(row));
    const after = [...sheet.rows.keys()].filter((n) => n > row).sort((a, b) => a - b)[0];
    sheet.data.insertBefore(r, after === undefined ? null : (sheet.rows.get(after) ?? null));
    sheet.rows.set(row, r);
  }
  // Spans are a hint for the cells a row holds; a row we add cells to drops it rather than lie.
  r.removeAttribute("spans");
  const ref = address(row, col);
  const cells = children(r, "c");
  const found = cells.find((c) => c.getAttribute("r") === ref);
  if (found) return found;
  const c = sheet.doc.createElementNS(NS, "c");
  c.setAttribute("r", ref);
  const next = cells.find((x) => parseAddress(x.getAttribute("r") ?? "A1").col > col);
  r.insertBefore(c, next ?? null);
  return c;
}

function clearContent(c: Element): void {
  for (const tag of ["f", "v", "is"]) for (const e of children(c, tag)) c.removeChild(e);
  c.removeAttribute("t");
}

const stripEq = (f: string): string => (f.startsWith("=") ? f.slice(1) : f);

/** Puts a layout cell's value in an XML cell; returns false when the cell is a shared formula's anchor we must not break. */
function setValue(c: Element, value: LayoutCell, strings: SharedStrings): boolean {
  const f = child(c, "f");
  if (value !== null && typeof value === "object") {
    const text = stripEq(value.formula);
    if (f && (f.getAttribute("t") === "shared" || f.getAttribute("t") === "array")) return true;
    if (f && (f.textContent ?? "") === text) return true;
    clearContent(c);
    const el = c.ownerDocument!.createElementNS(NS, "f");
    el.appendChild(c.ownerDocument!.createTextNode(text));
    c.appendChild(el);
    return true;
  }
  if (f && f.getAttribute("ref") && (f.getAttribute("t") === "shared" || f.getAttribute("t") === "array")) return false;
  clearContent(c);
  if (value === null) return true;
  const doc = c.ownerDocument!;
  if (typeof value === "string") {
    const i = strings.add(value);
    if (i === null) {
      setInlineString(c, value);
    } else {
      c.setAttribute("t", "s");
      const v = doc.createElementNS(NS, "v");
      v.appendChild(doc.createTextNode(String(i)));
      c.appendChild(v);
    }
    return true;
  }
  if (typeof value === "boolean") c.setAttribute("t", "b");
  const v = doc.createElementNS(NS, "v");
  v.appendChild(doc.createTextNode(typeof value === "boolean" ? (value ? "1" : "0") : String(value)));
  c.appendChild(v);
  return true;
}

/** Style index of the nearest cell above in the same column (the style a row added by Excel would take). */
function styleAbove(sheet: SheetDoc, row: number, col: number, top: number): string | null {
  for (let r = row - 1; r >= top; r--) {
    const s = getCell(sheet, r, col)?.getAttribute("s");
    if (s) return s;
  }
  return null;
}

/** A1 ranges of a sqref that end on the table's last row grow (or shrink) with it, as Excel does when a table is resized. */
function followRange(sqref: string, top: number, left: number, right: number, oldBottom: number, newBottom: number): string {
  return sqref
    .split(/\s+/)
    .map((r) => {
      const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+):(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(r);
      if (!m) return r;
      const [, d1 = "", c1 = "A", d2 = "", r1 = "0", d3 = "", c2 = "A", d4 = "", r2 = "0"] = m;
      const inside = Number(r1) >= top && columnNumber(c1) >= left && columnNumber(c2) <= right;
      if (!inside || Number(r2) !== oldBottom) return r;
      return `${d1}${c1}${d2}${r1}:${d3}${c2}${d4}${Math.max(newBottom, Number(r1))}`;
    })
    .join(" ");
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async("string") : null;
}

/**
 * @example
 * const result = await updateWorkbookInPlace(oldBytes, buildLayout(plan, { lang: "vi", results: merged.user }));
 * if (!result.ok) console.error(describeProblems(result.problems).vi);
 */
export async function updateWorkbookInPlace(bytes: Uint8Array, layout: WorkbookLayout, options: UpdateOptions = {}): Promise<InPlaceResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new NotAnXlsx("not a zip");
  }
  const wbXml = await text(zip, "xl/workbook.xml");
  const wbRelsXml = await text(zip, "xl/_rels/workbook.xml.rels");
  if (wbXml === null || wbRelsXml === null) throw new NotAnXlsx("no xl/workbook.xml");
  const wb = parse(wbXml);
  const wbRelsDoc = parse(wbRelsXml);
  const wbRels = new Map(children(wbRelsDoc.documentElement!, "Relationship").map((r) => [r.getAttribute("Id") ?? "", r.getAttribute("Target") ?? ""]));
  const sheetsEl = child(wb.documentElement!, "sheets");
  const sheetParts = (sheetsEl ? children(sheetsEl, "sheet") : []).map((s) => ({
    name: s.getAttribute("name") ?? "",
    part: resolve("xl/workbook.xml", wbRels.get(s.getAttributeNS(REL_NS, "id") ?? s.getAttribute("r:id") ?? "") ?? ""),
  }));
  const sstPath = [...wbRels.values()].map((t) => resolve("xl/workbook.xml", t)).find((p) => /sharedStrings\d*\.xml$/i.test(p));
  const stylesPath = [...wbRels.values()].map((t) => resolve("xl/workbook.xml", t)).find((p) => /styles\d*\.xml$/i.test(p));
  const sstXml = sstPath ? await text(zip, sstPath) : null;
  const strings = new SharedStrings(sstXml === null ? null : parse(sstXml));
  const stylesXml = stylesPath ? await text(zip, stylesPath) : null;
  const styles = new Styles(stylesXml === null ? null : parse(stylesXml));

  // Every table part, with its sheet (tables of the user's sheets are read only to know their names).
  const tables: TablePart[] = [];
  for (const s of sheetParts) {
    const relsXml = await text(zip, relsOf(s.part));
    if (relsXml === null) continue;
    for (const rel of children(parse(relsXml).documentElement!, "Relationship")) {
      if (!(rel.getAttribute("Type") ?? "").endsWith("/table")) continue;
      const part = resolve(s.part, rel.getAttribute("Target") ?? "");
      const xml = await text(zip, part);
      if (xml === null) continue;
      const doc = parse(xml);
      const root = doc.documentElement!;
      const cols = child(root, "tableColumns");
      tables.push({ part, doc, sheet: s.name, name: root.getAttribute("displayName") ?? root.getAttribute("name") ?? "", ref: root.getAttribute("ref") ?? "", columns: cols ? children(cols, "tableColumn") : [] });
    }
  }

  const layoutTables = new Map(layout.sheets.flatMap((s) => s.tables.map((t) => [t.name.toLowerCase(), t] as const)));
  const ourTableParts = tables.filter((t) => layoutTables.has(t.name.toLowerCase()));
  const ourSheetNames = new Set(ourTableParts.map((t) => t.sheet));
  for (const s of layout.sheets) if (s.tables.length === 0 && sheetParts.some((p) => p.name === s.name)) ourSheetNames.add(s.name);
  const sheets = new Map<string, SheetDoc>();
  for (const s of sheetParts) {
    if (!ourSheetNames.has(s.name)) continue;
    const xml = await text(zip, s.part);
    if (xml === null) continue;
    const doc = parse(xml);
    const data = child(doc.documentElement!, "sheetData");
    if (!data) continue;
    sheets.set(s.name, { name: s.name, part: s.part, doc, data, rows: indexRows(data) });
  }

  const existing: ExistingWorkbook = { sheets: sheetParts.map((s) => s.name), tables: [], names: [], cells: {} };
  for (const t of ourTableParts) {
    const sheet = sheets.get(t.sheet);
    const spec = layoutTables.get(t.name.toLowerCase());
    if (!sheet || !spec) continue;
    const [from = "A1", to = from] = t.ref.split(":");
    const a = parseAddress(from);
    const b = parseAddress(to);
    const root = t.doc.documentElement!;
    const totals = Number(root.getAttribute("totalsRowCount") ?? "0") > 0;
    const headers = t.columns.map((c) => c.getAttribute("name") ?? "");
    const keyHeader = spec.rowKey === undefined ? undefined : spec.columns.find((c) => c.key === spec.rowKey)?.header;
    const keyAt = keyHeader === undefined ? -1 : headers.findIndex((h) => h.normalize("NFC").trim().toLowerCase() === keyHeader.normalize("NFC").trim().toLowerCase());
    const rows: ExistingTable["rows"] = [];
    // A ref may claim far more rows than the sheet holds (a million, from a hostile or broken file): rows past the
    // sheet's last row are empty, so they are not read, and the updated table ends at its last real row.
    let lastReal = a.row;
    for (const n of sheet.rows.keys()) if (n > lastReal) lastReal = n;
    for (let r = a.row + 1; r <= Math.min(b.row - (totals ? 1 : 0), lastReal); r++) {
      const cells: CellState[] = headers.map((_, j) => cellState(getCell(sheet, r, a.col + j)));
      const k = keyAt >= 0 ? cellText(getCell(sheet, r, a.col + keyAt), strings) : null;
      rows.push({ key: k !== null && k.trim() !== "" ? k.trim() : null, cells });
    }
    existing.tables.push({ name: t.name, sheet: t.sheet, anchor: from, headers, rows, totalsRow: totals });
  }
  for (const s of layout.sheets) {
    const live = ourTableParts.find((t) => s.tables.some((x) => x.name.toLowerCase() === t.name.toLowerCase()))?.sheet ?? s.name;
    const sheet = sheets.get(live);
    if (!sheet) continue;
    for (const c of s.cells) if (c.input) existing.cells![`${live}!${c.address}`] = cellState(getCell(sheet, parseAddress(c.address).row, parseAddress(c.address).col));
  }
  const namesEl = child(wb.documentElement!, "definedNames");
  existing.names = (namesEl ? children(namesEl, "definedName") : []).map((n) => ({ name: n.getAttribute("name") ?? "", formula: n.textContent ?? "" }));

  const plan = planUpdate(layout, existing, options);
  const problems = [...plan.problems];
  // Where a table must grow, the cells it takes must be empty, and no other table may be there.
  for (const u of plan.tables) {
    const sheet = sheets.get(u.sheet);
    if (!sheet) continue;
    const a = parseAddress(u.anchor);
    const oldWidth = u.width - u.appended.length;
    for (let r = a.row; r <= a.row + u.rowsAfter; r++) {
      for (let j = 0; j < u.width; j++) {
        const grows = r > a.row + u.rowsBefore || j >= oldWidth;
        if (grows && cellState(getCell(sheet, r, a.col + j)) !== "empty") problems.push(cellInTheWay(u, address(r, a.col + j)));
      }
    }
    const [from = "A1", to = from] = updatedRef(u).split(":");
    const p = parseAddress(from);
    const q = parseAddress(to);
    for (const other of tables) {
      if (other.sheet !== u.sheet || other.name === u.table) continue;
      const [f2 = "A1", t2 = f2] = other.ref.split(":");
      const p2 = parseAddress(f2);
      const q2 = parseAddress(t2);
      if (p2.row <= q.row && q2.row >= p.row && p2.col <= q.col && q2.col >= p.col) problems.push(cellInTheWay(u, f2));
    }
  }
  for (const { sheet: name, spec } of plan.newTables) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    const [from = "A1", to = from] = newTableRef(spec).split(":");
    const p = parseAddress(from);
    const q = parseAddress(to);
    for (let r = p.row; r <= q.row; r++) for (let c = p.col; c <= q.col; c++) if (cellState(getCell(sheet, r, c)) !== "empty") problems.push(tableAreaTaken(name, spec, address(r, c)));
    for (const other of tables.filter((t) => t.sheet === name)) {
      const [f2 = "A1", t2 = f2] = other.ref.split(":");
      const p2 = parseAddress(f2);
      const q2 = parseAddress(t2);
      if (p2.row <= q.row && q2.row >= p.row && p2.col <= q.col && q2.col >= p.col) problems.push(tableAreaTaken(name, spec, f2));
    }
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };

  for (const u of plan.tables) applyTable(u, sheets, tables, strings, styles);
  for (const { sheet: name, cell } of plan.cells) {
    const sheet = sheets.get(name);
    if (!sheet) continue;
    const at = parseAddress(cell.address);
    const c = ensureCell(sheet, at.row, at.col);
    const value = cell.link ? (cell.value === null ? null : typeof cell.value === "object" ? cell.value : String(cell.value)) : cell.value;
    setValue(c, value, strings);
    if (cell.numberFormat) c.setAttribute("s", String(styles.withFormat(Number(c.getAttribute("s") ?? "0"), cell.numberFormat)));
  }
  // Our charts follow the tables they plot (src/core/layout/chartFollow); the caption their title showed moves with them.
  const follows = chartsToFollow(layout, plan);
  for (const s of sheetParts) {
    const sheet = sheets.get(s.name);
    const mine = follows.filter((f) => f.sheet === s.name);
    if (!sheet || mine.length === 0) continue;
    for (const { follow, oldTitleCell } of await followCharts(zip, s.part, mine)) {
      const captionCell = layout.sheets.find((x) => x.charts.includes(follow.chart))?.cells.find((c) => c.address === follow.chart.titleCell);
      const caption = captionCell?.value;
      if (!oldTitleCell || typeof caption !== "object" || caption === null || !("formula" in caption)) continue;
      const at = parseAddress(oldTitleCell);
      const old = getCell(sheet, at.row, at.col);
      // Cleared only while it still holds our caption formula: anything else there is the user's.
      if (old && (child(old, "f")?.textContent ?? "") === stripEq(caption.formula)) clearContent(old);
    }
  }
  // Sheets and tables the workbook lacks are written by our writer and moved in whole (names come with setNames below).
  const target: Target = {
    zip, workbook: wb, rels: wbRelsDoc, relsPath: "xl/_rels/workbook.xml.rels", styles: styles.doc,
    addString: (x) => strings.add(x),
    formatId: (code) => styles.formatId(code),
  };
  if (plan.newSheets.length > 0) await addSheets(target, await writeWorkbook({ sheets: plan.newSheets, names: [] }));
  for (const name of new Set(plan.newTables.map((t) => t.sheet))) {
    const sheet = sheets.get(name);
    const specs = plan.newTables.filter((t) => t.sheet === name).map((t) => t.spec);
    if (!sheet) continue;
    const scratch = await writeWorkbook({ sheets: [{ name: "S", role: "info", tables: specs, cells: [], conditionalFormats: [], charts: [], freeze: { rows: 0, columns: 0 } }], names: [] });
    await importTables(target, scratch, sheet, (ref, cell) => {
      const at = parseAddress(ref);
      const c = ensureCell(sheet, at.row, at.col);
      c.parentNode!.replaceChild(cell, c);
    });
  }
  if ((plan.newSheets.length > 0 || plan.newTables.length > 0) && styles.doc) styles.changed = true;
  setNames(wb, plan);
  // Formulas we write carry no cached result: Excel and LibreOffice compute them on open.
  let calcPr = child(wb.documentElement!, "calcPr");
  if (!calcPr) {
    calcPr = wb.createElementNS(NS, "calcPr");
    const after = child(wb.documentElement!, "definedNames") ?? sheetsEl;
    wb.documentElement!.insertBefore(calcPr, after?.nextSibling ?? null);
  }
  calcPr.setAttribute("fullCalcOnLoad", "1");

  for (const s of sheets.values()) {
    const dim = child(s.doc.documentElement!, "dimension");
    if (dim) s.doc.documentElement!.removeChild(dim);
    for (const row of s.rows.values()) for (const c of children(row, "c")) if (child(c, "f")) for (const v of children(c, "v")) c.removeChild(v);
    zip.file(s.part, serialize(s.doc));
  }
  // Formulas anywhere may depend on cells we changed; a cached result would be stale, and LibreOffice shows
  // cached results of a file it saved without recomputing (fullCalcOnLoad is for Excel). So the user's
  // sheets lose their formulas' cached results, and only those: formulas, values and everything else stay.
  for (const s of sheetParts) {
    if (sheets.has(s.name)) continue;
    const xml = await text(zip, s.part);
    if (xml === null) continue;
    const fresh = withoutCachedResults(xml);
    if (fresh !== xml) zip.file(s.part, fresh);
  }
  for (const t of ourTableParts) zip.file(t.part, serialize(t.doc));
  if (strings.changed && sstPath) zip.file(sstPath, serialize(strings.doc!));
  if (styles.changed && stylesPath) zip.file(stylesPath, serialize(styles.doc!));
  zip.file("xl/workbook.xml", serialize(wb));
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return { ok: true, bytes: out, plan };
}

/** The sheet XML with the cached result of every formula cell removed (text edit: the rest stays byte for byte). */
export function withoutCachedResults(xml: string): string {
  return xml.replace(/(<(?:\w+:)?f\b[^>]*\/>|<\/(?:\w+:)?f>)\s*<((?:\w+:)?v)\b[^>]*>[^<]*<\/\2>/g, "$1").replace(/(<(?:\w+:)?f\b[^>]*\/>|<\/(?:\w+:)?f>)\s*<(?:\w+:)?v\s*\/>/g, "$1");
}

function dedupe(problems: UpdateProblem[]): UpdateProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}|${p.sheet}|${p.cell ?? ""}|${p.vi}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function applyTable(u: UpdatePlan["tables"][number], sheets: Map<string, SheetDoc>, tables: TablePart[], strings: SharedStrings, styles: Styles): void {
  const sheet = sheets.get(u.sheet);
  const part = tables.find((t) => t.name === u.table && t.sheet === u.sheet);
  if (!sheet || !part) return;
  const a = parseAddress(u.anchor);
  const top = a.row + 1;
  // New header cells for the columns the table lacks, styled like the header to their left.
  const oldWidth = u.width - u.appended.length;
  u.appended.forEach((c, i) => {
    const col = a.col + oldWidth + i;
    const h = ensureCell(sheet, a.row, col);
    const s = getCell(sheet, a.row, col - 1)?.getAttribute("s");
    if (s) h.setAttribute("s", s);
    setValue(h, c.header, strings);
  });
  for (const w of u.writes) {
    const row = top + w.row;
    const col = a.col + w.column;
    const existed = getCell(sheet, row, col) !== undefined;
    const c = ensureCell(sheet, row, col);
    if (!existed) {
      const s = styleAbove(sheet, row, col, top);
      if (s) c.setAttribute("s", s);
    }
    setValue(c, w.value, strings);
    if (w.numberFormat !== null && w.value !== null) c.setAttribute("s", String(styles.withFormat(Number(c.getAttribute("s") ?? "0"), w.numberFormat)));
  }
  // Rows the table gains: the user's calculated columns fill them too, as Excel fills a table's new rows.
  const root = part.doc.documentElement!;
  part.columns.forEach((tc, j) => {
    const calc = child(tc, "calculatedColumnFormula")?.textContent;
    if (!calc || u.columnAt.includes(j)) return;
    for (let r = u.rowsBefore; r < u.rowsAfter; r++) {
      const c = ensureCell(sheet, top + r, a.col + j);
      if (cellState(c) !== "empty") continue;
      const s = styleAbove(sheet, top + r, a.col + j, top);
      if (s) c.setAttribute("s", s);
      setValue(c, { formula: calc }, strings);
    }
  });
  const ref = updatedRef(u);
  root.setAttribute("ref", ref);
  const filter = child(root, "autoFilter");
  if (filter) filter.setAttribute("ref", ref);
  const cols = child(root, "tableColumns");
  if (cols && u.appended.length > 0) {
    let id = Math.max(0, ...part.columns.map((c) => Number(c.getAttribute("id") ?? "0")));
    for (const c of u.appended) {
      const tc = part.doc.createElementNS(NS, "tableColumn");
      tc.setAttribute("id", String(++id));
      tc.setAttribute("name", c.header);
      // No calculatedColumnFormula, as the writer (plain exceljs cannot read it): the formula is in every row.
      cols.appendChild(tc);
    }
    cols.setAttribute("count", String(children(cols, "tableColumn").length));
  }
  // Validation and colour rules that covered the table's rows follow its new size.
  const left = a.col;
  const right = a.col + u.width - 1;
  const oldBottom = a.row + Math.max(u.rowsBefore, 1);
  const newBottom = a.row + u.rowsAfter;
  if (oldBottom !== newBottom) {
    const ws = sheet.doc.documentElement!;
    for (const cf of children(ws, "conditionalFormatting")) cf.setAttribute("sqref", followRange(cf.getAttribute("sqref") ?? "", top, left, right, oldBottom, newBottom));
    const dvs = child(ws, "dataValidations");
    for (const dv of dvs ? children(dvs, "dataValidation") : []) dv.setAttribute("sqref", followRange(dv.getAttribute("sqref") ?? "", top, left, right, oldBottom, newBottom));
  }
}

function setNames(wb: Document, plan: UpdatePlan): void {
  if (plan.names.length === 0) return;
  const root = wb.documentElement!;
  let names = child(root, "definedNames");
  if (!names) {
    names = wb.createElementNS(NS, "definedNames");
    const sheetsEl = child(root, "sheets");
    root.insertBefore(names, sheetsEl?.nextSibling ?? null);
  }
  const list = children(names, "definedName");
  for (const n of plan.names) {
    const formula = stripEq(n.formula);
    const found = list.find((x) => (x.getAttribute("name") ?? "").toLowerCase() === n.name.toLowerCase() && !x.hasAttribute("localSheetId"));
    if (found) {
      if (found.textContent !== formula) {
        while (found.firstChild) found.removeChild(found.firstChild);
        found.appendChild(wb.createTextNode(formula));
      }
      continue;
    }
    const el = wb.createElementNS(NS, "definedName");
    el.setAttribute("name", n.name);
    el.appendChild(wb.createTextNode(formula));
    names.appendChild(el);
  }
}
