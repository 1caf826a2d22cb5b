/**
 * The actions the ribbon and the task pane both call (one implementation,
 * reached from a button or a command alike). Each runs in one Excel.run with
 * a bounded number of round trips, and turns Office errors into a plain
 * Vietnamese sentence with what to do next.
 */
import type { Finding, Plan } from "../core/model";
import { buildLayout, DEFINED_NAMES, SHEET_NAMES, TABLE_NAMES } from "../core/layout";
import type { SheetSpec, WorkbookLayout } from "../core/layout/types";
import { mergeIntoWorkbook } from "../core/merge";
import type { Lang } from "../core/status";
import { parsePeriod } from "../core/period";
import { defaultPeriod, periodSummary, type PeriodSummary } from "../core/statusTable";
import { interpretSnapshot, type WorkbookReading } from "../core/workbook";
import type { SheetRole } from "../core/layout/types";
import type { HighlightRole } from "../core/highlight";
import { highlightGaps, probeHighlight, applyHighlight, type HighlightTarget, type HighlightReport } from "./highlight";
import { readWorkbook } from "./read";
import { writeLayout, type WriteReport } from "./write";
import { updateInPlace } from "./update";
import { describeProblems, type UpdateProblem } from "../core/layout/ownership";
import { checksHeaders, findingIds, SEEN_MARK, seenIds } from "../core/layout/checksSheet";
import { explainError, OperationError } from "./errors";
import { textInput } from "./_lib/cells";
import { applySuccessors, previewSuccessors, type SuccessorsApplied } from "./successors";
import type { AgencyGrouping } from "../core/agency";
import type { AgencyCellEdit, SuccessorEdits } from "../core/successorEdits";

/** The in-place update; a failed write is a PartialUpdateError, which `guarded` explains from Office's code (errors.ts). */
async function inPlace(context: Excel.RequestContext, layout: WorkbookLayout, read: Parameters<typeof updateInPlace>[2]) {
  return await updateInPlace(context, layout, read);
}

function refused(problems: UpdateProblem[]): OperationError {
  const text = describeProblems(problems);
  return new OperationError(text.vi, text.en, "updateRefused");
}

export type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The checks module's two entry points (src/core/checks, src/core/layout/checksSheet.ts), injected so this adapter does not fix their shape. */
export interface ChecksDeps {
  runRules(input: { reading: WorkbookReading; today: string }): Finding[];
  checksSheet(findings: Finding[], options: { lang: Lang; name: string; seen?: ReadonlySet<string> }): SheetSpec;
}

export interface ImportReport extends WriteReport {
  mode: "create" | "update";
  added: string[];
  kept: string[];
  gone: string[];
  indicatorsSheet: string;
}

export interface Summary extends PeriodSummary {
  /** The indicators sheet ("" when the workbook has none). */
  sheet: string;
}

// Tables we write, by role; a suffixed name ("ChiTieu2") is still ours.
const ROLE_TABLES: Array<[Exclude<SheetRole, "info">, string]> = [
  ["indicators", TABLE_NAMES.indicators],
  ["results", TABLE_NAMES.periodResults],
  ["tasks", TABLE_NAMES.tasks],
  ["agencies", TABLE_NAMES.agencies],
  ["summary", TABLE_NAMES.summaryStatus],
  ["checks", TABLE_NAMES.checks],
];

function ourSheets(tables: Array<{ name: string; sheet: string }>): Partial<Record<SheetRole, string>> {
  const out: Partial<Record<SheetRole, string>> = {};
  for (const [role, base] of ROLE_TABLES) {
    const t = tables.find((x) => x.name === base) ?? tables.find((x) => new RegExp(`^${base}\\d+$`).test(x.name));
    if (t) out[role] = t.sheet;
  }
  return out;
}

