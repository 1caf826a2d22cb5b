/**
 * A table's grid from a straightened page image: ruled lines found as long
 * runs of dark pixels, clustered into rule positions, then the lattice of
 * elementary cells joined wherever the rule between two of them is missing
 * (merged cells, the header's "Mục tiêu 2025" over two columns). A table whose
 * columns are not ruled gets its columns from alignment instead: the vertical
 * strips of paper that no row's ink crosses. Pure.
 */
import type { Gray, Rect } from "./raster";

export interface GridCell extends Rect {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface TableGrid {
  /** Rule positions (pixels) left to right and top to bottom; cells lie between neighbours. */
  xs: number[];
  ys: number[];
  cells: GridCell[];
  bbox: Rect;
  /** True when the columns came from alignment, not from ruled lines. */
  columnsFromAlignment: boolean;
}

interface Rule {
  /** Position across the rule (y of a horizontal rule, x of a vertical one). */
  at: number;
  from: number;
  to: number;
  /** Covered pixels along the rule, by position along it. */
  cover: Uint8Array;
}

/** Runs of 1s at least `min` long (gaps up to `gap` bridged), per line of the mask, painted into an output mask. */
function longRuns(m: Uint8Array, w: number, h: number, horizontal: boolean, min: number, gap: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const lines = horizontal ? h : w;
  const len = horizontal ? w : h;
  const idx = horizontal ? (line: number, i: number) => line * w + i : (line: number, i: number) => i * w + line;
  for (let line = 0; line < lines; line++) {
    let start = -1;
    let last = -1;
    const flush = (): void => {
      if (start >= 0 && last - start + 1 >= min) for (let i = start; i <= last; i++) out[idx(line, i)] = 1;
    };
    for (let i = 0; i < len; i++) {
      if (m[idx(line, i)]) {
        if (start < 0 || i - last > gap + 1) {
          flush();
          start = i;
        }
        last = i;
      }
    }
    flush();
  }
  return out;
}

/** Bands of neighbouring lines holding long runs → one rule each, with the union of their coverage. */
function rulesOf(runs: Uint8Array, w: number, h: number, horizontal: boolean, minLength: number): Rule[] {
  const lines = horizontal ? h : w;
  const len = horizontal ? w : h;
  const idx = horizontal ? (line: number, i: number) => line * w + i : (line: number, i: number) => i * w + line;
  const rules: Rule[] = [];
  let band: { first: number; last: number; cover: Uint8Array } | null = null;
  const close = (): void => {
    if (!band) return;
    let from = -1;
    let to = -1;
    let count = 0;
    for (let i = 0; i < len; i++) if (band.cover[i]) {
      if (from < 0) from = i;
      to = i;
      count++;
    }
    // Thick bands are solid blocks (a stamp, a photo), not rules.
    if (count >= minLength && band.last - band.first <= 12) rules.push({ at: (band.first + band.last) / 2, from, to, cover: band.cover });
    band = null;
  };
  for (let line = 0; line < lines; line++) {
    let any = false;
    for (let i = 0; i < len; i++) if (runs[idx(line, i)]) {
      any = true;
      break;
    }
    if (!any) {
      close();
      continue;
    }
    if (band && line - band.last > 2) close();
    band ??= { first: line, last: line, cover: new Uint8Array(len) };
    band.last = line;
    for (let i = 0; i < len; i++) if (runs[idx(line, i)]) band.cover[i] = 1;
  }
  close();
  return rules;
}

/** Share of [from, to] a rule covers. */
function coverage(rule: Rule, from: number, to: number): number {
  const a = Math.max(0, Math.round(from));
  const b = Math.min(rule.cover.length - 1, Math.round(to));
  if (b <= a) return 0;
  let n = 0;
  for (let i = a; i <= b; i++) if (rule.cover[i]) n++;
  return n / (b - a + 1);
}

/**
 * The ruled tables on a straightened page, top to bottom.
 *
 * @example
 * const grids = findTables(img, levels(img).rule, 200);
 * grids[0]?.cells.length; // 8 columns × 8 rows, the header's merged cell counted once
 */
export function findTables(img: Gray, threshold: number, dpi: number): TableGrid[] {
  const { width: w, height: h, data } = img;
  const m = new Uint8Array(w * h);
  for (let i = 0; i < m.length; i++) m[i] = data[i]! < threshold ? 1 : 0;
  // A rule runs on across cells; no stroke or word of 9–14 pt print is nearly an inch of unbroken ink.
  const minRun = Math.max(60, Math.round(dpi * 0.9));
  const hRules = rulesOf(longRuns(m, w, h, true, minRun, 3), w, h, true, minRun);
  const vRules = rulesOf(longRuns(m, w, h, false, minRun, 3), w, h, false, minRun);
  const tables: TableGrid[] = [];
  // Group the horizontal rules into tables: two rules belong together when vertical rules join them, or (no verticals) when they are close and alike.
  const sorted = [...hRules].sort((a, b) => a.at - b.at);
  let group: Rule[] = [];
  const flush = (): void => {
    if (group.length >= 2) {
      const t = tableFrom(group, vRules, m, w, dpi);
      if (t) tables.push(t);
    }
    group = [];
  };
  for (const r of sorted) {
    const prev = group[group.length - 1];
    if (prev && !joined(prev, r, vRules, dpi)) flush();
    group.push(r);
  }
  flush();
  return tables;
}

function joined(a: Rule, b: Rule, vRules: Rule[], dpi: number): boolean {
  const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
  if (overlap <= 0) return false;
  const crossing = vRules.filter((v) => v.at >= Math.max(a.from, b.from) - 6 && v.at <= Math.min(a.to, b.to) + 6 && coverage(v, a.at, b.at) > 0.8);
  if (crossing.length >= 2) return true;
  // Rules only (no vertical lines): rows of one table are at most a few inches apart.
  return vRules.length === 0 && b.at - a.at < dpi * 3 && Math.abs(a.from - b.from) < dpi * 0.2;
}

function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tolerance) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

