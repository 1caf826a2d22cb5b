import { parseXml, XmlSyntaxError } from "./xml";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("parseXml", () => {
  it("keeps elements by local name, their val attribute and the text of t elements, entities decoded", () => {
    const root = parseXml(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t xml:space="preserve">Sở &amp; Ban &lt;1&gt; &#7873;&#x1EC7;</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc></w:tr></w:tbl></w:body></w:document>`);
    const body = root.children[0]!.children[0]!;
    expect(body.children.map((c) => c.name)).toEqual(["p", "tbl"]);
    expect(body.children[0]!.children[0]!.children[0]!.text).toBe("Sở & Ban <1> ềệ");
    expect(body.children[1]!.children[0]!.children[0]!.children[0]!.children[0]).toMatchObject({ name: "gridSpan", val: "2" });
  });

  it("drops formatting subtrees (run and paragraph properties) while parsing", () => {
    const root = parseXml(`<w:p ${W}><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:rFonts w:ascii="x"/></w:rPr><w:t>A</w:t></w:r></w:p>`);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(["r"]);
    expect(root.children[0]!.children[0]!.children.map((c) => c.name)).toEqual(["t"]);
  });

  it("reads CDATA and skips comments and processing instructions", () => {
    const root = parseXml(`<w:t ${W}><!-- ghi chú --><?pi x?><![CDATA[a < b]]></w:t>`);
    expect(root.children[0]!.text).toBe("a < b");
  });

  it("parses 100,000 nested elements without recursion", () => {
    const depth = 100_000;
    const root = parseXml(`${"<w:tbl>".repeat(depth)}${"</w:tbl>".repeat(depth)}`);
    let d = 0;
    for (let el = root.children[0]; el; el = el.children[0]) d++;
    expect(d).toBe(depth);
  });

  it("refuses malformed XML, an unknown entity in text it keeps, and a DOCTYPE (no entity expansion)", () => {
    for (const bad of ["<a><b></a>", "<a>", "<t>&bogus;</t>", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "<a", "<a></a></b>"]) {
      expect(() => parseXml(bad)).toThrow(XmlSyntaxError);
    }
  });
});
