/**
 * Folding and tokenising agency text. Every token keeps its offsets in the
 * (line-joined) source so that each parsed agency's `raw` is a verbatim slice.
 */

export type TokenKind = "word" | "and" | "comma" | "semi" | "colon" | "dash" | "open" | "close" | "punct";

export interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
  /** Folded, letters and digits only: "KH&ĐT" → "khdt", "Đầu" → "dau". Empty for punctuation. */
  key: string;
  /** Starts with a capital letter ("Bắc", "UBND"). */
  upper: boolean;
  /** Every letter is a capital and there are at least two ("UBND", "KH&ĐT", "QL"): an abbreviation. */
  caps: boolean;
}

/**
 * Case-, diacritic- and old-font-insensitive form of a string. The old TCVN3
 * fonts (seed 001) put "ð" where "Đ" belongs and "ñ" where "đ" belongs; both
 * fold to "d" so unrepaired text still finds its agency.
 * @example fold("Sở Kế hoạch và ðầu tư") // "so ke hoach va dau tu"
 */
export function fold(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[ðñ]/g, "đ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d");
}

/** Letters and digits only, folded. */
export function compactKey(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * Case- and diacritic-sensitive comparison key: letters and digits only, so
 * "LĐ-TT&XH" equals "LĐTT&XH" and "Lao động, Thương binh" equals "Lao động -
 * Thương binh", while "Công thương" differs from "Công Thương". Old and new
 * tone placement ("Uỷ"/"Ủy", "hoá"/"hóa") compare equal: both are correct.
 */
export function exactKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])/g, "$1$3$2")
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const WORD = /[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M}]|[&\-./'’](?=[\p{L}\p{N}]))*/uy;

function punctKind(ch: string): TokenKind {
  switch (ch) {
    case ",":
      return "comma";
    case ";":
      return "semi";
    case ":":
      return "colon";
    case "(":
    case "[":
      return "open";
    case ")":
    case "]":
      return "close";
    case "-":
    case "–":
    case "—":
      return "dash";
    default:
      return "punct";
  }
}

/**
 * Split text into words and punctuation, with offsets. "và" is its own kind:
 * inside a name it is skipped when comparing, between names it separates.
 * @example tokenize("KH&ĐT, XD").map((t) => t.kind) // ["word", "comma", "word"]
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m) {
      const word = m[0];
      const key = compactKey(word);
      const letters = word.replace(/[^\p{L}]/gu, "");
      tokens.push({
        kind: /^[vV][àa]$/u.test(word) ? "and" : "word",
        text: word,
        start: i,
        end: i + word.length,
        key,
        upper: /^\p{Lu}/u.test(word),
        caps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      });
      i += word.length;
      continue;
    }
    // A character outside every word: one punctuation token (surrogate pairs kept whole).
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const p = text.slice(i, i + len);
    tokens.push({ kind: punctKind(p), text: p, start: i, end: i + len, key: "", upper: false, caps: false });
    i += len;
  }
  return tokens;
}
