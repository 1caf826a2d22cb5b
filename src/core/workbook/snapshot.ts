/**
 * A workbook as read back by either writer's reader (Office.js or exceljs):
 * the raw values of every Excel table, with where each table sits. The core
 * interprets snapshots (results typed by officials, notes, task statuses), so
 * both adapters only have to read values, never understand them.
 */
import { z } from "zod";

export const SnapshotValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type SnapshotValue = z.infer<typeof SnapshotValueSchema>;

export const TableSnapshotSchema = z.object({
  sheet: z.string(),
  /** Excel table name. */
  name: z.string(),
  /** A1 address of the header row's first cell. */
  anchor: z.string(),
  headers: z.array(z.string()),
  /** Data rows as values (formulas already calculated where the reader can see results; null for empty). */
  rows: z.array(z.array(SnapshotValueSchema)),
});
export type TableSnapshot = z.infer<typeof TableSnapshotSchema>;

export const WorkbookSnapshotSchema = z.object({
  sheetNames: z.array(z.string()),
  tables: z.array(TableSnapshotSchema),
  /** Values of our single-cell defined names (KyBaoCao), by name; absent when the reader did not look. */
  names: z.record(z.string(), SnapshotValueSchema).optional(),
});
export type WorkbookSnapshot = z.infer<typeof WorkbookSnapshotSchema>;
