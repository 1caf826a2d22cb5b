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
  /** Finding ids (findingIds) the planner marked "Đã xem": the mark follows its finding across re-checks. */
  seen?: ReadonlySet<string>;
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

// The columns added later (basis, notes, seen, id) come last, where an in-place update appends them to an
// older Kiểm tra table: old and new sheets then look the same.
const HEADERS = {
  vi: ["Mức độ", "Quy tắc", "Thông báo", "Phụ lục", "STT", "Mã", "Trường", "Ô", "Căn cứ pháp lý", "Chưa xác minh", "Đã xem", "Mã phát hiện"],
  en: ["Severity", "Rule", "Message", "Appendix", "No", "Code", "Field", "Cell", "Legal basis", "Not verified", "Seen", "Finding ID"],
} as const;
const KEYS = ["severity", "rule", "message", "appendix", "stt", "code", "field", "cell", "basis", "notes", "seen", "id"] as const;
const WIDTHS = [11, 24, 60, 14, 7, 9, 14, 18, 40, 50, 8, 12];
/** Where the "computed at" stamp sits: right of the table, one column apart (N1). */
export const STAMP_CELL = `${String.fromCharCode(65 + KEYS.length + 1)}1`;

/** What the "Đã xem" cell holds when marked (any text the planner types there counts too). */
export const SEEN_MARK = "x";

/** FNV-1a, 32 bits, base 36: a short id that stays the same for the same text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0");
}

/**
 * A stable id per finding: the rule and what it is about (appendix, STT, code, field, period), never the
 * message or the cell, which change with the day checked and with rows inserted above. Two findings
 * about the same thing get "#2", "#3" in document order.
 *
 * @example
 * findingIds([{ rule: "target.missing", ref: { appendix: "Phụ lục II", stt: "5", field: "target" }, … }]) // ["0k3x9qa"]
 */
export function findingIds(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const r = f.ref;
    const base = hash(JSON.stringify([f.rule, r.appendix ?? "", r.stt ?? "", r.code ?? "", r.field ?? "", r.period ?? ""]));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * The ids marked "Đã xem" in a Kiểm tra table as read back (its headers and values): by the pane, or typed
 * by hand in Excel. An older table without these columns has none.
 */
export function seenIds(table: { headers: readonly string[]; rows: ReadonlyArray<ReadonlyArray<unknown>> }): Set<string> {
  const at = (k: number): number => table.headers.findIndex((h) => h.trim() === HEADERS.vi[k] || h.trim() === HEADERS.en[k]);
  const idCol = at(KEYS.indexOf("id"));
  const seenCol = at(KEYS.indexOf("seen"));
  const out = new Set<string>();
  if (idCol < 0 || seenCol < 0) return out;
  for (const row of table.rows) {
    const id = row[idCol];
    const mark = row[seenCol];
    const marked = typeof mark === "string" ? mark.trim() !== "" : mark === true || (typeof mark === "number" && mark !== 0);
    if (typeof id === "string" && id.trim() !== "" && marked) out.add(id.trim());
  }
  return out;
}

/** The column headers of the Kiểm tra table the pane writes a mark through (by header, wherever the user moved them). */
export function checksHeaders(lang: "vi" | "en"): { id: string; seen: string; ids: readonly string[]; seens: readonly string[] } {
  const id = KEYS.indexOf("id");
  const seen = KEYS.indexOf("seen");
  const both = (k: number): string[] => [HEADERS.vi[k] ?? "", HEADERS.en[k] ?? ""];
  return { id: HEADERS[lang][id] ?? "", seen: HEADERS[lang][seen] ?? "", ids: both(id), seens: both(seen) };
}

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
  const ids = findingIds(findings);
  const rows: LayoutCell[][] = findings.map((f, i) => [
    label[f.severity],
    f.rule,
    lang === "en" ? f.messageEn : f.message,
    f.ref.appendix ?? null,
    f.ref.stt ?? null,
    f.ref.code ?? null,
    f.ref.field ?? null,
    cellLink(f.ref.sheet, f.ref.cell),
    (f.basis?.[lang] ?? "") || null,
    (f.notes?.[lang] ?? "") || null,
    options.seen?.has(ids[i] ?? "") ? SEEN_MARK : null,
    ids[i] ?? null,
  ]);
  // An empty table is awkward in Excel (and some readers choke on it): say so in one row instead.
  if (rows.length === 0) rows.push(KEYS.map((k) => (k === "message" ? (lang === "en" ? "No findings." : "Không phát hiện vấn đề nào.") : null)));
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
      columns: KEYS.map((key, i) => ({ key, header: HEADERS[lang][i] ?? key, width: WIDTHS[i] ?? 12, wrap: key === "message" || key === "basis" || key === "notes", numberFormat: key === "stt" || key === "code" || key === "id" ? "@" : undefined }))
        .map(({ numberFormat, ...c }) => (numberFormat ? { ...c, numberFormat } : c)),
      rows,
      cellFormats: [],
      style: "TableStyleLight9",
    }],
    // Beside the table, one column apart, so the stamp never shifts the findings.
    cells: options.computedAt ? [{ address: STAMP_CELL, value: STAMP[lang](when(options.computedAt)), bold: true }] : [],
    conditionalFormats,
    charts: [],
    freeze: { rows: 1, columns: 0 },
  };
}
