/**
 * The real PaneServices: O's Excel operations (src/excel/operations), F's file
 * importer (src/import), T's text importer and F's template writer. Everything
 * heavy is reached through dynamic import(), so webpack puts pdfjs, exceljs,
 * jszip, the layout and the checks in chunks that load on first use and the
 * pane's first JavaScript stays small.
 */
import type { HighlightRole } from "../core/highlight";
import type { OcrSetup } from "../import/scan";
import type { FindingRef } from "../core/model";
import { rectAddress } from "../excel/_lib/a1";
import type { HighlightTarget } from "../excel/highlight";
import type { Operations } from "../excel/operations";
import type { Lang } from "./i18n";
import { countPlan } from "./services";
import type { ColumnMapping, FormFile, HighlightProbe, PaneServices } from "./services";
import type { FormSource, ReturnRead } from "../core/forms";
import type * as FormsModule from "../core/forms";
import type { WorkbookLayout } from "../core/layout/types";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import type { ReturnsOperations } from "../excel/collect";
import type { OfferHost } from "../taskpane/report/offerFile";

/** Today as yyyy-mm-dd in the user's time zone: the checks judge passed deadlines against it. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** O's probe, as the pane shows it: header texts per role, and whether the user must confirm. */
export function toProbe(target: HighlightTarget): HighlightProbe {
  if (target.kind === "none") return target.several ? { kind: "none", several: true } : { kind: "none" };
  if (target.kind === "chitieu") return { kind: "chitieu", sheet: target.sheet };
  const header = (role: HighlightRole) => target.detection.mapping[role]?.header ?? null;
  const table = { ...target.body, row: target.body.row - 1, rows: target.body.rows + 1 };
  return {
    kind: "userTable",
    sheet: target.sheet,
    address: rectAddress(table),
    headers: target.headers,
    mapping: { target: header("target"), result: header("result"), operator: header("operator"), lead: header("lead") },
    confident: target.detection.ready,
  };
}

/** The user's confirmed columns as O's choices (every role the pane shows is stated, null included). */
export function toChoices(mapping: ColumnMapping): Partial<Record<HighlightRole, string | null>> {
  return { target: mapping.target, result: mapping.result, operator: mapping.operator, lead: mapping.lead };
}

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The host as offerFile needs it: Office's platform, Excel.createWorkbook, the save picker when the browser has one. */
function officeHost(download: OfferHost["download"]): OfferHost {
  const office = typeof Office === "undefined" ? null : Office;
  const picker = (window as unknown as { showSaveFilePicker?: OfferHost["showSaveFilePicker"] }).showSaveFilePicker;
  return {
    platform: office?.context?.diagnostics?.platform === undefined ? null : String(office.context.diagnostics.platform),
    // Excel.createWorkbook: ExcelApi 1.8, below the add-in's minimum. Errors in plain words (newWorkbook.ts).
    openWorkbook: async (base64) => {
      const { openBase64AsNewWorkbook } = await import("../excel/newWorkbook");
      await openBase64AsNewWorkbook(base64);
    },
    showSaveFilePicker: picker ? picker.bind(window) : null,
    download,
  };
}

async function loadOperations(): Promise<Operations> {
  const [{ createOperations }, { checksDeps }] = await Promise.all([import("../excel/operations"), import("./checksDeps")]);
  return createOperations(undefined, checksDeps);
}

/** The forms of a period as files, named by ASCII slugs (the Vietnamese name is inside each file). */
export async function buildForms(
  source: FormSource,
  periodId: string,
  forms: typeof FormsModule,
  write: (layout: WorkbookLayout) => Promise<Uint8Array>,
  issued: string,
): Promise<FormFile[]> {
  const period = source.periods.find((p) => p.id === periodId);
  if (!period) throw new Error(`Kỳ ${periodId} không có trong kế hoạch.`);
  const recipients = forms.formRecipients(source, period.end ? forms.routeOn(period.end) : undefined);
  const names = forms.recipientFileNames(recipients, periodId);
  const out: FormFile[] = [];
  for (const [i, recipient] of recipients.entries()) {
    out.push({ fileName: names[i] ?? `bao-cao-${i + 1}.xlsx`, agency: recipient.agency, bytes: await write(forms.formLayout({ source, recipient, period, issued })) });
  }
  return out;
}

