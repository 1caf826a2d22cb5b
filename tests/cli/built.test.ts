/**
 * The CLI ships built (scripts/build-cli.js, run by `npm install` through
 * `prepare`): bin/chitieu.js runs build/cli.js, not TypeScript compiled on the
 * fly, and each command loads only the libraries it needs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

const ROOT = join(__dirname, "..", "..");
const SEED_002 = join(ROOT, "tests", "fixtures", "docx", "002-pci-minh-bach-2023.docx");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(join(ROOT, "scripts", "build-cli.js")) as { cliOptions(): object; isStale(): boolean; OUT: string };

interface Meta {
  inputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
}

/** Every input reached from `entry` through static imports and requires (dynamic import() excluded): what runs when `entry` loads. */
function staticClosure(meta: Meta, entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const edge of meta.inputs[file]?.imports ?? []) {
      if (edge.kind === "dynamic-import") continue;
      // Node's own modules (node:fs…) cost nothing to load; npm packages left external (pdfjs) are recorded.
      if (edge.external) {
        if (!edge.path.startsWith("node:")) seen.add(`external:${edge.path}`);
      } else stack.push(edge.path);
    }
  }
  return [...seen];
}

describe("the built CLI", () => {
  let meta: Meta;
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require("esbuild") as { buildSync(o: object): { metafile: Meta } };
    meta = esbuild.buildSync({ ...build.cliOptions(), write: false }).metafile;
  });

  const key = (suffix: string) => Object.keys(meta.inputs).find((k) => k.endsWith(suffix)) ?? suffix;
  const libraries = (files: string[]) => [...new Set(files.flatMap((f) => /(?:node_modules\/|external:)((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))].sort();

  it("starts `--help` with none of the npm packages: every command is imported when called", () => {
    expect(libraries(staticClosure(meta, key("src/cli/main.ts")))).toEqual([]);
  });

  it("reads a .docx for `parse` without exceljs or pdfjs", () => {
    const libs = libraries(staticClosure(meta, key("src/cli/commands/parse.ts")));
    expect(libs).not.toContain("exceljs");
    expect(libs).not.toContain("pdfjs-dist");
    expect(libs).toContain("jszip");
  });

  it("loads exceljs for `import` (it writes the workbook) but not pdfjs", () => {
    const libs = libraries(staticClosure(meta, key("src/cli/commands/import.ts")));
    expect(libs).toContain("exceljs");
    expect(libs).not.toContain("pdfjs-dist");
  });

  it("runs from build/cli.js, rebuilt when a source changed, and never through tsx", () => {
    const bin = readFileSync(join(ROOT, "bin", "chitieu.js"), "utf8");
    expect(bin).not.toMatch(/tsx/);
    const help = spawnSync(process.execPath, [join(ROOT, "bin", "chitieu.js"), "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Cách dùng \/ Usage:/);
    expect(existsSync(build.OUT)).toBe(true);
    expect(build.isStale()).toBe(false);
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.prepare).toBe("node scripts/build-cli.js --warm");
    expect(pkg.bin.chitieu).toBe("bin/chitieu.js");
    expect(readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n")).toContain("/build/");
  });

  it("imports seed 002 into a workbook plain exceljs reads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chitieu-built-"));
    try {
      const out = join(dir, "002.xlsx");
      const run = spawnSync(process.execPath, [join(ROOT, "bin", "chitieu.js"), "import", SEED_002, "-o", out], { cwd: ROOT, encoding: "utf8" });
      expect(run.status).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets.map((w) => w.name)).toContain("Chỉ tiêu");
      expect(run.stdout).toMatch(/31 chỉ tiêu/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a PDF through the built CLI (pdfjs required on first use) and keeps a V8 code cache beside the build", () => {
    const pdf = join(ROOT, "tests", "fixtures", "pdf", "002-pci-minh-bach-2023.pdf");
    const run = spawnSync(process.execPath, [join(ROOT, "bin", "chitieu.js"), "parse", pdf, "--json"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { appendices: Array<{ indicators: unknown[] }> };
    expect(parsed.appendices.flatMap((a) => a.indicators).length).toBeGreaterThan(20);
    expect(existsSync(join(ROOT, "build", "cli.cache"))).toBe(true);
  });
});
