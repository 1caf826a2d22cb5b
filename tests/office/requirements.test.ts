/**
 * One minimum Excel, stated once (REQUIREMENTS in src/excel/requirements.ts) and
 * held everywhere: the Office.js members the code calls, the manifest, the
 * README, the pane's and the ribbon's checks. The audit sees every way code
 * reaches a member (tests/office/apiUsage.ts), and a fixture of planted uses
 * proves it does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { MIN_EXCEL_API, REQUIREMENTS } from "../../src/excel/requirements";
import { compareVersions, officeApiUses, requirementTags } from "./apiUsage";
import type { ApiUse } from "./apiUsage";

const ROOT = join(__dirname, "..", "..");
const SOURCES = ["src/excel", "src/app", "src/commands", "src/taskpane"];

/**
 * Members newer than the minimum, each reached only behind
 * `isSetSupported(set, version)` with a plain fallback otherwise. The test checks
 * that the guard is really in the file that uses the member.
 */
const GUARDED: Record<string, { set: string; version: string }> = {
  // Shrinking our tables without deleting rows (src/excel/update.ts); older Excel deletes them.
  "Table.resize": { set: "ExcelApi", version: "1.13" },
};

/**
 * Tags that name several versions ("1.1 for …; 1.4 …"): which applies to a use, from how it is called.
 * A multi-version tag missing here fails the audit, so a new one is read before it is trusted.
 */
const CONDITIONAL: Record<string, (u: ApiUse) => string | null> = {
  // 1.1: one row; 1.4: several rows; 1.15: the third argument, alwaysInsert.
  "TableRowCollection.add ExcelApi": (u) => (u.args !== null && u.args >= 3 ? "1.15" : u.args !== null && u.args <= 0 ? "1.1" : "1.4"),
  // 1.1 needs an index inside the table; 1.4 appends (index null) and takes a name.
  "TableColumnCollection.add ExcelApi": () => "1.4",
  // 1.1 to read the name, 1.4 to set it.
  "TableColumn.name ExcelApi": (u) => (u.writes ? "1.4" : "1.1"),
  // 1.1 to read whether a sheet is visible, 1.2 to hide it.
  "Worksheet.visibility ExcelApi": (u) => (u.writes ? "1.2" : "1.1"),
  // DialogOrigin only with messageParent's second argument (messageOptions).
  "UI.messageParent DialogOrigin": (u) => (u.args !== null && u.args >= 2 ? "1.1" : null),
};

/** Common API sets every Excel meeting the minimum has, with why; any other set must be guarded where it is used. */
const COMMON_SETS: Record<string, { version: string; why: string }> = {
  DialogApi: { version: "1.1", why: "in every Excel with ExcelApi 1.9 (Office 2016 and later, Mac, web, iPad)" },
};

interface Effective extends ApiUse {
  /** The version this use needs; null when the tag's condition does not apply to it. */
  needs: string | null;
}

function effective(uses: ApiUse[]): { resolved: Effective[]; unresolved: ApiUse[] } {
  const resolved: Effective[] = [];
  const unresolved: ApiUse[] = [];
  for (const u of uses) {
    const rule = CONDITIONAL[`${u.member} ${u.set}`];
    if (rule) resolved.push({ ...u, needs: rule(u) });
    else if (u.versions.length > 1) unresolved.push(u);
    else resolved.push({ ...u, needs: u.version });
  }
  return { resolved, unresolved };
}

/** Everything the audit refuses, as sentences naming the use. */
function problems(uses: ApiUse[], root: string): string[] {
  const { resolved, unresolved } = effective(uses);
  const fileOf = (u: ApiUse) => readFileSync(join(root, u.at.replace(/:\d+$/, "")), "utf8");
  const guarded = (u: ApiUse, set: string, version: string) => fileOf(u).includes(`isSetSupported("${set}", "${version}")`);
  const out: string[] = [];
  for (const u of unresolved) out.push(`${u.member}: its tag names several versions (${u.versions.join(", ")}) and CONDITIONAL does not say which applies, at ${u.at}`);
  for (const u of resolved) {
    if (u.via === "any") out.push(`${u.member} reached through \`any\` at ${u.at}`);
    if (u.via === "element") out.push(`${u.member} reached by a string key at ${u.at}`);
    if (u.needs === null) continue;
    if (u.set === "ExcelApi") {
      const guard = GUARDED[u.member];
      if (compareVersions(u.needs, MIN_EXCEL_API) > 0 && !(guard && compareVersions(u.needs, guard.version) <= 0 && guarded(u, guard.set, guard.version))) {
        out.push(`${u.member} needs ExcelApi ${u.needs} (above ${MIN_EXCEL_API}) without a guard at ${u.at}`);
      }
    } else {
      const common = COMMON_SETS[u.set];
      if (!(common && compareVersions(u.needs, common.version) <= 0) && !guarded(u, u.set, u.needs)) out.push(`${u.member} needs ${u.set} ${u.needs} without a guard at ${u.at}`);
    }
  }
  return out;
}

