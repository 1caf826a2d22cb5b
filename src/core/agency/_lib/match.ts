/**
 * Longest-match of directory forms against a token stream. Commas, dashes
 * and "và" inside a name are skipped while comparing ("Văn hóa, Thể thao và
 * Du lịch", "Lao động - Thương binh"), so names that contain separators are
 * found whole and the separators left over are real list separators.
 */
import type { CompiledDirectory, CompiledForm } from "./compile";
import { unitsOf } from "./compile";
import { exactKey, type Token } from "./text";

export interface FormMatch {
  form: CompiledForm;
  /** Token index of the first word and one past the last token consumed (province included). */
  start: number;
  end: number;
  /** Written exactly as the directory writes it (case and diacritics), province aside. */
  exact: boolean;
}

const SKIPPABLE_INSIDE = new Set(["and", "comma", "dash"]);

/** Does a capitalised head phrase ("Chi cục", "Sở") start at token i? */
export function startsHead(tokens: readonly Token[], i: number, end: number, c: CompiledDirectory): boolean {
  // Names start with a capital; lowercase "ban" in "các sở, ban, ngành" is not a new agency.
  if (!tokens[i]?.upper) return false;
  return c.heads.some((keys) => keys.every((k, n) => i + n < end && tokens[i + n]?.kind === "word" && tokens[i + n]?.key === k));
}

/** Does role text ("chủ trì", "đôn đốc") start at token i? */
export function startsRole(tokens: readonly Token[], i: number, c: CompiledDirectory): boolean {
  const t = tokens[i];
  return t !== undefined && t.kind === "word" && !t.upper && c.roles.has(t.key);
}

/** Does a known name, or a word that begins one, start at token i? */
export function startsItem(tokens: readonly Token[], i: number, end: number, c: CompiledDirectory): boolean {
  const t = tokens[i];
  if (!t || t.kind !== "word" || i >= end) return false;
  return startsHead(tokens, i, end, c) || bestMatch(tokens, i, end, c) !== null;
}

/**
 * A province name after a name: capitalised words ("Bắc Giang", "Bà Rịa -
 * Vũng Tàu", "Thừa Thiên Huế"), not a head word and not another agency.
 * Returns how many tokens it spans (0 when there is none).
 */
function provinceLength(tokens: readonly Token[], i: number, end: number, c: CompiledDirectory): number {
  let j = i;
  let words = 0;
  while (j < end && words < 4) {
    const t = tokens[j];
    if (!t) break;
    if (t.kind === "dash" && words > 0 && tokens[j + 1]?.kind === "word" && tokens[j + 1]?.upper) {
      j += 1;
      continue;
    }
    if (t.kind !== "word" || !t.upper || t.caps) break;
    if (words === 0 && startsHead(tokens, j, end, c)) break;
    if (bestMatch(tokens, j, end, c, false) !== null) break;
    j += 1;
    words += 1;
  }
  // A trailing dash belongs to what follows, not to the province.
  while (j > i && tokens[j - 1]?.kind === "dash") j -= 1;
  return words > 0 ? j - i : 0;
}

/** An item may end here: end of text, a separator, a new name or role text. */
function atBoundary(tokens: readonly Token[], i: number, end: number, c: CompiledDirectory): boolean {
  const t = tokens[i];
  if (!t || i >= end) return true;
  if (t.kind !== "word") return true;
  return startsHead(tokens, i, end, c) || startsRole(tokens, i, c);
}

function matchForm(tokens: readonly Token[], i: number, end: number, form: CompiledForm, c: CompiledDirectory, withProvince: boolean): FormMatch | null {
  let t = i;
  let u = 0;
  for (let k = 0; k < form.keys.length; k++) {
    if (u === 0 && k > 0) while (t < end && SKIPPABLE_INSIDE.has(tokens[t]?.kind ?? "")) t += 1;
    const tok = tokens[t];
    if (!tok || t >= end || tok.kind !== "word") return null;
    const units = unitsOf(tok, c.words);
    if (units[u] !== form.keys[k]) return null;
    u += 1;
    if (u === units.length) {
      t += 1;
      u = 0;
    }
  }
  if (u !== 0) return null; // ended inside an expanded abbreviation
  const baseEnd = t;
  const first = tokens[i];
  const lastBase = tokens[baseEnd - 1];
  if (!first || !lastBase) return null;
  const exact = exactKey(sliceText(tokens, i, baseEnd)) === form.exact;
  if (form.slot === "none" || !withProvince) {
    if (form.slot === "explicit" && !withProvince && !atBoundary(tokens, t, end, c)) return null;
    return { form, start: i, end: t, exact };
  }
  const next = tokens[t];
  if (next && t < end && next.kind === "word" && next.key === "tinh" && !next.caps) {
    t += 1;
    t += provinceLength(tokens, t, end, c);
  } else {
    const p = provinceLength(tokens, t, end, c);
    if (p > 0) t += p;
    // "Công an huyện" is not "Công an tỉnh": a left-out "tỉnh" must end the item.
    else if (form.slot === "explicit" && !atBoundary(tokens, t, end, c)) return null;
  }
  return { form, start: i, end: t, exact };
}

/** Source text spanned by tokens [i, j), taken from the tokens themselves. */
function sliceText(tokens: readonly Token[], i: number, j: number): string {
  let s = "";
  for (let n = i; n < j; n++) s += `${tokens[n]?.text ?? ""} `;
  return s;
}

/**
 * The longest directory form starting at token i (ties: the exact spelling,
 * then directory order), or null.
 */
export function bestMatch(tokens: readonly Token[], i: number, end: number, c: CompiledDirectory, withProvince = true): FormMatch | null {
  const tok = tokens[i];
  if (!tok || tok.kind !== "word" || i >= end) return null;
  const first = unitsOf(tok, c.words)[0] ?? "";
  const candidates = c.byFirstKey.get(first);
  if (!candidates) return null;
  let best: FormMatch | null = null;
  for (const form of candidates) {
    const m = matchForm(tokens, i, end, form, c, withProvince);
    if (!m) continue;
    if (!best || m.end > best.end || (m.end === best.end && m.exact && !best.exact)) best = m;
  }
  return best;
}
