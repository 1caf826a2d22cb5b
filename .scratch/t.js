const { createWorker, OEM, PSM } = require('tesseract.js');
const path = require('path');
(async () => {
  let t = Date.now();
  const w = await createWorker('vie', OEM.LSTM_ONLY, { langPath: path.resolve('node_modules/@tesseract.js-data/vie/4.0.0_best_int'), cacheMethod: 'none', gzip: true });
  console.log('init', Date.now() - t); t = Date.now();
  const r = await w.recognize('/tmp/h27/p-05.png', {}, { blocks: true, text: true });
  console.log('page', Date.now() - t, r.data.text.slice(0, 1500));
  t = Date.now();
  await w.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
  for (let i = 0; i < 20; i++) await w.recognize('/tmp/h27/p-05.png', { rectangle: { left: 200, top: 300 + i * 60, width: 600, height: 60 } });
  console.log('20 rects', Date.now() - t);
  await w.terminate();
})();
