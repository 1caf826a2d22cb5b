/**
 * "Tô màu chỉ tiêu chưa đạt": on a Chỉ tiêu sheet, (re)applies the status
 * formula and the three colours; on a table the user built, recognises its
 * columns from the headers, then adds a status column and colours it —
 * their own cells untouched. One read round trip (probe) and one write.
 */
import { confirmMapping, detectColumns, type ColumnDetection, type HighlightRole } from "../core/highlight";
import { ADDED_STATUS_HEADER, userRowStatus, userStatusFormula } from "../core/highlight/status";
import { INDICATOR_COLUMNS, STATUS_FILLS, TABLE_NAMES, indicatorRowRefs } from "../core/layout";
import { periodStatusFormula, thisRow, VOCABULARY, type Lang, type StatusKey } from "../core/status";
import { parseRect, rectAddress, splitSheet, type Rect } from "./_lib/a1";
import { formulaColumn } from "./_lib/actions";
import { rgbHex } from "../core/layout/colour";
import { renameInFormula } from "./_lib/rename";

export type StatusCounts = Record<Exclude<StatusKey, "none">, number>;

export type HighlightTarget =
  | { kind: "chitieu"; sheet: string; table: string; lang: Lang; headers: string[]; body: Rect; counts: StatusCounts }
  | { kind: "userTable"; sheet: string; table: string; headers: string[]; body: Rect; rows: unknown[][]; detection: ColumnDetection; statusColumn: number | null }
  | { kind: "none"; sheet: string };

export interface HighlightReport {
  sheet: string;
  table: string;
  /** Counts computed from the values read (the same rules as the formula Excel now holds). */
  counts: StatusCounts;
  statusHeader: string;
}

const zero = (): StatusCounts => ({ met: 0, missed: 0, atRisk: 0, noData: 0, onTrack: 0 });

/** Finds the table's header row in the used range (tables have no address property to load). */
function locate(values: unknown[][], headers: string[]): { row: number; col: number } | null {
  for (let r = 0; r < values.length; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c + headers.length <= line.length; c++) {
      if (headers.every((h, i) => String(line[c + i]) === h)) return { row: r, col: c };
    }
  }
  return null;
}

function ourLang(headers: string[]): Lang | null {
  const key = INDICATOR_COLUMNS.find((d) => d.key === "key");
  if (!key) return null;
  if (headers.includes(key.vi)) return "vi";
  if (headers.includes(key.en)) return "en";
  return null;
}

/**
 * Reads the active sheet's first table: its headers, position and values. One sync.
 *
 * @example
 * const target = await probeHighlight(context);
 * if (target.kind === "userTable" && !target.detection.ready) askUser(target.detection.needsConfirmation);
 */
export async function probeHighlight(context: Excel.RequestContext): Promise<HighlightTarget> {
  // Separate proxies of the active sheet: the lint rule reads `sheet.tables` after `sheet.load` as an unloaded property.
  const tables = context.workbook.worksheets.getActiveWorksheet().tables;
  const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  tables.load("items/name, items/columns/items/name, items/rows/count");
  used.load("address, values");
  await context.sync();
  const first = tables.items[0];
  if (!first || used.isNullObject) return { kind: "none", sheet: sheet.name };
  const headers = first.columns.items.map((c) => c.name);
  const at = locate(used.values, headers);
  if (!at) return { kind: "none", sheet: sheet.name };
  const origin = parseRect(splitSheet(used.address).ref);
  const count = first.rows.count;
  const body: Rect = { row: origin.row + at.row + 1, col: origin.col + at.col, rows: count, cols: headers.length };
  const rows = used.values.slice(at.row + 1, at.row + 1 + count).map((r) => r.slice(at.col, at.col + headers.length));
  const lang = ourLang(headers);
  if (lang) {
    // Our sheet's statuses depend on the chosen period (KyBaoCao) and Excel has computed them: count the words it shows.
    const counts = zero();
    const idx = headers.indexOf((INDICATOR_COLUMNS.find((d) => d.key === "status") ?? { vi: "", en: "" })[lang]);
    const byLabel = new Map(Object.entries(VOCABULARY[lang].status).map(([k, label]) => [label, k as keyof StatusCounts]));
    for (const r of rows) {
      const k = byLabel.get(String(r[idx] ?? ""));
      if (k) counts[k]++;
    }
    return { kind: "chitieu", sheet: sheet.name, table: first.name, lang, headers, body, counts };
  }
  const statusColumn = headers.findIndex((h) => h === ADDED_STATUS_HEADER.vi || h === ADDED_STATUS_HEADER.en);
  const own = statusColumn >= 0 ? headers.map((h, i) => (i === statusColumn ? "" : h)) : headers;
  return { kind: "userTable", sheet: sheet.name, table: first.name, headers, body, rows, detection: detectColumns(own), statusColumn: statusColumn >= 0 ? statusColumn : null };
}

