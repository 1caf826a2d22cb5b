/**
 * Column vocabulary of the sheets we write: stable keys (used by readers,
 * merges, formulas and locateCell) with Vietnamese and English headers.
 * English headers avoid characters that need escaping in structured
 * references (- ( ) , . etc.) so formulas stay readable.
 */
import type { Lang } from "../../status/labels";

export interface ColumnDef {
  key: string;
  vi: string;
  en: string;
  width: number;
  numberFormat?: string;
  hidden?: boolean;
  wrap?: boolean;
  /** Officials type into it (see ColumnSpec.input): the merge carries it, an update never overwrites it. */
  input?: boolean;
}

export const INDICATOR_COLUMNS: ColumnDef[] = [
  { key: "stt", vi: "STT", en: "No", width: 6, numberFormat: "@" },
  { key: "code", vi: "Mã", en: "Code", width: 8, numberFormat: "@" },
  { key: "name", vi: "Chỉ tiêu", en: "Indicator", width: 48, wrap: true },
  { key: "unit", vi: "Đơn vị tính", en: "Unit", width: 10 },
  { key: "baseline", vi: "Giá trị gốc", en: "Baseline", width: 11 },
  { key: "baselineYear", vi: "Năm gốc", en: "Baseline year", width: 8, numberFormat: "0" },
  // Whether the baseline is an estimate ("Ước thực hiện năm 2025") or an official figure, as the document says.
  { key: "baselineNature", vi: "Tính chất số gốc", en: "Baseline nature", width: 12 },
  { key: "baselineRank", vi: "Xếp hạng gốc", en: "Baseline rank", width: 9 },
  // The planner's to change (a drop-down each): an update never overwrites them, the formulas follow them.
  { key: "direction", vi: "Chiều", en: "Direction", width: 15, input: true },
  { key: "kind", vi: "Loại chỉ tiêu", en: "Indicator kind", width: 16, input: true },
  { key: "op", vi: "Toán tử", en: "Operator", width: 8 },
  { key: "target", vi: "Mục tiêu", en: "Target", width: 10 },
  { key: "targetMax", vi: "Mục tiêu tối đa", en: "Target max", width: 10 },
  { key: "targetYear", vi: "Năm mục tiêu", en: "Target year", width: 8, numberFormat: "0" },
  // The target as the plan wrote it ("Tăng 12 % so với năm 2025", "Đến năm 2030 đạt 185"), beside the number judged.
  { key: "targetText", vi: "Mục tiêu theo văn bản", en: "Target as written", width: 18, wrap: true, numberFormat: "@" },
  { key: "lead", vi: "Đơn vị chủ trì", en: "Lead agency", width: 26, wrap: true },
  { key: "coordinating", vi: "Đơn vị phối hợp", en: "Coordinating agencies", width: 30, wrap: true },
  { key: "deadline", vi: "Thời hạn", en: "Deadline", width: 14, wrap: true },
  // The chosen period's figures (KyBaoCao), looked up from the Kết quả theo kỳ grid: formulas, not inputs.
  { key: "result", vi: "Kết quả kỳ báo cáo", en: "Result for the period", width: 11 },
  // What is compared: the result, or the plan-period total / average so far (from the grid's year columns).
  { key: "judged", vi: "Giá trị đánh giá", en: "Value judged", width: 11 },
  { key: "expected", vi: "Giá trị theo lộ trình", en: "Expected by now", width: 11, numberFormat: "#,##0.00" },
  { key: "status", vi: "Trạng thái", en: "Status", width: 15 },
  { key: "gap", vi: "Chênh lệch so với mục tiêu", en: "Gap to target", width: 12 },
  // result ÷ target × 100 as a plain number (105.0 means 105 %), the way reports print "so với kế hoạch".
  { key: "percentOfPlan", vi: "% so với kế hoạch", en: "Percent of plan", width: 10, numberFormat: "0.0" },
  // The same period of the year before (KyBaoCao's twin in the grid) and result ÷ it × 100; empty for growth rates.
  { key: "previous", vi: "Cùng kỳ năm trước", en: "Same period last year", width: 11 },
  { key: "percentOfPrevious", vi: "% so với cùng kỳ", en: "Percent of same period last year", width: 10, numberFormat: "0.0" },
  { key: "note", vi: "Ghi chú", en: "Notes", width: 30, wrap: true, input: true },
  { key: "sourceState", vi: "Trạng thái nguồn", en: "Source state", width: 14, wrap: true },
  { key: "key", vi: "Khóa", en: "Key", width: 20, hidden: true, numberFormat: "@" },
  { key: "appendix", vi: "Phụ lục", en: "Appendix", width: 20, hidden: true },
  { key: "source", vi: "Nguồn", en: "Source text", width: 40, hidden: true },
];

