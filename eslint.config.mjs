import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-results/**", "tests/stubs/**", "tests/e2e/*.js", "bin/**", "*.config.js", "*.config.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
    // The core is pure: no Office, no DOM framework, no workbook library, no Node I/O.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core must not import React/Fluent UI." },
          { group: ["exceljs", "jszip", "pdfjs-dist", "pdfjs-dist/*"], message: "src/core must not import file-format libraries; put them in an adapter." },
          { group: ["fs", "fs/*", "node:*", "path", "child_process", "os"], message: "src/core must not do I/O." },
          { group: ["**/excel/**", "**/xlsx/**", "**/taskpane/**", "**/commands/**", "**/cli/**", "**/import/**"], message: "src/core must not import adapters." },
        ],
      }],
      "no-restricted-globals": ["error", "Office", "Excel", "document", "window"],
    },
  },
);
