/**
 * Rebuilds ruled tables from positions: the borders give the row and column
 * lines, a missing border between two slots means a merged cell, and each text
 * item falls in the slot that holds its middle. A cell's wrapped lines become
 * one text; merged cells follow the rule of every reader (text repeated across
 * a horizontal span, kept in the first row of a vertical one).
 */
import { assembleLine } from "./line";
import type { AssembledLine } from "./line";
import type { HSeg, Rules, VSeg } from "./rules";

/** A glyph (or, from pdfjs's text layer, a run of them) in page space (PDF units, y up, baseline y). */
export interface Glyph {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

export interface GridCell {
  text: string;
  /** Columns this cell spans (its text is repeated across them). */
  span: number;
  /** A slot under the first row of a vertically merged cell. */
  continued: boolean;
}

export interface PageGrid {
  top: number;
  bottom: number;
  colXs: number[];
  rows: GridCell[][];
  /** Items that fell inside the grid (the rest is text around the table). */
  used: Set<Glyph>;
  /** Every line of the grid's cells, with the glyph-level repairs made to it. */
  lines: AssembledLine[];
  /** The first row has no top border: it continues a row the previous page cut. */
  openTop?: boolean;
  /** The last row has no bottom border: the page end cut it and the next page continues it. */
  openBottom?: boolean;
}

const TOL = 1.5;

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

/** Groups border segments that touch into separate tables. */
function components(rules: Rules): Rules[] {
  const segs: { box: [number, number, number, number]; h?: HSeg; v?: VSeg }[] = [
    ...rules.h.map((h) => ({ box: [h.x1, h.y, h.x2, h.y] as [number, number, number, number], h })),
    ...rules.v.map((v) => ({ box: [v.x, v.y1, v.x, v.y2] as [number, number, number, number], v })),
  ];
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i]!.box;
      const b = segs[j]!.box;
      if (a[0] - TOL <= b[2] && b[0] - TOL <= a[2] && a[1] - TOL <= b[3] && b[1] - TOL <= a[3]) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Rules>();
  segs.forEach((s, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    if (s.h) g.h.push(s.h);
    if (s.v) g.v.push(s.v);
    groups.set(find(i), g);
  });
  return [...groups.values()];
}

export function findGrids(rules: Rules, glyphs: Glyph[]): PageGrid[] {
  const grids: PageGrid[] = [];
  for (const comp of components(rules)) {
    const ruled = cluster(comp.h.map((h) => h.y)).reverse();
    const ys = withOpenEdges(ruled, comp.v);
    const xs = cluster(comp.v.map((v) => v.x));
    if (ys.length < 2 || xs.length < 2) continue;
    const grid = buildGrid(comp, ys, xs, glyphs);
    // An open row with no text is only the padding of a row the next page starts afresh: nothing continues.
    const hasText = (row: GridCell[] | undefined): boolean => !!row && row.some((c) => c.text !== "");
    grid.openTop = ys[0] !== ruled[0] && hasText(grid.rows[0]);
    grid.openBottom = ys[ys.length - 1] !== ruled[ruled.length - 1] && hasText(grid.rows[grid.rows.length - 1]);
    grids.push(grid);
  }
  return grids.sort((a, b) => b.top - a.top);
}

/**
 * A row broken by the page end may have no border where the page cuts it
 * (Chromium draws none): its column lines then run past the last horizontal
 * line. The ends of those lines close the row, so its text stays in the table.
 * `ys` top to bottom.
 */
function withOpenEdges(ys: number[], v: VSeg[]): number[] {
  if (ys.length === 0 || v.length < 2) return ys;
  const out = [...ys];
  const lowest = Math.min(...v.map((s) => s.y1));
  const highest = Math.max(...v.map((s) => s.y2));
  // At least two column lines must reach that far (a lone stray line is no row).
  const reachLow = v.filter((s) => s.y1 <= lowest + TOL).length;
  const reachHigh = v.filter((s) => s.y2 >= highest - TOL).length;
  if (lowest < out[out.length - 1]! - 2 * TOL && reachLow >= 2) out.push(lowest);
  if (highest > out[0]! + 2 * TOL && reachHigh >= 2) out.unshift(highest);
  return out;
}