/**
 * Columns of the Chỉ tiêu sheet before the period grid existed: read (and
 * migrated into the grid by the merge), never written again.
 */
export const LEGACY_INDICATOR_COLUMNS: ColumnDef[] = [
  { key: "result6m", vi: "Kết quả 6 tháng", en: "Six month result", width: 11 },
  { key: "resultYear", vi: "Kết quả cả năm", en: "Full year result", width: 11 },
  { key: "completion", vi: "% hoàn thành", en: "Completion", width: 10 },
];

export const TASK_COLUMNS: ColumnDef[] = [
  { key: "code", vi: "Mã chỉ tiêu", en: "Indicator code", width: 9, numberFormat: "@" },
  { key: "text", vi: "Nhiệm vụ", en: "Task", width: 60, wrap: true },
  { key: "lead", vi: "Đơn vị chủ trì", en: "Lead agency", width: 26, wrap: true },
  { key: "coordinating", vi: "Đơn vị phối hợp", en: "Coordinating agencies", width: 30, wrap: true },
  { key: "deadline", vi: "Thời hạn", en: "Deadline", width: 14, wrap: true },
  { key: "status", vi: "Trạng thái", en: "Status", width: 16, input: true },
  { key: "note", vi: "Ghi chú", en: "Notes", width: 30, wrap: true, input: true },
  { key: "sourceState", vi: "Trạng thái nguồn", en: "Source state", width: 14, wrap: true },
  { key: "key", vi: "Khóa", en: "Key", width: 20, hidden: true, numberFormat: "@" },
  { key: "indicatorKey", vi: "Khóa chỉ tiêu", en: "Indicator key", width: 20, hidden: true, numberFormat: "@" },
];

export const AGENCY_COLUMNS: ColumnDef[] = [
  { key: "name", vi: "Tên cơ quan", en: "Agency", width: 40, wrap: true },
  { key: "kind", vi: "Loại", en: "Kind", width: 20 },
  { key: "abbreviations", vi: "Viết tắt", en: "Abbreviations", width: 20, wrap: true },
  { key: "leadIndicators", vi: "Chủ trì chỉ tiêu", en: "Leads indicators", width: 10 },
  { key: "coordIndicators", vi: "Phối hợp chỉ tiêu", en: "Coordinates indicators", width: 10 },
  { key: "leadTasks", vi: "Chủ trì nhiệm vụ", en: "Leads tasks", width: 10 },
  { key: "coordTasks", vi: "Phối hợp nhiệm vụ", en: "Coordinates tasks", width: 10 },
  { key: "successor", vi: "Đơn vị kế thừa (sắp xếp 2025)", en: "Successor (2025 reorganisation)", width: 44, wrap: true },
  { key: "unverified", vi: "Chưa xác minh được", en: "Not verified", width: 50, wrap: true },
];

/** The hidden agency roles table beside Cơ quan (see ./roles): what agency counts count from. */
export const ROLE_COLUMNS: ColumnDef[] = [
  { key: "key", vi: "Khóa", en: "Key", width: 20, numberFormat: "@" },
  { key: "kind", vi: "Loại dòng", en: "Row kind", width: 10 },
  { key: "agency", vi: "Cơ quan", en: "Agency", width: 30, numberFormat: "@" },
  { key: "role", vi: "Vai trò", en: "Role", width: 12 },
  { key: "status", vi: "Trạng thái", en: "Status", width: 15 },
  // Today's body for the agency (2025 reorganisation), so summaries can count by it.
  { key: "current", vi: "Cơ quan hiện nay", en: "Current agency", width: 30, numberFormat: "@" },
];

/**
 * The fixed columns of the Kết quả theo kỳ grid; one input column per period
 * (headed by the period's label) sits between "Đơn vị tính" and "Khóa".
 */
