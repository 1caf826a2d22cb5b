/**
 * A small, iterative XML reader for WordprocessingML, keeping only what the
 * .docx reader looks at: elements by local name, the `val` attribute, and the
 * text of `t` elements. Formatting (run and paragraph properties, table
 * properties, drawings, bookmarks) is skipped while parsing.
 *
 * Why not a DOM library: a general DOM costs ~80 bytes of memory per byte of
 * XML (a 20,000-row appendix peaked at 1.6 GB), and walking it recursively
 * overflows the stack on nested tables. This tree is a fraction of that, and
 * neither parsing nor walking it recurses, so nesting depth is bounded only by
 * the file size.
 */

export interface XmlElement {
  /** Local name, prefix dropped ("tbl", "gridSpan"): writers use different prefixes. */
  name: string;
  /** The `val` attribute (`<w:gridSpan w:val="2"/>`), null when absent. */
  val: string | null;
  children: XmlElement[];
  /** Text content, kept for `t` elements only. */
  text: string;
}

/** Malformed XML: the reader turns it into a "damaged file" message. */
export class XmlSyntaxError extends Error {}

/** Subtrees nothing reads (formatting, drawings, deleted text, field codes): not kept. */
const SKIPPED = new Set([
  "rPr", "pPr", "tblPr", "tblGrid", "tblPrEx", "sectPr", "drawing", "pict", "object", "del", "delText", "instrText", "Fallback",
  "bookmarkStart", "bookmarkEnd", "proofErr", "lastRenderedPageBreak", "footnoteReference", "endnoteReference", "commentRangeStart",
  "commentRangeEnd", "commentReference", "tcW", "tcBorders", "shd", "tblW", "trHeight", "permStart", "permEnd",
]);

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw new XmlSyntaxError(`bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`);
    return v;
  });
}

const localOf = (qname: string): string => {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
};

const VAL_ATTR = /(?:^|\s)(?:[\w.-]+:)?val\s*=\s*("([^"]*)"|'([^']*)')/;

/**
 * Parses a document into the tree above; returns the root element.
 * Throws XmlSyntaxError on malformed XML (unclosed or mismatched tags, a DOCTYPE:
 * Word never writes one, and refusing it rules out entity expansion).
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", val: null, children: [], text: "" };
  const stack: Array<{ el: XmlElement; qname: string }> = [{ el: root, qname: "" }];
  /** >0 while inside a skipped subtree: the depth within it. */
  let skipping = 0;
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && skipping === 0) {
      const top = stack[stack.length - 1]!.el;
      if (top.name === "t") top.text += decodeEntities(xml.slice(i, textEnd));
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlSyntaxError("unclosed comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlSyntaxError("unclosed CDATA");
        const top = stack[stack.length - 1]!.el;
        if (skipping === 0 && top.name === "t") top.text += xml.slice(lt + 9, end);
        i = end + 3;
      } else throw new XmlSyntaxError("DOCTYPE or declaration not allowed");
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlSyntaxError("unclosed processing instruction");
      i = end + 2;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) throw new XmlSyntaxError("unclosed tag");
    if (next === 0x2f /* / */) {
      const qname = xml.slice(lt + 2, gt).trim();
      if (skipping > 0) {
        skipping--;
        if (skipping > 0 || stack[stack.length - 1]!.qname !== "\u0000skip") {
          i = gt + 1;
          continue;
        }
      }
      const open = stack.pop();
      if (!open || stack.length === 0 || (open.qname !== qname && open.qname !== "\u0000skip")) throw new XmlSyntaxError(`mismatched </${qname}>`);
      i = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 0x2f;
    const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const space = body.search(/\s/);
    const qname = space < 0 ? body : body.slice(0, space);
    if (qname === "") throw new XmlSyntaxError("empty tag name");
    i = gt + 1;
    if (skipping > 0) {
      if (!selfClosing) skipping++;
      continue;
    }
    const name = localOf(qname);
    if (SKIPPED.has(name)) {
      if (!selfClosing) {
        skipping = 1;
        stack.push({ el: stack[stack.length - 1]!.el, qname: "\u0000skip" });
      }
      continue;
    }
    const m = space < 0 ? null : VAL_ATTR.exec(body.slice(space));
    const el: XmlElement = { name, val: m ? decodeEntities(m[2] ?? m[3] ?? "") : null, children: [], text: "" };
    stack[stack.length - 1]!.el.children.push(el);
    if (!selfClosing) stack.push({ el, qname });
  }
  if (stack.length !== 1 || skipping > 0) throw new XmlSyntaxError("unclosed element");
  return root;
}

/** The index of the ">" closing the tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j;
  }
  return -1;
}
