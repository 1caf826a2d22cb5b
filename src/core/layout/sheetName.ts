/**
 * Sheet names Excel accepts and that never collide with a sheet the user
 * made: at most 31 characters, none of []:*?/\, no leading/trailing
 * apostrophe, and " (2)", " (3)"… when the name is taken (compared
 * case-insensitively, as Excel does).
 */

const MAX = 31;

function clean(name: string): string {
  const s = name.normalize("NFC").replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  return s === "" ? "Sheet" : s;
}

/**
 * @example
 * sanitizeSheetName("Chỉ tiêu", ["Chỉ tiêu"]) // "Chỉ tiêu (2)"
 * sanitizeSheetName("Phụ lục I: chỉ tiêu/2024", []) // "Phụ lục I chỉ tiêu 2024"
 */
export function sanitizeSheetName(name: string, taken: string[]): string {
  const base = clean(name).slice(0, MAX).trim();
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