export const PERIOD_GRID_COLUMNS = {
  before: [
    { key: "code", vi: "Mã", en: "Code", width: 8, numberFormat: "@" },
    { key: "name", vi: "Chỉ tiêu", en: "Indicator", width: 48, wrap: true },
    { key: "unit", vi: "Đơn vị tính", en: "Unit", width: 10 },
  ],
  after: [{ key: "key", vi: "Khóa", en: "Key", width: 20, hidden: true, numberFormat: "@" }],
} as const satisfies { before: ColumnDef[]; after: ColumnDef[] };

/** The columns of the period list on Tổng hợp (the source of KyBaoCao's list and of its end date). */
export const PERIOD_LIST_COLUMNS: ColumnDef[] = [
  { key: "label", vi: "Kỳ báo cáo", en: "Reporting period", width: 24 },
  { key: "id", vi: "Mã kỳ", en: "Period id", width: 10, numberFormat: "@" },
  { key: "end", vi: "Ngày kết thúc", en: "Period end", width: 12, numberFormat: "dd/mm/yyyy" },
  // The label of the same period a year earlier, which "Cùng kỳ năm trước" looks up in the grid.
  { key: "previous", vi: "Cùng kỳ năm trước", en: "Same period last year", width: 24 },
];

/** The header of a column in a language. */
export function headerOf(def: ColumnDef, lang: Lang): string {
  return lang === "en" ? def.en : def.vi;
}

/** The header of the column with this key (misuse throws: keys are ours). */
export function header(defs: ColumnDef[], key: string, lang: Lang): string {
  const def = defs.find((d) => d.key === key);
  if (!def) throw new Error(`Unknown column key "${key}"`);
  return headerOf(def, lang);
}

/** Sheet, table and defined names, per language. Table and defined names are ASCII and fixed. */
export const SHEET_NAMES = {
  vi: { indicators: "Chỉ tiêu", results: "Kết quả theo kỳ", tasks: "Nhiệm vụ", agencies: "Cơ quan", summary: "Tổng hợp", checks: "Kiểm tra", info: "Thông tin" },
  en: { indicators: "Indicators", results: "Results by period", tasks: "Tasks", agencies: "Agencies", summary: "Summary", checks: "Checks", info: "Info" },
} as const;

export const TABLE_NAMES = {
  indicators: "ChiTieu",
  tasks: "NhiemVu",
  agencies: "CoQuan",
  agencyRoles: "VaiTroCoQuan",
  summaryStatus: "TongHopTrangThai",
  summaryAgency: "TongHopDonVi",
  checks: "KiemTra",
  periodResults: "KetQuaTheoKy",
  periods: "DanhSachKy",
  /** Agency returns (src/core/forms): every value a form brought, and who has returned. */
  returnsHistory: "NguonSoLieu",
  returnsProgress: "TienDoNopBaoCao",
  /** The report's particulars (issuer, signer, recipients, the plan's number and date): see ./particulars. */
  reportParticulars: "ThongTinBaoCao",
  /** The reporting schedule on Tổng hợp (issue 25): due dates per period, read back by forms and collect. */
  schedule: "LichBaoCao",
} as const;

/**
 * Whether a table is one of ours: named from TABLE_NAMES, possibly with the
 * number Excel or our writer added ("ChiTieu2"). The Office.js reader reads
 * only these, so a table another part of the add-in reads must be named here.
 */
export function isOurTable(name: string): boolean {
  return Object.values(TABLE_NAMES).some((base) => name === base || new RegExp(`^${base}\\d+$`).test(name));
}

export const DEFINED_NAMES = {
  tolerance: "SaiSoChoPhep",
  agencyList: "DanhSachCoQuan",
  /** The chosen period's label: the Chỉ tiêu sheet and the summary show this period. */
  reportPeriod: "KyBaoCao",
  /** The chosen period's last day (a date serial), read by the status formulas. */
  reportPeriodEnd: "KyBaoCaoKetThuc",
  /** The labels of the periods (KyBaoCao's validation list). */
  periodList: "DanhSachKyBaoCao",
} as const;

/** Marks rows whose indicator or task is no longer in the re-imported document. */
export const GONE_FROM_SOURCE = { vi: "Không còn trong văn bản", en: "No longer in the document" } as const;
