/**
 * "Tô màu chỉ tiêu chưa đạt": on a Chỉ tiêu sheet, (re)applies the status
 * formula and the colours; on a table the user built, recognises its
 * columns from the headers, then adds a status column and colours it —
 * their own cells untouched. The table is the one the user selected, and its
 * cells are read again when the colours are applied.
 */
import { confirmMapping, detectColumns, HIGHLIGHT_ROLES, type ColumnDetection, type HighlightRole } from "../core/highlight";
import { ADDED_STATUS_HEADER, userRowStatus, userStatusFormula } from "../core/highlight/status";
import { INDICATOR_COLUMNS, STATUS_FILLS, TABLE_NAMES, indicatorRowRefs } from "../core/layout";
import { periodStatusFormula, thisRow, VOCABULARY, type Lang, type StatusKey } from "../core/status";
import { columnLetters, parseRect, rectAddress, splitSheet, type Rect } from "./_lib/a1";
import { formulaColumn } from "./_lib/actions";
import { rgbHex } from "../core/_lib/colour";
import { renameInFormula } from "./_lib/rename";
import { OperationError } from "./errors";
import { WriteError } from "./write";

export type StatusCounts = Record<Exclude<StatusKey, "none">, number>;

export type HighlightTarget =
  | { kind: "chitieu"; sheet: string; table: string; lang: Lang; headers: string[]; body: Rect; counts: StatusCounts }
  | { kind: "userTable"; sheet: string; table: string; headers: string[]; body: Rect; rows: unknown[][]; detection: ColumnDetection; statusColumn: number | null }
  /** `several`: the selection touches more than one table, so which one is meant is the user's to say. */
  | { kind: "none"; sheet: string; several?: boolean };

export interface HighlightReport {
  sheet: string;
  table: string;
  /** Counts computed from the values read (the same rules as the formula Excel now holds). */
  counts: StatusCounts;
  statusHeader: string;
}

const zero = (): StatusCounts => ({ exceeded: 0, met: 0, missed: 0, atRisk: 0, noData: 0, onTrack: 0 });

function ourLang(headers: string[]): Lang | null {
  const key = INDICATOR_COLUMNS.find((d) => d.key === "key");
  if (!key) return null;
  if (headers.includes(key.vi)) return "vi";
  if (headers.includes(key.en)) return "en";
  return null;
}

/** A table as it is now: its sheet, headers, where its header row is, and its data rows. */
interface TableNow {
  sheet: string;
  headers: string[];
  /** The data rows (0-based sheet row and column of the first data cell, row count, column count). */
  body: Rect;
  rows: unknown[][];
  /** The body's conditional formats, when asked for: the user's stay, ours are replaced. */
  rules: Excel.ConditionalFormat[];
}

/** Reads one table (only it, not the sheet's used range): one sync. `withRules`: its body's conditional formats too. */
async function readTable(context: Excel.RequestContext, name: string, withRules = false): Promise<TableNow> {
  // Separate proxies of the table: the lint rule takes `table.columns` for a read of an unloaded property.
  const table = () => context.workbook.tables.getItem(name);
  const columns = table().columns;
  columns.load("items/name");
  const header = table().getHeaderRowRange();
  header.load("address");
  const body = table().getDataBodyRange();
  body.load("values, rowCount");
  const worksheet = table().worksheet;
  worksheet.load("name");
  // customOrNullObject (ExcelApi 1.6): a data bar or colour scale the user added reads as a null object, not an error.
  const rules = withRules ? table().getDataBodyRange().conditionalFormats : null;
  rules?.load("items/type, items/customOrNullObject/rule/formula");
  await context.sync();
  const headerRect = parseRect(splitSheet(header.address).ref);
  const headers = columns.items.map((c) => c.name);
  return { sheet: worksheet.name, headers, body: { row: headerRect.row + 1, col: headerRect.col, rows: body.rowCount, cols: headers.length }, rows: body.values, rules: rules?.items ?? [] };
}

