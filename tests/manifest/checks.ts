/**
 * The offline checks of an add-in manifest (Microsoft's validator is an online
 * service and cannot run here): well-formed, the right host, permissions and
 * locales, ids unique, every resid resolving, every URL on https, every icon a
 * real PNG of the size it is declared at, and the ribbon commands wired to the
 * FunctionFile. Run on the repository's manifest.xml and on every built one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { COMMAND_IDS } from "../../src/commands/register";
import { ENGLISH_LOCALES, languageFor } from "../../src/app/i18n";
import type { Document as XmlDocument, Element as XmlElement } from "@xmldom/xmldom";

export const ROOT = join(__dirname, "..", "..");

export function parseManifest(text: string): XmlDocument {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== "warning" && errors.push(msg)) }).parseFromString(text, "text/xml");
  if (errors.length > 0) throw new Error(errors.join("\n"));
  return doc;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error("not a PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface ManifestUnderTest {
  /** The manifest file. */
  path: string;
  /** The address every page, icon and command URL starts with ("https://localhost:3000/"). */
  base: string;
  /** The folder the base address serves (the repository for the development manifest, dist/ for a build). */
  served: string;
}

/** Registers the checks as jest tests for one manifest. */
export function describeManifest(title: string, { path: MANIFEST, base, served }: ManifestUnderTest): void {
  const xml = readFileSync(MANIFEST, "utf8");
  const parse = parseManifest;
  const doc = parse(xml);
  const all = (): XmlElement[] => Array.from(doc.getElementsByTagName("*"));
  const byLocalName = (name: string): XmlElement[] => all().filter((e) => e.localName === name);
  const text = (name: string): string => byLocalName(name)[0]?.textContent?.trim() ?? "";
  /** The file a URL under the base address points to. */
  const assetPath = (url: string): string => {
    expect(url.startsWith(base) ? base : url).toBe(base);
    return join(served, decodeURIComponent(url.slice(base.length)));
  };

  describe(title, () => {

    it("is well-formed XML for xmllint when it is installed, and for the parser always", () => {
      expect(() => parse(xml)).not.toThrow();
      expect(() => parse(xml.replace("</OfficeApp>", ""))).toThrow();
      const probe = spawnSync("xmllint", ["--version"]);
      if (probe.status === 0) expect(() => execFileSync("xmllint", ["--noout", MANIFEST], { stdio: "pipe" })).not.toThrow();
    });

    it("declares an Excel task pane with ReadWriteDocument only and a real GUID", () => {
      expect(doc.documentElement?.getAttribute("xsi:type")).toBe("TaskPaneApp");
      expect(byLocalName("Host").map((h) => h.getAttribute("Name") ?? h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
      expect(text("Permissions")).toBe("ReadWriteDocument");
      expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // Not the id of Microsoft's template, which every unmodified add-in shares.
      expect(text("Id")).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
    });

    it("is Vietnamese by default with English overrides for the names shown to users", () => {
      expect(text("DefaultLocale")).toBe("vi-VN");
      for (const name of ["DisplayName", "Description"]) {
        const override = byLocalName(name)[0]?.getElementsByTagName("Override")[0];
        expect(override?.getAttribute("Locale")).toBe("en-US");
      }
      const strings = byLocalName("String");
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) expect(Array.from(s.childNodes).some((n) => (n as XmlElement).localName === "Override")).toBe(true);
    });

    it("overrides every name and label for exactly the languages the code shows in English, and no other", () => {
      const overridden = (e: XmlElement) => Array.from(e.childNodes).filter((n) => (n as XmlElement).localName === "Override").map((n) => (n as XmlElement).getAttribute("Locale"));
      const localized = [...byLocalName("DisplayName"), ...byLocalName("Description"), ...byLocalName("String")].filter((e) => e.hasAttribute("DefaultValue"));
      for (const e of localized) expect([e.getAttribute("id") ?? e.localName, overridden(e)]).toEqual([e.getAttribute("id") ?? e.localName, [...ENGLISH_LOCALES]]);
      // And the code agrees: English exactly there, Vietnamese (the manifest's default) elsewhere.
      for (const l of ENGLISH_LOCALES) expect(languageFor(l)).toBe("en");
      for (const l of ["vi-VN", "fr-FR", "en-JM", "de-DE", "zh-CN"]) expect(languageFor(l)).toBe("vi");
    });

    it("gives every element id a distinct value", () => {
      const ids = all()
        .filter((e) => e.hasAttribute("id"))
        .map((e) => e.getAttribute("id"));
      expect(ids.length).toBeGreaterThan(10);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("resolves every resid to a resource of the right kind", () => {
      const kinds = new Map<string, string>();
      for (const e of all()) {
        const id = e.getAttribute("id");
        const parent = e.parentNode as XmlElement | null;
        if (id && parent && ["Images", "Urls", "ShortStrings", "LongStrings"].includes(parent.localName ?? "")) kinds.set(id, parent.localName ?? "");
      }
      const refs = all().filter((e) => e.hasAttribute("resid"));
      expect(refs.length).toBeGreaterThan(10);
      for (const ref of refs) {
        const resid = ref.getAttribute("resid") ?? "";
        expect(kinds.has(resid) ? resid : `missing ${resid}`).toBe(resid);
        const expected = ref.localName === "Image" ? "Images" : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(ref.localName ?? "") ? "Urls" : null;
        if (expected) expect(`${resid}: ${kinds.get(resid)}`).toBe(`${resid}: ${expected}`);
      }
    });

    it("uses https for every URL", () => {
      const urls = all().flatMap((e) => {
        const values = [e.getAttribute("DefaultValue"), e.getAttribute("Value")].filter((v): v is string => Boolean(v && /^[a-z]+:\/\//i.test(v)));
        if (e.localName === "AppDomain") values.push(e.textContent?.trim() ?? "");
        return values;
      });
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls) expect(url).toMatch(/^https:\/\//);
    });

    it("points every icon at a PNG in assets/ of exactly the size declared", () => {
      const sized = byLocalName("Image").filter((e) => e.hasAttribute("size"));
      const images = new Map(byLocalName("Image").filter((e) => e.hasAttribute("id")).map((e) => [e.getAttribute("id") ?? "", e.getAttribute("DefaultValue") ?? ""]));
      expect(sized.length).toBeGreaterThanOrEqual(9);
      for (const use of sized) {
        const url = images.get(use.getAttribute("resid") ?? "") ?? "";
        const file = assetPath(url);
        expect(existsSync(file) ? file : `missing ${file}`).toBe(file);
        const size = Number(use.getAttribute("size"));
        expect(pngSize(readFileSync(file))).toEqual({ width: size, height: size });
      }
      for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
        const url = byLocalName(name)[0]?.getAttribute("DefaultValue") ?? "";
        expect(pngSize(readFileSync(assetPath(url)))).toEqual({ width: size, height: size });
      }
    });

    it("ships the add-in icon at 16, 32, 64, 80 and 128 px, each a drawing and not a blank square", () => {
      for (const size of [16, 32, 64, 80, 128]) {
        const bytes = readFileSync(join(served, "assets", `icon-${size}.png`));
        expect(pngSize(bytes)).toEqual({ width: size, height: size });
        // A flat image compresses to almost nothing; a drawing does not.
        expect(bytes.length).toBeGreaterThan(300);
      }
    });

    it("puts the Chỉ tiêu tab on the ribbon with the pane button and the two commands of the FunctionFile", () => {
      const controls = byLocalName("Control");
      const actions = controls.map((c) => {
        const action = Array.from(c.getElementsByTagName("Action"))[0];
        return `${c.getAttribute("id")}:${action?.getAttribute("xsi:type")}:${action?.getElementsByTagName("FunctionName")[0]?.textContent ?? ""}`;
      });
      expect(actions).toEqual(["ChiTieu.OpenPane:ShowTaskpane:", "ChiTieu.Check:ExecuteFunction:checkConsistency", "ChiTieu.Highlight:ExecuteFunction:highlightGaps"]);
      const label = (resid: string) => byLocalName("String").find((s) => s.getAttribute("id") === resid)?.getAttribute("DefaultValue");
      expect(label("Tab.Label")).toBe("Chỉ tiêu");
      expect(["OpenPane.Label", "Check.Label", "Highlight.Label"].map(label)).toEqual(["Mở Chỉ tiêu", "Kiểm tra", "Tô màu chỉ tiêu chưa đạt"]);
      const functionFile = byLocalName("FunctionFile")[0]?.getAttribute("resid") ?? "";
      const url = byLocalName("Url").find((u) => u.getAttribute("id") === functionFile)?.getAttribute("DefaultValue");
      expect(url).toBe(`${base}commands.html`);
      // The function names the ribbon calls are the ones the FunctionFile registers.
      expect(actions.flatMap((a) => (a.endsWith(":") ? [] : [a.split(":")[2]]))).toEqual([...COMMAND_IDS]);
    });

    it("loads office.js from Microsoft's CDN in every page the manifest opens", () => {
      for (const page of ["src/taskpane/taskpane.html", "src/commands/commands.html"]) {
        expect(readFileSync(join(ROOT, page), "utf8")).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
      }
    });
  });
}
