/** The exceljs adapter: layout → .xlsx bytes, and .xlsx bytes → snapshot. */
export { writeWorkbook } from "./write";
export { readWorkbook, readCells, snapshotValue } from "./read";
export { updateWorkbookCells } from "./collectCells";