/** Every status label in either language: a rule comparing one cell with one of them is ours. */
const OUR_LABELS = new Set((["vi", "en"] as const).flatMap((l) => Object.values(VOCABULARY[l].status)));

/**
 * Our colour rules on a column (`=$R2="Không đạt"`, `=I4="Đạt"`, as colourRules writes them): only these are
 * removed before colouring again, never a rule the user added on the table (clearAll would take them all).
 */
export function ourRules(rules: readonly Excel.ConditionalFormat[], column: string): Excel.ConditionalFormat[] {
  return rules.filter((r) => {
    if (r.type !== "Custom" || r.customOrNullObject.isNullObject) return false;
    const m = /^=\$?([A-Z]{1,3})\$?\d+="((?:[^"]|"")*)"$/.exec(r.customOrNullObject.rule.formula);
    return m !== null && m[1] === column && OUR_LABELS.has(m[2] ?? "");
  });
}

function countOurs(headers: string[], rows: unknown[][], lang: Lang): StatusCounts {
  const counts = zero();
  const idx = headers.indexOf((INDICATOR_COLUMNS.find((d) => d.key === "status") ?? { vi: "", en: "" })[lang]);
  const byLabel = new Map(Object.entries(VOCABULARY[lang].status).map(([k, label]) => [label, k as keyof StatusCounts]));
  for (const r of rows) {
    const k = byLabel.get(String(r[idx] ?? ""));
    if (k) counts[k]++;
  }
  return counts;
}

function statusColumnOf(headers: string[]): number | null {
  const i = headers.findIndex((h) => h === ADDED_STATUS_HEADER.vi || h === ADDED_STATUS_HEADER.en);
  return i >= 0 ? i : null;
}

/**
 * Finds the table the user is in (the one under the selection; on a sheet with
 * a single table, that one) and reads it: its headers, position and values.
 * Two syncs: which table, then that table alone. The selection is read as
 * every selected range (getSelectedRanges, ExcelApi 1.9): getSelectedRange()
 * fails the whole request with InvalidSelection when the user Ctrl-selected
 * several ranges. Ranges over two tables: none, and the pane says to select
 * a cell in one table.
 *
 * @example
 * const target = await probeHighlight(context);
 * if (target.kind === "userTable" && !target.detection.ready) askUser(target.detection.needsConfirmation);
 */
export async function probeHighlight(context: Excel.RequestContext): Promise<HighlightTarget> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  tables.load("items/name");
  const selected = context.workbook.getSelectedRanges().getTables(false);
  selected.load("items/name");
  await context.sync();
  const touched = selected.items.map((t) => t.name);
  if (touched.length > 1) return { kind: "none", sheet: sheet.name, several: true };
  const name = touched[0] ?? (tables.items.length === 1 ? tables.items[0]?.name : undefined);
  if (!name) return { kind: "none", sheet: sheet.name };
  const now = await readTable(context, name);
  const lang = ourLang(now.headers);
  if (lang) return { kind: "chitieu", sheet: now.sheet, table: name, lang, headers: now.headers, body: now.body, counts: countOurs(now.headers, now.rows, lang) };
  const statusColumn = statusColumnOf(now.headers);
  const own = statusColumn !== null ? now.headers.map((h, i) => (i === statusColumn ? "" : h)) : now.headers;
  return { kind: "userTable", sheet: now.sheet, table: name, headers: now.headers, body: now.body, rows: now.rows, detection: detectColumns(own), statusColumn };
}

/** Colour rules; `withOnTrack` only on our sheet, whose period formula can say Đúng tiến độ (a user table's cannot). */
function colourRules(range: Excel.Range, formulaFor: (label: string) => string, lang: Lang, withOnTrack = false): void {
  const s = VOCABULARY[lang].status;
  const rules = [[s.missed, STATUS_FILLS.missed], [s.atRisk, STATUS_FILLS.atRisk], [s.met, STATUS_FILLS.met], [s.exceeded, STATUS_FILLS.exceeded], ...(withOnTrack ? [[s.onTrack, STATUS_FILLS.onTrack] as const] : [])] as const;
  for (const [label, colours] of rules) {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formulaFor(label);
    cf.custom.format.fill.color = rgbHex(colours.fill);
    cf.custom.format.font.color = rgbHex(colours.fontColor);
  }
}

