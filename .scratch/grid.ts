import { readFileSync, writeFileSync } from "node:fs";
import { decodePicture } from "../src/import/scan/_lib/decode";
import { levels, rotate } from "../src/import/scan/_lib/raster";
import { skewAngle } from "../src/import/scan/_lib/deskew";
import { findTables } from "../src/import/scan/_lib/grid";
(async () => {
  for (const f of process.argv.slice(2)) {
    const t0 = Date.now();
    const [p] = await decodePicture(new Uint8Array(readFileSync(f)));
    const img = p!.image;
    const lv = levels(img);
    const t1 = Date.now();
    const a = skewAngle(img, lv.ink);
    const t2 = Date.now();
    const st = rotate(img, -a, lv.paper);
    const t3 = Date.now();
    const after = skewAngle(st, lv.ink);
    const dpi = p!.dpi ?? Math.round(img.width / 8.27);
    const grids = findTables(st, lv.rule, dpi);
    const t4 = Date.now();
    console.log(f, img.width, img.height, "dpi", p!.dpi, lv, "angle", a, "after", after, "ms", t1 - t0, t2 - t1, t3 - t2, t4 - t3);
    for (const g of grids) console.log(" grid", g.xs.map(Math.round), g.ys.map(Math.round), g.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1).map((c) => `${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`), g.columnsFromAlignment);
  }
})();
