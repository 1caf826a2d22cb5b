/**
 * A Word table as a grid of slots: horizontal spans repeated, vertical-merge
 * continuations marked and left empty (see ../index.ts for why).
 */
import type { Element } from "@xmldom/xmldom";
import { tidyLine } from "../../_lib/types";
import { attrVal, childElements, firstChild, localName, paragraphText } from "./text";

export interface GridCell {
  text: string;
  /** The w:gridSpan of the cell this slot belongs to. */
  span: number;
  /** A vertical-merge continuation: the text is in the row above. */
  continued: boolean;
}

export interface GridRow {
  cells: GridCell[];
  /** w:tblHeader: the row repeats at the top of every page. */
  repeatHeader: boolean;
}

export function readGrid(tbl: Element): GridRow[] {
  const rows = childElements(tbl, "tr").map(readRow);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: "", span: 1, continued: false });
  return rows;
}

function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = attrVal(el);
  return v === null || !["0", "false", "off"].includes(v);
}

function readRow(tr: Element): GridRow {
  const trPr = firstChild(tr, "trPr");
  const cells: GridCell[] = [];
  const pad = (n: number): void => {
    for (let i = 0; i < n; i++) cells.push({ text: "", span: 1, continued: false });
  };
  pad(Number(attrVal(trPr && firstChild(trPr, "gridBefore")) ?? 0) || 0);
  for (const tc of cellsOf(tr)) {
    const tcPr = firstChild(tc, "tcPr");
    const span = Math.max(1, Number(attrVal(tcPr && firstChild(tcPr, "gridSpan")) ?? 1) || 1);
    const vMerge = tcPr && firstChild(tcPr, "vMerge");
    const continued = !!vMerge && attrVal(vMerge) !== "restart";
    const text = continued ? "" : cellText(tc);
    for (let i = 0; i < span; i++) cells.push({ text, span, continued });
  }
  pad(Number(attrVal(trPr && firstChild(trPr, "gridAfter")) ?? 0) || 0);
  return { cells, repeatHeader: isOn(trPr && firstChild(trPr, "tblHeader")) };
}

/** Cells of a row, looking through content controls and custom XML wrappers. */
function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const el of childElements(tr)) {
    const name = localName(el);
    if (name === "tc") out.push(el);
    else if (name === "sdt") {
      const content = firstChild(el, "sdtContent");
      if (content) out.push(...cellsOf(content));
    } else if (name === "customXml") out.push(...cellsOf(el));
  }
  return out;
}

/** A cell's paragraphs (those of nested tables too, in order), empty ones dropped, joined with "\n". */
function cellText(tc: Element): string {
  const lines: string[] = [];
  const walk = (el: Element): void => {
    for (const c of childElements(el)) {
      const name = localName(c);
      if (name === "p") {
        for (const line of paragraphText(c).split("\n")) {
          const t = tidyLine(line);
          if (t) lines.push(t);
        }
      } else if (name === "tbl" || name === "tr" || name === "tc" || name === "sdt" || name === "sdtContent" || name === "customXml") walk(c);
    }
  };
  walk(tc);
  return lines.join("\n");
}
