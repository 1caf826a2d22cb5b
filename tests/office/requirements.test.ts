/**
 * One minimum Excel, stated once (REQUIREMENTS in src/excel/requirements.ts) and
 * held everywhere: the Office.js members the code calls, the manifest, the
 * README, the pane's and the ribbon's checks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MIN_EXCEL_API, REQUIREMENTS } from "../../src/excel/requirements";
import { compareVersions, officeApiUses } from "./apiUsage";
import type { ApiUse } from "./apiUsage";

const ROOT = join(__dirname, "..", "..");

/**
 * Members newer than the minimum, each reached only behind
 * `isSetSupported(set, version)` with a plain message otherwise. The test checks
 * that the guard is really in the file that uses the member.
 */
const GUARDED: Record<string, { set: string; version: string }> = {};

describe("the minimum ExcelApi version", () => {
  let uses: ApiUse[] = [];
  beforeAll(() => {
    uses = officeApiUses(ROOT, ["src/excel", "src/app", "src/commands", "src/taskpane"]);
  }, 60_000);

  it("finds the Office.js members the code calls, with their API-set tags", () => {
    const names = uses.map((u) => `${u.member} ${u.set} ${u.version}`);
    // Known anchors, so an audit that silently finds nothing cannot pass.
    expect(names).toEqual(expect.arrayContaining(["Range.copyFrom ExcelApi 1.9", "Range.dataValidation ExcelApi 1.8", "TableCollection.add ExcelApi 1.1"]));
  });

  it("is at least the newest ExcelApi member used without a requirement guard", () => {
    const tooNew = uses.filter((u) => u.set === "ExcelApi" && compareVersions(u.version, MIN_EXCEL_API) > 0 && !GUARDED[u.member]);
    expect(tooNew.map((u) => `${u.member} (ExcelApi ${u.version}) at ${u.at}`)).toEqual([]);
  });

  it("is exactly what the code needs, and REQUIREMENTS lists every set used (no more)", () => {
    const unguarded = uses.filter((u) => u.set === "ExcelApi" && !GUARDED[u.member]);
    const versions = [...new Set(unguarded.map((u) => u.version))].sort(compareVersions);
    expect(REQUIREMENTS.map((r) => r.version)).toEqual(versions);
    expect(MIN_EXCEL_API).toBe(versions[versions.length - 1]);
  });

  it("guards every newer member it uses with isSetSupported in the same file", () => {
    for (const use of uses.filter((u) => GUARDED[u.member])) {
      const guard = GUARDED[use.member];
      const file = readFileSync(join(ROOT, use.at.replace(/:\d+$/, "")), "utf8");
      expect(file).toContain(`isSetSupported("${guard?.set}", "${guard?.version}")`);
    }
  });

  it("is what the manifest requires", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g)].map((m) => m[1]);
    expect(sets).toEqual([MIN_EXCEL_API]);
  });

  it("is the one ExcelApi version the README names", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const named = [...new Set([...readme.matchAll(/ExcelApi (\d+\.\d+)/g)].map((m) => m[1]))];
    expect(named).toEqual([MIN_EXCEL_API]);
  });

  it("is checked by the pane's entry and by the ribbon commands before any work", () => {
    for (const file of ["src/taskpane/index.tsx", "src/commands/register.ts"]) {
      expect(readFileSync(join(ROOT, file), "utf8")).toMatch(/checkRequirements\(/);
    }
  });
});
