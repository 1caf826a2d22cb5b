/**
 * The CLI as a planning office installs it from a release: `npm pack`, then
 * `npm install -g chitieu-x.y.z.tgz` into a fresh prefix, then `chitieu` run
 * from the prefix's bin, far from this checkout, on a plan in a folder with a
 * Vietnamese name and spaces. The tarball carries the built CLI and nothing of
 * the sources; only the packages the CLI loads at run time are installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "chitieu-pack-"));
const prefix = join(work, "prefix");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; dependencies: Record<string, string> };

afterAll(() => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout: 480_000 });
}

describe("npm pack, then npm install -g of the tarball", () => {
  let tarball = "";

  beforeAll(() => {
    const packed = sh("npm", ["pack", "--pack-destination", work, "--json"], ROOT);
    if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
    const files = readdirSync(work).filter((f) => f.endsWith(".tgz"));
    tarball = join(work, files[0] ?? "missing.tgz");
    // The npm cache already holds every package `npm ci` installed; the registry is asked only what it lacks.
    const installed = sh("npm", ["install", "-g", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", tarball], work);
    if (installed.status !== 0) throw new Error(`npm install -g failed:\n${installed.stderr}`);
  }, 900_000);

  it("is named for the version and holds the built CLI, not the sources", () => {
    expect(tarball.endsWith(`chitieu-${pkg.version}.tgz`)).toBe(true);
    const listed = sh("tar", ["-tzf", tarball], work).stdout.split("\n").filter(Boolean).sort();
    expect(listed).toEqual(expect.arrayContaining(["package/bin/chitieu.js", "package/build/cli.js", "package/package.json", "package/README.md", "package/docs/trien-khai.md"]));
    expect(listed.filter((f) => f.startsWith("package/src/") || f.startsWith("package/tests/"))).toEqual([]);
  });

  it("installs only the packages the CLI loads at run time", () => {
    const modules = join(prefix, "lib", "node_modules", "chitieu", "node_modules");
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(modules, dep)) ? dep : `missing ${dep}`).toBe(dep);
    for (const bundled of ["react", "@fluentui", "exceljs", "webpack"]) expect(existsSync(join(modules, bundled)) ? `installed ${bundled}` : "absent").toBe("absent");
  });

  it("runs chitieu --help and chitieu import on a seed from the prefix, in a Vietnamese folder with spaces", () => {
    const env = { ...process.env, PATH: `${join(prefix, "bin")}${delimiter}/usr/bin${delimiter}/bin` };
    const help = sh("chitieu", ["--help"], work, env);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("chitieu import FILE -o OUT.xlsx");
    const folder = join(work, "Sở Tài chính", "Kế hoạch 2025");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "phụ lục chỉ tiêu.txt"), readFileSync(join(ROOT, "..", "shared", "seeds", "002_6dccc366dad9825a.txt")));
    const run = sh("chitieu", ["import", "phụ lục chỉ tiêu.txt", "-o", "theo dõi chỉ tiêu.xlsx"], folder, env);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Đã ghi theo dõi chỉ tiêu\.xlsx: \d+ chỉ tiêu/);
    expect(readFileSync(join(folder, "theo dõi chỉ tiêu.xlsx")).subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
