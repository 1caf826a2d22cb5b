/** The exceljs adapter: layout → .xlsx bytes, and .xlsx bytes → snapshot. */
export { writeWorkbook } from "./write";
export type { WriteWorkbookOptions } from "./write";
export { readWorkbook, readCells, snapshotValue } from "./read";
export { updateWorkbookInPlace, NotAnXlsx } from "./update";
export type { InPlaceResult } from "./update";
