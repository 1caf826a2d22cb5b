/* eslint-disable */
// Builds the `chitieu` CLI (src/cli/main.ts) into build/cli.js with esbuild:
// one CommonJS file of our own code, with the npm packages left as require()s so
// Node loads exceljs, pdfjs, jszip… only when a command reaches them (each
// command is a dynamic import() in src/cli/main.ts, which esbuild keeps lazy).
// Run by `npm install` (the `prepare` script) and by bin/chitieu.js when the
// sources changed since the last build (a development checkout).
const path = require("node:path");
const fs = require("node:fs");

const ROOT = path.resolve(__dirname, "..");
const OUT_DIR = path.join(ROOT, "build");
const OUT = path.join(OUT_DIR, "cli.js");
/** The sources the build read, with their modification times: bin/chitieu.js rebuilds when one changed. */
const INPUTS = path.join(OUT_DIR, "cli.inputs.json");
/** V8's code cache of build/cli.js (bin/chitieu.js writes it after a run). */
const CACHE = path.join(OUT_DIR, "cli.cache");

/** esbuild's options for the CLI (tests build the same in memory to inspect what loads when). */
function cliOptions() {
  return {
    entryPoints: [path.join(ROOT, "src", "cli", "main.ts")],
    outfile: OUT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // npm packages are bundled too: resolving exceljs's ~400 files one by one costs more than running them.
    // pdfjs stays a require() (large, loaded by the first PDF only).
    // tesseract.js starts its worker thread from its own files (paths relative to the package), so it stays a require() too.
    external: ["pdfjs-dist", "pdfjs-dist/*", "canvas", "tesseract.js", "tesseract.js-core", "tesseract.js-core/*", "@tesseract.js-data/*"],
    // import() of pdfjs becomes a lazy require(): bin/chitieu.js runs the build through vm.Script
    // (for the code cache), where a real import() has no module loader.
    supported: { "dynamic-import": false },
    // Whitespace and syntax only (names kept for readable stack traces): less for V8 to parse at start.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: "warning",
  };
}

function buildCli() {
  // esbuild comes with tsx (a dependency), so it is there after any `npm install`.
  const esbuild = require("esbuild");
  const result = esbuild.buildSync(cliOptions());
  fs.rmSync(CACHE, { force: true });
  const inputs = Object.keys(result.metafile.inputs)
    .map((p) => path.resolve(ROOT, p))
    .filter((p) => !p.includes(`${path.sep}node_modules${path.sep}`));
  const stamps = Object.fromEntries(inputs.map((p) => [path.relative(ROOT, p), fs.statSync(p).mtimeMs]));
  fs.writeFileSync(INPUTS, JSON.stringify(stamps));
  return OUT;
}

/** True when build/cli.js is missing or older than one of the sources it was built from. */
function isStale() {
  let stamps;
  try {
    stamps = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
  } catch {
    return true;
  }
  if (!fs.existsSync(OUT)) return true;
  for (const [file, mtime] of Object.entries(stamps)) {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (!stat || stat.mtimeMs !== mtime) return true;
  }
  return false;
}

/**
 * Runs one import of the bundled sample so bin/chitieu.js writes the code cache
 * with the functions an import compiles (not only those `--help` needs).
 */
function warmCache() {
  const { spawnSync } = require("node:child_process");
  const os = require("node:os");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-warm-"));
  try {
    spawnSync(process.execPath, [path.join(ROOT, "bin", "chitieu.js"), "import", path.join(ROOT, "samples", "ke-hoach-mau.txt"), "-o", path.join(dir, "warm.xlsx")], { cwd: ROOT, stdio: "ignore" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { buildCli, cliOptions, isStale, warmCache, OUT, INPUTS, CACHE };

if (require.main === module) {
  buildCli();
  if (process.argv.includes("--warm")) warmCache();
  console.log(`chitieu CLI built: ${path.relative(ROOT, OUT)}`);
}
