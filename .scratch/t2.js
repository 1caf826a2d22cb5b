const { createWorker, OEM, PSM } = require('tesseract.js');
const { PNG } = require('pngjs');
const fs = require('fs');
const path = require('path');
(async () => {
  const png = PNG.sync.read(fs.readFileSync('/tmp/h27/p-05.png'));
  console.log(png.width, png.height);
  const crop = (x, y, w, h) => {
    const head = Buffer.from(`P5\n${w} ${h}\n255\n`);
    const body = Buffer.alloc(w * h);
    for (let j = 0; j < h; j++) for (let i = 0; i < w; i++) body[j * w + i] = png.data[((y + j) * png.width + x + i) * 4];
    return Buffer.concat([head, body]);
  };
  const w = await createWorker('vie', OEM.LSTM_ONLY, { langPath: path.resolve('node_modules/@tesseract.js-data/vie/4.0.0_best_int'), cacheMethod: 'none' });
  await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
  let t = Date.now();
  for (let i = 0; i < 20; i++) { const r = await w.recognize(crop(300, 300 + i * 60, 600, 60)); if (i<3) console.log(r.data.text, r.data.confidence); }
  console.log('20 crops pgm', Date.now() - t);
  await w.terminate();
})();
