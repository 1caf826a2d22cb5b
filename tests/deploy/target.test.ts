/**
 * The deployment address a production build is given, and the manifest it
 * writes for it (scripts/deploy.js, used by webpack.config.js).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../../scripts/deploy.js") as {
  DEV_BASE: string;
  deployTarget(env: Record<string, unknown> | undefined, o: { production: boolean }): { base: string; origin: string; supportUrl: string | null };
  manifestFor(xml: string, target: { base: string; origin: string; supportUrl: string | null }, version: string): string;
  manifestVersion(v: string): string;
};

const ROOT = join(__dirname, "..", "..");
const xml = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("the deployment address", () => {
  it("is refused for a production build that names none, with the command to run", () => {
    expect(() => deploy.deployTarget({}, { production: true })).toThrow(/Thiếu địa chỉ triển khai[\s\S]*--env url=https:\/\//);
    expect(() => deploy.deployTarget(undefined, { production: true })).toThrow(/Missing deployment address/);
  });

  it("stays the development address for a development build", () => {
    expect(deploy.deployTarget({}, { production: false }).base).toBe("https://localhost:3000/");
  });

  it("names the folder with a trailing slash whether or not one was typed", () => {
    expect(deploy.deployTarget({ url: "https://chitieu.test/tinh" }, { production: true })).toEqual({ base: "https://chitieu.test/tinh/", origin: "https://chitieu.test", supportUrl: null });
    expect(deploy.deployTarget({ url: "https://chitieu.test/tinh/" }, { production: true }).base).toBe("https://chitieu.test/tinh/");
    expect(deploy.deployTarget({ url: "https://chitieu.test:8443" }, { production: true })).toMatchObject({ base: "https://chitieu.test:8443/", origin: "https://chitieu.test:8443" });
  });

  it("refuses http, a query, this machine and text that is no URL, saying why", () => {
    expect(() => deploy.deployTarget({ url: "http://chitieu.test/" }, { production: true })).toThrow(/phải dùng https/);
    expect(() => deploy.deployTarget({ url: "https://chitieu.test/?a=1" }, { production: true })).toThrow(/không được có tham số/);
    expect(() => deploy.deployTarget({ url: "https://localhost:3000/" }, { production: true })).toThrow(/người dùng khác không mở được/);
    expect(() => deploy.deployTarget({ url: "chitieu" }, { production: true })).toThrow(/không phải là một URL/);
  });

  it("takes a support address on https or mailto only", () => {
    expect(deploy.deployTarget({ url: "https://a.test/", support: "mailto:cntt@tinh.gov.vn" }, { production: true }).supportUrl).toBe("mailto:cntt@tinh.gov.vn");
    expect(() => deploy.deployTarget({ url: "https://a.test/", support: "ftp://x" }, { production: true })).toThrow(/https:\/\/… hoặc mailto/);
  });
});

describe("the manifest of a deployment", () => {
  const target = deploy.deployTarget({ url: "https://chitieu.test/tinh/" }, { production: true });
  const out = deploy.manifestFor(xml, target, "1.4.2");

  it("points every URL at the address, sub-path kept, and none at localhost", () => {
    expect(out).not.toContain("localhost");
    const urls = [...out.matchAll(/(?:DefaultValue|Value)="(https:\/\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith("https://chitieu.test/tinh/") ? "under base" : url).toBe("under base");
    expect(out).toContain('<SourceLocation DefaultValue="https://chitieu.test/tinh/taskpane.html"/>');
    expect(out).toContain('<bt:Url id="Commands.Url" DefaultValue="https://chitieu.test/tinh/commands.html"/>');
  });

  it("sets AppDomain to the origin, the version from package.json and SupportUrl to the support page", () => {
    expect(out).toContain("<AppDomain>https://chitieu.test</AppDomain>");
    expect(out).toContain("<Version>1.4.2.0</Version>");
    expect(out).toContain('<SupportUrl DefaultValue="https://chitieu.test/tinh/ho-tro.html"/>');
    const mail = deploy.manifestFor(xml, { ...target, supportUrl: "mailto:cntt@tinh.gov.vn" }, "1.4.2");
    expect(mail).toContain('<SupportUrl DefaultValue="mailto:cntt@tinh.gov.vn"/>');
  });

  it("changes nothing but addresses and the version", () => {
    const strip = (s: string) => s.replace(/https:\/\/[^"<]+/g, "URL").replace(/<Version>[^<]*<\/Version>/, "");
    expect(strip(out)).toBe(strip(xml));
  });

  it("reads the package version as the manifest's four-part version", () => {
    expect(deploy.manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(() => deploy.manifestVersion("latest")).toThrow(/not x\.y\.z/);
  });
});
