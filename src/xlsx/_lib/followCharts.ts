/**
 * The .xlsx side of chartFollow (src/core/layout/chartFollow): on a sheet
 * whose table an update resized, finds the chart that plots exactly that
 * table's old cells (every series reference inside them), and gives it the
 * layout's rows, title cell and place. Any other chart, the user's own
 * included, is left byte for byte. Cached points of a moved series are
 * dropped: Excel and LibreOffice draw from the cells on open.
 */
import type JSZip from "jszip";
import type { Document, Element } from "@xmldom/xmldom";
import { parseSheetRange, within } from "../../core/layout/chartFollow";
import type { ChartFollow, SheetRect } from "../../core/layout/chartFollow";
import { columnLetter, parseAddress, quoteSheet } from "../../core/layout/_lib/a1";
import { child, children, descendants, parse, relsOf, resolve, serialize } from "./xml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A chart that was moved: where its title cell was and is now (the caller clears the old caption). */
export interface FollowedChart {
  follow: ChartFollow;
  oldTitleCell: string | null;
}

const absolute = (sheet: string, top: number, left: number, bottom: number, right: number): string =>
  `${quoteSheet(sheet)}!$${columnLetter(left)}$${top}${bottom > top || right > left ? `:$${columnLetter(right)}$${bottom}` : ""}`;

async function doc(zip: JSZip, part: string): Promise<Document | null> {
  const f = zip.file(part);
  return f ? parse(await f.async("string")) : null;
}

function relTargets(rels: Document | null, base: string, type: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!rels) return out;
  for (const r of children(rels.documentElement!, "Relationship")) {
    if ((r.getAttribute("Type") ?? "").endsWith(`/${type}`)) out.set(r.getAttribute("Id") ?? "", resolve(base, r.getAttribute("Target") ?? ""));
  }
  return out;
}

/** The series references of a chart part (names, categories, values), each with its element. */
function seriesRefs(chart: Document): Array<{ f: Element; rect: SheetRect | null }> {
  return descendants(chart.documentElement!, "ser").flatMap((ser) => descendants(ser, "f").map((f) => ({ f, rect: parseSheetRange(f.textContent ?? "") })));
}

/** Rows of a series reference after the table grew or shrank: a range ending on the old last row ends on the new one. */
function followed(rect: SheetRect, before: SheetRect, after: SheetRect): SheetRect {
  if (rect.bottom !== before.bottom || rect.bottom === rect.top) return rect;
  return { ...rect, bottom: Math.max(after.bottom, rect.top) };
}

function setText(el: Element, text: string): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  el.appendChild(el.ownerDocument!.createTextNode(text));
}

/** Moves an anchor's top-left corner to `to` (A1), and its bottom-right corner by as much (a two-cell anchor keeps its size). */
function moveAnchor(anchor: Element, to: string): void {
  const from = child(anchor, "from");
  if (!from) return;
  const target = parseAddress(to);
  const rowEl = child(from, "row");
  const colEl = child(from, "col");
  if (!rowEl || !colEl) return;
  const dRow = target.row - 1 - Number(rowEl.textContent ?? "0");
  const dCol = target.col - 1 - Number(colEl.textContent ?? "0");
  setText(rowEl, String(target.row - 1));
  setText(colEl, String(target.col - 1));
  const end = child(anchor, "to");
  const endRow = end ? child(end, "row") : undefined;
  const endCol = end ? child(end, "col") : undefined;
  if (endRow) setText(endRow, String(Number(endRow.textContent ?? "0") + dRow));
  if (endCol) setText(endCol, String(Number(endCol.textContent ?? "0") + dCol));
}

/**
 * @example
 * const moved = await followCharts(zip, "xl/worksheets/sheet3.xml", chartsToFollow(layout, plan).filter((f) => f.sheet === "Tổng hợp"));
 */
export async function followCharts(zip: JSZip, sheetPart: string, follows: ChartFollow[]): Promise<FollowedChart[]> {
  if (follows.length === 0) return [];
  const moved: FollowedChart[] = [];
  const drawings = relTargets(await doc(zip, relsOf(sheetPart)), sheetPart, "drawing");
  for (const drawingPart of drawings.values()) {
    const drawing = await doc(zip, drawingPart);
    if (!drawing) continue;
    const charts = relTargets(await doc(zip, relsOf(drawingPart)), drawingPart, "chart");
    let drawingChanged = false;
    for (const anchor of [...children(drawing.documentElement!, "twoCellAnchor"), ...children(drawing.documentElement!, "oneCellAnchor")]) {
      const ref = descendants(anchor, "chart")[0];
      const chartPart = ref ? charts.get(ref.getAttributeNS(REL_NS, "id") ?? ref.getAttribute("r:id") ?? "") : undefined;
      const chart = chartPart ? await doc(zip, chartPart) : null;
      if (!chart || !chartPart) continue;
      const refs = seriesRefs(chart);
      // Ours to move only when every series reference lies in the table's old cells: anything else is the user's.
      const follow = follows.find((f) => refs.length > 0 && refs.every((r) => r.rect !== null && within(r.rect, f.before)));
      if (!follow || moved.some((m) => m.follow === follow)) continue;
      const target = parseAddress(follow.chart.anchor);
      const from = child(anchor, "from");
      const placed = from !== undefined && Number(child(from, "row")?.textContent) === target.row - 1 && Number(child(from, "col")?.textContent) === target.col - 1;
      const titleRef = descendants(chart.documentElement!, "title").flatMap((t) => descendants(t, "f"))[0];
      const titleRect = titleRef ? parseSheetRange(titleRef.textContent ?? "") : null;
      const caption = follow.chart.titleCell ? parseAddress(follow.chart.titleCell) : null;
      const titled = !titleRect || !caption || (titleRect.top === caption.row && titleRect.left === caption.col);
      // Nothing to do (the table kept its size and the chart its place): the parts stay byte for byte.
      if (follow.before.bottom === follow.after.bottom && placed && titled) continue;
      for (const { f, rect } of refs) {
        if (!rect) continue;
        const next = followed(rect, follow.before, follow.after);
        if (next.bottom === rect.bottom) continue;
        setText(f, absolute(follow.sheet, next.top, next.left, next.bottom, next.right));
        for (const cache of [...children(f.parentNode as Element, "numCache"), ...children(f.parentNode as Element, "strCache")]) f.parentNode!.removeChild(cache);
      }
      let oldTitleCell: string | null = null;
      if (titleRef && titleRect && caption && !titled) {
        oldTitleCell = `${columnLetter(titleRect.left)}${titleRect.top}`;
        setText(titleRef, absolute(follow.sheet, caption.row, caption.col, caption.row, caption.col));
      }
      if (!placed) moveAnchor(anchor, follow.chart.anchor);
      drawingChanged = true;
      zip.file(chartPart, serialize(chart));
      moved.push({ follow, oldTitleCell });
    }
    if (drawingChanged) zip.file(drawingPart, serialize(drawing));
  }
  return moved;
}
