/**
 * The tracking workbook as the forms commands need it: its bytes, what the
 * core reads from it (plan, periods, period grid, task statuses, the history
 * of returns) and the changes a collect makes, as cell writes and sheets.
 */
import type { CliIo } from "../../io";
import { CliError } from "../../io";
import {
  formRecipients, formSourceFromWorkbook, routeOn, historySheet, PLAN_TITLE_CELL, planTitleFrom, progressRows, progressSheet, readHistory, collectLayout,
} from "../../../core/forms";
import type { AgencyRoute, CollectOutcome, CollectState, FormPeriod, FormSource, KeptHistoryRow } from "../../../core/forms";
import { interpretSnapshot } from "../../../core/workbook";
import { parsePeriod } from "../../../core/period";
import type { WorkbookReading } from "../../../core/workbook";
import { readCells, readWorkbook } from "../../../xlsx";
import { ImportFileError } from "../../../import/_lib/errors";
import { readInput } from "../../_lib/files";

export interface TrackingWorkbook {
  path: string;
  bytes: Uint8Array;
  reading: WorkbookReading;
  state: CollectState;
  source: FormSource;
  /** The workbook has the period grid that collected figures go into. */
  hasGrid: boolean;
  /** Rows of "Nguồn số liệu" a planner changed: written back as they are. */
  keptHistory: KeptHistoryRow[];
  /** The tables as read (the schedule, issue 25, is read from it). */
  snapshot: Awaited<ReturnType<typeof readWorkbook>>;
}

export async function loadTrackingWorkbook(io: CliIo, path: string): Promise<TrackingWorkbook> {
  const bytes = await readInput(io, path);
  const snapshot = await readWorkbook(bytes, path).catch((e: unknown) => {
    // A workbook refused by a bound says which bound; anything else is simply unreadable.
    if (e instanceof ImportFileError) throw new CliError(`${path}: ${e.messageVi}`, `${path}: ${e.messageEn}`, 2, e.code);
    throw new CliError(`${path} không phải tệp Excel đọc được.`, `${path} is not a readable Excel file.`);
  });
  const reading = interpretSnapshot(snapshot);
  if (!reading.isChiTieu) throw new CliError(`${path} không phải sổ theo dõi Chỉ tiêu (không có bảng Chỉ tiêu).`, `${path} is not a Chỉ tiêu tracking workbook (no Chỉ tiêu table).`);
  const titles = await readCells(bytes, PLAN_TITLE_CELL.sheets.map((sheet) => ({ sheet, address: PLAN_TITLE_CELL.address })));
  const title = titles.map(planTitleFrom).find((t) => t !== "") ?? "";
  const source = formSourceFromWorkbook(snapshot, reading, title);
  if (source.periods.length === 0) {
    throw new CliError(`${path}: không xác định được kỳ báo cáo nào (không có năm mục tiêu).`, `${path}: no reporting period can be told (no target year).`);
  }
  const { records, kept } = readHistory(snapshot);
  const state: CollectState = { source, history: records, recipientsFor: (periodId) => formRecipients(source, routeFor(periodOf(source, periodId))) };
  return { path, bytes, reading, state, source, hasGrid: source.hasGrid, keptHistory: kept, snapshot };
}

function periodOf(source: FormSource, id: string): FormPeriod {
  const p = source.periods.find((x) => x.id === id);
  if (!p) throw new Error(`periodOf: ${id} is not a period of the plan`);
  return p;
}

/**
 * A period named by its id ("2023-H1") or its label ("6 tháng đầu năm 2023"). A period outside the plan's
 * own (a 2023 plan still followed in 2026) is allowed with a note: its figures need a column in the grid
 * before they can be collected.
 */
export function findPeriod(io: CliIo, source: FormSource, text: string): FormPeriod {
  const parsed = parsePeriod(text);
  const t = text.trim().toLowerCase();
  const own = source.periods.find((x) => x.id.toLowerCase() === t || x.label.toLowerCase() === t || x.id === parsed?.id);
  if (own) return own;
  const list = source.periods.map((x) => `${x.id} (${x.label})`).join(", ");
  if (!parsed) throw new CliError(`Không hiểu kỳ "${text}". Các kỳ của kế hoạch: ${list}.`, `Cannot read period "${text}". The plan's periods: ${list}.`);
  io.err(`Lưu ý: kỳ ${parsed.label} không có cột trong sheet "Kết quả theo kỳ" (các kỳ: ${list}); biểu mẫu vẫn được tạo, nhưng cần thêm cột kỳ này trước khi thu. / Note: ${parsed.labelEn} has no column in the period grid; forms are written, but the period needs a column before they can be collected.`);
  return { id: parsed.id, label: parsed.label, end: parsed.end };
}

/** Which agency reports for a period: today's agency for periods after the 2025 reorganisation. */
export function routeFor(period: FormPeriod): AgencyRoute {
  return period.end ? routeOn(period.end) : (a) => [a.name];
}

/** What a collect outcome changes in the workbook, as a layout for the in-place updater and the cells it may overwrite. */
export function collectChanges(wb: TrackingWorkbook, outcome: CollectOutcome): ReturnType<typeof collectLayout> {
  const percentKeys = new Set(wb.source.indicators.filter((i) => i.percent).map((i) => i.key));
  const rows = progressRows(outcome.history, wb.source.periods, wb.state.recipientsFor);
  return collectLayout(outcome.writes, [historySheet(outcome.history, percentKeys, wb.keptHistory), progressSheet(rows)], wb.source, wb.reading.lang);
}
