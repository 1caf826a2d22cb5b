/**
 * Bench part: the task pane's first load. `bundleGzipKB` is the gzip size of
 * the JavaScript taskpane.html loads before anything is clicked (the readers,
 * pdfjs, exceljs and the Excel operations are in later chunks); `firstRenderMs`
 * is the median time from navigation to the tabs on screen in headless Chromium,
 * with office.js answered locally and the Excel stand-in in the page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// The e2e plumbing is plain CommonJS shared with tests/e2e/run.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const e2e = require("../../e2e/browser.js") as {
  DIST: string;
  ensureBuild(log: (line: string) => void): void;
  buildHarness(): string;
  serveDist(): Promise<{ server: { close(): void }; origin: string }>;
  launch(): Promise<{ close(): Promise<void> }>;
  openPane(browser: unknown, origin: string, harness: string, options?: object): Promise<{ page: PageLike; context: { close(): Promise<void> }; violations: string[] }>;
};

interface PageLike {
  waitForFunction(fn: string, arg?: unknown, options?: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
}

/** Scripts taskpane.html loads at start, in order. */
export function initialScripts(html: string): string[] {
  // The production HTML is minified: attribute values may be unquoted.
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .filter((src) => src !== "" && !/^https?:/.test(src));
}

export async function run(log: (line: string) => void): Promise<Record<string, unknown>> {
  e2e.ensureBuild(log);
  const html = readFileSync(join(e2e.DIST, "taskpane.html"), "utf8");
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of initialScripts(html)) {
    const bytes = readFileSync(join(e2e.DIST, src.replace(/^\//, "")));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
    log(`initial script ${src}: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
  }
  const bundleGzipKB = Math.round((gzipBytes / 1024) * 10) / 10;
  log(`task pane initial JS: ${(rawBytes / 1024).toFixed(1)} KB, ${bundleGzipKB} KB gzip (goal ≤ 300)`);

  const harness = e2e.buildHarness();
  const { server, origin } = await e2e.serveDist();
  const browser = await e2e.launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const pane = await e2e.openPane(browser, origin, harness, {});
      await pane.page.waitForFunction("document.querySelector('[role=tablist]') !== null", undefined, { timeout: 30000 });
      // Navigation start → the frame after the tabs appeared (rendered, not just in the DOM).
      const ms = await pane.page.evaluate<number>("new Promise((ok) => requestAnimationFrame(() => ok(performance.now())))");
      if (pane.violations.length > 0) throw new Error(`requests left localhost: ${pane.violations.join(", ")}`);
      if (i > 0) times.push(ms); // the first run warms the disk cache
      await pane.context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  times.sort((a, b) => a - b);
  const firstRenderMs = Math.round(times[Math.floor(times.length / 2)] ?? NaN);
  log(`first render in headless Chromium: median ${firstRenderMs} ms over ${times.length} loads (${times.map((t) => Math.round(t)).join(", ")})`);
  return { bundleGzipKB, firstRenderMs };
}
