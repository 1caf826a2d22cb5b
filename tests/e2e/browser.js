// Browser plumbing for the task pane's e2e tests: builds (or reuses) dist/, serves
// it over HTTP on localhost, launches Debian's Chromium through playwright-core
// (never a browser download), and opens the pane with the Excel stand-in and a
// request log that fails the run on any request that leaves localhost.
"use strict";
const { spawnSync } = require("node:child_process");
const { createServer } = require("node:http");
const { existsSync, readFileSync, readdirSync, statSync } = require("node:fs");
const { extname, join, normalize, resolve } = require("node:path");

const ROOT = resolve(__dirname, "..", "..");
const DIST = process.env.E2E_DIST || join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_DIST = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function requireChromium() {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}. Install Debian's browser (sudo apt-get install -y chromium) or set CHROMIUM_PATH; the tests never download one.`);
    process.exit(2);
  }
}

function newestMtime(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds dist/ unless it is newer than every source it is made from. */
function ensureBuild(log) {
  if (process.env.E2E_DIST) {
    log(`using ${DIST} as built (E2E_DIST)`);
    return;
  }
  const built = join(DIST, "taskpane.html");
  const sources = ["src", "assets", "manifest.xml", "webpack.config.js"].map((p) => join(ROOT, p)).filter(existsSync);
  const stale = !existsSync(built) || sources.some((p) => newestMtime(p) > statSync(built).mtimeMs);
  if (!stale && !process.env.E2E_REBUILD) {
    log("reusing dist/ (newer than src/)");
    return;
  }
  log("building dist/ (npm run build)…");
  // A production build must name its address; the scenarios serve dist/ on localhost and never read the manifest.
  const out = spawnSync(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--env", "url=https://chitieu.test/e2e/"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (out.status !== 0) throw new Error(`webpack build failed:\n${out.stdout}\n${out.stderr}`);
}

/** The stand-in + fake Office, bundled for the browser with esbuild (tsx's own). */
function buildHarness() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [join(__dirname, "harness.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".css": "text/css", ".map": "application/json" };

/** Serves dist/ on an ephemeral localhost port. */
function serveDist() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const path = normalize(join(DIST, decodeURIComponent(url.pathname)));
    if (!path.startsWith(DIST) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(path)] || "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(path));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ server, origin: `http://localhost:${server.address().port}` })));
}

/** @param extraArgs more Chromium switches (a deployment test maps its host name to a local port). */
async function launch(extraArgs = []) {
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * Opens the pane. Every request is recorded; localhost passes, the office.js CDN
 * URL (and office.js' own files under it) is answered from node_modules, with
 * the harness appended; anything else is aborted and recorded as a violation.
 */
async function openPane(browser, origin, harness, { lang = "vi-VN", unsupportedSets = [], platform = "OfficeOnline", width = 320, forcedColors = "none", page: pagePath = "taskpane.html", servedFrom = null } = {}) {
  // servedFrom: the production address a deployment test serves dist/ at (https://host/sub-path/), the only one it may reach.
  const context = await browser.newContext({ viewport: { width, height: 900 }, forcedColors, locale: "vi-VN", acceptDownloads: true, ignoreHTTPSErrors: servedFrom !== null });
  const requests = [];
  const violations = [];
  const errors = [];
  // Attempts the pane's Content-Security-Policy stopped before any request was made (office.js tries to
  // frame Microsoft's telemetry service outside Office): that is the policy working, so noted, not failed.
  const cspBlocked = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    const host = new URL(url).hostname;
    if (servedFrom !== null ? url.startsWith(servedFrom) : host === "localhost" || host === "127.0.0.1") return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      const rel = url.slice(OFFICE_CDN.length).split("?")[0];
      const file = normalize(join(OFFICE_DIST, rel));
      if (file.startsWith(OFFICE_DIST) && existsSync(file) && statSync(file).isFile()) {
        let body = readFileSync(file, "utf8");
        if (rel === "office.js") body += `\n;window.__E2E__=${JSON.stringify({ displayLanguage: lang, unsupportedSets, platform })};\n${harness}`;
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body });
      }
    }
    violations.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    const text = m.text();
    const blocked = /^(?:Framing|Connecting to|Loading the script) '(https?:\/\/[^']+)' violates the following Content Security Policy/.exec(text);
    if (blocked && !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(blocked[1])) cspBlocked.push(blocked[1]);
    // Tesseract's core prints, on its error stream, each legacy-engine setting in the Vietnamese model's
    // config that the LSTM-only build does not know; nothing fails and nothing is read differently.
    // Exactly that message is let through, any other console error still fails the scenario.
    else if (m.type() === "error" && /^Warning: Parameter not found: [a-z_]+$/.test(text)) return;
    else if (m.type() === "error" || /Content Security Policy/i.test(text)) errors.push(`console.${m.type()}: ${text}`);
  });
  const started = Date.now();
  await page.goto(servedFrom !== null ? `${servedFrom}${pagePath}` : `${origin}/${pagePath}`);
  return { context, page, requests, violations, errors, cspBlocked, started };
}

/** axe-core on the current page; returns serious and critical violations. */
async function axeScan(page) {
  const source = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  // Evaluated through DevTools, so the pane's CSP (which forbids inline scripts) stays on.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    // Fluent's focus manager (Tabster) adds 1-px <i data-tabster-dummy aria-hidden tabindex=0> sentinels that
    // hand focus straight on to the next real control; axe flags them (aria-hidden-focus), though no user
    // can stop on them. Excluded by that exact attribute, nothing else.
    const result = await window.axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

module.exports = { ROOT, DIST, requireChromium, ensureBuild, buildHarness, serveDist, launch, openPane, axeScan };
