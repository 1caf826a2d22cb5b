/**
 * CSV as offices save it: UTF-8 with or without BOM (Excel's "CSV UTF-8"),
 * UTF-16 with BOM (Excel's "Unicode Text"), or
 * the Windows code page of older Excel; separated by commas or, in Vietnamese
 * locales, semicolons; quoted fields may hold separators, quotes and line breaks.
 */
import { decodeTextBytes } from "../../_lib/encoding";

/**
 * Decodes CSV bytes (UTF-8, UTF-16 with BOM, or Windows-1258 when not UTF-8 at
 * all); `legacy` is true when the Windows-1258 page was used. Mixed encodings
 * throw, naming the line (see ../../_lib/encoding).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; legacy: boolean } {
  const { text, legacy } = decodeTextBytes(bytes);
  return { text, legacy };
}

/** The separator used on the most records of the first 30 (outside quotes, which may span lines). */
export function detectSeparator(text: string): string {
  const candidates = [";", ",", "\t"];
  const counts = candidates.map(() => [] as number[]);
  let current = candidates.map(() => 0);
  let quoted = false;
  let records = 0;
  for (let i = 0; i < text.length && records < 30; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\n") {
      current.forEach((n, k) => counts[k]!.push(n));
      current = candidates.map(() => 0);
      records++;
    } else if (!quoted) {
      const k = candidates.indexOf(ch);
      if (k >= 0) current[k]!++;
    }
  }
  current.forEach((n, k) => counts[k]!.push(n));
  const score = (k: number): number => counts[k]!.filter((n) => n > 0).length * 1000 + counts[k]!.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (score(k) > score(best)) best = k;
  return candidates[best]!;
}

/** RFC 4180 parsing with the given separator. */
export function parseCsv(text: string, sep = detectSeparator(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
