/**
 * Which Office.js members the add-in's code touches, resolved by the TypeScript
 * checker (so `range.format.fill.color` is Excel.RangeFill.color, not any
 * "color"), each with the `[Api set: …]` tag its declaration carries in
 * @types/office-js. The requirement test compares them with the one minimum
 * the add-in declares.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface ApiUse {
  /** "Excel.Range.copyFrom" */
  member: string;
  /** "ExcelApi" */
  set: string;
  /** "1.9" */
  version: string;
  /** file:line of one use */
  at: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/(^|\.)test\.tsx?$/.test(name) ? [path] : [];
  });
}

const TAG = /\[Api set: ([A-Za-z]+) (\d+\.\d+)\]/;

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Every use of an Office.js member that carries an API-set tag, in the given source folders. */
export function officeApiUses(root: string, dirs: string[]): ApiUse[] {
  const files = dirs.flatMap((d) => sourceFiles(join(root, d)));
  const program = ts.createProgram(files, {
    strict: true,
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: ["office-js", "node"],
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const visit = (node: ts.Node): void => {
      const name = ts.isPropertyAccessExpression(node) ? node.name : ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) ? node.name : null;
      if (name) {
        const symbol = checker.getSymbolAtLocation(name) ?? (ts.isPropertyAssignment(node) ? checker.getContextualType(node.parent as ts.Expression)?.getProperty(name.getText()) : undefined);
        for (const decl of symbol?.declarations ?? []) {
          if (!decl.getSourceFile().fileName.includes("@types/office-js/")) continue;
          const doc = ts.getJSDocCommentsAndTags(decl).map((d) => d.getText()).join("\n");
          const tag = TAG.exec(doc);
          if (!tag?.[1] || !tag[2]) continue;
          const owner = decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent)) ? decl.parent.name?.text ?? "?" : "?";
          const member = `${owner}.${name.getText()}`;
          const key = `${member}@${tag[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          uses.push({ member, set: tag[1], version: tag[2], at: `${file.slice(root.length + 1)}:${line + 1}` });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
