import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { decodePicture } from "../src/import/scan/_lib/decode";
import { readScan } from "../src/import/scan";
import { tesseractRecognizer } from "../src/import/scan/ocr";
import { documentToPlan } from "../src/core/import/document";
(async () => {
  const f = process.argv[2]!;
  const [p] = await decodePicture(new Uint8Array(readFileSync(f)));
  const recognizer = await tesseractRecognizer({ langPath: join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int") });
  const t = Date.now();
  const { doc } = await readScan([{ page: 1, image: p!.image, dpi: p!.dpi }], "x", { recognizer, onProgress: (pr) => pr.done % 20 === 0 && console.log(pr) });
  console.log("ms", Date.now() - t);
  for (const t of doc.tables) { console.log(JSON.stringify(t.header)); for (const r of t.rows) console.log(JSON.stringify(r.cells)); }
  console.log(doc.warnings.map((w) => w.message));
  const r = documentToPlan(doc);
  for (const i of r.plan.appendices[0]!.indicators) console.log(i.stt, i.name, i.baseline?.value, i.target?.op, i.target?.value, i.lead.map((a) => a.name + ":" + a.kind), i.coordinating.map((a) => a.name + ":" + a.kind));
  console.log(r.warnings.map((w) => w.code + " " + w.message));
  await recognizer.terminate();
})();
