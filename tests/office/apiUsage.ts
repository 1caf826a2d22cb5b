/**
 * Which Office.js members the add-in's code touches, resolved by the TypeScript checker (so
 * `range.format.fill.color` is Excel.RangeFill.color, not any "color"), each with the requirement
 * set its declaration carries in @types/office-js. Every way code reaches a member is seen:
 * `a.b`, `a["b"]`, members of an `any` (matched by name against every tagged declaration, the
 * newest version counted), the property paths of `load("…")`, `load([…])` and `load({ select })`,
 * and object literals typed as Office interfaces. Tags are read with their extra text
 * ("[Api set: ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; …]": every
 * version kept) and in the common APIs' form ("**Requirement set**: {@link … | OpenBrowserWindowApi 1.1}").
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface ApiUse {
  /** "Range.copyFrom" ("any.getMergedAreasOrNullObject" when reached through `any`) */
  member: string;
  /** "ExcelApi" */
  set: string;
  /** The first (base) version the tag names: "1.9" */
  version: string;
  /** Every version the tag names, when it names several ("1.1 for …; 1.4 …"): which applies depends on the call. */
  versions: string[];
  /** How the code reached it. */
  via: "property" | "element" | "any" | "load";
  /** Arguments passed when the member is called (for tags whose version depends on them). */
  args: number | null;
  /** The member is assigned (`table.name = …`): tags such as "1.1 for getting; 1.4 for setting". */
  writes: boolean;
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

export interface RequirementTag {
  set: string;
  version: string;
  versions: string[];
}

/**
 * The requirement sets a declaration's JSDoc names, in both forms @types/office-js uses.
 *
 * @example
 * requirementTags("[Api set: ExcelApi 1.1 for get, 1.8 for set]") // [{ set: "ExcelApi", version: "1.1", versions: ["1.1", "1.8"] }]
 * requirementTags("**Requirement set**: {@link https://… | OpenBrowserWindowApi 1.1}") // [{ set: "OpenBrowserWindowApi", version: "1.1", versions: ["1.1"] }]
 */
export function requirementTags(doc: string): RequirementTag[] {
  const out: RequirementTag[] = [];
  for (const m of doc.matchAll(/\[Api set: ([^\]]+)\]/g)) {
    const text = m[1] ?? "";
    const head = /^([A-Za-z]+)\s+(\d+\.\d+)/.exec(text.trim());
    if (!head?.[1] || !head[2]) continue;
    out.push({ set: head[1], version: head[2], versions: [...new Set([...text.matchAll(/\b\d+\.\d+\b/g)].map((v) => v[0]))] });
  }
  const common = /\*\*Requirement sets?\*\*:([\s\S]*?)(?=\*\*[A-Z][A-Za-z ]*\*\*:|@param|@returns|@example|$)/.exec(doc);
  if (common?.[1]) {
    // "| DialogApi}" without a version is the set's first version; Outlook's own sets (Mailbox) do not apply to Excel.
    for (const link of common[1].matchAll(/\{@link\s+(\S+)\s*\|\s*([A-Za-z]+)(?:\s+(\d+\.\d+))?\s*\}/g)) {
      if (link[2] && !(link[1] ?? "").includes("/outlook/")) out.push({ set: link[2], version: link[3] ?? "1.1", versions: [link[3] ?? "1.1"] });
    }
  }
  return out;
}

export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

const isOffice = (decl: ts.Declaration): boolean => decl.getSourceFile().fileName.includes("@types/office-js/");
const docOf = (decl: ts.Node): string => ts.getJSDocCommentsAndTags(decl).map((d) => d.getText()).join("\n");
const ownerOf = (decl: ts.Declaration): string =>
  decl.parent && (ts.isClassDeclaration(decl.parent) || ts.isInterfaceDeclaration(decl.parent) || ts.isModuleBlock(decl.parent)) ?
    (ts.isModuleBlock(decl.parent) ? (decl.parent.parent.name.getText()) : decl.parent.name?.text ?? "?") : "?";

