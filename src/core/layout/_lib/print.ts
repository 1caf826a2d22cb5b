/**
 * How our sheets print: A4 landscape, all printed columns on one page width
 * (rows flow onto further pages), the table's header row repeated on every
 * page (Excel's Print_Titles), the technical columns left out of the print
 * area, and "Trang x/y" in the footer. Both writers apply this one spec.
 */
import type { Lang } from "../../status/labels";
import type { PrintSpec, TableSpec } from "../types";
import { parseAddress } from "./a1";

/** Excel header/footer codes: &P page number, &N number of pages, &A sheet name. */
const FOOTER = { vi: "Trang &P/&N", en: "Page &P of &N" } as const;

/**
 * The print spec of a sheet whose main content is `table`: its header row
 * repeats, and printing stops at the last visible column. Our technical
 * columns (keys, appendix, source text) are hidden and come last by design,
 * so the printed columns are one contiguous block (a print area of several
 * blocks would print each on its own pages).
 * @example
 * tablePrint(indicatorTable, "vi").columns // { first: 1, last: 22 }: Khóa, Phụ lục, Nguồn left out
 * tablePrint(statusTable, "vi", "sheet").columns // null: the whole sheet
 */
export function tablePrint(table: TableSpec, lang: Lang, area: "table" | "sheet" = "table"): PrintSpec {
  const anchor = parseAddress(table.anchor);
  let lastVisible = table.columns.length - 1;
  while (lastVisible > 0 && table.columns[lastVisible]?.hidden) lastVisible--;
  return {
    paper: "A4",
    landscape: true,
    fitToWidth: true,
    titleRows: { first: anchor.row, last: anchor.row },
    // A sheet of several tables and a chart (Tổng hợp) prints whole: no print area.
    columns: area === "table" ? { first: 1, last: anchor.col + lastVisible } : null,
    footer: { left: "&A", center: FOOTER[lang] },
    // Excel's "Narrow" margins: 10 mm more of A4's width for the columns than the default 18 mm sides.
    margins: { top: 19, bottom: 19, left: 6, right: 6, header: 8, footer: 8 },
  };
}
