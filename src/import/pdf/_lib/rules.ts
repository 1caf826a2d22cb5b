/**
 * Table borders from a page's drawing operators: horizontal and vertical
 * segments in page space (PDF units, y up). Strokes and thin filled rectangles
 * both count, since writers draw borders either way.
 */

export interface HSeg { y: number; x1: number; x2: number }
export interface VSeg { x: number; y1: number; y2: number }
export interface Rules { h: HSeg[]; v: VSeg[] }

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** A border is at most this thick (points); thicker filled boxes are shading, whose edges still bound cells. */
const THIN = 2.5;

const PAINT_OPS = ["stroke", "closeStroke", "fill", "eoFill", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"];

/** `OPS` is pdfjs's operator table (`pdfjs.OPS`), passed in so this module stays free of the library. */
export function extractRules(fnArray: number[], argsArray: unknown[], OPS: Record<string, number>): Rules {
  const PAINT = new Set(PAINT_OPS.map((k) => OPS[k]));
  const rules: Rules = { h: [], v: [] };
  // Segments of the current path: kept when it is painted, dropped when it only clips (endPath).
  let pending: Rules = { h: [], v: [] };
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  const line = (ax: number, ay: number, bx: number, by: number): void => {
    const [x1, y1] = apply(ctm, ax, ay);
    const [x2, y2] = apply(ctm, bx, by);
    if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) >= 1) pending.h.push({ y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) >= 1) pending.v.push({ x: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  };
  const rect = (x: number, y: number, w: number, h: number): void => {
    const [ax, ay] = apply(ctm, x, y);
    const [bx, by] = apply(ctm, x + w, y + h);
    const [left, right, bottom, top] = [Math.min(ax, bx), Math.max(ax, bx), Math.min(ay, by), Math.max(ay, by)];
    if (top - bottom <= THIN && right - left > THIN) pending.h.push({ y: (top + bottom) / 2, x1: left, x2: right });
    else if (right - left <= THIN && top - bottom > THIN) pending.v.push({ x: (left + right) / 2, y1: bottom, y2: top });
    // A box larger than a cell is a page background or frame, not a table border.
    else if (right - left > THIN && top - bottom > THIN && !(right - left > 300 && top - bottom > 300)) {
      pending.h.push({ y: top, x1: left, x2: right }, { y: bottom, x1: left, x2: right });
      pending.v.push({ x: left, y1: bottom, y2: top }, { x: right, y1: bottom, y2: top });
    }
  };
  fnArray.forEach((fn, i) => {
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
    else if (PAINT.has(fn)) {
      rules.h.push(...pending.h);
      rules.v.push(...pending.v);
      pending = { h: [], v: [] };
    } else if (fn === OPS.endPath) pending = { h: [], v: [] };
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let k = 0;
      let cx = 0;
      let cy = 0;
      for (const op of ops) {
        if (op === OPS.moveTo) {
          cx = coords[k++]!;
          cy = coords[k++]!;
        } else if (op === OPS.lineTo) {
          const nx = coords[k++]!;
          const ny = coords[k++]!;
          line(cx, cy, nx, ny);
          cx = nx;
          cy = ny;
        } else if (op === OPS.rectangle) {
          rect(coords[k]!, coords[k + 1]!, coords[k + 2]!, coords[k + 3]!);
          k += 4;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
      }
    }
  });
  return rules;
}
