/**
 * Charts that follow their table through an in-place update. Our chart on
 * Tổng hợp plots the statuses-by-lead-agency table and sits below it; when
 * an update adds agencies the table grows under the chart, and a chart left
 * as it was would plot the old rows only and hide the new ones. Excel moves a
 * chart's series with a table it plots; the .xlsx updater must do it itself.
 * This says, for each chart of the layout, which table it plots and which
 * rows it plotted before; the writer finds the chart that plots exactly
 * those cells and gives it the layout's range, title cell and place.
 */
import { columnNumber, parseAddress } from "./_lib/a1";
import type { UpdatePlan } from "./ownership";
import type { ChartSpec, WorkbookLayout } from "./types";

/** A block of cells on a sheet, 1-based and inclusive. */
export interface SheetRect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ChartFollow {
  /** The live sheet (the layout's sheet as the workbook names it). */
  sheet: string;
  table: string;
  /** The chart as the layout draws it now (range, title cell, anchor). */
  chart: ChartSpec;
  /** The cells the chart plotted before the update (header row to the table's old last row). */
  before: SheetRect;
  /** The cells it plots after. */
  after: SheetRect;
}

/**
 * "'Tổng hợp'!$D$7:$I$12" (or one cell) as a rect; null for anything else (a user's chart may plot anything).
 * @example
 * parseSheetRange("'Tổng hợp'!$D$7:$I$12") // { sheet: "Tổng hợp", top: 7, left: 4, bottom: 12, right: 9 }
 */
export function parseSheetRange(ref: string): SheetRect | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m || !m[3] || !m[4]) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
  // "[1]Sheet1": another workbook's sheet (Excel forbids brackets in sheet names).
  if (/[[\]]/.test(sheet)) return null;
  const top = Number(m[4]);
  const left = columnNumber(m[3]);
  return { sheet, top, left, bottom: m[6] ? Number(m[6]) : top, right: m[5] ? columnNumber(m[5]) : left };
}

/** Whether `inner` lies within `outer` (same sheet, compared without regard to case as Excel does). */
export function within(inner: SheetRect, outer: SheetRect): boolean {
  return (
    inner.sheet.toLowerCase() === outer.sheet.toLowerCase() &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/**
 * @example
 * chartsToFollow(layout, planUpdate(layout, existing))[0]?.after.bottom // the agency table's new last row
 */
export function chartsToFollow(layout: WorkbookLayout, plan: UpdatePlan): ChartFollow[] {
  const out: ChartFollow[] = [];
  for (const sheet of layout.sheets) {
    for (const chart of sheet.charts) {
      const after = parseSheetRange(chart.dataRange);
      if (!after) continue;
      for (const u of plan.tables) {
        const spec = sheet.tables.find((t) => t.name.toLowerCase() === u.table.toLowerCase());
        if (!spec) continue;
        const live = parseAddress(u.anchor);
        const laid = parseAddress(spec.anchor);
        // The layout's range is written against the layout's anchor: a table the user moved is not followed.
        if (live.row !== laid.row || live.col !== laid.col) continue;
        if (after.top !== live.row || after.left < live.col || after.right >= live.col + u.width) continue;
        if (after.bottom !== live.row + Math.max(u.rowsAfter, 1)) continue;
        out.push({ sheet: u.sheet, table: u.table, chart, before: { ...after, sheet: u.sheet, bottom: live.row + Math.max(u.rowsBefore, 1) }, after: { ...after, sheet: u.sheet } });
      }
    }
  }
  return out;
}
