/**
 * Bounds an .xlsx before exceljs sees it: exceljs inflates every part and
 * materialises every cell of a merged range, so a zip bomb or one merge over
 * a whole column (A1:A1048576) exhausts memory inside its loader, where no
 * later check can help. The zip's declared sizes are checked first (see
 * ./zip), then each sheet's merged ranges are read from its XML.
 */
import { ImportFileError } from "./errors";
import { checkInflation, openZip, readZipText } from "./zip";

/** Cells one merged range may cover: a title merged across a row or a block is a few hundred. */
export const MAX_MERGE_CELLS = 100_000;

function rangeSize(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return 1;
  const col = (s: string): number => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [c1, r1] = [col(m[1]!), Number(m[2])];
  const [c2, r2] = m[3] ? [col(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** Sheet part path → sheet name, from xl/workbook.xml and its relationships. */
async function sheetNames(zip: Awaited<ReturnType<typeof openZip>>, file: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = (await readZipText(zip, "xl/workbook.xml", file)) ?? "";
  const rels = (await readZipText(zip, "xl/_rels/workbook.xml.rels", file)) ?? "";
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) out.set(part, name.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return out;
}

/** A bound on the rows any one sheet may have (a returned form: a few hundred), checked before the loader runs. */
export interface PackageBounds {
  maxSheetRows?: number;
}

/** Refuses an .xlsx whose parts inflate too far or whose merged ranges are too large; corrupt zips pass through to the loader's own message. */
export async function checkXlsxPackage(bytes: Uint8Array, file: string, bounds: PackageBounds = {}): Promise<void> {
  const zip = await openZip(bytes, file);
  // Every part, not only the sheets: a shared-strings or styles part that lies about its size is inflated whole by the loader.
  await checkInflation(zip, file);
  const names = await sheetNames(zip, file);
  for (const part of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = (await readZipText(zip, part, file)) ?? "";
    if (bounds.maxSheetRows !== undefined) {
      let rows = 0;
      for (let at = xml.indexOf("<row"); at >= 0; at = xml.indexOf("<row", at + 4)) {
        const next = xml.charCodeAt(at + 4);
        // "<row " or "<row>" (not "<rowBreaks" and the like).
        if (next === 32 || next === 62 || next === 9 || next === 10 || next === 13) rows++;
      }
      if (rows > bounds.maxSheetRows) {
        const sheet = names.get(part) ?? part;
        throw new ImportFileError("tableTooLarge", { where: `Trang "${sheet}"`, whereEn: `Sheet "${sheet}"`, count: rows.toLocaleString("vi-VN"), unit: "dòng", unitEn: "rows", limit: bounds.maxSheetRows.toLocaleString("vi-VN") });
      }
    }
    const from = xml.indexOf("<mergeCells");
    if (from < 0) continue;
    for (const m of xml.slice(from).matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]+)"/g)) {
      const count = rangeSize(m[1]!);
      if (count > MAX_MERGE_CELLS) {
        throw new ImportFileError("mergeTooLarge", { sheet: names.get(part) ?? part, range: m[1]!, count: count.toLocaleString("vi-VN"), limit: MAX_MERGE_CELLS.toLocaleString("vi-VN") });
      }
    }
  }
}