describe("the minimum ExcelApi version", () => {
  let uses: ApiUse[] = [];
  beforeAll(() => {
    uses = officeApiUses(ROOT, SOURCES);
  }, 120_000);

  it("reads requirement tags with extra text and in the common APIs' form", () => {
    expect(requirementTags("[Api set: ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.]")).toEqual([
      { set: "ExcelApi", version: "1.1", versions: ["1.1", "1.4", "1.15"] },
    ]);
    expect(requirementTags("* **Requirement set**: {@link https://learn.microsoft.com/javascript/api/requirement-sets/common/open-browser-window-api-requirement-sets | OpenBrowserWindowApi 1.1}")).toEqual([
      { set: "OpenBrowserWindowApi", version: "1.1", versions: ["1.1"] },
    ]);
  });

  it("finds the Office.js members the code calls, with their API-set tags, including load strings and common APIs", () => {
    const names = uses.map((u) => `${u.member} ${u.set} ${u.version}`);
    // Known anchors, so an audit that silently finds nothing cannot pass.
    expect(names).toEqual(
      expect.arrayContaining([
        "Range.copyFrom ExcelApi 1.9", "Range.dataValidation ExcelApi 1.8", "TableCollection.add ExcelApi 1.1", "TableRowCollection.add ExcelApi 1.1",
        "ConditionalFormat.type ExcelApi 1.6", "UI.displayDialogAsync DialogApi 1.1", "Table.resize ExcelApi 1.13",
      ]),
    );
    expect(uses.some((u) => u.via === "load" && u.member === "NamedItem.formula")).toBe(true);
  });

  it("flags every planted use in the fixture: a string key, `any`, a load string, a tag with extra text, a common API", () => {
    const planted = problems(officeApiUses(ROOT, ["tests/office/fixtures"]), ROOT);
    expect(planted).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Range\.getMergedAreasOrNullObject reached by a string key/),
        expect.stringMatching(/^Range\.getMergedAreasOrNullObject needs ExcelApi 1\.13/),
        expect.stringMatching(/^any\.getMergedAreasOrNullObject reached through `any`/),
        expect.stringMatching(/^Range\.numberFormatCategories needs ExcelApi 1\.12/),
        expect.stringMatching(/^TableRowCollection\.add needs ExcelApi 1\.15/),
        expect.stringMatching(/^UI\.openBrowserWindow needs OpenBrowserWindowApi 1\.1 without a guard/),
      ]),
    );
  }, 120_000);

  it("finds nothing to refuse in the add-in's code", () => {
    expect(problems(uses, ROOT)).toEqual([]);
  });

  it("is exactly what the code needs, and REQUIREMENTS lists every set used (no more)", () => {
    const { resolved } = effective(uses);
    const unguarded = resolved.filter((u) => u.set === "ExcelApi" && u.needs !== null && !GUARDED[u.member]);
    const versions = [...new Set(unguarded.map((u) => u.needs as string))].sort(compareVersions);
    expect(REQUIREMENTS.map((r) => r.version)).toEqual(versions);
    expect(MIN_EXCEL_API).toBe(versions[versions.length - 1]);
  });

  it("guards every newer member it uses with isSetSupported in the same file, and the guarded list is in use", () => {
    expect(Object.keys(GUARDED).length).toBeGreaterThan(0);
    for (const [member, guard] of Object.entries(GUARDED)) {
      const found = uses.filter((u) => u.member === member);
      expect([member, found.length > 0]).toEqual([member, true]);
      for (const use of found) expect(readFileSync(join(ROOT, use.at.replace(/:\d+$/, "")), "utf8")).toContain(`isSetSupported("${guard.set}", "${guard.version}")`);
    }
  });

  it("has a lint rule that refuses `any` and string-keyed access where Office objects are used", () => {
    // ESLint in a process of its own (its flat config is an ES module, which jest's CommonJS runtime cannot load).
    const text = readFileSync(join(ROOT, "tests/office/fixtures/planted.ts"), "utf8");
    const run = spawnSync(process.execPath, [join(ROOT, "node_modules/eslint/bin/eslint.js"), "--format", "json", "--stdin", "--stdin-filename", "src/excel/planted.ts"], { cwd: ROOT, input: text, encoding: "utf8" });
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
    const rules = (result?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["@typescript-eslint/no-explicit-any", "office/no-string-keyed-access"]));
  }, 120_000);

  it("is what the manifest requires", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/g)].map((m) => m[1]);
    expect(sets).toEqual([MIN_EXCEL_API]);
  });

  it("is the one ExcelApi version the README names, besides the guarded ones", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const guardedVersions = new Set(Object.values(GUARDED).map((g) => g.version));
    const named = [...new Set([...readme.matchAll(/ExcelApi (\d+\.\d+)/g)].map((m) => m[1]))].filter((v) => !guardedVersions.has(v ?? ""));
    expect(named).toEqual([MIN_EXCEL_API]);
  });

  it("is checked by the pane's entry and by the ribbon commands before any work", () => {
    for (const file of ["src/taskpane/index.tsx", "src/commands/register.ts"]) {
      expect(readFileSync(join(ROOT, file), "utf8")).toMatch(/checkRequirements\(/);
    }
  });
});
