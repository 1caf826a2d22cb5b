/** A1 address arithmetic for layouts (1-based rows and columns). */

export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "C5" → {row: 5, col: 3}; misuse throws. */
export function parseAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m || !m[1] || !m[2]) throw new Error(`Not an A1 address: "${address}"`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "'Chỉ tiêu'" — sheet names are always quoted in formulas (spaces, Vietnamese letters). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
