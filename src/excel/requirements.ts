/**
 * The Excel API requirement sets Chỉ tiêu uses, checked once at start so an
 * old Excel gets a plain message instead of a failure half-way through.
 */

export interface Requirement {
  version: string;
  /** What needs it (English, for developers). */
  feature: string;
  /** What the user loses without it (Vietnamese). */
  vi: string;
}

/**
 * Every ExcelApi set the adapter calls into, with what needs it. This list is the
 * one source of truth: the manifest's `<Requirements>`, the pane's and the ribbon's
 * checks and the README all state its newest version (MIN_EXCEL_API), and
 * tests/office/requirements.test.ts derives the members the code uses from the
 * source and checks them against the `[Api set]` tags of @types/office-js.
 */
export const REQUIREMENTS: Requirement[] = [
  { version: "1.1", feature: "tables, range values and formulas, charts", vi: "tạo bảng và biểu đồ" },
  { version: "1.2", feature: "Range.columnHidden", vi: "ẩn cột dữ liệu gốc" },
  { version: "1.4", feature: "names.add, getItemOrNullObject, getUsedRangeOrNullObject, TableColumnCollection.add(name)", vi: "tên vùng và cột trạng thái" },
  { version: "1.6", feature: "conditional formats, suspendApiCalculationUntilNextSync", vi: "tô màu theo trạng thái" },
  { version: "1.7", feature: "freezePanes, tabColor, hyperlinks, NamedItem.formula", vi: "cố định dòng tiêu đề và liên kết tới ô" },
  { version: "1.8", feature: "data validation", vi: "danh sách chọn cơ quan và kiểm tra số nhập" },
  { version: "1.9", feature: "Range.copyFrom (one formula copied down a column), worksheet.pageLayout", vi: "công thức trạng thái cho mọi dòng" },
];

/** The oldest ExcelApi the add-in runs on: the newest set it uses unguarded. */
export const MIN_EXCEL_API: string = REQUIREMENTS[REQUIREMENTS.length - 1]?.version ?? "1.1";

export type RequirementCheck =
  | { ok: true }
  | { ok: false; missing: Requirement[]; message: string; messageEn: string };

type IsSetSupported = (name: string, version: string) => boolean;

/**
 * @example
 * const check = checkRequirements((n, v) => Office.context.requirements.isSetSupported(n, v));
 * if (!check.ok) showError(check.message);
 */
export function checkRequirements(isSetSupported: IsSetSupported): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => !isSetSupported("ExcelApi", r.version));
  if (missing.length === 0) return { ok: true };
  return {
    ok: false,
    missing,
    message:
      `Phiên bản Excel này quá cũ để dùng Chỉ tiêu (cần ExcelApi ${MIN_EXCEL_API} trở lên; còn thiếu: ${missing.map((m) => m.vi).join("; ")}). ` +
      "Hãy dùng Excel cho Microsoft 365, Excel 2021 trở lên, hoặc Excel trên web.",
    messageEn:
      `This Excel is too old for Chỉ tiêu (it needs ExcelApi ${MIN_EXCEL_API} or later; missing: ${missing.map((m) => m.feature).join("; ")}). ` +
      "Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.",
  };
}

/** The same check against the running Office host. */
export function checkOfficeRequirements(): RequirementCheck {
  return checkRequirements((name, version) => Office.context.requirements.isSetSupported(name, version));
}
