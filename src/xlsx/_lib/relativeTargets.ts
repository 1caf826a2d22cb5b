/**
 * exceljs 4.4 cannot follow a relationship whose target is an absolute part
 * name ("/xl/tables/table1.xml"): it crashes reading the table ("Cannot read
 * properties of undefined (reading 'name')"). openpyxl and other tools write
 * such targets, and the package format allows them, so before exceljs reads
 * a file the targets are rewritten relative to their source part. Nothing
 * else changes; a file without absolute targets is returned as it was.
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

export async function withRelativeTargets(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    const file = zip.file(path);
    if (!file) continue;
    const xml = await file.async("string");
    if (!/Target="\//.test(xml)) continue;
    // "xl/worksheets/_rels/sheet1.xml.rels" describes "xl/worksheets/sheet1.xml"; "_rels/.rels" the package root.
    const source = path.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const fixed = xml.replace(/(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)"/g, (m: string, head: string, target: string) =>
      /TargetMode="External"/.test(m) ? m : `${head}${relativeTarget(source, target)}"`);
    zip.file(path, fixed);
    changed = true;
  }
  return changed ? zip.generateAsync({ type: "uint8array" }) : bytes;
}
