#!/usr/bin/env node
// Runs the built CLI (build/cli.js, made by `npm install` through the `prepare`
// script). In a development checkout, where src/ is newer than the build, it
// rebuilds first (esbuild, a fraction of a second) so it never runs stale code.
//
// The build is one file; it is compiled with V8's code cache (build/cli.cache,
// written after a run when missing or out of date), so a call does not parse
// and compile again the functions earlier calls already compiled.
const path = require("node:path");
const fs = require("node:fs");
const vm = require("node:vm");
const Module = require("node:module");

const root = path.resolve(__dirname, "..");
const built = path.join(root, "build", "cli.js");
const cacheFile = path.join(root, "build", "cli.cache");
if (fs.existsSync(path.join(root, "src", "cli", "main.ts"))) {
  const build = require(path.join(root, "scripts", "build-cli.js"));
  if (build.isStale()) build.buildCli();
}

function load() {
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(built, "utf8")), { filename: built, cachedData });
  const mod = new Module(built, module);
  mod.filename = built;
  mod.paths = Module._nodeModulePaths(path.dirname(built));
  const localRequire = (id) => mod.require(id);
  localRequire.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  script.runInThisContext().call(mod.exports, mod.exports, localRequire, mod, built, path.dirname(built));
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        fs.writeFileSync(cacheFile, script.createCachedData());
      } catch {
        // a read-only install runs without the cache
      }
    });
  }
  return mod.exports;
}

load().runCli();