/**
 * Writes the status column and colours, to the cells the table has NOW (read
 * again here: rows or columns may have moved since the probe). One read and
 * one write. For a user table whose detection is not `ready`, pass the user's
 * choices (role → header). All or nothing: if Excel refuses part of the write,
 * the status column this call added is removed again; a WriteError says what
 * could not be put back.
 */
export async function applyHighlight(
  context: Excel.RequestContext,
  target: HighlightTarget,
  choices: Partial<Record<HighlightRole, string | null>> = {},
  lang: Lang = "vi",
): Promise<HighlightReport> {
  if (target.kind === "none") throw new Error("applyHighlight: nothing to highlight (probe found no table).");
  const now = await readTable(context, target.table, true);
  const sheet = context.workbook.worksheets.getItem(now.sheet);
  const table = context.workbook.tables.getItem(target.table);
  const rows = Math.max(now.body.rows, 1);
  const cell = (col: number) => rectAddress({ row: now.body.row, col: now.body.col + col, rows: 1, cols: 1 });
  if (target.kind === "chitieu") {
    const ours = ourLang(now.headers) ?? target.lang;
    const statusDef = INDICATOR_COLUMNS.find((d) => d.key === "status");
    const statusIdx = statusDef ? now.headers.indexOf(statusDef[ours]) : -1;
    if (statusIdx < 0) throw new OperationError(`Bảng ${target.table} không còn cột "${statusDef?.vi ?? ""}". Hãy nhập lại phụ lục.`, `Table ${target.table} no longer has the "${statusDef?.en ?? ""}" column. Import the appendix again.`, "ItemNotFound");
    const cellOf = (key: string): string => thisRow(TABLE_NAMES.indicators, (INDICATOR_COLUMNS.find((d) => d.key === key) ?? { vi: "", en: "" })[ours]);
    const formula = renameInFormula(periodStatusFormula(indicatorRowRefs(ours), cellOf("judged"), cellOf("expected"), ours), {
      sheets: new Map(), names: new Map(), tables: new Map([[TABLE_NAMES.indicators, target.table]]),
    });
    await writeOrExplain(context, { vi: `màu trạng thái của bảng ${target.table} có thể đã bị xoá một phần; hãy bấm Tô màu lại`, en: `the status colours of table ${target.table} may be partly removed; click Highlight again` }, null, () => {
      formulaColumn(() => sheet, { row: now.body.row, col: now.body.col + statusIdx, rows, cols: 1 }, formula).run();
      const body = sheet.getRange(rectAddress({ ...now.body, rows }));
      for (const rule of ourRules(now.rules, columnLetters(now.body.col + statusIdx))) rule.delete();
      colourRules(body, (label) => `=${cell(statusIdx).replace(/^([A-Z]+)/, "$$$1")}="${label}"`, ours, true);
    });
    // Our sheet's statuses depend on the chosen period (KyBaoCao), and Excel has computed them: count the words it shows.
    return { sheet: now.sheet, table: target.table, counts: countOurs(now.headers, now.rows, ours), statusHeader: now.headers[statusIdx] ?? "" };
  }
  // The columns are found again by their headers in the table as it is now, whatever moved since the probe.
  const statusColumn = statusColumnOf(now.headers);
  const own = statusColumn !== null ? now.headers.map((h, i) => (i === statusColumn ? "" : h)) : now.headers;
  const confirmed = Object.fromEntries(HIGHLIGHT_ROLES.flatMap((r) => (target.detection.mapping[r] ? [[r, target.detection.mapping[r]?.header ?? null]] : [])));
  const wanted = { ...confirmed, ...choices };
  const missing = Object.values(wanted).filter((h): h is string => typeof h === "string" && !own.includes(h));
  if (missing.length > 0) {
    throw new OperationError(
      `Bảng ${target.table} không còn cột ${missing.map((h) => `"${h}"`).join(", ")}. Hãy chọn lại các cột rồi tô màu.`,
      `Table ${target.table} no longer has the column(s) ${missing.map((h) => `"${h}"`).join(", ")}. Choose the columns again, then highlight.`,
      "ItemNotFound",
    );
  }
  const detection = confirmMapping(own, detectColumns(own), wanted);
  if (!detection.ready) throw new Error(`applyHighlight: confirm the columns first (${detection.needsConfirmation.join(", ")}).`);
  const header = statusColumn !== null ? (now.headers[statusColumn] ?? ADDED_STATUS_HEADER[lang]) : ADDED_STATUS_HEADER[lang];
  // Only our own status column is written and coloured (its old rules cleared): the user's cells keep their values and formats.
  const col = statusColumn ?? now.headers.length;
  const formula = userStatusFormula(target.table, detection, lang, { row: now.body.row, col: now.body.col });
  await writeOrExplain(
    context,
    statusColumn === null ? null : { vi: `màu của cột "${header}" có thể đã bị xoá một phần; hãy bấm Tô màu lại`, en: `the colours of column "${header}" may be partly removed; click Highlight again` },
    statusColumn === null ? { table: target.table, column: header } : null,
    () => {
      if (statusColumn === null) table.columns.add(undefined, undefined, header);
      formulaColumn(() => sheet, { row: now.body.row, col: now.body.col + col, rows, cols: 1 }, formula).run();
      const statusRange = sheet.getRange(rectAddress({ row: now.body.row, col: now.body.col + col, rows, cols: 1 }));
      for (const rule of ourRules(now.rules, columnLetters(now.body.col + col))) rule.delete();
      colourRules(statusRange, (label) => `=${cell(col)}="${label}"`, lang);
    },
  );
  const counts = zero();
  for (const r of now.rows) {
    const s = userRowStatus(r, detection, lang);
    if (s !== "none") counts[s]++;
  }
  return { sheet: now.sheet, table: target.table, counts, statusHeader: header };
}

