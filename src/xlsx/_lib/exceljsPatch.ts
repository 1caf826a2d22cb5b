/**
 * Two gaps in exceljs 4.4.0's table XML, patched once at load:
 * - it writes totalsRowShown="1" on tables without a totals row (Excel's own
 *   files say "0"); we write "0";
 * - it cannot write a column's calculatedColumnFormula, so rows an official
 *   adds to the table would not get the status formula; we add it from the
 *   column model's `calculatedColumnFormula` (our own field), and let the
 *   reader skip that element (unpatched, exceljs crashes reading any table
 *   with a calculated column, Excel's own files included);
 * - it labels totals ("Total", "none") on tables that have no totals row; we
 *   write no totals attributes (our tables never have a totals row).
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
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}
interface XformClass<M> {
  prototype: {
    render(xmlStream: XmlStream, model: M): unknown;
    parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
    parseClose(name: string): boolean;
  };
}

let patched = false;

export function patchExceljs(): void {
  if (patched) return;
  patched = true;
  const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform") as XformClass<ColumnModel>;
  TableColumnXform.prototype.render = function render(xmlStream: XmlStream, model: ColumnModel): boolean {
    const attrs = { id: model.id.toString(), name: model.name, dxfId: model.dxfId };
    if (model.calculatedColumnFormula) {
      xmlStream.openNode("tableColumn", attrs);
      xmlStream.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
      xmlStream.closeNode();
    } else {
      xmlStream.leafNode("tableColumn", attrs);
    }
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
}
