/**
 * Known-broken word forms and what they stand for, as data. Each rule is a
 * whole word (or words); `before`/`after` are required context so that a
 * broken form that could stand for two words is only repaired where the
 * neighbouring word decides it ("CHỦ T�CH" is TỊCH, "PHÂN T�CH" would be TÍCH).
 *
 * Two kinds of damage seen in real PDFs (seed 004):
 * - a glyph dropped entirely: "ỉ" vanishes, leaving "Ch số", "tnh", "t lệ";
 * - a glyph replaced by U+FFFD: "B�c Giang", "g�n với", "CHỦ T�CH".
 * None of the broken forms is a Vietnamese word, so repairing them cannot
 * change correct text.
 */

export interface GlyphRule {
  broken: string;
  fixed: string;
  /** Regex source the text right before the word must end with (e.g. "CHỦ\\s"). */
  before?: string;
  /** Regex source the text right after the word must start with (e.g. "\\s(?:số|tiêu)"). */
  after?: string;
}

/** Words that follow "chỉ" in plans; "ch" alone is not a word, but we still ask for one of these after it. */
const AFTER_CHI = "\\s+(?:số|tiêu|đạo|thị|huy|định|rõ|ra|dẫn|cần|có|là|được|còn|trong|mới|đạt|tập trung)(?![\\p{L}\\p{M}])";

export const LOST_GLYPH_RULES: readonly GlyphRule[] = [
  // ỉ dropped
  { broken: "Ch", fixed: "Chỉ", after: AFTER_CHI },
  { broken: "ch", fixed: "chỉ", after: AFTER_CHI },
  { broken: "CH", fixed: "CHỈ", after: "\\s+(?:SỐ|TIÊU|ĐẠO|THỊ)(?![\\p{L}\\p{M}])" },
  { broken: "tnh", fixed: "tỉnh" },
  { broken: "Tnh", fixed: "Tỉnh" },
  { broken: "chnh", fixed: "chỉnh" },
  { broken: "Chnh", fixed: "Chỉnh" },
  { broken: "thnh", fixed: "thỉnh" },
  { broken: "Thnh", fixed: "Thỉnh" },
  { broken: "t", fixed: "tỉ", after: "\\s+(?:lệ|trọng|suất|giá)(?![\\p{L}\\p{M}])" },
  { broken: "T", fixed: "Tỉ", after: "\\s+(?:lệ|trọng|suất|giá)(?![\\p{L}\\p{M}])" },
  // ắ / Ị replaced by U+FFFD
  { broken: "B\uFFFDc", fixed: "Bắc" },
  { broken: "B\uFFFDC", fixed: "BẮC" },
  { broken: "g\uFFFDn", fixed: "gắn" },
  { broken: "G\uFFFDn", fixed: "Gắn" },
  { broken: "T\uFFFDCH", fixed: "TỊCH", before: "CHỦ\\s" },
  { broken: "t\uFFFDch", fixed: "tịch", before: "[Cc]hủ\\s" },
];

/**
 * Old TCVN3-era fonts whose text layer maps "Đ" to "ð" and "đ" to "ñ" (seed 001).
 * Neither letter occurs in Vietnamese. We still repair one only where a
 * Vietnamese "đ" could stand: before a vowel ("ñịa", "ðầu") or after an
 * upper-case letter in an abbreviation ("SKHðT"); elsewhere it is left as is.
 */
export const OLD_FONT_MAP: Readonly<Record<string, string>> = { ð: "Đ", ñ: "đ" };
