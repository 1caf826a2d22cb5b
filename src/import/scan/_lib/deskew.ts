/**
 * How far a scanned page is turned. Ruled lines and text lines are horizontal
 * on the printed page; along the right angle the ink falls into few, dense
 * rows, so the sum of squared row counts (projection profile energy) peaks
 * there. Pages scanned by hand are off by a degree or two; we look within ±3°.
 */
import type { Gray } from "./raster";

/**
 * The angle (degrees, counter-clockwise as seen) the page's content is turned by; rotating by minus it straightens it.
 *
 * @example
 * rotate(img, -skewAngle(img, levels(img).ink));
 */
export function skewAngle(img: Gray, threshold: number, maxDegrees = 3, stepDegrees = 0.1): number {
  const { width: w, height: h, data } = img;
  // Sample the ink: every row (skipping rows would favour 0°, where the sampled rows alone fill the bins), every 3rd column.
  const xs: number[] = [];
  const ys: number[] = [];
  const half = Math.round(w / 2);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x += 3) if (data[y * w + x]! < threshold) {
    xs.push(x - half);
    ys.push(y);
  }
  if (xs.length < 100) return 0;
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const rows = new Float64Array(h + w);
    // A line turned counter-clockwise by deg rises to the right: y_seen = y + x·tan(−deg).
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round(ys[i]! + xs[i]! * t) + half;
      if (r >= 0 && r < rows.length) rows[r]! += 1;
    }
    let s = 0;
    for (let r = 0; r < rows.length; r++) s += rows[r]! * rows[r]!;
    return s;
  };
  let best = 0;
  let bestScore = -1;
  for (let deg = -maxDegrees; deg <= maxDegrees + 1e-9; deg += stepDegrees) {
    const s = score(deg);
    if (s > bestScore) {
      bestScore = s;
      best = deg;
    }
  }
  return Math.round(best * 100) / 100;
}
