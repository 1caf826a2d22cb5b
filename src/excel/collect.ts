/**
 * Collecting returned forms into the open workbook with Office.js: one read
 * of the whole workbook (2 round trips), the core's decision, then every
 * figure and both history sheets in one write (1 round trip). 3 round trips
 * whatever the number of forms, as long as Excel on the web can send the
 * workbook and take the write within its 5 MB (more only past that).
 */
import {
  collectForms, collectLayout, formRecipients, formSourceFromWorkbook, historySheet, openConflicts, progressRows, progressSheet,
  readHistory, resolveConflict, routeOn, readScheduleTable, pendingWithDue, nextDue,
} from "../core/forms";
import type { AgencyRoute, CellWrite, CollectedForm, CollectOutcome, CollectState, Conflict, FormPeriod, HistoryRecord, KeptHistoryRow } from "../core/forms";
import { interpretSnapshot } from "../core/workbook";
import type { WorkbookReading, WorkbookSnapshot } from "../core/workbook";
import { readWorkbook } from "./read";
import type { SnapshotRead } from "./read";
import { updateInPlace } from "./update";
import { describeProblems } from "../core/layout/ownership";
import { explainError, OperationError } from "./errors";
import { PLAN_TITLE_CELL, planTitleFrom } from "../core/forms";
import type { FormSource } from "../core/forms";

export interface CollectRun {
  outcome: CollectOutcome;
  syncs: number;
}

/** Which agencies report for a period (today's agencies after the 2025 reorganisation). */
export type RouteFor = (period: FormPeriod) => AgencyRoute;
const byPeriod: RouteFor = (period) => (period.end ? routeOn(period.end) : (a) => [a.name]);

/** The collect state, with the history rows a planner changed (written back as they are). */
function stateOf(snapshot: WorkbookSnapshot, reading: WorkbookReading, routeFor: RouteFor): CollectState & { kept: KeptHistoryRow[] } {
  const source = formSourceFromWorkbook(snapshot, reading, "");
  const { records, kept } = readHistory(snapshot);
  return {
    source,
    history: records,
    kept,
    recipientsFor: (id) => {
      const period = source.periods.find((p) => p.id === id);
      return period ? formRecipients(source, routeFor(period)) : [];
    },
  };
}

/** The figures and both history sheets, written in place (1 round trip after the read); nothing when a cell is gone. */
async function writeChanges(context: Excel.RequestContext, read: SnapshotRead, state: CollectState & { kept: KeptHistoryRow[] }, lang: WorkbookReading["lang"], writes: CellWrite[], history: HistoryRecord[], limits: WriteLimits = {}): Promise<number> {
  const percentKeys = new Set(state.source.indicators.filter((i) => i.percent).map((i) => i.key));
  const sheets = [historySheet(history, percentKeys, state.kept), progressSheet(progressRows(history, state.source.periods, state.recipientsFor))];
  const { layout, overwrite } = collectLayout(writes, sheets, state.source, lang);
  // Only cells that change are written (the history grows by its new records), in requests split by their size.
  const report = await updateInPlace(context, layout, read, { overwrite }, limits);
  if (report.refused) {
    const why = describeProblems(report.plan.problems);
    throw new OperationError(`${why.vi} Sổ tính được giữ nguyên.`, `${why.en} The workbook was left as it was.`, "collectRefused");
  }
  return report.syncs;
}

/**
 * @example
 * await Excel.run((context) => collectIntoWorkbook(context, [{ file, read: readReturn(snapshot) }], new Date().toISOString()));
 */
/** The largest request to send (Excel on the web refuses above 5 MB; tests set less). */
export type WriteLimits = { requestBytes?: number };

export async function collectIntoWorkbook(context: Excel.RequestContext, forms: CollectedForm[], now: string, routeFor: RouteFor = byPeriod, limits: WriteLimits = {}): Promise<CollectRun> {
  const read = await readWorkbook(context);
  const reading = interpretSnapshot(read.snapshot);
  const state = stateOf(read.snapshot, reading, routeFor);
  const outcome = collectForms(state, forms, now);
  if (!outcome.changed) return { outcome, syncs: read.syncs };
  const writeSyncs = await writeChanges(context, read, state, reading.lang, outcome.writes, outcome.history, limits);
  const readSyncs = read.syncs;
  return { outcome, syncs: readSyncs + writeSyncs };
}

