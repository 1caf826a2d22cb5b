#!/usr/bin/env node
// Runs the built CLI (build/cli.js, made by `npm install` through the `prepare`
// script). In a development checkout, where src/ is newer than the build, it
// rebuilds first (esbuild, a fraction of a second) so it never runs stale code.
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..");
const built = path.join(root, "build", "cli.js");
if (fs.existsSync(path.join(root, "src", "cli", "main.ts"))) {
  const build = require(path.join(root, "scripts", "build-cli.js"));
  if (build.isStale()) build.buildCli();
}
require(built).runCli();
