/**
 * Cue words that tell where one cell ends and the next begins in text copied
 * from a PDF viewer. All data; every check looks at one or two tokens, so the
 * segmenter stays linear in the input.
 */
import { fold } from "../../_lib/fold";

/** One word of a row's text with where it sat. */
export interface Token {
  readonly text: string;
  /** Folded form, computed on first use: most words of task text are never compared. */
  readonly folded: string;
  /** Index of the source line inside the row. */
  line: number;
  lineStart: boolean;
  /** From a lone out-of-sequence number line (maybe a page number). */
  page?: boolean;
}

export class WordToken implements Token {
  private f: string | undefined;
  page?: boolean;
  constructor(readonly text: string, public line: number, public lineStart: boolean, readonly offset = 0) {}
  get folded(): string {
    if (this.f === undefined) {
      const c = this.text.charCodeAt(0);
      // Numbers need no folding ("6,35" is only ever compared as text).
      this.f = c >= 48 && c <= 57 ? this.text : fold(this.text);
    }
    return this.f;
  }
}

/** "6,35", "12.76", "80,00%", "5", "04/63", "2.200.000". */
const NUMBER_RE = /^[+-]?\d+(?:[.,]\d+)*%?[);,.]?$|^\d{1,3}\/\d{1,3}$/;
export function isNumberToken(t: string): boolean {
  const c = t.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45)) return false;
  return NUMBER_RE.test(t) && !/^\d+(?:\.\d+)+\.$/.test(t);
}

/** A range written without spaces: "6,6-6,8", "0,5–0,7%". */
export function isGluedRange(t: string): boolean {
  return /^\d+(?:[.,]\d+)*%?[-–]\d+(?:[.,]\d+)*%?$/.test(t);
}

const OP_SYMBOLS = new Set(["≥", "≤", ">", "<", "=", "~", "≈", ">=", "<=", "=>", "=<"]);
export function isOpSymbol(t: string): boolean {
  return OP_SYMBOLS.has(t);
}
/** "≥20", "≤21%". */
export function isGluedOpNumber(t: string): boolean {
  return /^(?:≥|≤|>=|<=|>|<|=|~|≈)\d/.test(t);
}
/** Folded words that may start a target phrase ("Trên hoặc bằng", "Tối thiểu", "Dưới"). Not "năm": "năm 2025" is a year. */
const TARGET_START = new Set(["tren", "duoi", "toi", "khong", "dat", "khoang", "tu", "it", "bang", "lon", "nho", "xep", "top", "trong"]);
/** Folded words that may continue a target phrase before its number. */
const TARGET_WORD = new Set([
  "tren", "duoi", "hoac", "bang", "toi", "thieu", "da", "khong", "qua", "thap", "cao", "hon", "dat", "khoang",
  "tu", "it", "nhat", "lon", "nho", "xep", "thu", "hang", "top", "nam", "trong", "muc", "tang", "giam", "con",
]);
export function isTargetStartWord(folded: string): boolean {
  return TARGET_START.has(folded);
}
export function isTargetWord(folded: string): boolean {
  return TARGET_WORD.has(folded);
}

/** Units written in a unit column or alone before the target ("% 100"). */
const UNITS = new Set([
  "%", "diem", "ty dong", "trieu dong", "dong", "nguoi", "luot", "ngay", "gio", "ha", "km", "usd", "trieu usd",
  "doanh nghiep", "dn", "du an", "san pham", "thu tuc", "ho so", "co so", "xa", "lan", "so", "chi so", "cai", "tan",
  // Socio-economic plans: "điểm %" (percentage points), "%/năm", "điểm %/năm", "xếp hạng", "lao động", "bác sĩ".
  "diem %", "% nam", "diem % nam", "xep hang", "thu hang", "lao dong", "bac si",
]);
/** Length in tokens of the unit starting at i (1 or 2), or 0. */
const UNIT_FIRST = new Set([...UNITS].filter((u) => u.includes(" ")).map((u) => u.split(" ")[0] ?? ""));
export function unitLength(tokens: readonly Token[], i: number): number {
  const a = tokens[i];
  if (!a) return 0;
  const b = tokens[i + 1];
  if (b && UNIT_FIRST.has(a.folded) && UNITS.has(`${a.folded} ${b.folded}`)) return 2;
  return UNITS.has(a.folded) || a.text === "%" ? 1 : 0;
}
/** "(%)", "(% Đồng ý)", "(tỷ đồng)": an explicit unit in parentheses. */
export function isUnitText(text: string): boolean {
  const f = fold(text);
  return text.trim().startsWith("%") || UNITS.has(f);
}

/** Folded two-word and one-word heads of agency names. */
const AGENCY_HEADS = [
  "cac so", "cac co quan", "cac don vi", "cac nganh", "cac to chuc", "cac chi cuc", "cac hoi", "cac hiep hoi", "cac ban",
  "so", "ubnd", "ban", "cuc", "chi cuc", "van phong", "hiep hoi", "ngan hang", "bao", "dai", "hoi dong", "hoi",
  "trung tam", "cong an", "thanh tra", "uy ban", "lien hiep", "lien doan", "tinh doan", "kho bac", "bao hiem",
  "bo", "vien", "ca tinh", "dien luc", "truong",
];
const HEADS_1 = new Set(AGENCY_HEADS.filter((h) => !h.includes(" ")));
const HEADS_2 = new Set(AGENCY_HEADS.filter((h) => h.includes(" ")));
const HEAD_FIRST = new Set([...HEADS_2].map((h) => h.split(" ")[0] ?? ""));
/** Lower-case starts allowed at a line start ("các sở, ngành" after a complete lead). */
const LOWER_HEADS_2 = new Set(["cac so", "cac co quan", "cac don vi", "cac nganh"]);