/** What the returns screen shows (src/app/services ReturnsStatus). */
export interface ReturnsStatusRead {
  conflicts: Conflict[];
  pending: string[];
  periodLabel: string | null;
  due: string | null;
  daysLate: Record<string, number>;
  nextDue: ReturnType<typeof nextDue>;
}

/** Conflicts still waiting for the planner, and agencies that have not returned the latest period's form. With Lịch báo cáo (issue 25): the period's due day, who is late, what is due next. The read's 2 round trips. */
export async function returnsStatus(context: Excel.RequestContext, routeFor: RouteFor = byPeriod, today: string = new Date().toISOString().slice(0, 10)): Promise<ReturnsStatusRead> {
  const { snapshot } = await readWorkbook(context);
  const state = stateOf(snapshot, interpretSnapshot(snapshot), routeFor);
  const rows = progressRows(state.history, state.source.periods, state.recipientsFor);
  const last = rows.at(-1)?.periodId ?? null;
  const pending = rows.filter((r) => r.periodId === last && !r.returned).map((r) => r.agency);
  // The schedule the workbook keeps (Lịch báo cáo, issue 25): the period's due day, who is late, what is due next.
  const schedule = readScheduleTable(snapshot);
  const due = last !== null ? (schedule.get(last)?.due ?? null) : null;
  const late = last !== null ? pendingWithDue(pending, last, due, today) : [];
  return {
    conflicts: openConflicts(state),
    pending,
    periodLabel: rows.at(-1)?.periodLabel ?? null,
    due,
    daysLate: Object.fromEntries(late.filter((p) => p.daysLate > 0).map((p) => [p.agency, p.daysLate])),
    nextDue: nextDue(schedule, today),
  };
}

/** The planner's choice on one conflict ("dùng số của đơn vị" / "giữ số hiện tại"). 3 round trips. */
export async function resolveInWorkbook(context: Excel.RequestContext, conflict: Conflict, choice: "useForm" | "keep", routeFor: RouteFor = byPeriod): Promise<number> {
  const read = await readWorkbook(context);
  const reading = interpretSnapshot(read.snapshot);
  const state = stateOf(read.snapshot, reading, routeFor);
  const { writes, history } = resolveConflict(state, conflict, choice);
  return read.syncs + (await writeChanges(context, read, state, reading.lang, writes, history));
}

/** The plan as forms need it, with its title from the summary sheet. 3 round trips. */
export async function readFormSource(context: Excel.RequestContext): Promise<FormSource> {
  const { snapshot } = await readWorkbook(context);
  const reading = interpretSnapshot(snapshot);
  if (!reading.isChiTieu) throw new OperationError("Sổ tính chưa có bảng Chỉ tiêu: hãy nhập phụ lục trước.", "The workbook has no Chỉ tiêu table: import an appendix first.", "notChiTieu");
  const sheet = PLAN_TITLE_CELL.sheets.find((n) => snapshot.sheetNames.includes(n));
  let title = "";
  if (sheet) {
    const cell = context.workbook.worksheets.getItem(sheet).getRange(PLAN_TITLE_CELL.address);
    cell.load("values");
    await context.sync();
    title = planTitleFrom((cell.values[0]?.[0] ?? null) as string | number | boolean | null);
  }
  return formSourceFromWorkbook(snapshot, reading, title);
}

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The pane's and ribbon's entry points for agency returns, with Office errors in plain words. */
export function createReturnsOperations(run: Runner = (batch) => Excel.run(batch), routeFor: RouteFor = byPeriod) {
  /** `readOnly` batches never write: their failure says the workbook was not changed. */
  const guarded = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, readOnly = false): Promise<T> => {
    try {
      return await run(batch);
    } catch (e) {
      throw explainError(e, { readOnly });
    }
  };
  return {
    readFormSource: () => guarded((context) => readFormSource(context), true),
    collect: (forms: CollectedForm[], now: string) => guarded((context) => collectIntoWorkbook(context, forms, now, routeFor)),
    status: () => guarded((context) => returnsStatus(context, routeFor), true),
    resolve: (conflict: Conflict, choice: "useForm" | "keep") => guarded((context) => resolveInWorkbook(context, conflict, choice, routeFor)),
  };
}
export type ReturnsOperations = ReturnType<typeof createReturnsOperations>;
