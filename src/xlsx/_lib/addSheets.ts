/**
 * Adds whole sheets of ours to an existing package during an in-place update:
 * a kind of sheet the workbook lacks (one a later version added, or one the
 * user deleted). The sheets are written by our own writer into a scratch
 * workbook, then moved over: their styles, number formats and conditional
 * formats' formats are appended to the workbook's (existing indexes never
 * change), their strings go to its shared strings, their tables get free part
 * names and ids. Nothing the workbook already holds is renumbered.
 */
import JSZip from "jszip";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Makes an (empty) cell hold `text` inline (`t="inlineStr"`), for text the shared-string table cannot take. */
export function setInlineString(c: Element, text: string): void {
  const doc = c.ownerDocument;
  if (!doc) throw new Error("setInlineString: the cell is not in a document.");
  c.setAttribute("t", "inlineStr");
  const is = doc.createElementNS(NS, "is");
  const t = doc.createElementNS(NS, "t");
  t.setAttribute("xml:space", "preserve");
  t.appendChild(doc.createTextNode(text));
  is.appendChild(t);
  c.appendChild(is);
}
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const SHEET_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, "text/xml");
const serialize = (doc: Document): string => {
  const s = new XMLSerializer().serializeToString(doc);
  return s.startsWith("<?xml") ? s : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`;
};
const kids = (el: Element | undefined, local: string): Element[] => {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  return out;
};
const kid = (el: Element | undefined, local: string): Element | undefined => kids(el, local)[0];

/** The package's shared strings and styles, as the in-place updater holds them. */
export interface Target {
  zip: JSZip;
  workbook: Document;
  rels: Document;
  relsPath: string;
  styles: Document | null;
  addString(s: string): number | null;
  formatId(code: string): number;
}

function textOf(si: Element): string {
  const t = kid(si, "t");
  if (t) return t.textContent ?? "";
  return kids(si, "r").map((r) => kid(r, "t")?.textContent ?? "").join("");
}

/** Appends `items` to the list `local` of the target's styles, reusing equal entries; returns old index → new index. */
function mergeList(target: Element, source: Element | undefined, local: string, item: string): number[] {
  let list = kid(target, local);
  const items = kids(source, item);
  if (items.length === 0) return [];
  if (!list) {
    list = target.ownerDocument!.createElementNS(NS, local);
    target.appendChild(list);
  }
  const existing = kids(list, item).map((e) => new XMLSerializer().serializeToString(e));
  return items.map((e) => {
    const xml = new XMLSerializer().serializeToString(e);
    const at = existing.indexOf(xml);
    if (at >= 0) return at;
    list!.appendChild(list!.ownerDocument!.importNode(e, true));
    existing.push(xml);
    list!.setAttribute("count", String(existing.length));
    return existing.length - 1;
  });
}

/** Style maps of the scratch workbook onto the target: cell formats and differential (conditional) formats. */
function mergeStyles(target: Target, scratch: Document): { xf: number[]; dxf: number[] } {
  const root = target.styles?.documentElement;
  const src = scratch.documentElement!;
  if (!root) return { xf: [], dxf: [] };
  const fmtCode = new Map(kids(kid(src, "numFmts"), "numFmt").map((n) => [Number(n.getAttribute("numFmtId")), n.getAttribute("formatCode") ?? "General"]));
  const fonts = mergeList(root, kid(src, "fonts"), "fonts", "font");
  const fills = mergeList(root, kid(src, "fills"), "fills", "fill");
  const borders = mergeList(root, kid(src, "borders"), "borders", "border");
  const xfs = kid(root, "cellXfs");
  const xf = kids(kid(src, "cellXfs"), "xf").map((x) => {
    if (!xfs) return 0;
    const copy = root.ownerDocument!.importNode(x, true) as Element;
    const remap = (attr: string, map: number[]) => {
      const v = copy.getAttribute(attr);
      if (v !== null) copy.setAttribute(attr, String(map[Number(v)] ?? 0));
    };
    remap("fontId", fonts);
    remap("fillId", fills);
    remap("borderId", borders);
    const id = Number(copy.getAttribute("numFmtId") ?? "0");
    if (id >= 164) copy.setAttribute("numFmtId", String(target.formatId(fmtCode.get(id) ?? "General")));
    copy.removeAttribute("xfId");
    xfs.appendChild(copy);
    const n = kids(xfs, "xf").length;
    xfs.setAttribute("count", String(n));
    return n - 1;
  });
  const dxf = mergeList(root, kid(src, "dxfs"), "dxfs", "dxf");
  return { xf, dxf };
}

function freeName(zip: JSZip, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!zip.file(pattern(n))) return pattern(n);
}

/**
 * Moves every sheet of `scratchBytes` (written by writeWorkbook) into the target package, after its sheets.
 * Returns the names added.
 */
export async function addSheets(target: Target, scratchBytes: Uint8Array): Promise<string[]> {
  const scratch = await JSZip.loadAsync(scratchBytes);
  const read = async (p: string): Promise<string | null> => (scratch.file(p) ? scratch.file(p)!.async("string") : null);
  const sWorkbook = parse((await read("xl/workbook.xml")) ?? "");
  const sRels = parse((await read("xl/_rels/workbook.xml.rels")) ?? "");
  const sStrings = (await read("xl/sharedStrings.xml")) ?? null;
  const strings = sStrings ? kids(parse(sStrings).documentElement!, "si").map(textOf) : [];
  const styles = mergeStyles(target, parse((await read("xl/styles.xml")) ?? "<styleSheet/>"));

  const ct = parse((await target.zip.file("[Content_Types].xml")?.async("string")) ?? "");
  const override = (part: string, type: string) => {
    // A part name can be listed once: a stale entry (its part deleted by another tool) is replaced.
    for (const old of kids(ct.documentElement!, "Override")) if (old.getAttribute("PartName") === `/${part}`) ct.documentElement!.removeChild(old);
    const o = ct.createElementNS(CT_NS, "Override");
    o.setAttribute("PartName", `/${part}`);
    o.setAttribute("ContentType", type);
    ct.documentElement!.appendChild(o);
  };
  const wbRoot = target.workbook.documentElement!;
  const sheetsEl = kid(wbRoot, "sheets")!;
  let sheetId = Math.max(0, ...kids(sheetsEl, "sheet").map((s) => Number(s.getAttribute("sheetId") ?? "0")));
  const relIds = new Set(kids(target.rels.documentElement!, "Relationship").map((r) => r.getAttribute("Id") ?? ""));
  let tableId = 0;
  for (const p of Object.keys(target.zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f))) {
    const m = /\bid="(\d+)"/.exec((await target.zip.file(p)?.async("string")) ?? "");
    tableId = Math.max(tableId, Number(m?.[1] ?? 0));
  }

  const added: string[] = [];
  // The scratch workbook's print area and titles (sheet-local defined names), carried with their sheets.
  const sNames = kids(kid(sWorkbook.documentElement!, "definedNames"), "definedName").filter((d) => /^_xlnm\.Print_(Area|Titles)$/.test(d.getAttribute("name") ?? ""));
  const sSheets = kids(kid(sWorkbook.documentElement!, "sheets"), "sheet");
  const sTargets = new Map(kids(sRels.documentElement!, "Relationship").map((r) => [r.getAttribute("Id") ?? "", r.getAttribute("Target") ?? ""]));
  for (const s of kids(kid(sWorkbook.documentElement!, "sheets"), "sheet")) {
    const name = s.getAttribute("name") ?? "";
    const from = `xl/${sTargets.get(s.getAttributeNS(REL_NS, "id") ?? s.getAttribute("r:id") ?? "") ?? ""}`;
    const doc = parse((await read(from)) ?? "");
    const ws = doc.documentElement!;
    // Cells: styles onto the target's, shared strings into the target's.
    for (const row of kids(kid(ws, "sheetData"), "row")) {
      const rs = row.getAttribute("s");
      if (rs !== null) row.setAttribute("s", String(styles.xf[Number(rs)] ?? 0));
      for (const c of kids(row, "c")) {
        const cs = c.getAttribute("s");
        if (cs !== null) c.setAttribute("s", String(styles.xf[Number(cs)] ?? 0));
        if (c.getAttribute("t") === "s") {
          const v = kid(c, "v");
          const text = strings[Number(v?.textContent ?? "-1")] ?? "";
          const at = target.addString(text);
          if (v && at !== null) v.textContent = String(at);
          else if (v) {
            c.removeChild(v);
            setInlineString(c, text);
          }
        }
      }
    }
    for (const col of kids(kid(ws, "cols"), "col")) {
      const cs = col.getAttribute("style");
      if (cs !== null) col.setAttribute("style", String(styles.xf[Number(cs)] ?? 0));
    }
    for (const cf of kids(ws, "conditionalFormatting")) {
      for (const rule of kids(cf, "cfRule")) {
        const d = rule.getAttribute("dxfId");
        if (d !== null) rule.setAttribute("dxfId", String(styles.dxf[Number(d)] ?? 0));
      }
    }
    const part = freeName(target.zip, (n) => `xl/worksheets/sheet${n}.xml`);
    // The sheet's own relationships: its tables get free names and ids.
    const relsXml = await read(from.replace(/([^/]+)$/, "_rels/$1.rels"));
    if (relsXml) {
      const rels = parse(relsXml);
      for (const rel of kids(rels.documentElement!, "Relationship")) {
        if (!(rel.getAttribute("Type") ?? "").endsWith("/table")) continue;
        const src = `xl/${(rel.getAttribute("Target") ?? "").replace(/^\.\.\//, "")}`;
        const tdoc = parse((await read(src)) ?? "");
        tdoc.documentElement!.setAttribute("id", String(++tableId));
        const tpart = freeName(target.zip, (n) => `xl/tables/table${n}.xml`);
        target.zip.file(tpart, serialize(tdoc));
        override(tpart, "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
        rel.setAttribute("Target", `../tables/${tpart.slice("xl/tables/".length)}`);
      }
      target.zip.file(part.replace(/([^/]+)$/, "_rels/$1.rels"), serialize(rels));
    }
    target.zip.file(part, serialize(doc));
    override(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    let rid = 1;
    while (relIds.has(`rId${rid}`)) rid++;
    relIds.add(`rId${rid}`);
    const rel = target.rels.createElementNS(PKG_NS, "Relationship");
    rel.setAttribute("Id", `rId${rid}`);
    rel.setAttribute("Type", SHEET_TYPE);
    rel.setAttribute("Target", part.slice("xl/".length));
    target.rels.documentElement!.appendChild(rel);
    const sheet = target.workbook.createElementNS(NS, "sheet");
    sheet.setAttribute("name", name);
    sheet.setAttribute("sheetId", String(++sheetId));
    const state = s.getAttribute("state");
    if (state) sheet.setAttribute("state", state);
    sheet.setAttributeNS(REL_NS, "r:id", `rId${rid}`);
    sheetsEl.appendChild(sheet);
    added.push(name);
    const localId = String(kids(sheetsEl, "sheet").length - 1);
    for (const d of sNames.filter((x) => x.getAttribute("localSheetId") === String(sSheets.indexOf(s)))) {
      let names = kid(wbRoot, "definedNames");
      if (!names) {
        names = target.workbook.createElementNS(NS, "definedNames");
        // definedNames follows sheets in the schema's order.
        wbRoot.insertBefore(names, sheetsEl.nextSibling);
      }
      const copy = target.workbook.createElementNS(NS, "definedName");
      copy.setAttribute("name", d.getAttribute("name") ?? "");
      copy.setAttribute("localSheetId", localId);
      copy.textContent = d.textContent;
      names.appendChild(copy);
    }
  }
  target.zip.file("[Content_Types].xml", serialize(ct));
  target.zip.file(target.relsPath, serialize(target.rels));
  return added;
}

/**
 * Moves the tables of the first sheet of `scratchBytes` (written by writeWorkbook from a sheet that holds
 * only those tables) into an existing sheet of ours: their cells (styles and strings mapped onto the
 * workbook's), their table parts, and the sheet's links to them. `place` puts one cell element into the
 * sheet at its address.
 */
export async function importTables(
  target: Target,
  scratchBytes: Uint8Array,
  into: { doc: Document; part: string },
  place: (ref: string, cell: Element) => void,
): Promise<void> {
  const scratch = await JSZip.loadAsync(scratchBytes);
  const read = async (p: string): Promise<string | null> => (scratch.file(p) ? scratch.file(p)!.async("string") : null);
  const sStrings = await read("xl/sharedStrings.xml");
  const strings = sStrings ? kids(parse(sStrings).documentElement!, "si").map(textOf) : [];
  const styles = mergeStyles(target, parse((await read("xl/styles.xml")) ?? "<styleSheet/>"));
  const from = "xl/worksheets/sheet1.xml";
  const doc = parse((await read(from)) ?? "");
  for (const row of kids(kid(doc.documentElement!, "sheetData"), "row")) {
    for (const c of kids(row, "c")) {
      const cs = c.getAttribute("s");
      if (cs !== null) c.setAttribute("s", String(styles.xf[Number(cs)] ?? 0));
      if (c.getAttribute("t") === "s") {
        const v = kid(c, "v");
        const at = target.addString(strings[Number(v?.textContent ?? "-1")] ?? "");
        if (v && at !== null) v.textContent = String(at);
      }
      place(c.getAttribute("r") ?? "", into.doc.importNode(c, true) as Element);
    }
  }
  const relsPath = into.part.replace(/([^/]+)$/, "_rels/$1.rels");
  const relsXml = await target.zip.file(relsPath)?.async("string");
  const rels = parse(relsXml ?? `<Relationships xmlns="${PKG_NS}"/>`);
  const ids = new Set(kids(rels.documentElement!, "Relationship").map((r) => r.getAttribute("Id") ?? ""));
  const ct = parse((await target.zip.file("[Content_Types].xml")?.async("string")) ?? "");
  let tableId = 0;
  for (const p of Object.keys(target.zip.files).filter((f) => /^xl\/tables\/[^/]+\.xml$/.test(f))) {
    tableId = Math.max(tableId, Number(/\bid="(\d+)"/.exec((await target.zip.file(p)?.async("string")) ?? "")?.[1] ?? 0));
  }
  const ws = into.doc.documentElement!;
  let parts = kid(ws, "tableParts");
  if (!parts) {
    parts = into.doc.createElementNS(NS, "tableParts");
    // tableParts comes last but for extLst (CT_Worksheet's order).
    ws.insertBefore(parts, kid(ws, "extLst") ?? null);
  }
  const sRels = await read(from.replace(/([^/]+)$/, "_rels/$1.rels"));
  for (const rel of sRels ? kids(parse(sRels).documentElement!, "Relationship") : []) {
    if (!(rel.getAttribute("Type") ?? "").endsWith("/table")) continue;
    const tdoc = parse((await read(`xl/${(rel.getAttribute("Target") ?? "").replace(/^\.\.\//, "")}`)) ?? "");
    tdoc.documentElement!.setAttribute("id", String(++tableId));
    const tpart = freeName(target.zip, (n) => `xl/tables/table${n}.xml`);
    target.zip.file(tpart, serialize(tdoc));
    const o = ct.createElementNS(CT_NS, "Override");
    o.setAttribute("PartName", `/${tpart}`);
    o.setAttribute("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml");
    ct.documentElement!.appendChild(o);
    let rid = 1;
    while (ids.has(`rId${rid}`)) rid++;
    ids.add(`rId${rid}`);
    const r = rels.createElementNS(PKG_NS, "Relationship");
    r.setAttribute("Id", `rId${rid}`);
    r.setAttribute("Type", rel.getAttribute("Type") ?? "");
    r.setAttribute("Target", `../tables/${tpart.slice("xl/tables/".length)}`);
    rels.documentElement!.appendChild(r);
    const tp = into.doc.createElementNS(NS, "tablePart");
    tp.setAttributeNS(REL_NS, "r:id", `rId${rid}`);
    parts.appendChild(tp);
  }
  parts.setAttribute("count", String(kids(parts, "tablePart").length));
  target.zip.file(relsPath, serialize(rels));
  target.zip.file("[Content_Types].xml", serialize(ct));
}
