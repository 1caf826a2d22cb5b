/**
 * Grey page images as plain arrays (one byte a pixel, 0 black … 255 white) and
 * the few operations a scanned table needs: levels, turning, cropping and the
 * PGM bytes the recogniser reads. Pure: no DOM, no Node.
 */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Grey from interleaved samples (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA); alpha composes over white paper. */
export function toGray(width: number, height: number, samples: ArrayLike<number>, channels: 1 | 2 | 3 | 4): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += channels) {
    if (channels === 1) data[i] = samples[p] ?? 255;
    else if (channels === 2) {
      const a = (samples[p + 1] ?? 255) / 255;
      data[i] = Math.round((samples[p] ?? 255) * a + 255 * (1 - a));
    } else {
      const y = 0.299 * (samples[p] ?? 255) + 0.587 * (samples[p + 1] ?? 255) + 0.114 * (samples[p + 2] ?? 255);
      const a = channels === 4 ? (samples[p + 3] ?? 255) / 255 : 1;
      data[i] = Math.round(y * a + 255 * (1 - a));
    }
  }
  return { width, height, data };
}

/**
 * The paper's level and the ink threshold. Paper is the histogram's brightest
 * big peak (yellowed or grey paper included); ink is Otsu's split below it.
 * Ruled lines printed thin come out grey, so `rule` sits closer to the paper.
 */
export function levels(img: Gray): { paper: number; ink: number; rule: number } {
  const hist = new Array<number>(256).fill(0);
  for (let i = 0; i < img.data.length; i += 3) hist[img.data[i]!]! += 1;
  let paper = 255;
  let best = -1;
  for (let v = 96; v < 256; v++) {
    if (hist[v]! > best) {
      best = hist[v]!;
      paper = v;
    }
  }
  // Otsu over the values darker than the paper's peak.
  let total = 0;
  let sum = 0;
  for (let v = 0; v <= paper; v++) {
    total += hist[v]!;
    sum += v * hist[v]!;
  }
  let wB = 0;
  let sumB = 0;
  let bestVar = -1;
  let ink = Math.round(paper * 0.6);
  for (let t = 0; t < paper; t++) {
    wB += hist[t]!;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > bestVar) {
      bestVar = between;
      ink = t;
    }
  }
  ink = Math.min(ink, paper - 40);
  return { paper, ink, rule: Math.max(ink, paper - 16) };
}

/** 1 where the pixel is darker than `threshold`. */
export function mask(img: Gray, threshold: number): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! < threshold ? 1 : 0;
  return out;
}

/** The image turned by `degrees` (counter-clockwise positive, as the page appears) about its centre; bilinear, paper-filled. */
export function rotate(img: Gray, degrees: number, fill = 255): Gray {
  if (Math.abs(degrees) < 0.05) return img;
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(w * h);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    for (let x = 0; x < w; x++) {
      const dx = x - cx;
      // Inverse map: where in the source this output pixel comes from.
      const sx = cos * dx - sin * dy + cx;
      const sy = sin * dx + cos * dy + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= w - 1 || y0 >= h - 1) {
        out[y * w + x] = fill;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = data[i]! * (1 - fx) + data[i + 1]! * fx;
      const bottom = data[i + w]! * (1 - fx) + data[i + w + 1]! * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: w, height: h, data: out };
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A copy of a rectangle of the image (clipped to it), enlarged by `scale` with bilinear smoothing when small print needs it. */
export function crop(img: Gray, r: Rect, scale = 1): Gray {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(img.width, Math.ceil(r.x + r.w));
  const y1 = Math.min(img.height, Math.ceil(r.y + r.h));
  const sw = Math.max(1, x1 - x0);
  const sh = Math.max(1, y1 - y0);
  const w = Math.round(sw * scale);
  const h = Math.round(sh * scale);
  const out = new Uint8Array(w * h).fill(255);
  const at = (x: number, y: number): number => img.data[(y0 + Math.min(sh - 1, Math.max(0, y))) * img.width + x0 + Math.min(sw - 1, Math.max(0, x))]!;
  for (let y = 0; y < h; y++) {
    const sy = (y + 0.5) / scale - 0.5;
    const iy = Math.floor(sy);
    const fy = sy - iy;
    for (let x = 0; x < w; x++) {
      if (scale === 1) {
        out[y * w + x] = at(x, y);
        continue;
      }
      const sx = (x + 0.5) / scale - 0.5;
      const ix = Math.floor(sx);
      const fx = sx - ix;
      const top = at(ix, iy) * (1 - fx) + at(ix + 1, iy) * fx;
      const bottom = at(ix, iy + 1) * (1 - fx) + at(ix + 1, iy + 1) * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: w, height: h, data: out };
}

/** Binary PGM (P5): the simplest picture file the recogniser's image reader (Leptonica) accepts. */
export function toPgm(img: Gray): Uint8Array {
  const head = new TextEncoder().encode(`P5\n${img.width} ${img.height}\n255\n`);
  const out = new Uint8Array(head.length + img.data.length);
  out.set(head, 0);
  out.set(img.data, head.length);
  return out;
}

/** A smaller copy (every `step`-th pixel, darkest of each block so thin rules survive). */
export function shrink(img: Gray, step: number): Gray {
  const w = Math.floor(img.width / step);
  const h = Math.floor(img.height / step);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 255;
      for (let j = 0; j < step; j++) for (let i = 0; i < step; i++) v = Math.min(v, img.data[(y * step + j) * img.width + x * step + i]!);
      out[y * w + x] = v;
    }
  }
  return { width: w, height: h, data: out };
}
