/**
 * Text of WordprocessingML elements. Namespace prefixes vary between writers,
 * so elements are matched by local name.
 */
import type { Element, Node } from "@xmldom/xmldom";

const ELEMENT_NODE = 1;

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

export function localName(n: Element): string {
  return n.localName ?? n.nodeName.replace(/^.*:/, "");
}

export function childElements(n: Node, name?: string): Element[] {
  const out: Element[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (isElement(c) && (!name || localName(c) === name)) out.push(c);
  return out;
}

export function firstChild(n: Node, name: string): Element | undefined {
  return childElements(n, name)[0];
}

/** `w:val` of a property element (`<w:gridSpan w:val="2"/>`), null when absent. */
export function attrVal(el: Element | undefined): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && (a.localName ?? a.name.replace(/^.*:/, "")) === "val") return a.value;
  }
  return null;
}

// Deleted text, field codes, fallbacks duplicating the choice, and nested tables (read on their own) are not paragraph text.
const SKIP = new Set(["del", "delText", "instrText", "Fallback", "tbl", "rPr", "pPr", "footnoteReference"]);

/** The visible text of one paragraph: runs, tabs and breaks, hyperlinks and fields included. */
export function paragraphText(p: Element): string {
  let out = "";
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (!isElement(c)) continue;
      const name = localName(c);
      if (SKIP.has(name)) continue;
      if (name === "t") out += c.textContent ?? "";
      else if (name === "tab") out += " ";
      else if (name === "br" || name === "cr") out += "\n";
      else if (name === "noBreakHyphen") out += "-";
      else walk(c);
    }
  };
  walk(p);
  return out;
}