function tableFrom(group: Rule[], vRules: Rule[], m: Uint8Array, w: number, dpi: number): TableGrid | null {
  const top = group[0]!.at;
  const bottom = group[group.length - 1]!.at;
  const left = Math.min(...group.map((r) => r.from));
  const right = Math.max(...group.map((r) => r.to));
  const tol = Math.max(4, dpi * 0.03);
  // Rules the table's full height would hold: the outer frame and its column rules.
  const inside = vRules.filter((v) => v.at >= left - tol && v.at <= right + tol && v.to >= top - tol && v.from <= bottom + tol && coverage(v, top, bottom) > 0.1);
  const ys = cluster(group.map((r) => r.at), tol);
  let xs = cluster(inside.map((v) => v.at), tol);
  let columnsFromAlignment = false;
  if (xs.length < 3) {
    xs = alignmentColumns(m, w, left, right, ys, dpi);
    columnsFromAlignment = true;
  }
  if (xs.length < 3 || ys.length < 2) return null;
  const nx = xs.length - 1;
  const ny = ys.length - 1;
  // Union-find over elementary cells: join across a missing rule segment.
  const parent = Array.from({ length: nx * ny }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number): void => {
    parent[find(a)] = find(b);
  };
  const hAt = (y: number): Rule[] => group.filter((r) => Math.abs(r.at - y) <= tol);
  const vAt = (x: number): Rule[] => inside.filter((r) => Math.abs(r.at - x) <= tol);
  const present = (rules: Rule[], from: number, to: number): boolean => rules.some((r) => coverage(r, from + (to - from) * 0.2, to - (to - from) * 0.2) > 0.6);
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      if (c + 1 < nx && !columnsFromAlignment && !present(vAt(xs[c + 1]!), ys[r]!, ys[r + 1]!)) union(r * nx + c, r * nx + c + 1);
      if (r + 1 < ny && !present(hAt(ys[r + 1]!), xs[c]!, xs[c + 1]!)) union(r * nx + c, (r + 1) * nx + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < ny; r++) for (let c = 0; c < nx; c++) {
    const root = find(r * nx + c);
    const s = spans.get(root);
    if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c });
    else {
      s.r0 = Math.min(s.r0, r);
      s.r1 = Math.max(s.r1, r);
      s.c0 = Math.min(s.c0, c);
      s.c1 = Math.max(s.c1, c);
    }
  }
  const cells: GridCell[] = [...spans.values()]
    .map((s) => ({ row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1, x: xs[s.c0]!, y: ys[s.r0]!, w: xs[s.c1 + 1]! - xs[s.c0]!, h: ys[s.r1 + 1]! - ys[s.r0]! }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells, bbox: { x: xs[0]!, y: ys[0]!, w: xs[nx]! - xs[0]!, h: ys[ny]! - ys[0]! }, columnsFromAlignment };
}

/**
 * Column edges of a table drawn without vertical rules: the table's sides and
 * the middle of every strip at least a tenth of an inch wide that no ink
 * crosses between its top and bottom rules.
 */
function alignmentColumns(m: Uint8Array, w: number, left: number, right: number, ys: number[], dpi: number): number[] {
  const ink = new Uint32Array(w);
  const band = Math.max(4, Math.round(dpi * 0.02));
  // Between the rules only: the rules themselves cross every column.
  for (let r = 0; r + 1 < ys.length; r++) {
    for (let y = Math.ceil(ys[r]!) + band; y < Math.floor(ys[r + 1]!) - band; y++) for (let x = left; x <= right; x++) ink[x]! += m[y * w + x]!;
  }
  const edges = [left];
  const minGap = Math.max(6, dpi * 0.1);
  let start = -1;
  for (let x = left + 2; x <= right - 2; x++) {
    if (ink[x] === 0) {
      if (start < 0) start = x;
    } else {
      if (start >= 0 && x - start >= minGap && start > left + minGap) edges.push((start + x) / 2);
      start = -1;
    }
  }
  edges.push(right);
  return edges;
}