/** Colour rules; `withOnTrack` only on our sheet, whose period formula can say Đúng tiến độ (a user table's cannot). */
function colourRules(range: Excel.Range, formulaFor: (label: string) => string, lang: Lang, withOnTrack = false): void {
  const s = VOCABULARY[lang].status;
  const rules = [[s.missed, STATUS_FILLS.missed], [s.atRisk, STATUS_FILLS.atRisk], [s.met, STATUS_FILLS.met], ...(withOnTrack ? [[s.onTrack, STATUS_FILLS.onTrack] as const] : [])] as const;
  for (const [label, colours] of rules) {
    const cf = range.conditionalFormats.add("Custom");
    cf.custom.rule.formula = formulaFor(label);
    cf.custom.format.fill.color = rgbHex(colours.fill);
    cf.custom.format.font.color = rgbHex(colours.fontColor);
  }
}

/**
 * Writes the status column and colours. One sync. For a user table whose
 * detection is not `ready`, pass the user's choices (role → header).
 */
export async function applyHighlight(
  context: Excel.RequestContext,
  target: HighlightTarget,
  choices: Partial<Record<HighlightRole, string | null>> = {},
  lang: Lang = "vi",
): Promise<HighlightReport> {
  if (target.kind === "none") throw new Error("applyHighlight: nothing to highlight (probe found no table).");
  const sheet = context.workbook.worksheets.getItem(target.sheet);
  const table = sheet.tables.getItem(target.table);
  const rows = Math.max(target.body.rows, 1);
  if (target.kind === "chitieu") {
    const statusIdx = INDICATOR_COLUMNS.findIndex((d) => d.key === "status");
    const header = target.headers[statusIdx] ?? "";
    const expectedCell = thisRow(TABLE_NAMES.indicators, (INDICATOR_COLUMNS.find((d) => d.key === "expected") ?? { vi: "", en: "" })[target.lang]);
    const formula = renameInFormula(periodStatusFormula(indicatorRowRefs(target.lang), expectedCell, target.lang), {
      sheets: new Map(), names: new Map(), tables: new Map([[TABLE_NAMES.indicators, target.table]]),
    });
    formulaColumn(() => sheet, { row: target.body.row, col: target.body.col + statusIdx, rows, cols: 1 }, formula).run();
    const body = sheet.getRange(rectAddress({ ...target.body, rows }));
    body.conditionalFormats.clearAll();
    const statusCell = rectAddress({ row: target.body.row, col: target.body.col + statusIdx, rows: 1, cols: 1 }).replace(/^([A-Z]+)/, "$$$1");
    colourRules(body, (label) => `=${statusCell}="${label}"`, target.lang, true);
    await context.sync();
    return { sheet: target.sheet, table: target.table, counts: target.counts, statusHeader: header };
  }
  const detection = Object.keys(choices).length > 0 ? confirmMapping(target.headers, target.detection, choices) : target.detection;
  if (!detection.ready) throw new Error(`applyHighlight: confirm the columns first (${detection.needsConfirmation.join(", ")}).`);
  const header = target.statusColumn !== null ? (target.headers[target.statusColumn] ?? ADDED_STATUS_HEADER[lang]) : ADDED_STATUS_HEADER[lang];
  if (target.statusColumn === null) table.columns.add(undefined, undefined, header);
  // Only our own status column is written and coloured (its old rules cleared): the user's cells keep their values and formats.
  const col = target.statusColumn ?? target.headers.length;
  formulaColumn(() => sheet, { row: target.body.row, col: target.body.col + col, rows, cols: 1 }, userStatusFormula(target.table, detection, lang)).run();
  const statusRange = sheet.getRange(rectAddress({ row: target.body.row, col: target.body.col + col, rows, cols: 1 }));
  statusRange.conditionalFormats.clearAll();
  const first = rectAddress({ row: target.body.row, col: target.body.col + col, rows: 1, cols: 1 });
  colourRules(statusRange, (label) => `=${first}="${label}"`, lang);
  await context.sync();
  const counts = zero();
  for (const r of target.rows) {
    const s = userRowStatus(r, detection, lang);
    if (s !== "none") counts[s]++;
  }
  return { sheet: target.sheet, table: target.table, counts, statusHeader: header };
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
