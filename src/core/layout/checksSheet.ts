/**
 * The Kiểm tra sheet: every finding as a row of one table, its cell reference
 * a HYPERLINK formula that jumps to the cell, and severities coloured by a
 * few conditional-format rules on the severity column. The spec is the whole
 * sheet, so re-running the checks and writing it again replaces the old list
 * (no duplicates) and touches no other sheet.
 */
import type { Finding, Severity } from "../model";
import { SEVERITY_LABEL_VI } from "../model";
import { quoteSheet } from "./_lib/a1";
import { SHEET_NAMES, TABLE_NAMES } from "./_lib/columns";
import type { ConditionalFormatSpec, LayoutCell, SheetSpec } from "./types";
import { argb } from "../_lib/colour";
import type { Argb } from "../_lib/colour";

export interface ChecksSheetOptions {
  lang: "vi" | "en";
  /** The sheet's name when the default ("Kiểm tra" / "Checks") was taken. */
  name?: string;
  /**
   * When the findings were computed (ISO). The sheet says so beside the table, and that figures changed
   * afterwards are not checked until the checks run again: it never passes for current when it is not.
   */
  computedAt?: string;
}

/** "08/01/2024 08:00" (UTC) from an ISO time. */
function when(iso: string): string {
  const [d, t] = [iso.slice(0, 10), iso.slice(11, 16)];
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}${t ? ` ${t}` : ""}`;
}

const STAMP = {
  vi: (at: string) => `Kết quả kiểm tra lúc ${at}. Số liệu sửa sau thời điểm này chưa được kiểm tra: chạy lại Kiểm tra (nút Kiểm tra hoặc chitieu check) để cập nhật.`,
  en: (at: string) => `Checked at ${at}. Figures changed after this are not checked: run the checks again (Checks button or chitieu check).`,
} as const;

const HEADERS = {
  vi: ["Mức độ", "Quy tắc", "Thông báo", "Phụ lục", "STT", "Mã", "Trường", "Ô"],
  en: ["Severity", "Rule", "Message", "Appendix", "No", "Code", "Field", "Cell"],
} as const;
const KEYS = ["severity", "rule", "message", "appendix", "stt", "code", "field", "cell"] as const;
// The message column wraps: 60 keeps the sheet one A4 page wide at 70 % or more (see _lib/print.ts).
const WIDTHS = [11, 24, 60, 14, 7, 9, 14, 18];

const SEVERITY_LABEL_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/** Fill and font per severity: red, amber, blue — the status colours officials already know. */
const COLOURS: Record<Severity, { fill: Argb; fontColor: Argb }> = {
  error: { fill: argb("FFFFC7CE"), fontColor: argb("FF9C0006") },
  warning: { fill: argb("FFFFEB9C"), fontColor: argb("FF9C5700") },
  info: { fill: argb("FFDDEBF7"), fontColor: argb("FF1F4E78") },
};

/** A formula string literal: quotes doubled. */
const lit = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** `=HYPERLINK("#'Chỉ tiêu'!Q5","'Chỉ tiêu'!Q5")`, or null without a cell. */
export function cellLink(sheet: string | undefined, cell: string | undefined): LayoutCell {
  if (!sheet || !cell) return null;
  const target = `${quoteSheet(sheet)}!${cell}`;
  return { formula: `=HYPERLINK(${lit(`#${target}`)},${lit(target)})` };
}

/**
 * @example
 * checksSheet(findings).tables[0].rows[0]
 * // ["Lỗi", "target.missing", "STT 5 … không có mục tiêu.", "Phụ lục II", "5", "5", "target",
 * //  { formula: "=HYPERLINK(\"#'Chỉ tiêu'!J7\",\"'Chỉ tiêu'!J7\")" }]
 */
export function checksSheet(findings: Finding[], options: ChecksSheetOptions = { lang: "vi" }): SheetSpec {
  const lang = options.lang;
  const label = lang === "en" ? SEVERITY_LABEL_EN : SEVERITY_LABEL_VI;
  const rows: LayoutCell[][] = findings.map((f) => [
    label[f.severity],
    f.rule,
    lang === "en" ? f.messageEn : f.message,
    f.ref.appendix ?? null,
    f.ref.stt ?? null,
    f.ref.code ?? null,
    f.ref.field ?? null,
    cellLink(f.ref.sheet, f.ref.cell),
  ]);
  // An empty table is awkward in Excel (and some readers choke on it): say so in one row instead.
  if (rows.length === 0) rows.push([null, null, lang === "en" ? "No findings." : "Không phát hiện vấn đề nào.", null, null, null, null, null]);
  const last = Math.max(2, rows.length + 1);
  const conditionalFormats: ConditionalFormatSpec[] = (Object.keys(COLOURS) as Severity[]).map((s) => ({
    range: `A2:A${last}`,
    formula: `=$A2=${lit(label[s])}`,
    ...COLOURS[s],
  }));
  return {
    name: options.name ?? SHEET_NAMES[lang].checks,
    role: "checks",
    tables: [{
      name: TABLE_NAMES.checks,
      anchor: "A1",
      columns: KEYS.map((key, i) => ({ key, header: HEADERS[lang][i] ?? key, width: WIDTHS[i] ?? 12, wrap: key === "message", numberFormat: key === "stt" || key === "code" ? "@" : undefined }))
        .map(({ numberFormat, ...c }) => (numberFormat ? { ...c, numberFormat } : c)),
      rows,
      cellFormats: [],
      style: "TableStyleLight9",
    }],
    // Beside the table (column J), so the stamp never shifts the findings.
    cells: options.computedAt ? [{ address: "J1", value: STAMP[lang](when(options.computedAt)), bold: true }] : [],
    conditionalFormats,
    charts: [],
    freeze: { rows: 1, columns: 0 },
  };
}
