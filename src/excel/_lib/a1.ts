/**
 * A1-style addresses as plain numbers, shared by the Office.js adapter and the
 * in-memory Excel stand-in so both agree on what "A2:T5001" means.
 */

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Column letters of a 0-based column index.
 *
 * @example
 * columnLetters(0)  // "A"
 * columnLetters(27) // "AB"
 */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/**
 * Parses "B3", "$A$2:$A$200" or "'Chỉ tiêu'!C5" (the sheet part is ignored: see {@link splitSheet}).
 * Throws on text that is not an address: only code passes addresses here.
 *
 * @example
 * parseRect("B2:C4") // { row: 1, col: 1, rows: 3, cols: 2 }
 */
export function parseRect(address: string): Rect {
  const { ref } = splitSheet(address);
  const [a, b = a] = ref.split(":");
  const ma = CELL.exec(a ?? "");
  const mb = CELL.exec(b ?? "");
  if (!ma || !mb) throw new Error(`Not an A1 address: "${address}"`);
  const r1 = Number(ma[2]) - 1;
  const r2 = Number(mb[2]) - 1;
  const c1 = columnIndex(ma[1] ?? "A");
  const c2 = columnIndex(mb[1] ?? "A");
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

/** "A1" or "A1:C3" for a rectangle. */
export function rectAddress(rect: Rect): string {
  const tl = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

/** Splits "'Chỉ tiêu'!C5" into the sheet ("Chỉ tiêu") and the reference ("C5"). */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** A sheet name as it must appear in a formula: quoted unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
