/**
 * Text of WordprocessingML elements (parsed by ./xml, which matches elements
 * by local name since namespace prefixes vary between writers). Every walk is
 * iterative: nested tables cannot overflow the stack.
 */
import type { XmlElement } from "./xml";

export function localName(n: XmlElement): string {
  return n.name;
}

export function childElements(n: XmlElement, name?: string): XmlElement[] {
  return name ? n.children.filter((c) => c.name === name) : n.children;
}

export function firstChild(n: XmlElement, name: string): XmlElement | undefined {
  return n.children.find((c) => c.name === name);
}

/** `w:val` of a property element (`<w:gridSpan w:val="2"/>`), null when absent. */
export function attrVal(el: XmlElement | undefined): string | null {
  return el ? el.val : null;
}

// Deleted text, field codes, fallbacks duplicating the choice, and nested tables (read on their own) are not paragraph text.
// (Most are already dropped by the parser; tbl is kept for the table reader.)
const SKIP = new Set(["del", "delText", "instrText", "Fallback", "tbl", "rPr", "pPr", "footnoteReference"]);

/**
 * Visits the descendants of `root` in document order without recursion;
 * `enter` returns false to skip an element's children.
 */
export function walkElements(root: XmlElement, enter: (el: XmlElement) => boolean): void {
  const stack: Array<{ el: XmlElement; next: number }> = [{ el: root, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const child = top.el.children[top.next++];
    if (!child) {
      stack.pop();
      continue;
    }
    if (enter(child) && child.children.length > 0) stack.push({ el: child, next: 0 });
  }
}

/** The visible text of one paragraph: runs, tabs and breaks, hyperlinks and fields included. */
export function paragraphText(p: XmlElement): string {
  const parts: string[] = [];
  walkElements(p, (c) => {
    const name = c.name;
    if (SKIP.has(name)) return false;
    if (name === "t") parts.push(c.text);
    else if (name === "tab") parts.push(" ");
    else if (name === "br" || name === "cr") parts.push("\n");
    else if (name === "noBreakHyphen") parts.push("-");
    else return true;
    return false;
  });
  return parts.join("");
}
