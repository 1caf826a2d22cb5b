import { readFileSync } from "node:fs";
import { decodePicture } from "../src/import/scan/_lib/decode";
import { levels } from "../src/import/scan/_lib/raster";
(async () => {
  const [p] = await decodePicture(new Uint8Array(readFileSync(process.argv[2]!)));
  const img = p!.image; const lv = levels(img);
  const { width: w, height: h, data } = img;
  let n = 0; for (let i = 0; i < data.length; i++) if (data[i]! < lv.ink) n++;
  console.log("ink px", n, data.slice(1000000, 1000020));
  const xs: number[] = [], ys: number[] = [];
  for (let y = 0; y < h; y += 2) for (let x = 0; x < w; x += 2) if (data[y * w + x]! < lv.ink) { xs.push(x - w / 2); ys.push(y); }
  for (let deg = -2; deg <= 2; deg += 0.4) {
    const t = Math.tan((deg * Math.PI) / 180);
    const rows = new Float64Array(h + w);
    for (let i = 0; i < xs.length; i++) { const r = Math.round(ys[i]! + xs[i]! * t) + Math.round(w / 2); if (r >= 0 && r < rows.length) rows[r]! += 1; }
    let s = 0; for (let r = 0; r < rows.length; r++) s += rows[r]! * rows[r]!;
    console.log(deg.toFixed(1), s);
  }
})();
