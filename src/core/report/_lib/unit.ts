/**
 * The unit a report's reader needs on every row. The plan's unit when it has
 * one; "%" for a percent indicator; otherwise what the indicator's own name
 * says it is measured in: a score on a scale ("(1=Không thể; 5=Rất dễ)", a
 * PCI index) is "Điểm", a count of days "Ngày". Null only when none of these
 * says anything.
 */
import type { StatusRow } from "../input";

const FROM_NAME: Array<[RegExp, string]> = [
  [/\(\s*1\s*=.*5\s*=/u, "Điểm"],
  [/^(?:số ngày|thời gian)/iu, "Ngày"],
  [/^(?:cstp|chỉ số thành phần|chỉ số)\b/iu, "Điểm"],
  [/^(?:xếp hạng|thứ hạng)/iu, "Hạng"],
];

/**
 * @example
 * unitOf({ unit: null, percent: false, name: "Tiếp cận tài liệu quy hoạch (1=Không thể; 5=Rất dễ)" }) // "Điểm"
 */
export function unitOf(row: Pick<StatusRow, "unit" | "percent" | "name">): string | null {
  const unit = row.unit?.trim();
  if (unit) return unit;
  if (row.percent) return "%";
  for (const [re, u] of FROM_NAME) if (re.test(row.name.trim())) return u;
  return null;
}
