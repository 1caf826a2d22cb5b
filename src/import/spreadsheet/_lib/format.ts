/**
 * Spreadsheet values as the text a Vietnamese document would print, so the
 * core parses one way whatever the source: 6.3 shown "0.00" → "6,30", 0.1393
 * shown "0.00%" → "13,93%", 2200000 shown "#,##0" → "2.200.000", a date →
 * "30/11/2023". The number itself is never rounded beyond what the cell's
 * own format shows, and text cells pass through untouched.
 */

/** Decimal places a number format shows ("0.00%" → 2); null for General. */
export function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /^general$/i.test(numFmt)) return null;
  const section = numFmt.split(";")[0]!.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  const m = /[0#?](?:\.([0#?]+))?/.exec(section);
  if (!m) return null;
  return m[1]?.length ?? 0;
}

const isPercentFormat = (numFmt: string | undefined): boolean => !!numFmt && /%/.test(numFmt.split(";")[0]!.replace(/"[^"]*"/g, ""));
const isGroupedFormat = (numFmt: string | undefined): boolean => !!numFmt && /[#0],[#0]/.test(numFmt);
const isDateFormat = (numFmt: string | undefined): boolean => !!numFmt && /(^|[^\\"])[dy]/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, ""));

/**
 * @example
 * formatNumberText(0.1393, "0.00%") // "13,93%"
 * formatNumberText(6.3, "0.00")     // "6,30"
 * formatNumberText(12.76)           // "12,76"
 */
export function formatNumberText(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  if (isDateFormat(numFmt) && !isPercentFormat(numFmt)) return formatDate(excelSerialToDate(value));
  const percent = isPercentFormat(numFmt);
  const shown = percent ? value * 100 : value;
  const decimals = formatDecimals(numFmt);
  let text = decimals === null ? String(Number(shown.toPrecision(15))) : shown.toFixed(decimals);
  if (/e/i.test(text)) text = shown.toFixed(Math.min(20, decimals ?? 10)).replace(/\.?0+$/, "");
  const [int, frac] = text.split(".") as [string, string | undefined];
  const grouped = isGroupedFormat(numFmt) ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ".") : int;
  return `${grouped}${frac ? `,${frac}` : ""}${percent ? "%" : ""}`;
}

export function formatDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

function excelSerialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}