function buildGrid(comp: Rules, ys: number[], xs: number[], glyphs: Glyph[]): PageGrid {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const midX = (c: number): number => (xs[c]! + xs[c + 1]!) / 2;
  const midY = (r: number): number => (ys[r]! + ys[r + 1]!) / 2;
  const hasH = (yi: number, c: number): boolean => comp.h.some((h) => Math.abs(h.y - ys[yi]!) <= TOL && h.x1 - TOL <= midX(c) && midX(c) <= h.x2 + TOL);
  const hasV = (xi: number, r: number): boolean => comp.v.some((v) => Math.abs(v.x - xs[xi]!) <= TOL && v.y1 - TOL <= midY(r) && midY(r) <= v.y2 + TOL);
  // Union-find over slots: a missing border joins two slots into one (merged) cell.
  const id = (r: number, c: number): number => r * nc + c;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (r + 1 < nr && !hasH(r + 1, c)) parent[find(id(r + 1, c))] = find(id(r, c));
      if (c + 1 < nc && !hasV(c + 1, r)) parent[find(id(r, c + 1))] = find(id(r, c));
    }
  }
  const boxItems = new Map<number, Glyph[]>();
  const used = new Set<Glyph>();
  for (const g of glyphs) {
    const x = g.x + g.w / 2;
    const y = g.y + g.size * 0.3;
    if (y > ys[0]! || y < ys[nr]! || x < xs[0]! || x > xs[nc]!) continue;
    const r = ys.findIndex((_, i) => i < nr && ys[i]! >= y && y >= ys[i + 1]!);
    const c = xs.findIndex((_, i) => i < nc && xs[i]! <= x && x <= xs[i + 1]!);
    if (r < 0 || c < 0) continue;
    const root = find(id(r, c));
    const items = boxItems.get(root);
    if (items) items.push(g);
    else boxItems.set(root, [g]);
    used.add(g);
  }
  const rows: GridCell[][] = [];
  const cellLines: AssembledLine[] = [];
  for (let r = 0; r < nr; r++) {
    const row: GridCell[] = [];
    for (let c = 0; c < nc; c++) {
      const root = find(id(r, c));
      const topRow = Math.floor(root / nc);
      let span = 0;
      for (let k = 0; k < nc; k++) if (find(id(r, k)) === root) span++;
      const continued = topRow < r;
      row.push({ text: continued ? "" : cellText(boxItems.get(root) ?? [], cellLines), span, continued });
    }
    rows.push(row);
  }
  return { top: ys[0]!, bottom: ys[nr]!, colXs: xs, rows, used, lines: cellLines };
}

export type Line = AssembledLine;

/** Glyphs on one baseline, top to bottom, each line read by position (see ./line.ts). */
export function linesOf(glyphs: Glyph[]): Line[] {
  // By baseline only: a stable sort keeps the drawing order on a line, which tells a repair from the text as drawn.
  return groupLines([...glyphs].sort((a, b) => b.y - a.y));
}

/**
 * Lines in the order the page draws them, which is the order a PDF viewer
 * copies text in: cell by cell for a table without borders, as the seeds show.
 * Items drawn one after the other on the same baseline make one line.
 */
export function streamLines(glyphs: Glyph[]): Line[] {
  return groupLines(glyphs);
}

function groupLines(ordered: Glyph[]): Line[] {
  const lines: Glyph[][] = [];
  for (const g of ordered) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last[0]!.y - g.y) <= Math.max(1, g.size * 0.4)) last.push(g);
    else lines.push([g]);
  }
  return lines.map(assembleLine).filter((l) => l.text !== "");
}

/** A new paragraph starts at a bullet or a task number ("- …", "• …", "1.2. …"); other lines are wrapping. */
export const PARAGRAPH_START = /^([-–•+]\s|\d+(\.\d+)+\.\s)/u;

/**
 * A cell's lines as its text. A line is a new paragraph when it starts with a
 * bullet or a task number, or when the line before ends a sentence (". ; :") or the line opens a
 * parenthesis
 * although the next line's first word would have fitted after it: the writer
 * broke the line on purpose. Other lines are wrapping and join with a space
 * (no space after a word broken at a hyphen: "LĐ-" + "TT&XH").
 */
export function cellText(glyphs: Glyph[], sink?: AssembledLine[]): string {
  const lines = linesOf(glyphs);
  sink?.push(...lines);
  const right = Math.max(...lines.map((l) => l.x2));
  let out = "";
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (!prev) out = line.text;
    else if (PARAGRAPH_START.test(line.text) || endedOnPurpose(prev, line, right)) out += "\n" + line.text;
    else if (/[\p{L}\d]-$/u.test(out)) out += line.text;
    else out += " " + line.text;
  });
  return out;
}

function endedOnPurpose(prev: Line, line: Line, right: number): boolean {
  if (!/[.;:!?…]$/u.test(prev.text) && !line.text.startsWith("(")) return false;
  const word = line.text.split(" ")[0] ?? "";
  const charWidth = (line.x2 - line.x1) / Math.max(1, line.text.length);
  return prev.x2 + charWidth * (word.length + 1) < right - charWidth;
}
