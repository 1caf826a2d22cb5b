import { findTables } from "../src/import/scan/_lib/grid";
import type { Gray } from "../src/import/scan/_lib/raster";
it("x", () => {
  const XS = [100, 220, 480, 600, 700, 900]; const YS = [100, 180, 260, 340, 420];
  const img: Gray = { width: 1000, height: 800, data: new Uint8Array(800000).fill(250) };
  const set = (x: number, y: number) => { img.data[y * 1000 + x] = 60; };
  for (const y of YS) for (let x = 100; x <= 900; x++) for (let t = 0; t < 2; t++) set(x, y + t);
  for (let r = 0; r + 1 < YS.length; r++) for (let c = 0; c + 1 < XS.length; c++) for (let k = 0; k < 20; k++) set(XS[c]! + 10 + k, YS[r]! + 15);
  console.log(JSON.stringify(findTables(img, 200, 200).map((g) => [g.xs, g.ys])));
});
