/**
 * The reporting schedule as the tracking workbook holds it ("Lịch báo cáo" on
 * Tổng hợp, written from plan.reporting and edited by the planner), and what
 * a round needs from it: each period's due day and recipient, who is late
 * and by how many days, and the next due day.
 */
import { z } from "zod";
import { SCHEDULE_COLUMNS } from "../../layout/_lib/schedule";
import { TABLE_NAMES } from "../../layout/_lib/columns";
import type { SnapshotValue, WorkbookSnapshot } from "../../workbook";

/** One period's row, as read back (ISO days; null where the cell is empty or unreadable). */
export const ScheduleRowSchema = z.object({
  period: z.string(),
  due: z.string().nullable(),
  to: z.string().nullable(),
  upstreamDue: z.string().nullable(),
  upstreamTo: z.string().nullable(),
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * A day as a cell holds it: an Excel serial number, an ISO string (exceljs gives dates so),
 * or text typed as "02/10/2023"; null when it is none of these.
 * @example dayOf(45201) // "2023-10-02"
 */
export function dayOf(v: SnapshotValue | undefined): string | null {
  if (typeof v === "number" && Number.isFinite(v) && v > 0 && v < 200_000) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  if (typeof v !== "string") return null;
  const t = v.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const vi = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (!vi) return null;
  const day = Number(vi[1]);
  const month = Number(vi[2]);
  const year = Number(vi[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : null;
}

const text = (v: SnapshotValue | undefined): string | null => (v === null || v === undefined || String(v).trim() === "" ? null : String(v).trim());

/**
 * The schedule rows of a workbook, by period id; empty when the workbook has no schedule table (made before issue 25).
 * @example readScheduleTable(snapshot).get("2023-Q3")?.due // "2023-10-02"
 */
export function readScheduleTable(snapshot: WorkbookSnapshot): Map<string, ScheduleRow> {
  const out = new Map<string, ScheduleRow>();
  const table = snapshot.tables.find((t) => t.name === TABLE_NAMES.schedule) ?? snapshot.tables.find((t) => new RegExp(`^${TABLE_NAMES.schedule}\\d+$`).test(t.name));
  if (!table) return out;
  // Columns found by header in either language, so a reordered or English table still reads.
  const col = (key: string): number => {
    const def = SCHEDULE_COLUMNS.find((d) => d.key === key);
    return def ? table.headers.findIndex((h) => h.trim() === def.vi || h.trim() === def.en) : -1;
  };
  const [id, due, to, upDue, upTo] = ["id", "due", "to", "upstreamDue", "upstreamTo"].map(col);
  if (id === undefined || id < 0) return out;
  for (const row of table.rows) {
    const period = text(row[id]);
    if (!period) continue;
    out.set(period, {
      period,
      due: due !== undefined && due >= 0 ? dayOf(row[due]) : null,
      to: to !== undefined && to >= 0 ? text(row[to]) : null,
      upstreamDue: upDue !== undefined && upDue >= 0 ? dayOf(row[upDue]) : null,
      upstreamTo: upTo !== undefined && upTo >= 0 ? text(row[upTo]) : null,
    });
  }
  return out;
}

/** Whole days from `due` to `today` (ISO days): positive when late. */
export function daysBetween(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

/** An agency that has not returned its form, with the period's due day and how late it is as of today. */
export interface PendingDue {
  agency: string;
  period: string;
  /** ISO day, or null when the schedule gives none for the period. */
  due: string | null;
  /** Days past the due day (0 when not yet late or no due day). */
  daysLate: number;
}

/**
 * The pending agencies of a period with its due day and lateness.
 * @example pendingWithDue(["Sở Tư pháp"], "2023-Q3", "2023-10-02", "2023-10-05") // [{ agency: "Sở Tư pháp", period: "2023-Q3", due: "2023-10-02", daysLate: 3 }]
 */
export function pendingWithDue(pending: readonly string[], period: string, due: string | null, today: string): PendingDue[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new TypeError(`pendingWithDue: today must be an ISO day, got "${today}"`);
  return pending.map((agency) => ({ agency, period, due, daysLate: due ? Math.max(0, daysBetween(due, today)) : 0 }));
}

/**
 * The agencies a report names as late (issue 21's returns section calls this): the pending ones past the due day, latest first.
 * @example lateAgencies(["Sở Y tế", "Cục Thuế tỉnh"], "2023-Q3", schedule, "2023-10-05") // [{ agency: "Sở Y tế", due: "2023-10-02", daysLate: 3, … }, …]
 */
export function lateAgencies(pending: readonly string[], period: string, schedule: ReadonlyMap<string, ScheduleRow>, today: string): PendingDue[] {
  const due = schedule.get(period)?.due ?? null;
  return pendingWithDue(pending, period, due, today).filter((p) => p.daysLate > 0).sort((a, b) => b.daysLate - a.daysLate || a.agency.localeCompare(b.agency, "vi"));
}

/**
 * The next day something is due on or after today: the agencies' due day of a period, or the upward report's.
 * @example nextDue(schedule, "2023-09-20") // { period: "2023-Q3", date: "2023-10-02", kind: "agencies", to: "Sở Khoa học và Công nghệ" }
 */
export function nextDue(schedule: ReadonlyMap<string, ScheduleRow>, today: string): { period: string; date: string; kind: "agencies" | "upstream"; to: string | null } | null {
  let best: { period: string; date: string; kind: "agencies" | "upstream"; to: string | null } | null = null;
  for (const r of schedule.values()) {
    for (const [date, kind, to] of [[r.due, "agencies", r.to], [r.upstreamDue, "upstream", r.upstreamTo]] as const) {
      if (date && date >= today && (!best || date < best.date)) best = { period: r.period, date, kind, to };
    }
  }
  return best;
}
