/**
 * The snapshot a reader would return right after a layout is written, before
 * any calculation (formula cells null). Lets the core test merges without a
 * writer, and gives both writers' tests the expected read-back.
 */
import type { WorkbookLayout } from "../layout/types";
import type { SnapshotValue, WorkbookSnapshot } from "./snapshot";

export function layoutSnapshot(layout: WorkbookLayout): WorkbookSnapshot {
  return {
    sheetNames: layout.sheets.map((s) => s.name),
    tables: layout.sheets.flatMap((s) =>
      s.tables.map((t) => ({
        sheet: s.name,
        name: t.name,
        anchor: t.anchor,
        headers: t.columns.map((c) => c.header),
        rows: t.rows.map((r) => t.columns.map((c, j): SnapshotValue => {
          const v = r[j] ?? null;
          return c.formula || (v !== null && typeof v === "object") ? null : v;
        })),
      })),
    ),
  };
}
