/**
 * "Lịch báo cáo" on Tổng hợp (issue 25): one row per reporting period with
 * the day the agencies' reports are due, the body they go to, and the focal
 * agency's own due day and recipient upward. Read from the plan's text, and
 * the planner's to edit: every cell but the period is an input, so an
 * in-place update keeps what was typed, and forms, collect and the pane read
 * the dates back from here (src/core/forms/schedule).
 */
import type { Plan, ReportingSchedule } from "../../model";
import type { Lang } from "../../status/labels";
import type { Period } from "../../period";
import { periodLabel } from "../../period";
import type { FreeCell, LayoutCell, TableSpec } from "../types";
import { TABLE_NAMES } from "./columns";
import type { ColumnDef } from "./columns";
import { headerOf } from "./columns";

export const SCHEDULE_COLUMNS: ColumnDef[] = [
  { key: "label", vi: "Kỳ báo cáo", en: "Reporting period", width: 22 },
  { key: "id", vi: "Mã kỳ", en: "Period id", width: 9, numberFormat: "@" },
  { key: "due", vi: "Hạn các đơn vị gửi", en: "Agencies due by", width: 17, numberFormat: "dd/mm/yyyy", input: true },
  { key: "to", vi: "Gửi đến", en: "Report to", width: 26, wrap: true, input: true },
  { key: "upstreamDue", vi: "Hạn báo cáo cấp trên", en: "Upward report due", width: 19, numberFormat: "dd/mm/yyyy", input: true },
  { key: "upstreamTo", vi: "Cấp trên nhận", en: "Upward to", width: 22, wrap: true, input: true },
  { key: "basis", vi: "Căn cứ (văn bản)", en: "As the plan says", width: 30, wrap: true, input: true },
];

const TEXT = {
  vi: {
    title: "Lịch báo cáo",
    none: "Văn bản không nêu lịch báo cáo: hãy nhập hạn gửi và nơi nhận cho từng kỳ ở bảng dưới (biểu mẫu và danh sách chưa nộp dùng các ngày này).",
    some: "Theo văn bản; có thể sửa ngày và nơi nhận, biểu mẫu và danh sách chưa nộp dùng các ngày ở bảng này.",
  },
  en: {
    title: "Reporting schedule",
    none: "The plan sets no reporting schedule: type each period's due date and recipient below (forms and the not-returned list use them).",
    some: "As the plan says; dates and recipients can be edited, forms and the not-returned list use this table.",
  },
} as const;

/** Excel's serial day number of an ISO day (days since 1899-12-30), which both engines show with a date format. */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const basisOf = (r: ReportingSchedule, periodId: string): string | null => r.due.find((d) => d.period === periodId)?.raw ?? null;

/**
 * The schedule table and its title, anchored at `anchor` ("P7"); the title sits in the row above.
 * @example
 * scheduleTable(plan, periods, "vi", "P7").table.rows[2] // ["Quý III/2023", "2023-Q3", 45201, "Sở Khoa học và Công nghệ", 45209, "Chủ tịch UBND tỉnh", "ngày 02 của tháng đầu tiên quý tiếp theo"]
 */
export function scheduleTable(plan: Plan, periods: Period[], lang: Lang, anchor: { col: string; row: number }): { table: TableSpec; cells: FreeCell[] } {
  const r = plan.reporting ?? null;
  const t = TEXT[lang];
  const rows: LayoutCell[][] = periods.map((p) => {
    const due = r?.due.find((d) => d.period === p.id)?.date ?? null;
    const up = r?.upstream?.due.find((d) => d.period === p.id)?.date ?? null;
    return [
      periodLabel(p, lang),
      p.id,
      due ? excelSerial(due) : null,
      r?.to ?? null,
      up ? excelSerial(up) : null,
      r?.upstream?.to ?? null,
      r ? basisOf(r, p.id) : null,
    ];
  });
  return {
    table: {
      name: TABLE_NAMES.schedule,
      anchor: `${anchor.col}${anchor.row}`,
      columns: SCHEDULE_COLUMNS.map((d) => ({
        key: d.key,
        header: headerOf(d, lang),
        width: d.width,
        ...(d.numberFormat ? { numberFormat: d.numberFormat } : {}),
        ...(d.wrap ? { wrap: true } : {}),
        ...(d.input ? { input: true } : {}),
      })),
      rows,
      cellFormats: [],
      style: "TableStyleLight9",
      rowKey: "id",
    },
    cells: [
      { address: `${anchor.col}${anchor.row - 2}`, value: t.title, bold: true },
      { address: `${anchor.col}${anchor.row - 1}`, value: r && r.due.length > 0 ? t.some : t.none },
    ],
  };
}
