/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";

const ROOT = join(__dirname, "..", "..", "..");
const SCRIPT = readFileSync(join(__dirname, "oldEngine.js"), "utf8");

function boot(userAgent: string): HTMLElement {
  document.body.innerHTML = '<div id="container"><p id="boot">Đang khởi động Chỉ tiêu…</p></div>';
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  window.onerror = null;
  new Function(SCRIPT)();
  return document.getElementById("boot") as HTMLElement;
}

describe("the pane on an old Windows webview (IE11, EdgeHTML)", () => {
  it("is a script those engines can parse (ES3/ES5 syntax only)", () => {
    expect(() => parse(SCRIPT, { ecmaVersion: 5 })).not.toThrow();
  });

  it("replaces 'Đang khởi động…' with a plain Vietnamese message on IE11 and EdgeHTML, not on WebView2", () => {
    expect(boot("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko").textContent).toMatch(/^Chỉ tiêu không chạy được .*WebView2/);
    expect(boot("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763").textContent).toMatch(/Chỉ tiêu không chạy được/);
    expect(boot("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0").textContent).toBe("Đang khởi động Chỉ tiêu…");
  });

  it("also speaks when any engine fails to parse the bundle", () => {
    const el = boot("SomeFutureOldEngine/1.0");
    window.onerror?.("SyntaxError: Unexpected token '?'", "taskpane.js", 1, 1, new SyntaxError("Unexpected token '?'"));
    expect(el.textContent).toMatch(/Chỉ tiêu không chạy được/);
  });

  it("is loaded by taskpane.html before office.js and the bundle, and copied to dist by webpack under the name the page gets", () => {
    const html = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("<%= oldEngine %>");
    const config = readFileSync(join(ROOT, "webpack.config.js"), "utf8");
    expect(config).toContain('const OLD_ENGINE_SOURCE = "src/taskpane/oldEngine/oldEngine.js"');
    expect(config).toContain("templateParameters: { oldEngine }");
    expect(config).toContain("{ from: OLD_ENGINE_SOURCE, to: oldEngine }");
  });
});