export function createOperations(run: Runner = (batch) => Excel.run(batch), checks?: ChecksDeps) {
  /** Runs a batch and explains its failure; `readOnly` batches may say the workbook was not changed. */
  const guarded = async <T>(batch: (context: Excel.RequestContext) => Promise<T>, readOnly = false): Promise<T> => {
    try {
      return await run(batch);
    } catch (e) {
      throw explainError(e, { readOnly });
    }
  };

  return {
    /**
     * create: writes new sheets (suffixed names when the user has sheets with ours). update: reads the
     * workbook, keeps what officials typed (results, notes, task statuses), replaces our sheets. 4 syncs (3 to read, 1 to write).
     */
    importPlan: (plan: Plan, options: { mode: "create" | "update"; lang?: Lang }): Promise<ImportReport> =>
      guarded(async (context) => {
        const lang = options.lang ?? "vi";
        if (options.mode === "create") {
          const report = await writeLayout(context, buildLayout(plan, { lang }));
          return { ...report, mode: "create", added: [], kept: [], gone: [], indicatorsSheet: report.sheets[SHEET_NAMES[lang].indicators] ?? "" };
        }
        const read = await readWorkbook(context);
        const { snapshot, facts, syncs: readSyncs } = read;
        const reading = interpretSnapshot(snapshot);
        const sheets = ourSheets(facts.tables);
        const merged = mergeIntoWorkbook(plan, reading);
        const layoutLang = reading.isChiTieu ? reading.lang : lang;
        const layout = buildLayout(plan, { lang: layoutLang, results: merged.user, sheetNames: sheets });
        const indicators = layout.sheets.find((s) => s.role === "indicators")?.name ?? "";
        if (!reading.isChiTieu) {
          const report = await writeLayout(context, layout, { facts });
          return { ...report, syncs: report.syncs + readSyncs, mode: "update", added: merged.added, kept: merged.kept, gone: merged.gone, indicatorsSheet: report.sheets[indicators] ?? indicators };
        }
        // Our sheets and tables are updated in place: never renamed or deleted, so the user's references hold.
        const updated = await inPlace(context, layout, read);
        if (updated.refused) throw refused(updated.plan.problems);
        const same = Object.fromEntries(layout.sheets.map((s) => [s.name, s.name]));
        return {
          sheets: same, tables: {}, names: {}, syncs: updated.syncs + readSyncs, requests: [],
          mode: "update", added: merged.added, kept: merged.kept, gone: merged.gone, indicatorsSheet: indicators,
        };
      }),

    /** Checks the workbook as officials left it and refreshes the Kiểm tra sheet (replaced, never duplicated). 4 syncs. */
    runChecks: (today: string, lang: Lang = "vi"): Promise<Finding[]> =>
      guarded(async (context) => {
        if (!checks) throw new Error("runChecks: the checks module is not wired (pass ChecksDeps to createOperations).");
        const read = await readWorkbook(context);
        const { snapshot, facts } = read;
        const reading = interpretSnapshot(snapshot);
        const findings = checks.runRules({ reading, today });
        const existing = ourSheets(facts.tables).checks;
        // "Đã xem" marks of the last list (made in the pane or typed in the sheet) follow their findings by id.
        const old = snapshot.tables.find((t) => t.sheet === existing && (t.name === TABLE_NAMES.checks || t.name.startsWith(TABLE_NAMES.checks)));
        const seen = old ? seenIds(old) : new Set<string>();
        const sheet = checks.checksSheet(findings, { lang: reading.isChiTieu ? reading.lang : lang, name: existing ?? SHEET_NAMES[lang].checks, seen });
        const layout: WorkbookLayout = { sheets: [sheet], names: [] };
        // Refreshed in place (the user may point at it); a first run writes it whole.
        if (existing) {
          const updated = await inPlace(context, layout, read);
          if (updated.refused) throw refused(updated.plan.problems);
        } else await writeLayout(context, layout, { facts });
        const ids = findingIds(findings);
        return findings.map((f, i) => (seen.has(ids[i] ?? "") ? { ...f, seen: true } : f));
      }),

    /**
     * Marks findings "Đã xem" (or clears the mark) in the Kiểm tra table, found by its id column, so the mark
     * stays in the workbook across re-checks. 2 syncs. Table.getHeaderRowRange / getDataBodyRange: ExcelApi 1.1.
     */
    markSeen: (ids: readonly string[], seen: boolean): Promise<number> =>
      guarded(async (context) => {
        const tables = context.workbook.tables;
        tables.load("items/name");
        await context.sync();
        const table = tables.items.find((t) => t.name === TABLE_NAMES.checks) ?? tables.items.find((t) => new RegExp(`^${TABLE_NAMES.checks}\\d+$`).test(t.name));
        if (!table) throw new OperationError("Chưa có trang Kiểm tra: hãy bấm Kiểm tra trước.", "There is no Checks sheet yet: run the checks first.", "noChecksSheet");
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load("values");
        await context.sync();
        const names = (header.values[0] ?? []).map((h) => String(h).trim());
        const h = checksHeaders("vi");
        const idCol = names.findIndex((n) => h.ids.includes(n));
        const seenCol = names.findIndex((n) => h.seens.includes(n));
        if (idCol < 0 || seenCol < 0) throw new OperationError("Trang Kiểm tra là bản cũ: hãy bấm Kiểm tra lại rồi đánh dấu.", "The Checks sheet is an older one: run the checks again, then mark.", "oldChecksSheet");
        const wanted = new Set(ids);
        let marked = 0;
        body.values.forEach((row, r) => {
          if (!wanted.has(String(row[idCol] ?? "").trim())) return;
          body.getCell(r, seenCol).values = [[seen ? SEEN_MARK : ""]];
          marked++;
        });
        if (marked > 0) await context.sync();
        return marked;
      }),

    /** Shows a cell (a finding's reference). 1 sync. */
    selectCell: (sheet: string, address: string): Promise<void> =>
      guarded(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      }, true),

    probeHighlight: (): Promise<HighlightTarget> => guarded((context) => probeHighlight(context), true),
    applyHighlight: (target: HighlightTarget, choices: Partial<Record<HighlightRole, string | null>> = {}, lang: Lang = "vi"): Promise<HighlightReport> =>
      guarded((context) => applyHighlight(context, target, choices, lang)),
    /** 1 read + 1 write; returns the probe when columns need the user's confirmation. */
    highlightGaps: (choices: Partial<Record<HighlightRole, string | null>> = {}, lang: Lang = "vi") =>
      guarded((context) => highlightGaps(context, choices, lang)),

    /** The lead/coordinating cells naming agencies dissolved by `day`, with their new text; nothing is written. The workbook read's syncs. */
    previewSuccessors: (day: string): Promise<SuccessorEdits> => guarded((context) => previewSuccessors(context, day), true),
    /** Writes the edits the planner confirmed, each only if its cell is unchanged since the preview. The read's syncs + 1. */
    applySuccessors: (confirmed: readonly AgencyCellEdit[], day: string): Promise<SuccessorsApplied> =>
      guarded((context) => applySuccessors(context, confirmed, day)),

    /**
     * Counts by status and by lead agency for a period (default: the one KyBaoCao shows), from the
     * values officials typed (the core's judgement, the same as the sheet's formulas). 3 syncs.
     */
    summarize: (periodId?: string | null, grouping: AgencyGrouping = "current", day?: string): Promise<Summary> =>
      guarded(async (context) => {
        const { snapshot } = await readWorkbook(context);
        return summarizeReading(interpretSnapshot(snapshot), periodId, grouping, day);
      }, true),

    /**
     * Chooses the period the Chỉ tiêu sheet shows: writes its label into KyBaoCao, and Excel
     * recomputes and recolours the sheet. 1 sync. NamedItem.getRange: ExcelApi 1.3.
     */
    setReportPeriod: (label: string): Promise<void> =>
      guarded(async (context) => {
        context.workbook.names.getItem(DEFINED_NAMES.reportPeriod).getRange().values = [[textInput(label)]];
        await context.sync();
      }),
  };
}

export type Operations = ReturnType<typeof createOperations>;

/** Pure part of summarize, exported for tests: the core's period summary (src/core/period/report.ts) with the sheet to open. */
export function summarizeReading(reading: WorkbookReading, periodId?: string | null, grouping: AgencyGrouping = "asWritten", day?: string): Summary {
  const period = periodId ? parsePeriod(periodId) : defaultPeriod(reading);
  return { sheet: reading.sheets.indicators ?? "", ...periodSummary(reading, period ?? null, reading.lang, { grouping, ...(day ? { asOf: day } : {}) }) };
}