/** Does an agency name start at token i? Capitalised heads anywhere; "các sở…" only at a line start. */
export function isAgencyStart(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  if (!a) return false;
  const capital = /^[\p{Lu}]/u.test(a.text);
  if (!capital && !(a.lineStart && a.folded === "cac")) return false;
  if (capital && HEADS_1.has(a.folded)) return true;
  if (!HEAD_FIRST.has(a.folded)) return false;
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  const two = b ? `${a.folded} ${b.folded}` : "";
  if (!capital) return LOWER_HEADS_2.has(two);
  const three = b && c ? `${two} ${c.folded}` : "";
  return HEADS_2.has(three) || HEADS_2.has(two);
}

/**
 * A second agency in the middle of a line ("Sở Tư pháp Các sở, ngành…",
 * "Hiệp hội DN tỉnh Các tổ chức hội…"). Only "Các …" counts: other heads
 * occur inside names ("Văn phòng UBND tỉnh", "các tổ chức Hội doanh nghiệp").
 */
export function isMidlineAgencyStart(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  return !!a && a.text === "Các" && isAgencyStart(tokens, i);
}

/** Connectors after which a phrase is not finished. */
const CONNECTOR_END = new Set(["va", "cac", "cua", "thuoc", "voi", "trong", "ve", "cho", "tai", "theo"]);
/** Agency heads that need a complement ("Văn phòng" / "UBND tỉnh"). */
const HEAD_END = new Set(["ubnd", "ban", "cuc", "so", "phong", "hang", "hoi", "tam", "dong", "nha", "chi", "tong", "lien"]);
/**
 * Is the text ending at token i an unfinished phrase ("Sở Kế hoạch và",
 * "Đầu tư;")? Inside an agency cell a bare head ("Văn phòng", "UBND") is
 * unfinished too; in running text ("… xã hội…") it is not.
 */
const OPEN_PUNCT = new Set([",", ";", ":", "&", "(", "–", "-"]);
export function endsOpen(tokens: readonly Token[], i: number, inAgency = true): boolean {
  const t = tokens[i];
  if (!t) return true;
  const last = t.text[t.text.length - 1] ?? "";
  if (last === "…") return false;
  if (OPEN_PUNCT.has(last)) return true;
  return CONNECTOR_END.has(t.folded) || (inAgency && HEAD_END.has(t.folded));
}

/** Folded starts of deadline phrases ("Thường xuyên", "Hằng năm", "Quý III+IV/2023", "Trước 30/11/2023"). */
const DEADLINE_HEADS_2 = new Set(["thuong xuyen", "hang nam", "hang quy", "hang thang", "theo tien do", "theo ke hoach", "dinh ky", "ca nam", "sau khi", "giai doan", "trong nam", "trong quy", "trong thang", "tu nam", "den nam", "xong trong", "khi co", "cuoi nam", "dau nam", "giua nam", "cuoi quy", "hoan thanh"]);
/** One-word heads compared with their diacritics: "Thường" starts a deadline, "Thương" (Sở Công Thương) does not. */
const DEADLINE_HEADS_1 = new Set(["thường", "hằng", "hàng", "quý", "trước", "xong", "tháng", "khi"]);
const DEADLINE_FIRST = new Set([...DEADLINE_HEADS_2].map((h) => h.split(" ")[0] ?? "").concat(["thuong", "hang", "quy", "truoc", "xong", "thang", "khi", "nam"]));
export function isDeadlineStart(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  if (!a) return false;
  const c0 = a.text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    // "30/11/2023", "2025", "6 tháng đầu năm".
    return /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(a.text) || /^(?:19|20)\d\d$/.test(a.text) || (/^\d{1,2}$/.test(a.text) && tokens[i + 1]?.folded === "thang");
  }
  if (!/^[\p{Lu}]/u.test(a.text)) return false;
  if (!DEADLINE_FIRST.has(a.folded)) return false;
  const b = tokens[i + 1];
  const c = tokens[i + 2];
  const two = b ? `${a.folded} ${b.folded}` : "";
  const three = b && c ? `${two} ${c.folded}` : "";
  if (/^nam (19|20)\d\d$/.test(two)) return true;
  return DEADLINE_HEADS_2.has(three) || DEADLINE_HEADS_2.has(two) || DEADLINE_HEADS_1.has(a.text.toLowerCase());
}
/** Deadline words that need the next line ("Quý" / "III+IV/2023", "Trước" / "30/7/2023"). */
export const DEADLINE_OPEN_END = new Set(["quy", "truoc", "thuong", "hang", "trong", "thang", "ngay", "ke", "so", "tai", "cua", "va", "theo"]);

/** "1.1." / "16.2." followed by text: a task's own code. */
export function isTaskCode(t: string): boolean {
  return /^\d+(?:\.\d+)+\.?$/.test(t);
}
export function isBullet(t: string): boolean {
  return t === "-" || t === "–" || t === "—" || t === "+" || t === "•";
}
