/**
 * The one place that decides what "." and "," mean inside a run of digits.
 */

export type DecimalMark = "," | "." | "auto";

/** Digits with "." or "," between groups: "6,35", "2.200.000", "1.234,5". Regex source, no flags needed. */
export const NUMBER_BODY = "\\d+(?:[.,]\\d+)*";

export type DigitsRead =
  | { ok: true; value: number; ambiguous: boolean; note?: string }
  | { ok: false; reason: string };

/** True when the groups split at a separator read as thousands: first 1–3 digits, then exactly 3 each. */
function validThousands(groups: string[]): boolean {
  const [first, ...rest] = groups;
  return first !== undefined && /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}

function finite(text: string, body: string): DigitsRead {
  const value = Number(body);
  if (!Number.isFinite(value)) return { ok: false, reason: `"${text}" quá lớn (too large)` };
  return { ok: true, value, ambiguous: false };
}

/**
 * Interpret a {@link NUMBER_BODY} match. Rules, in order:
 * - no separator: an integer ("05" → 5);
 * - both marks: the last one is the decimal mark, the other groups thousands ("1.234,5");
 * - one mark used several times: thousands ("2.200.000"), else unreadable ("6.35.2");
 * - one mark once, not followed by exactly 3 digits: decimal ("6,35", "12.76", "20.0");
 * - one mark once before exactly 3 digits, where grouping is impossible
 *   (integer part "0…" or longer than 3 digits): decimal;
 * - otherwise ambiguous: `decimal` decides, "auto" reads "." as thousands and "," as decimal.
 */
export function interpretDigits(text: string, decimal: DecimalMark): DigitsRead {
  const marks = text.replace(/\d/g, "");
  if (marks === "") return finite(text, text);
  const hasDot = marks.includes(".");
  const hasComma = marks.includes(",");
  if (hasDot && hasComma) {
    const dec = text.lastIndexOf(".") > text.lastIndexOf(",") ? "." : ",";
    const sep = dec === "." ? "," : ".";
    const decAt = text.lastIndexOf(dec);
    const head = text.slice(0, decAt);
    if (head.includes(dec) || !validThousands(head.split(sep))) {
      return { ok: false, reason: `"${text}" dùng lẫn dấu "." và "," không đúng cách (mixed separators)` };
    }
    return finite(text, head.split(sep).join("") + "." + text.slice(decAt + 1));
  }
  const mark = hasDot ? "." : ",";
  const groups = text.split(mark);
  if (groups.length > 2) {
    if (!validThousands(groups)) return { ok: false, reason: `"${text}" có dấu "${mark}" đặt sai chỗ (misplaced separators)` };
    return finite(text, groups.join(""));
  }
  const [int = "", frac = ""] = groups;
  if (frac.length !== 3 || int.startsWith("0") || int.length > 3) {
    return finite(text, `${int}.${frac}`);
  }
  const asDecimal = decimal === "auto" ? mark === "," : decimal === mark;
  const read = finite(text, asDecimal ? `${int}.${frac}` : int + frac);
  if (!read.ok) return read;
  const chosen = asDecimal ? `${int},${frac}` : `${int}${frac}`;
  const meaning = asDecimal ? `số thập phân ${chosen}` : `${chosen} (dấu "${mark}" phân cách hàng nghìn)`;
  const meaningEn = asDecimal ? "a decimal" : "thousands";
  return { ok: true, value: read.value, ambiguous: true, note: `"${text}" có thể hiểu hai cách; đã hiểu là ${meaning} (ambiguous, read as ${meaningEn})` };
}
