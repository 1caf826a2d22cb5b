/**
 * Gaps in exceljs 4.4.0's XML, patched once at load:
 * - it writes totalsRowShown="1" on tables without a totals row (Excel's own
 *   files say "0"); we write "0";
 * - it labels totals ("Total", "none") on tables that have no totals row; we
 *   write no totals attributes (our tables never have a totals row);
 * - it writes a font's children in its own order (color, family, scheme, sz,
 *   name); CT_Font is a choice so the schema accepts it, but Microsoft's Open
 *   XML SDK validator and Excel's strict readers want Excel's order;
 * - its reader crashes on a table column with a <calculatedColumnFormula>
 *   (Excel's own files have them); we let the reader skip that element.
 * We never write <calculatedColumnFormula> ourselves: unpatched exceljs must
 * read our files (see ../write.ts).
 * Node-only (the adapter is used by the CLI and tests); the browser build
 * writes through Office.js instead.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
interface XmlStream {
  openNode(tag: string, attrs?: Record<string, string | undefined>): void;
  leafNode(tag: string, attrs?: Record<string, string | undefined>, text?: string): void;
  closeNode(): void;
}
interface ColumnModel {
  id: number;
  name: string;
  dxfId?: string;
}
interface XformClass<M> {
  prototype: {
    render(xmlStream: XmlStream, model: M): unknown;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseClose(name: string): boolean;
  };
}
interface FontXformInstance {
  map: Record<string, { prop: string; xform: { render(xmlStream: XmlStream, value: unknown): void } }>;
  options: { tagName: string };
}

/** CT_Font's children in the order Excel writes them (ECMA-376 Part 1, 18.8.22, as Excel serialises it). */
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "rFont", "family", "charset", "scheme"];

let patched = false;

export function patchExceljs(): void {
  if (patched) return;
  patched = true;
  const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform") as XformClass<ColumnModel>;
  TableColumnXform.prototype.render = function render(xmlStream: XmlStream, model: ColumnModel): boolean {
    xmlStream.leafNode("tableColumn", { id: model.id.toString(), name: model.name, dxfId: model.dxfId });
    return true;
  };
  const parseOpen = TableColumnXform.prototype.parseOpen;
  TableColumnXform.prototype.parseOpen = function (node) {
    return node.name === "calculatedColumnFormula" || node.name === "totalsRowFormula" ? true : parseOpen.call(this, node);
  };
  TableColumnXform.prototype.parseClose = function (name) {
    return name === "calculatedColumnFormula" || name === "totalsRowFormula";
  };
  const TableXform = require("exceljs/lib/xlsx/xform/table/table-xform") as XformClass<{ totalsRow?: boolean }>;
  const render = TableXform.prototype.render;
  TableXform.prototype.render = function patchedRender(xmlStream: XmlStream, model: { totalsRow?: boolean }): unknown {
    const own = Object.prototype.hasOwnProperty.call(xmlStream, "openNode");
    const openNode = xmlStream.openNode;
    xmlStream.openNode = function (tag, attrs) {
      const fixed = tag === "table" && attrs && !model.totalsRow ? { ...attrs, totalsRowShown: "0" } : attrs;
      return openNode.call(this, tag, fixed);
    };
    try {
      return render.call(this, xmlStream, model);
    } finally {
      if (own) xmlStream.openNode = openNode;
      else delete (xmlStream as Partial<XmlStream>).openNode;
    }
  };
  const FontXform = require("exceljs/lib/xlsx/xform/style/font-xform") as XformClass<Record<string, unknown>>;
  FontXform.prototype.render = function renderInExcelOrder(this: FontXformInstance, xmlStream: XmlStream, model: Record<string, unknown>): void {
    xmlStream.openNode(this.options.tagName);
    const tags = Object.keys(this.map);
    const rank = (t: string): number => (FONT_ORDER.includes(t) ? FONT_ORDER.indexOf(t) : FONT_ORDER.length);
    for (const tag of [...tags].sort((a, b) => rank(a) - rank(b))) {
      const defn = this.map[tag];
      if (defn) defn.xform.render(xmlStream, model[defn.prop]);
    }
    xmlStream.closeNode();
  };
}
