/** Reading STT values: "3", "3.1", "III", "1.1.1." → number segments. */

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function roman(s: string): number | null {
  if (!/^[IVXLC]+$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i] ?? ""] ?? 0;
    const next = ROMAN[s[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/**
 * The numeric segments of an STT, or null when it is not a number ("a", "-").
 * @example
 * sttSegments("3.10") // [3, 10]
 * sttSegments("III")  // [3]
 */
export function sttSegments(stt: string | null): number[] | null {
  if (stt === null) return null;
  const s = stt.trim().replace(/\.$/, "");
  if (s === "") return null;
  const r = roman(s.toUpperCase() === s ? s : "");
  if (r !== null) return [r];
  if (!/^\d+(?:\.\d+)*$/.test(s)) return null;
  return s.split(".").map(Number);
}

/** The STT that should come after `segments` at the same level ("3.9" → "3.10"). */
export function nextStt(segments: number[]): string {
  const copy = [...segments];
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) + 1;
  return copy.join(".");
}

export function sameParent(a: number[], b: number[]): boolean {
  return a.length === b.length && a.slice(0, -1).every((v, i) => v === b[i]);
}
