/**
 * A production build for a province's own address, checked the way its IT
 * office would host it: `npm run build -- --env url=https://chitieu.test/tinh/`
 * into a folder of its own, no trace of localhost, a manifest that passes the
 * offline checks and Microsoft's schemas, then dist/ served by a static HTTPS
 * server under /tinh/ on this machine and the pane opened in Debian's Chromium
 * (with the Excel stand-in): every page, script and lazy chunk comes from the
 * production address, nothing is missing, nothing goes elsewhere but office.js.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative } from "node:path";
import { describeManifest, parseManifest } from "../manifest/checks";
import { vi } from "../../src/app/i18n/vi";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const e2e = require("../e2e/browser.js") as {
  ROOT: string;
  buildHarness(): string;
  launch(extraArgs?: string[]): Promise<BrowserLike>;
  openPane(browser: BrowserLike, origin: string, harness: string, options: object): Promise<Pane>;
};
interface BrowserLike {
  close(): Promise<void>;
}
interface Pane {
  page: PageLike;
  context: { close(): Promise<void> };
  requests: string[];
  violations: string[];
  errors: string[];
}
interface PageLike {
  getByRole(role: string, o: { name: string | RegExp }): { click(): Promise<void>; waitFor(o?: object): Promise<void>; count(): Promise<number> };
  getByLabel(label: string): { fill(text: string): Promise<void> };
  waitForTimeout(ms: number): Promise<void>;
  locator(selector: string): { first(): { waitFor(o?: object): Promise<void> } };
}

const ROOT = e2e.ROOT;
const BASE = "https://chitieu.test/tinh/";
const work = mkdtempSync(join(tmpdir(), "chitieu-deploy-"));
const DIST = join(work, "dist");
const webpackCli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

// The build runs once, when the module loads, so describeManifest can register its tests on the result.
const build = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--env", `url=${BASE}`, "--output-path", DIST], { cwd: ROOT, encoding: "utf8", timeout: 600_000 });

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("npm run build -- --env url=https://chitieu.test/tinh/", () => {
  it("builds", () => {
    expect(build.status === 0 ? "ok" : `${build.stdout}\n${build.stderr}`).toBe("ok");
  });

  it("is refused without an address, saying what to pass, and writes nothing", () => {
    const out = join(work, "refused");
    const run = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/Thiếu địa chỉ triển khai[\s\S]*npm run build -- --env url=https:\/\//);
    expect(existsSync(out)).toBe(false);
  });

  it("mentions localhost in no file", () => {
    const files = filesUnder(DIST);
    expect(files.length).toBeGreaterThan(10);
    const mentions = files.filter((f) => readFileSync(f).includes("localhost"));
    expect(mentions.map((f) => relative(DIST, f))).toEqual([]);
  });

  it("names every script by its content, and keeps the names of the pages the manifest opens", () => {
    const scripts = filesUnder(DIST).filter((f) => f.endsWith(".js")).map((f) => relative(DIST, f));
    expect(scripts.length).toBeGreaterThan(5);
    for (const s of scripts) expect(s).toMatch(/\.[0-9a-f]{8}\.js$/);
    for (const page of ["taskpane.html", "commands.html", "notice.html", "ho-tro.html", "manifest.xml"]) expect(existsSync(join(DIST, page)) ? page : `missing ${page}`).toBe(page);
  });

  it("writes the version from package.json into the manifest, and a support page that states it", () => {
    const doc = parseManifest(readFileSync(join(DIST, "manifest.xml"), "utf8"));
    const text = (name: string) => Array.from(doc.getElementsByTagName(name))[0]?.textContent?.trim();
    expect(text("Version")).toBe(`${version}.0`);
    expect(text("AppDomain")).toBe("https://chitieu.test");
    expect(Array.from(doc.getElementsByTagName("SupportUrl"))[0]?.getAttribute("DefaultValue")).toBe(`${BASE}ho-tro.html`);
    const support = readFileSync(join(DIST, "ho-tro.html"), "utf8");
    expect(support).toContain(version);
    expect(support).toContain(BASE);
  });

  it("passes manifest-validate.sh with 0 problems", () => {
    const run = spawnSync("bash", [join(ROOT, "..", "shared", "ooxml", "manifest-validate.sh"), join(DIST, "manifest.xml")], { encoding: "utf8" });
    expect(run.stdout.trim().split("\n").pop()).toBe("manifest problems: 0");
  });
});

if (build.status === 0) describeManifest("the built manifest.xml", { path: join(DIST, "manifest.xml"), base: BASE, served: DIST });

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8" };

describe("dist/ served over HTTPS under /tinh/", () => {
  let server: Server;
  const served: Array<{ path: string; status: number }> = [];

  beforeAll(async () => {
    const key = join(work, "key.pem");
    const cert = join(work, "cert.pem");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-subj", "/CN=chitieu.test", "-addext", "subjectAltName=DNS:chitieu.test", "-days", "1"], { stdio: "pipe" });
    // The static server the deployment guide describes: the folder under its sub-path, nothing else, hashed files cached for good.
    server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
      const path = new URL(req.url ?? "/", "https://chitieu.test").pathname;
      const file = path.startsWith("/tinh/") ? normalize(join(DIST, decodeURIComponent(path.slice("/tinh/".length)))) : "";
      const ok = file.startsWith(DIST) && existsSync(file) && statSync(file).isFile();
      served.push({ path, status: ok ? 200 : 404 });
      if (!ok) return void res.writeHead(404).end();
      const immutable = /\.[0-9a-f]{8}\.js$/.test(file);
      res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache" });
      res.end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  });

  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it("loads the pane, every lazy chunk it asks for and the support page from the production address only", async () => {
    expect(build.status).toBe(0);
    const port = (server.address() as { port: number }).port;
    const browser = await e2e.launch([`--host-resolver-rules=MAP chitieu.test:443 127.0.0.1:${port}`]);
    try {
      const pane = await e2e.openPane(browser, "", e2e.buildHarness(), { servedFrom: BASE, width: 500 });
      try {
        const { page } = pane;
        await page.getByRole("tab", { name: vi.tabs.import }).waitFor({ timeout: 30_000 });
        // Reading a pasted appendix loads the importers' chunks; every tab loads its screen.
        const seed = readFileSync(join(ROOT, "..", "shared", "seeds", "000_143a53b0153524f0.txt"), "utf8");
        await page.getByLabel(vi.import.pasteLabel).fill(seed);
        await page.getByRole("button", { name: vi.import.readPasted }).click();
        await page.locator("[data-testid=preview-counts]").first().waitFor({ timeout: 60_000 });
        for (const name of [vi.tabs.checks, vi.tabs.summary, vi.tabs.returns, vi.tabs.import]) {
          // A tab the pane keeps in its overflow menu at this width is not a tab on screen: skip it.
          const tab = page.getByRole("tab", { name });
          if ((await tab.count()) === 0) continue;
          await tab.click();
          await page.waitForTimeout(300);
        }
        const chunks = pane.requests.filter((u) => u.startsWith(`${BASE}chunks/`));
        expect(chunks.length).toBeGreaterThan(0);
        expect(pane.violations).toEqual([]);
        expect(pane.errors).toEqual([]);
        const elsewhere = pane.requests.filter((u) => !u.startsWith(BASE) && !u.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/"));
        expect(elsewhere).toEqual([]);
        expect(served.filter((s) => s.status !== 200)).toEqual([]);
        expect(served.some((s) => s.path === "/tinh/taskpane.html")).toBe(true);
        expect(served.filter((s) => s.path.startsWith("/tinh/chunks/")).length).toBe(chunks.length);
      } finally {
        await pane.context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
