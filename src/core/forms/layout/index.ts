/**
 * The form one agency fills in for one period, as a declarative layout (the
 * same types the tracking workbook uses, so the existing writers write it).
 * Sheet "Báo cáo": title block, short instructions, the agency's indicators
 * (read-only context, then "Kết quả kỳ này" and "Giải trình" to fill), then
 * its tasks with a status list and a note. The sheet is protected without a
 * password so only the input cells take typing; the identity sheet is hidden.
 */
import { tablePrint } from "../../layout/_lib/print";
import { argb } from "../../_lib/colour";
import { columnLetter, parseAddress } from "../../layout/_lib/a1";
import type { ColumnSpec, ConditionalFormatSpec, FreeCell, LayoutCell, SheetSpec, TableSpec, ValidationSpec, WorkbookLayout } from "../../layout/types";
import { PERCENT_FORMAT } from "../../layout/_lib/indicators";
import type { FormPeriod, FormSource } from "../source";
import type { FormRecipient } from "../recipients";
import { FORM_VERSION, identitySheet } from "../identity";
import { signIdentity } from "../signature";
import type { FormIdentity } from "../identity";

export const FORM_SHEET = "Báo cáo";
export const FORM_TABLES = { indicators: "BaoCaoChiTieu", tasks: "BaoCaoNhiemVu" } as const;

/** Task statuses offered in the form, and the Nhiệm vụ sheet's word for each. */
export const FORM_TASK_STATUS = [
  { form: "Đã hoàn thành", workbook: "Hoàn thành" },
  { form: "Đang thực hiện", workbook: "Đang thực hiện" },
  { form: "Chưa thực hiện", workbook: "Chưa thực hiện" },
] as const;

/**
 * Column keys and headers of the two tables. Both tables use the same widths
 * column by column (they share the sheet's columns), and their inputs sit in
 * the same two columns (F and G).
 */
export const FORM_INDICATOR_COLUMNS = [
  { key: "code", header: "Mã", width: 11 },
  { key: "name", header: "Chỉ tiêu", width: 50 },
  { key: "unit", header: "Đơn vị tính", width: 14 },
  { key: "target", header: "Mục tiêu", width: 16 },
  { key: "previous", header: "Kết quả kỳ trước", width: 19 },
  { key: "current", header: "Kết quả kỳ này", width: 16 },
  { key: "explanation", header: "Giải trình", width: 40 },
  { key: "key", header: "Khóa", width: 12 },
] as const;
export const FORM_TASK_COLUMNS = [
  { key: "code", header: "Mã chỉ tiêu", width: 11 },
  { key: "text", header: "Nhiệm vụ", width: 50 },
  { key: "deadline", header: "Thời hạn", width: 14 },
  { key: "coordinating", header: "Đơn vị phối hợp", width: 16 },
  { key: "currentStatus", header: "Trạng thái hiện tại", width: 19 },
  { key: "status", header: "Trạng thái", width: 16 },
  { key: "note", header: "Ghi chú", width: 40 },
  { key: "key", header: "Khóa", width: 12 },
] as const;

/** Header rows in the plan's blue, input cells in light yellow: what to fill is visible at a glance (and in print). */
const HEADER_FILL = { fill: argb("FF1F6FB2"), fontColor: argb("FFFFFFFF") };
const INPUT_FILL = { fill: argb("FFFFF2CC"), fontColor: argb("FF000000") };

function shading(table: TableSpec): ConditionalFormatSpec[] {
  const anchor = parseAddress(table.anchor);
  const visible = table.columns.filter((c) => !c.hidden).length;
  const first = table.columns.findIndex((c) => c.input);
  const last = table.columns.length - 1 - [...table.columns].reverse().findIndex((c) => c.input);
  const top = anchor.row + 1;
  const bottom = anchor.row + Math.max(table.rows.length, 1);
  return [
    { range: `${columnLetter(anchor.col)}${anchor.row}:${columnLetter(anchor.col + visible - 1)}${anchor.row}`, formula: "=TRUE()", ...HEADER_FILL },
    { range: `${columnLetter(anchor.col + first)}${top}:${columnLetter(anchor.col + last)}${bottom}`, formula: "=TRUE()", ...INPUT_FILL },
  ];
}

