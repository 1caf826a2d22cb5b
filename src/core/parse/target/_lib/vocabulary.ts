/**
 * The words plans use around a target, as data. Each entry is a regex source
 * (matched case-insensitively, Unicode) and what it means. Order matters where
 * one phrase starts another: "trên hoặc bằng" must be tried before "trên".
 */
import type { TargetOp } from "../../../model";

export interface OpPhrase {
  pattern: string;
  op: TargetOp;
  /** Symbols need no word boundary before them ("≥20"); words do ("trên", not "ptrên"). */
  symbol?: boolean;
}

export const OP_PHRASES: readonly OpPhrase[] = [
  { pattern: "trên hoặc bằng", op: ">=" },
  { pattern: "(?:cao|lớn) hơn hoặc bằng", op: ">=" },
  { pattern: "bằng hoặc (?:cao|lớn) hơn", op: ">=" },
  { pattern: "dưới hoặc bằng", op: "<=" },
  { pattern: "(?:thấp|nhỏ) hơn hoặc bằng", op: "<=" },
  { pattern: "bằng hoặc (?:thấp|nhỏ) hơn", op: "<=" },
  { pattern: "không (?:thấp|ít|nhỏ) hơn", op: ">=" },
  { pattern: "không (?:vượt quá|quá|cao hơn|lớn hơn|nhiều hơn)", op: "<=" },
  { pattern: "tối thiểu(?: là)?", op: ">=" },
  { pattern: "ít nhất(?: là)?", op: ">=" },
  { pattern: "tối đa(?: là)?", op: "<=" },
  { pattern: "nhiều nhất(?: là)?", op: "<=" },
  { pattern: "(?:cao|lớn|nhiều) hơn", op: ">" },
  { pattern: "(?:thấp|nhỏ|ít) hơn", op: "<" },
  { pattern: "trên", op: ">" },
  { pattern: "dưới", op: "<" },
  { pattern: "khoảng|xấp xỉ|gần", op: "~" },
  // Equality only where the words say so: "giữ ổn định ở mức 100%", "duy trì 100%" (100 % cannot be exceeded).
  { pattern: "giữ ổn định(?: ở mức| mức)?|ổn định ở mức|duy trì(?: ở mức| mức)?|giữ (?:ở )?mức", op: "=" },
  // "đạt 90%" (reach 90%) is read as at least 90; "đạt trên 90%" is matched by "trên" instead.
  { pattern: "đạt", op: ">=" },
  { pattern: "bằng", op: "=" },
  { pattern: "≥|>=|=>", op: ">=", symbol: true },
  { pattern: "≤|<=|=<", op: "<=", symbol: true },
  { pattern: ">", op: ">", symbol: true },
  { pattern: "<", op: "<", symbol: true },
  { pattern: "≈|~", op: "~", symbol: true },
  { pattern: "=", op: "=", symbol: true },
];

/**
 * Unit words that may follow a target number, longest first. Only these are
 * taken as the unit, so "tối thiểu 35% trên tổng diện tích" does not take
 * "trên tổng diện tích" for a unit.
 */
export const UNIT_WORDS: readonly string[] = [
  "nghìn tỷ đồng", "ngàn tỷ đồng", "triệu tỷ đồng", "tỷ đồng", "triệu đồng", "nghìn đồng", "đồng",
  "tỷ USD", "triệu USD", "USD",
  "lần/năm", "lượt/năm", "điểm", "ha", "km", "KCN", "CCN", "doanh nghiệp", "dự án", "sản phẩm",
  "lao động", "người", "hộ", "lượt", "lần", "ngày", "giờ", "tháng", "sao", "dân", "xã",
];

/** Rates per period glued to a percent: "19%/năm". */
export const PER_PERIOD = "\\/\\s?(?:năm|tháng|quý)";

/** Rank targets: "xếp thứ hạng 04/63", "xếp hạng 4", "thứ hạng 5/63". */
export const RANK_WORDS = "xếp thứ hạng|xếp hạng|thứ hạng|xếp thứ";

/** Top-N targets: "nằm trong tốp 10", "trong nhóm 10 tỉnh", "top 10". */
export const TOP_WORDS = "(?:nằm\\s+)?trong\\s+(?:tốp|top|nhóm)|tốp|top";
