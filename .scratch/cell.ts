import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { decodePicture } from "../src/import/scan/_lib/decode";
import { crop } from "../src/import/scan/_lib/raster";
(async () => {
  const T = await import("tesseract.js");
  const [p] = await decodePicture(new Uint8Array(readFileSync(process.argv[2]!)));
  const [x, y, w, h] = process.argv.slice(3).map(Number);
  const w2 = await T.createWorker("vie", 1, { langPath: join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int"), cacheMethod: "none" });
  const { toPgm } = await import("../src/import/scan/_lib/raster");
  for (const psm of ["6", "7"]) {
    await w2.setParameters({ tessedit_pageseg_mode: psm as never });
    const r = await w2.recognize(toPgm(crop(p!.image, { x: x!, y: y!, w: w!, h: h! })) as never, {}, { blocks: true });
    const words = r.data.blocks!.flatMap((b) => b.paragraphs.flatMap((pp) => pp.lines.flatMap((l) => l.words)));
    console.log(psm, JSON.stringify(words.map((wd) => [wd.text, Math.round(wd.confidence), wd.symbols.map((s) => [s.text, Math.round(s.confidence)]), wd.choices])));
  }
  await w2.terminate();
})();