const INSTRUCTIONS = [
  "Hướng dẫn: nhập số liệu vào cột \"Kết quả kỳ này\" và giải thích (nếu cần) ở cột \"Giải trình\"; các ô khác được khóa để tránh sửa nhầm.",
  "Chỉ tiêu tính bằng %: gõ 92% (hoặc 92 trong ô đã hiện dấu %). Chỉ nhập số; điều muốn nói thêm (\"khoảng\", \"đạt\"…) ghi ở cột \"Giải trình\".",
  "Nhiệm vụ: chọn trạng thái trong danh sách (Đã hoàn thành / Đang thực hiện / Chưa thực hiện) và ghi chú kết quả.",
  "Không đổi tên sheet, không xóa sheet ẩn; có thể sắp xếp lại dòng. Lưu tệp .xlsx và gửi lại cơ quan tổng hợp.",
];

const numberValidation: ValidationSpec = {
  type: "decimal",
  errorStyle: "stop",
  allowBlank: true,
  prompt: "Nhập một số. Chỉ tiêu %: gõ 92%.",
  error: "Hãy nhập một số (92% hoặc 0,92 với chỉ tiêu phần trăm). Ghi chữ ở cột Giải trình.",
};
const statusValidation: ValidationSpec = {
  type: "list",
  source: { items: FORM_TASK_STATUS.map((s) => s.form) },
  errorStyle: "stop",
  allowBlank: true,
  error: "Chọn một trạng thái trong danh sách.",
};

function columns(defs: ReadonlyArray<{ key: string; header: string; width: number }>, inputs: Record<string, ValidationSpec | null>): ColumnSpec[] {
  return defs.map((d) => {
    const col: ColumnSpec = { key: d.key, header: d.header, width: d.width };
    if (d.key === "key") {
      col.hidden = true;
      col.numberFormat = "@";
    }
    if (d.key === "name" || d.key === "text" || d.key === "explanation" || d.key === "note" || d.key === "coordinating" || d.key === "deadline" || d.key === "unit") col.wrap = true;
    if (d.key in inputs) {
      col.input = true;
      const v = inputs[d.key];
      if (v) col.validation = v;
    }
    return col;
  });
}

export interface FormInput {
  source: FormSource;
  recipient: FormRecipient;
  period: FormPeriod;
  /** ISO date-time the form is issued (injected so output is reproducible). */
  issued: string;
}

/** "2023-10-02" → "02/10/2023", as forms write days. */
const viDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The period before `period` in the plan's order, if any. */
export function previousPeriod(periods: FormPeriod[], period: FormPeriod): FormPeriod | null {
  const i = periods.findIndex((p) => p.id === period.id);
  return i > 0 ? (periods[i - 1] ?? null) : null;
}

/** The identity stored in the form (rows in the order of the form). */
export function formIdentity(input: FormInput): FormIdentity {
  const { source, recipient, period } = input;
  const percent = new Map(source.indicators.map((i) => [i.key, i.percent]));
  const id: Omit<FormIdentity, "signature"> = {
    formVersion: FORM_VERSION,
    planTitle: source.title,
    planFingerprint: source.fingerprint,
    periodId: period.id,
    periodLabel: period.label,
    agency: recipient.agency,
    agencyKind: recipient.kind,
    issued: input.issued,
    rows: [
      ...recipient.indicatorKeys.map((key) => ({ key, kind: "indicator" as const, percent: percent.get(key) ?? false })),
      ...recipient.taskKeys.map((key) => ({ key, kind: "task" as const, percent: false })),
    ],
  };
  return { ...id, signature: source.signingKey ? signIdentity(source.signingKey, id) : "" };
}

/**
 * @example
 * const layout = formLayout({ source, recipient, period: { id: "2023", label: "Năm 2023" }, issued: "2023-12-01T08:00:00Z" });
 * layout.sheets.map((s) => s.name) // ["Báo cáo", "_BieuMau"]
 */
