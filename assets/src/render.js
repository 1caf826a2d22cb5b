// Renders the ribbon and add-in icons from the SVG drawings beside this file into
// PNGs in assets/, using Debian's Chromium (no browser download). Run when a drawing
// changes: node assets/src/render.js
const { chromium } = require("playwright-core");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

const SIZES = { icon: [16, 32, 64, 80, 128], check: [16, 32, 80], highlight: [16, 32, 80] };

(async () => {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [name, sizes] of Object.entries(SIZES)) {
    const svg = readFileSync(join(__dirname, `${name}.svg`), "utf8");
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: join(__dirname, "..", `${name}-${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    }
  }
  await browser.close();
})();
