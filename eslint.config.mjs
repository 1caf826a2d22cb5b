import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import path from "node:path";

// src/core must not reach into the adapters: resolve every relative import and
// report one that lands outside src/core (a path pattern alone cannot tell
// core/import from src/import).
const coreDir = path.resolve("src/core");
/** The core's floors (see README): vocabulary, agencies and periods, reading and layout, workbook and merge, and what is built on them. */
const CORE_FLOORS = {
  _lib: 1, model: 1, parse: 1, status: 1, judge: 1,
  agency: 2, period: 2,
  import: 3, layout: 3, highlight: 3,
  workbook: 4, merge: 4,
  checks: 5, forms: 5, report: 5, statusTable: 5, successorEdits: 5,
};
const layers = {
  rules: {
    "core-stays-pure": {
      meta: { type: "problem", schema: [] },
      create(context) {
        return {
          ImportDeclaration(node) {
            const spec = node.source.value;
            if (typeof spec !== "string" || !spec.startsWith(".")) return;
            const target = path.resolve(path.dirname(context.filename), spec);
            if (!target.startsWith(coreDir + path.sep) && target !== coreDir) {
              context.report({ node, message: `src/core must not import "${spec}": it is outside the pure core (adapters live in src/import, src/excel, src/xlsx, src/taskpane, src/commands, src/cli).` });
            }
          },
        };
      },
    },
    // The core's floors: each imports only from its own floor or below, so the
    // vocabulary never depends on the workbook reading built on top of it.
    "core-floors": {
      meta: { type: "problem", schema: [] },
      create(context) {
        const file = path.resolve(context.filename);
        if (/(^|[\\/])(test|[^\\/]*\.test)\.tsx?$/.test(file) || /[\\/]_test[\\/]/.test(file)) return {};
        const floorOf = (p) => {
          const rel = path.relative(coreDir, p);
          if (rel.startsWith("..")) return null;
          const top = rel.split(path.sep)[0].replace(/\.ts$/, "");
          return CORE_FLOORS[top] ?? null;
        };
        const own = floorOf(file);
        return {
          ImportDeclaration(node) {
            const spec = node.source.value;
            if (own === null || typeof spec !== "string" || !spec.startsWith(".")) return;
            const floor = floorOf(path.resolve(path.dirname(file), spec));
            if (floor !== null && floor > own) {
              context.report({ node, message: `src/core floor ${own} must not import "${spec}" (floor ${floor}): move the piece to the floor it belongs on.` });
            }
          },
        };
      },
    },
  },
};

// The Office.js layer reaches Office members only by name, on typed objects, so the requirement test
// (tests/office/requirements.test.ts) can resolve every member to its requirement set.
const office = {
  rules: {
    "no-string-keyed-access": {
      meta: { type: "problem", schema: [] },
      create(context) {
        return {
          MemberExpression(node) {
            const p = node.property;
            const literal = node.computed && ((p.type === "Literal" && typeof p.value === "string") || (p.type === "TemplateLiteral" && p.expressions.length === 0));
            if (literal) context.report({ node, message: "Reach members by name (a.b), never by a string key (a[\"b\"]): the requirement test must see which Office member is used." });
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "tests/stubs/**", "tests/e2e/*.js", "bin/**", "*.config.js", "*.config.mjs", "tests/office/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Small Node scripts that tests run in a process of their own (CommonJS on purpose).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", process: "readonly", module: "writable", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
    },
  },
  {
    // No `any` and no string-keyed member access where Office objects are used (the requirement test's blind spots).
    files: ["src/excel/**/*.ts", "src/app/**/*.ts", "src/commands/**/*.ts"],
    // Tests index records by text keys ("Chỉ tiêu"); the rule is for the code that runs in Excel.
    ignores: ["**/*.test.ts", "**/test.ts"],
    plugins: { office },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "office/no-string-keyed-access": "error",
    },
  },
  {
    // The core is pure: no Office, no DOM framework, no workbook library, no Node I/O.
    files: ["src/core/**/*.ts"],
    plugins: { layers },
    rules: {
      "layers/core-stays-pure": "error",
      "layers/core-floors": "error",
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core must not import React/Fluent UI." },
          { group: ["exceljs", "jszip", "pdfjs-dist", "pdfjs-dist/*"], message: "src/core must not import file-format libraries; put them in an adapter." },
          { group: ["fs", "fs/*", "node:*", "path", "child_process", "os"], message: "src/core must not do I/O." },
        ],
      }],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
);
