/** Small helpers over @xmldom for editing package parts in place (parse, serialise, children by local name, part paths). */
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

export const parse = (xml: string): Document => new DOMParser().parseFromString(xml, "text/xml");

export const serialize = (doc: Document): string => {
  const s = new XMLSerializer().serializeToString(doc);
  return s.startsWith("<?xml") ? s : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`;
};

/** Element children with this local name (any namespace prefix). */
export const children = (el: Element, local: string): Element[] => {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).localName === local) out.push(n as Element);
  return out;
};

export const child = (el: Element, local: string): Element | undefined => children(el, local)[0];

/** Every descendant with this local name, in document order. */
export const descendants = (el: Element, local: string, out: Element[] = []): Element[] => {
  // Appended into one array (no spread of a child's result into push): a sheet has a million cells at most.
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    if ((n as Element).localName === local) out.push(n as Element);
    descendants(n as Element, local, out);
  }
  return out;
};

/** A relationship target resolved against the part that holds it ("xl/worksheets/sheet1.xml" + "../drawings/d1.xml"). */
export const resolve = (base: string, target: string): string => {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
};

/** The relationships part of a part. */
export const relsOf = (part: string): string => {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};