export function formLayout(input: FormInput): WorkbookLayout {
  const { source, recipient, period } = input;
  const prev = previousPeriod(source.periods, period);
  const indicators = recipient.indicatorKeys.map((k) => source.indicators.find((i) => i.key === k)).filter((i) => i !== undefined);
  const tasks = recipient.taskKeys.map((k) => source.tasks.find((t) => t.key === k)).filter((t) => t !== undefined);

  const agencyLine = recipient.formerly.length > 0
    ? `Đơn vị báo cáo: ${recipient.agency} (tiếp nhận nhiệm vụ của ${recipient.formerly.join(", ")})`
    : `Đơn vị báo cáo: ${recipient.agency}`;
  const cells: FreeCell[] = [
    { address: "A1", value: "BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU, NHIỆM VỤ", bold: true },
    { address: "A2", value: `Kế hoạch: ${source.title || "(không ghi tên)"}` },
    { address: "A3", value: `Kỳ báo cáo: ${period.label}`, bold: true },
    { address: "A4", value: agencyLine, bold: true },
    // The due day the plan sets (Lịch báo cáo), where the agency sees it first.
    ...(period.due ? [{ address: "D3", value: `Hạn nộp: ${viDate(period.due)}${period.to ? ` — gửi ${period.to}` : ""}`, bold: true } satisfies FreeCell] : []),
    ...INSTRUCTIONS.map((line, i): FreeCell => ({ address: `A${5 + i}`, value: line })),
  ];
  const tables: TableSpec[] = [];
  let row = 5 + INSTRUCTIONS.length + 1;

  if (indicators.length > 0) {
    cells.push({ address: `A${row}`, value: `I. CHỈ TIÊU (${indicators.length})`, bold: true });
    const cols = columns(FORM_INDICATOR_COLUMNS, { current: numberValidation, explanation: null });
    const rows: LayoutCell[][] = indicators.map((ind) => [
      ind.code,
      ind.name,
      ind.unit,
      ind.targetText,
      prev ? (source.results[ind.key]?.[prev.id] ?? null) : null,
      null,
      null,
      ind.key,
    ]);
    const cellFormats: TableSpec["cellFormats"] = [];
    indicators.forEach((ind, i) => {
      if (ind.percent) for (const column of ["previous", "current"]) cellFormats.push({ row: i, column, numberFormat: PERCENT_FORMAT });
    });
    tables.push({ name: FORM_TABLES.indicators, anchor: `A${row + 1}`, columns: cols, rows, cellFormats, style: "TableStyleMedium2" });
    if (prev) cells.push({ address: `E${row}`, value: `(kỳ trước: ${prev.label})` });
    row += 1 + rows.length + 2;
  }
  if (tasks.length > 0) {
    cells.push({ address: `A${row}`, value: `${indicators.length > 0 ? "II" : "I"}. NHIỆM VỤ (${tasks.length})`, bold: true });
    const cols = columns(FORM_TASK_COLUMNS, { status: statusValidation, note: null });
    const rows: LayoutCell[][] = tasks.map((t) => [
      t.code,
      t.text,
      t.deadline,
      t.coordinating,
      t.status === null || t.status === "" ? null : String(t.status),
      null,
      null,
      t.key,
    ]);
    tables.push({ name: FORM_TABLES.tasks, anchor: `A${row + 1}`, columns: cols, rows, cellFormats: [], style: "TableStyleMedium4" });
  }

  const sheet: SheetSpec = {
    name: FORM_SHEET,
    role: "info",
    tables,
    cells,
    conditionalFormats: tables.flatMap(shading),
    charts: [],
    freeze: { rows: 0, columns: 0 },
    tabColor: argb("FF1F6FB2"),
    // Printed like our sheets (A4 landscape, one page wide, page numbers); the title block above the tables prints whole.
    print: { ...tablePrint(tables[0] ?? { name: FORM_SHEET, anchor: "A1", columns: [], rows: [], cellFormats: [], style: "" }, "vi"), titleRows: null, columns: null },
    protect: true,
  };
  return { sheets: [sheet, identitySheet(formIdentity(input))], names: [] };
}