/** A dropped file that is not a readable .xlsx is a rejected form, not a failure of the whole batch. */
async function readReturnSafely(
  bytes: Uint8Array,
  readWorkbook: (b: Uint8Array) => Promise<WorkbookSnapshot>,
  readReturn: (s: WorkbookSnapshot) => ReturnRead,
): Promise<ReturnRead> {
  try {
    return readReturn(await readWorkbook(bytes));
  } catch {
    return { ok: false, code: "form.unreadable", message: "không đọc được tệp (không phải tệp .xlsx hoặc tệp bị hỏng).", messageEn: "cannot read the file (not an .xlsx file, or damaged)." };
  }
}

/**
 * Where the pane's recogniser finds its files: copied into dist/ocr/ by the
 * build (webpack.config.js) and served with the add-in, so nothing comes from
 * another origin. The worker starts from its own URL (CSP worker-src 'self').
 */
export function paneOcrSetup(base: string = document.baseURI): OcrSetup {
  const at = (path: string): string => new URL(path, base).href;
  return { langPath: at("ocr/lang"), workerPath: at("ocr/worker.min.js"), corePath: at("ocr/core") };
}

export function createOfficeServices(lang: Lang = "vi"): PaneServices {
  let operations: Promise<Operations> | null = null;
  let returnsOps: Promise<ReturnsOperations> | null = null;
  const returns = () => {
    returnsOps ??= import("../excel/collect").then((m) => m.createReturnsOperations()).catch((e: unknown) => {
      returnsOps = null;
      throw e;
    });
    return returnsOps;
  };
  const ops = () => {
    operations ??= loadOperations().catch((e: unknown) => {
      operations = null; // a failed chunk load may succeed next time
      throw e;
    });
    return operations;
  };
  // The last probe, so "Tô màu" applies to exactly the table the user confirmed.
  let lastTarget: HighlightTarget | null = null;

  return {
    async readFile(fileName, bytes, scan) {
      const { importFile } = await import("../import");
      const outcome = await importFile(fileName, bytes, {
        ocr: {
          // Only a scan gets here: tesseract.js, its worker, core and model load then, from the add-in's own files.
          recognizer: async () => (await import("../import/scan/ocr")).tesseractRecognizer(paneOcrSetup()),
          ...(scan ? { onProgress: scan.onProgress, signal: scan.signal } : {}),
        },
      });
      return outcome.ok ? outcome : { ok: false, message: outcome.error.message, messageEn: outcome.error.messageEn };
    },
    async readText(text, fileName) {
      const { importText } = await import("../core/import/text");
      return { ok: true, result: importText(text, fileName) };
    },
    async hasPlanSheets() {
      const summary = await (await ops()).summarize();
      return summary.sheet !== "";
    },
    async writePlan(result, mode, progress) {
      progress(null);
      const report = await (await ops()).importPlan(result.plan, { mode, lang });
      return { sheet: report.indicatorsSheet, indicators: countPlan(result).indicators };
    },
    async runChecks() {
      return (await ops()).runChecks(todayIso(), lang);
    },
    async markSeen(ids, seen) {
      await (await ops()).markSeen(ids, seen);
    },
    async selectCell(ref: FindingRef) {
      if (!ref.sheet || !ref.cell) throw new Error(lang === "vi" ? "Phát hiện này không gắn với ô nào" : "This finding has no cell");
      await (await ops()).selectCell(ref.sheet, ref.cell);
    },
    async probeHighlight() {
      lastTarget = await (await ops()).probeHighlight();
      return toProbe(lastTarget);
    },
    async applyHighlight(probe, mapping) {
      const o = await ops();
      const target = lastTarget && lastTarget.kind === probe.kind && lastTarget.kind !== "none" ? lastTarget : await o.probeHighlight();
      const report = await o.applyHighlight(target, target.kind === "userTable" && mapping ? toChoices(mapping) : {}, lang);
      return report.counts;
    },
    async summarize(periodId, grouping) {
      return (await ops()).summarize(periodId ?? null, grouping ?? "current", todayIso());
    },
    async setReportPeriod(label) {
      await (await ops()).setReportPeriod(label);
    },
    async previewSuccessors() {
      return (await ops()).previewSuccessors(todayIso());
    },
    async applySuccessors(edits) {
      const r = await (await ops()).applySuccessors(edits, todayIso());
      return { applied: r.applied.length, skipped: r.skipped.length };
    },
    async template() {
      const { writeTemplate } = await import("../xlsx/template");
      return writeTemplate();
    },
    async openWorkbook(bytes) {
      const { openAsNewWorkbook } = await import("../excel/newWorkbook");
      await openAsNewWorkbook(bytes);
    },
    async formPeriods() {
      const source = await (await returns()).readFormSource();
      return source.periods.map((p) => ({ id: p.id, label: p.label }));
    },
    async makeForms(periodId) {
      const [source, forms, { writeWorkbook }, { packageForms }] = await Promise.all([(await returns()).readFormSource(), import("../core/forms"), import("../xlsx"), import("./formsPackage")]);
      const made = await buildForms(source, periodId, forms, writeWorkbook, new Date().toISOString());
      // Where no file can be saved (Mac, iPad), offerFile opens each agency's form as a workbook instead of the package.
      return { forms: made, file: { ...(await packageForms(made, periodId)), workbooks: made.map((f) => ({ fileName: f.fileName, bytes: f.bytes })) } };
    },
    async collectForms(files) {
      const [{ readWorkbook }, { readReturn }] = await Promise.all([import("../xlsx"), import("../core/forms")]);
      const read = await Promise.all(files.map(async (f) => ({ file: f.name, read: await readReturnSafely(f.bytes, readWorkbook, readReturn) })));
      const { outcome } = await (await returns()).collect(read, new Date().toISOString());
      return { accepted: outcome.accepted, rejected: outcome.rejected, rowsRejected: outcome.rowsRejected, conflicts: outcome.conflicts, pending: outcome.pending, warnings: outcome.warnings };
    },
    async returnsStatus() {
      return (await returns()).status();
    },
    async resolveConflict(conflict, choice) {
      await (await returns()).resolve(conflict, choice);
    },
    async reportSource() {
      const [{ runReportSource }, { defaultReportPeriod, reportTable, reportTasks }, { returnsForReport }, { readParticulars, resolveParticulars }] = await Promise.all([
        import("../excel/reportSource"),
        import("../core/report/fromReading"),
        import("../core/report/returns"),
        import("../core/report/particulars"),
      ]);
      const { snapshot, reading, planTitle } = await runReportSource();
      const period = reading.isChiTieu ? defaultReportPeriod(reading) : null;
      // The same particulars, tasks and returns the CLI's report reads.
      return period
        ? { table: reportTable(reading, period), planTitle, ...returnsForReport(snapshot, period.id), particulars: resolveParticulars(readParticulars(snapshot)), tasks: reportTasks(reading, period) }
        : null;
    },
    async createReport(source) {
      // The report's code (docx and its chart support) is a chunk of its own, loaded on the first click.
      const [{ buildReport }, { writeReportDocx }, { reportFileName }] = await Promise.all([import("../core/report"), import("../docx"), import("../core/report/fromReading")]);
      const { resolveParticulars } = await import("../core/report/particulars");
      const p = source.particulars ?? resolveParticulars({});
      const doc = buildReport(source.table, {
        plan: { title: source.planTitle, ...p.plan },
        province: p.province,
        issuer: p.issuer,
        parentBody: p.parentBody,
        addressee: p.addressee,
        symbol: p.symbol,
        place: p.place,
        date: todayIso(),
        signature: p.signature,
        ...(p.recipients.length > 0 ? { recipients: p.recipients } : {}),
        ...(source.tasks ? { tasks: source.tasks } : {}),
        explanations: source.explanations,
        returns: source.returns,
      });
      return { fileName: reportFileName(source.table.period.label), mime: DOCX_MIME, bytes: await writeReportDocx(doc) };
    },
    async offerFile(file) {
      const { offerFile, downloadBlob } = await import("../taskpane/report/offerFile");
      return offerFile(file, officeHost(downloadBlob));
    },
  };
}
