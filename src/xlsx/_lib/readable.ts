/**
 * A copy of an .xlsx that exceljs 4.4 can load for reading values. Files
 * made by other tools trip it in ways that have nothing to do with values
 * (measured on files saved by openpyxl and LibreOffice):
 * - a relationship target that is an absolute part name
 *   ("/xl/tables/table1.xml", as openpyxl writes) crashes its table reader
 *   ("Cannot read properties of undefined (reading 'name')"): targets are
 *   rewritten relative to their source part;
 * - a drawing written with a default namespace (openpyxl's charts) crashes
 *   its drawing reader ("reading 'anchors'"): the reader needs no drawings,
 *   so drawings, charts and sheets' links to them are dropped from the copy.
 * Only the copy handed to exceljs changes; the user's file is never written
 * from it. A file that needs none of this is returned as it was.
 */
import JSZip from "jszip";

/** "/xl/tables/table1.xml" seen from "xl/worksheets/sheet1.xml" → "../tables/table1.xml". */
export function relativeTarget(sourcePart: string, absolute: string): string {
  const from = sourcePart.split("/").slice(0, -1);
  const to = absolute.replace(/^\//, "").split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

const DRAWING_REL = /<Relationship\b[^>]*\bType="[^"]*\/drawing"[^>]*\/>/g;

export async function readableByExceljs(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async("string");
    const absolute = /Target="\//.test(xml);
    const drawing = /^xl\/worksheets\/_rels\//.test(path) && DRAWING_REL.test(xml);
    DRAWING_REL.lastIndex = 0;
    if (!absolute && !drawing) continue;
    // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml"; "_rels/.rels" the package root.
    const source = path.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    let fixed = xml.replace(/(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)"/g, (m: string, head: string, target: string) =>
      /TargetMode="External"/.test(m) ? m : `${head}${relativeTarget(source, target)}"`);
    if (drawing) {
      fixed = fixed.replace(DRAWING_REL, "");
      const sheet = zip.file(source);
      if (sheet) zip.file(source, (await sheet.async("string")).replace(/<(?:\w+:)?drawing\b[^>]*\/>/g, ""));
    }
    zip.file(path, fixed);
    changed = true;
  }
  // exceljs parses every drawing part it finds, linked or not.
  const drawings = Object.keys(zip.files).filter((p) => /^xl\/(drawings\/(_rels\/)?drawing[^/]*\.xml(\.rels)?|charts\/.*)$/.test(p));
  for (const p of drawings) zip.remove(p);
  if (drawings.length > 0) changed = true;
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}
