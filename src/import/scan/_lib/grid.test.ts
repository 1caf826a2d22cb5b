import { skewAngle } from "./deskew";
import { findTables } from "./grid";
import { crop, levels, rotate, toGray, toPgm } from "./raster";
import type { Gray } from "./raster";

/** A white page with a ruled table: rules 2 px wide at the given positions; `gaps` leaves a vertical rule out over one row (a merged cell). */
function page(xs: number[], ys: number[], gaps: { x: number; row: number }[] = [], size = { width: 1000, height: 800 }): Gray {
  const img: Gray = { ...size, data: new Uint8Array(size.width * size.height).fill(250) };
  const set = (x: number, y: number): void => {
    if (x >= 0 && y >= 0 && x < img.width && y < img.height) img.data[y * img.width + x] = 60;
  };
  for (const y of ys) for (let x = xs[0]!; x <= xs[xs.length - 1]!; x++) for (let t = 0; t < 2; t++) set(x, y + t);
  xs.forEach((x, i) => {
    for (let r = 0; r + 1 < ys.length; r++) {
      if (gaps.some((g) => g.x === i && g.row === r)) continue;
      for (let y = ys[r]!; y <= ys[r + 1]!; y++) for (let t = 0; t < 2; t++) set(x + t, y);
    }
  });
  // Some "text": short strokes inside cells, which must not be taken for rules.
  for (let r = 0; r + 1 < ys.length; r++) for (let c = 0; c + 1 < xs.length; c++) for (let k = 0; k < 20; k++) set(xs[c]! + 10 + k, ys[r]! + 15);
  return img;
}

const XS = [100, 220, 480, 600, 700, 900];
const YS = [100, 180, 260, 340, 420];

describe("findTables", () => {
  it("finds the rules of a ruled table and its cells", () => {
    const [grid] = findTables(page(XS, YS), 200, 200);
    expect(grid!.xs.map(Math.round)).toEqual(XS.map((x) => x + 1));
    expect(grid!.ys.map(Math.round)).toEqual(YS.map((y) => y + 1));
    expect(grid!.cells).toHaveLength(5 * 4);
    expect(grid!.columnsFromAlignment).toBe(false);
  });

  it("joins two header cells where the rule between them is missing (a merged heading)", () => {
    const [grid] = findTables(page(XS, YS, [{ x: 3, row: 0 }]), 200, 200);
    const merged = grid!.cells.filter((c) => c.colSpan > 1 || c.rowSpan > 1);
    expect(merged.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([[0, 2, 1, 2]]);
    expect(grid!.cells).toHaveLength(5 * 4 - 1);
  });

  it("finds no table on a page of text only", () => {
    const img = page([], []);
    expect(findTables(img, 200, 200)).toEqual([]);
  });

  it("takes the columns from alignment when only horizontal rules are drawn", () => {
    const img = page(XS, YS);
    // Erase the vertical rules, keep horizontals and the text strokes.
    for (const x of XS) for (let y = 0; y < img.height; y++) for (let t = 0; t < 2; t++) if (!YS.some((r) => y === r || y === r + 1)) img.data[y * img.width + x + t] = 250;
    const [grid] = findTables(img, 200, 200);
    expect(grid!.columnsFromAlignment).toBe(true);
    expect(grid!.xs.length - 1).toBe(XS.length - 1);
  });
});

describe("skewAngle", () => {
  it.each([1.5, -1.2, 0.8])("measures a page turned by %s° and straightening it brings the rules back", (deg) => {
    const straight = page(XS, YS);
    const turned = rotate(straight, deg, 250);
    const found = skewAngle(turned, 128);
    expect(Math.abs(found - deg)).toBeLessThanOrEqual(0.15);
    const [grid] = findTables(rotate(turned, -found, 250), 200, 200);
    expect(grid!.xs.length).toBe(XS.length);
    expect(grid!.ys.length).toBe(YS.length);
  });

  it("says 0 for a blank page", () => {
    expect(skewAngle({ width: 50, height: 50, data: new Uint8Array(2500).fill(255) }, 128)).toBe(0);
  });
});

describe("raster", () => {
  it("finds the paper's level and an ink threshold below it on yellowed paper", () => {
    const img = page(XS, YS);
    for (let i = 0; i < img.data.length; i++) if (img.data[i] === 250) img.data[i] = 232;
    const lv = levels(img);
    expect(lv.paper).toBe(232);
    expect(lv.ink).toBeLessThan(lv.rule);
    expect(lv.rule).toBeLessThan(lv.paper);
  });

  it("makes grey from RGBA composed over white, and PGM bytes with the right header", () => {
    const g = toGray(2, 1, [255, 0, 0, 255, 0, 0, 0, 0], 4);
    expect([...g.data]).toEqual([76, 255]);
    const pgm = toPgm(g);
    expect(new TextDecoder().decode(pgm.subarray(0, 9))).toBe("P5\n2 1\n25");
    expect(pgm.length).toBe("P5\n2 1\n255\n".length + 2);
  });

  it("crops within the image and enlarges by a factor", () => {
    const img: Gray = { width: 4, height: 4, data: Uint8Array.from({ length: 16 }, (_, i) => i * 10) };
    const c = crop(img, { x: 1, y: 1, w: 2, h: 2 });
    expect([...c.data]).toEqual([50, 60, 90, 100]);
    expect(crop(img, { x: 2, y: 2, w: 10, h: 10 }).width).toBe(2);
    expect(crop(img, { x: 0, y: 0, w: 2, h: 2 }, 2).width).toBe(4);
  });
});