/** Every tagged member of @types/office-js by name: what a member reached through `any` may be. */
function taggedByName(program: ts.Program): Map<string, Array<{ owner: string; tag: RequirementTag }>> {
  const map = new Map<string, Array<{ owner: string; tag: RequirementTag }>>();
  for (const file of program.getSourceFiles().filter((f) => f.fileName.includes("@types/office-js/"))) {
    const visit = (node: ts.Node): void => {
      if ((ts.isMethodDeclaration(node) || ts.isPropertyDeclaration(node) || ts.isMethodSignature(node) || ts.isPropertySignature(node) || ts.isFunctionDeclaration(node)) && node.name) {
        for (const tag of requirementTags(docOf(node))) {
          const name = node.name.getText();
          map.set(name, [...(map.get(name) ?? []), { owner: ownerOf(node as ts.Declaration), tag }]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return map;
}

/** Every use of an Office.js member that carries a requirement tag, in the given source folders. */
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
  let byName: Map<string, Array<{ owner: string; tag: RequirementTag }>> | null = null;
  const uses: ApiUse[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    const at = (node: ts.Node) => `${file.slice(root.length + 1)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const argsOf = (node: ts.Node): number | null => (ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent.arguments.length : null);
    const record = (member: string, tag: RequirementTag, via: ApiUse["via"], node: ts.Node, args: number | null) => {
      const writes = ts.isBinaryExpression(node.parent) && node.parent.left === node && node.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
      const key = `${member}@${tag.set}@${tag.version}@${via}@${args ?? ""}@${writes}`;
      if (seen.has(key)) return;
      seen.add(key);
      uses.push({ member, set: tag.set, version: tag.version, versions: tag.versions, via, args, writes, at: at(node) });
    };
    const fromSymbol = (symbol: ts.Symbol | undefined, name: string, via: ApiUse["via"], node: ts.Node, args: number | null) => {
      for (const decl of symbol?.declarations ?? []) {
        if (!isOffice(decl)) continue;
        for (const tag of requirementTags(docOf(decl))) record(`${ownerOf(decl)}.${name}`, tag, via, node, args);
      }
    };
    const isAny = (expr: ts.Expression) => (checker.getTypeAtLocation(expr).flags & ts.TypeFlags.Any) !== 0;
    const throughAny = (name: string, node: ts.Node, args: number | null) => {
      byName ??= taggedByName(program);
      const candidates = byName.get(name) ?? [];
      // Counted as the newest member of that name: `any` hides which one it is.
      const newest = [...candidates].sort((a, b) => compareVersions(b.tag.version, a.tag.version))[0];
      if (newest) record(`any.${name}`, newest.tag, "any", node, args);
    };
    /** load("a, b/c"), load(["a"]), load({ select: "a" }): each path resolved on the receiver's type. */
    const loadPaths = (call: ts.CallExpression, receiver: ts.Expression) => {
      const arg = call.arguments[0];
      if (!arg) return;
      const strings: string[] = [];
      const take = (e: ts.Expression) => {
        if (ts.isStringLiteralLike(e)) strings.push(e.text);
        else if (ts.isArrayLiteralExpression(e)) e.elements.forEach((x) => ts.isStringLiteralLike(x) && strings.push(x.text));
        else if (ts.isObjectLiteralExpression(e)) {
          for (const p of e.properties) if (ts.isPropertyAssignment(p) && p.name.getText() === "select") take(p.initializer);
        }
      };
      take(arg);
      for (const path of strings.flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean)) {
        let type: ts.Type | undefined = checker.getNonNullableType(checker.getTypeAtLocation(receiver));
        for (const segment of path.split("/")) {
          if (!type) break;
          if (type.flags & ts.TypeFlags.Any) {
            throughAny(segment, call, null);
            break;
          }
          const prop = type.getProperty(segment);
          if (!prop) break;
          fromSymbol(prop, segment, "load", call, null);
          let next: ts.Type | undefined = checker.getTypeOfSymbolAtLocation(prop, call);
          // `items` is an array: the path goes on in its element type.
          if (next && checker.isArrayType(next)) next = checker.getTypeArguments(next as ts.TypeReference)[0];
          type = next;
        }
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const name = node.name.getText();
        const symbol = checker.getSymbolAtLocation(node.name);
        if (!symbol && isAny(node.expression)) throughAny(name, node, argsOf(node));
        else fromSymbol(symbol, name, "property", node, argsOf(node));
        if (name === "load" && ts.isCallExpression(node.parent) && node.parent.expression === node && symbol?.declarations?.some(isOffice)) loadPaths(node.parent, node.expression);
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        const name = node.argumentExpression.text;
        if (isAny(node.expression)) throughAny(name, node, argsOf(node));
        else fromSymbol(checker.getTypeAtLocation(node.expression).getProperty(name), name, "element", node, argsOf(node));
      } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
        const symbol = checker.getSymbolAtLocation(node.name) ?? (ts.isPropertyAssignment(node) ? checker.getContextualType(node.parent as ts.Expression)?.getProperty(node.name.getText()) : undefined);
        fromSymbol(symbol, node.name.getText(), "property", node, null);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}
