import { readFileSync } from "node:fs";
import { decodePicture } from "../src/import/scan/_lib/decode";
import { rotate } from "../src/import/scan/_lib/raster";
(async () => {
  const [p] = await decodePicture(new Uint8Array(readFileSync(process.argv[2]!)));
  const img = rotate(p!.image, 1.2, 237);
  const y = 600;
  console.log(Array.from(img.data.slice(y * img.width + 100, y * img.width + 300)).join(" "));
})();