/**
 * Queues `write` and sends it. Excel applies a batch's operations up to the one
 * that fails, so on failure the column this write added (if any) is removed
 * again; what cannot be undone is named in the WriteError (`left`).
 */
async function writeOrExplain(
  context: Excel.RequestContext,
  left: { vi: string; en: string } | null,
  added: { table: string; column: string } | null,
  write: () => void,
): Promise<void> {
  write();
  try {
    await context.sync();
  } catch (error) {
    if (added) {
      const leftColumn = { vi: `cột "${added.column}" đã thêm vào bảng ${added.table}; hãy xoá cột đó`, en: `the column "${added.column}" added to table ${added.table}; delete that column` };
      try {
        const column = context.workbook.tables.getItem(added.table).columns.getItemOrNullObject(added.column);
        column.load("name");
        await context.sync();
        if (!column.isNullObject) {
          column.delete();
          await context.sync();
        }
      } catch (cleanupError) {
        throw new WriteError(error, cleanupError, leftColumn);
      }
    }
    throw new WriteError(error, null, left);
  }
}

/**
 * Probe then apply: 1 read + 1 write. Returns the probe instead when the
 * user must confirm columns first (nothing written then).
 */
export async function highlightGaps(
  context: Excel.RequestContext,
  choices: Partial<Record<HighlightRole, string | null>> = {},
  lang: Lang = "vi",
): Promise<{ done: true; report: HighlightReport } | { done: false; target: HighlightTarget }> {
  const target = await probeHighlight(context);
  if (target.kind === "none") return { done: false, target };
  if (target.kind === "userTable" && !target.detection.ready && Object.keys(choices).length === 0) return { done: false, target };
  return { done: true, report: await applyHighlight(context, target, choices, lang) };
}
