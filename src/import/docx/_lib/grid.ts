/**
 * A Word table as a grid of slots: horizontal spans repeated, vertical-merge
 * continuations marked and left empty (see ../index.ts for why).
 */
import { tidyLine } from "../../_lib/types";
import { attrVal, childElements, firstChild, localName, paragraphText, walkElements } from "./text";
import type { XmlElement as Element } from "./xml";

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

/** Word allows 63 columns; a wider span or padding is a damaged or hostile file. */
export const MAX_GRID_COLUMNS = 63;
/** Slots (rows × columns) one table may hold: 100,000 rows of 20 columns, far above any appendix. */
export const MAX_GRID_SLOTS = 2_000_000;

/** A table beyond the bounds above, with where it was found (1-based row). */
export class GridBoundError extends Error {
  constructor(readonly what: "columns" | "slots", readonly row: number, readonly count: number) {
    super(`${what} ${count} at row ${row}`);
  }
}

export function readGrid(tbl: Element): GridRow[] {
  const rows: GridRow[] = [];
  let slots = 0;
  let width = 0;
  for (const tr of childElements(tbl, "tr")) {
    const row = readRow(tr, rows.length + 1);
    rows.push(row);
    width = Math.max(width, row.cells.length);
    slots += row.cells.length;
    if (slots > MAX_GRID_SLOTS || rows.length * width > MAX_GRID_SLOTS) throw new GridBoundError("slots", rows.length, Math.max(slots, rows.length * width));
  }
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: "", span: 1, continued: false });
  return rows;
}

/** A count attribute (gridSpan, gridBefore, gridAfter) checked against Word's column limit. */
function columnsOf(el: Element | undefined, fallback: number, row: number): number {
  const n = Number(attrVal(el) ?? fallback) || fallback;
  if (n > MAX_GRID_COLUMNS) throw new GridBoundError("columns", row, n);
  return Math.max(fallback === 1 ? 1 : 0, Math.floor(n));
}

function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = attrVal(el);
  return v === null || !["0", "false", "off"].includes(v);
}

function readRow(tr: Element, rowNumber: number): GridRow {
  const trPr = firstChild(tr, "trPr");
  const cells: GridCell[] = [];
  const pad = (n: number): void => {
    for (let i = 0; i < n; i++) cells.push({ text: "", span: 1, continued: false });
  };
  pad(columnsOf(trPr && firstChild(trPr, "gridBefore"), 0, rowNumber));
  for (const tc of cellsOf(tr)) {
    const tcPr = firstChild(tc, "tcPr");
    const span = columnsOf(tcPr && firstChild(tcPr, "gridSpan"), 1, rowNumber);
    if (cells.length + span > MAX_GRID_COLUMNS * 2) throw new GridBoundError("columns", rowNumber, cells.length + span);
    const vMerge = tcPr && firstChild(tcPr, "vMerge");
    const continued = !!vMerge && attrVal(vMerge) !== "restart";
    const text = continued ? "" : cellText(tc);
    for (let i = 0; i < span; i++) cells.push({ text, span, continued });
  }
  pad(columnsOf(trPr && firstChild(trPr, "gridAfter"), 0, rowNumber));
  return { cells, repeatHeader: isOn(trPr && firstChild(trPr, "tblHeader")) };
}

/** Cells of a row, looking through content controls and custom XML wrappers. */
function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  walkElements(tr, (el) => {
    const name = localName(el);
    if (name === "tc") out.push(el);
    return name === "sdt" || name === "sdtContent" || name === "customXml";
  });
  return out;
}

/** A cell's paragraphs (those of nested tables too, in order), empty ones dropped, joined with "\n". */
function cellText(tc: Element): string {
  const lines: string[] = [];
  walkElements(tc, (c) => {
    const name = localName(c);
    if (name === "p") {
      for (const line of paragraphText(c).split("\n")) {
        const t = tidyLine(line);
        if (t) lines.push(t);
      }
      return false;
    }
    return name === "tbl" || name === "tr" || name === "tc" || name === "sdt" || name === "sdtContent" || name === "customXml";
  });
  return lines.join("\n");
}
