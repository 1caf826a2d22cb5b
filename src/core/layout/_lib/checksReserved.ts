/**
 * The Kiểm tra sheet's reserved slot: a header-only findings table, used
 * until the checks module's `checksSheet(findings, index)` is wired in. It
 * keeps the sheet's place and name so a later refresh replaces it in place.
 */
import type { Lang } from "../../status/labels";
import type { SheetSpec } from "../types";
import { TABLE_NAMES } from "./columns";

const HEADERS = {
  vi: ["Mức độ", "Quy tắc", "Nội dung", "Phụ lục", "STT", "Mã", "Trường", "Ô"],
  en: ["Severity", "Rule", "Message", "Appendix", "No", "Code", "Field", "Cell"],
} as const;
const WIDTHS = [10, 22, 70, 20, 6, 8, 14, 16];

export function reservedChecksSheet(name: string, lang: Lang): SheetSpec {
  return {
    name,
    role: "checks",
    tables: [{
      name: TABLE_NAMES.checks,
      anchor: "A1",
      columns: HEADERS[lang].map((h, i) => ({ key: `c${i}`, header: h, width: WIDTHS[i] ?? 12, wrap: i === 2 })),
      rows: [],
      cellFormats: [],
      style: "TableStyleLight9",
    }],
    cells: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
    print: { landscape: true, fitToWidth: true },
  };
}
