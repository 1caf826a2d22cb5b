/**
 * Repairs of text damaged on its way out of a PDF or an old font, each one
 * recorded so the task pane can show what changed. Only known-broken forms
 * are touched: NFC normalisation (seed 003 is decomposed), the old-font "ð/ñ"
 * (seed 001), and lost glyphs inside known words (seed 004).
 */
import type { Repair } from "../../model";
import { WORD_CHAR } from "../_lib/text";
import { LOST_GLYPH_RULES, OLD_FONT_MAP, type GlyphRule } from "./_lib/rules";

export interface RepairedText {
  text: string;
  repairs: Repair[];
}

const COMBINING = /\p{M}/gu;

function normalizeNfc(text: string, repairs: Repair[]): string {
  const nfc = text.normalize("NFC");
  if (nfc === text) return text;
  // Marks folded into their letters: a fair count of what changed, for the UI.
  const count = (text.match(COMBINING)?.length ?? 0) - (nfc.match(COMBINING)?.length ?? 0);
  repairs.push({ kind: "nfc", from: "NFD", to: "NFC", count: Math.max(count, 1) });
  return nfc;
}

function isVowel(ch: string | undefined): boolean {
  return ch !== undefined && /^[aeiouy]/iu.test(ch.normalize("NFD"));
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Lu}/u.test(ch);
}

function repairOldFont(text: string, repairs: Repair[]): string {
  const counts = new Map<string, number>();
  const out = text.replace(/[ðñ]/gu, (ch, offset: number) => {
    const next = text[offset + 1];
    const prev = text[offset - 1];
    if (!isVowel(next) && !isUpper(prev)) return ch;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    return OLD_FONT_MAP[ch] ?? ch;
  });
  for (const [from, count] of counts) repairs.push({ kind: "oldFont", from, to: OLD_FONT_MAP[from] ?? from, count });
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(rule: GlyphRule): RegExp {
  const before = rule.before !== undefined ? `(?<=${rule.before})` : "";
  const after = rule.after !== undefined ? `(?=${rule.after})` : "";
  // U+FFFD is not a letter, so word edges are checked explicitly on both sides.
  return new RegExp(`${before}(?<!${WORD_CHAR}|\\uFFFD)${escape(rule.broken)}(?!${WORD_CHAR}|\\uFFFD)${after}`, "gu");
}

const COMPILED = LOST_GLYPH_RULES.map((rule) => ({ rule, regex: compile(rule) }));

function repairLostGlyphs(text: string, repairs: Repair[]): string {
  let out = text;
  for (const { rule, regex } of COMPILED) {
    let count = 0;
    out = out.replace(regex, () => {
      count += 1;
      return rule.fixed;
    });
    if (count > 0) repairs.push({ kind: "lostGlyph", from: rule.broken, to: rule.fixed, count });
  }
  return out;
}

/**
 * Repair text from a document: NFC, old-font "ð"→"Đ" and "ñ"→"đ", lost
 * glyphs in known words ("Ch số"→"Chỉ số", "tnh"→"tỉnh", "B�c"→"Bắc").
 * Every repair is listed with how many times it was made. Text with nothing
 * known-broken comes back unchanged with no repairs.
 *
 * @example
 * repairText("UBND tnh B\uFFFDc Giang")
 * // { text: "UBND tỉnh Bắc Giang", repairs: [
 * //   { kind: "lostGlyph", from: "tnh", to: "tỉnh", count: 1 },
 * //   { kind: "lostGlyph", from: "B\uFFFDc", to: "Bắc", count: 1 } ] }
 */
export function repairText(text: string): RepairedText {
  const repairs: Repair[] = [];
  let out = normalizeNfc(text, repairs);
  out = repairOldFont(out, repairs);
  out = repairLostGlyphs(out, repairs);
  return { text: out, repairs };
}
