/**
 * The report's particulars kept in the workbook (sheet "Thông tin báo cáo",
 * table ThongTinBaoCao): who issues the period report, to whom, who signs it,
 * and which plan it reports on. One row per particular; the value column is
 * the planner's (an input column: an update fills it only while empty), so
 * the CLI and the task pane write the same header from the same cells.
 * Defaults come from the plan as imported: its province, issuer, number and
 * date; what the plan does not say stays empty, and the report leaves its
 * dotted gap only there.
 */
import type { Plan } from "../../model";
import type { Lang } from "../../status/labels";
import type { SheetSpec } from "../types";
import { TABLE_NAMES } from "./columns";

export const PARTICULARS_TABLE = TABLE_NAMES.reportParticulars;
export const PARTICULARS_SHEET = { vi: "Thông tin báo cáo", en: "Report details" } as const;

/** The particulars, in the order the sheet lists them. The keys are what the report reads. */
export const PARTICULAR_KEYS = [
  "province",
  "issuer",
  "parentBody",
  "symbol",
  "place",
  "addressee",
  "authority",
  "signerTitle",
  "signerName",
  "recipients",
  "planNumber",
  "planDate",
  "planIssuer",
] as const;
export type ParticularKey = (typeof PARTICULAR_KEYS)[number];

const LABELS: Record<ParticularKey, { vi: string; en: string; hint: string }> = {
  province: { vi: "Tỉnh", en: "Province", hint: "Bắc Giang" },
  issuer: { vi: "Cơ quan ban hành báo cáo", en: "Issuing body", hint: "Ủy ban nhân dân tỉnh Bắc Giang, hoặc Sở Tài chính" },
  parentBody: { vi: "Cơ quan cấp trên (khi sở báo cáo)", en: "Superior body (for a department)", hint: "Ủy ban nhân dân tỉnh Bắc Giang" },
  symbol: { vi: "Ký hiệu báo cáo", en: "Symbol", hint: "Để trống: theo cơ quan ban hành (BC-UBND, BC-STC…)" },
  place: { vi: "Địa danh", en: "Place", hint: "Để trống: tên tỉnh" },
  addressee: { vi: "Kính gửi", en: "Addressee", hint: "Để trống: Ủy ban nhân dân tỉnh khi sở báo cáo" },
  authority: { vi: "Quyền hạn ký (TM./KT.)", en: "Signing authority", hint: "TM., KT. hoặc để trống khi người đứng đầu ký" },
  signerTitle: { vi: "Chức vụ người ký", en: "Signer's title", hint: "CHỦ TỊCH, PHÓ CHỦ TỊCH, GIÁM ĐỐC, PHÓ GIÁM ĐỐC" },
  signerName: { vi: "Họ tên người ký", en: "Signer's name", hint: "" },
  recipients: { vi: "Nơi nhận (mỗi dòng một nơi)", en: "Recipients (one a line)", hint: "" },
  planNumber: { vi: "Số kế hoạch", en: "Plan number", hint: "125/KH-UBND" },
  planDate: { vi: "Ngày ban hành kế hoạch", en: "Plan date", hint: "14/3/2025" },
  planIssuer: { vi: "Cơ quan ban hành kế hoạch", en: "Plan issuer", hint: "UBND tỉnh Bắc Giang" },
};

/** "Bắc Giang" from "Ủy ban nhân dân tỉnh Bắc Giang" / "UBND tỉnh Bắc Giang"; null when the issuer names no province. */
export function provinceOfIssuer(issuer: string | null): string | null {
  const m = /(?:tỉnh|thành phố)\s+((?:\p{Lu}[\p{L}\p{M}]*(?:\s*-\s*|\s)?){1,4})\s*$/iu.exec((issuer ?? "").trim());
  const name = m?.[1]?.trim();
  if (!name) return null;
  // "TỈNH BẮC GIANG" in a header block: the province as a sentence writes it.
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`) : name;
}

/** "14/3/2025" from "ngày 14 tháng 3 năm 2025" or an ISO date; "tháng 7/2023" when the day is blank. */
export function planDateText(plan: Pick<Plan, "date" | "dateRaw">): string | null {
  const raw = plan.dateRaw ?? "";
  const words = /ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u.exec(raw) ?? /ngày\s*(\d{1,2})?\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u.exec(raw);
  if (words) return words[1] ? `${Number(words[1])}/${Number(words[2])}/${words[3]}` : `tháng ${Number(words[2])}/${words[3]}`;
  if (plan.date) return `${Number(plan.date.slice(8, 10))}/${Number(plan.date.slice(5, 7))}/${plan.date.slice(0, 4)}`;
  return null;
}

/** The defaults a plan gives; the rest stays empty for the planner. */
export function particularDefaults(plan: Plan): Record<ParticularKey, string | null> {
  const province = provinceOfIssuer(plan.issuer);
  const planIssuer = province ? `UBND tỉnh ${province}` : plan.issuer ? plan.issuer.replace(/^(?:Ủy|Uỷ) ban nhân dân/iu, "UBND") : null;
  return {
    province,
    issuer: province ? `Ủy ban nhân dân tỉnh ${province}` : null,
    parentBody: null,
    symbol: null,
    place: null,
    addressee: null,
    authority: null,
    signerTitle: null,
    signerName: null,
    recipients: null,
    planNumber: plan.number,
    planDate: planDateText(plan),
    planIssuer,
  };
}

/**
 * @example
 * particularsSheet(plan, "vi").tables[0].rows[0] // ["Tỉnh", "Bắc Giang", "Bắc Giang", "province"]
 */
export function particularsSheet(plan: Plan, lang: Lang, name: string = PARTICULARS_SHEET[lang]): SheetSpec {
  const defaults = particularDefaults(plan);
  const table = {
    name: PARTICULARS_TABLE,
    anchor: "A1",
    columns: [
      { key: "label", header: lang === "en" ? "Particular" : "Thông tin", width: 36, wrap: true },
      { key: "value", header: lang === "en" ? "Value" : "Giá trị", width: 60, wrap: true, input: true, numberFormat: "@" },
      { key: "hint", header: lang === "en" ? "Example" : "Ví dụ, ghi chú", width: 50, wrap: true },
      // Technical columns come last (the print area stops before them).
      { key: "key", header: lang === "en" ? "Key" : "Khóa", width: 14, hidden: true, numberFormat: "@" },
    ],
    rows: PARTICULAR_KEYS.map((k) => [LABELS[k][lang], defaults[k], LABELS[k].hint || null, k]),
    cellFormats: [],
    style: "TableStyleLight9",
    rowKey: "key",
  };
  return {
    name,
    role: "info",
    tables: [table],
    cells: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
  };
}
