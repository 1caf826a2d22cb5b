#!/usr/bin/env node
// The CLI is TypeScript; tsx (a runtime dependency) compiles it on the fly so
// `npx chitieu` works right after `npm install`, with no build step.
require("tsx/cjs");
require("../src/cli/main.ts").runCli();
