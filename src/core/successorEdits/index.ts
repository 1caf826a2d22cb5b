/**
 * Rewriting lead/coordinating cells to today's agencies, for the pane's
 * "Đổi sang đơn vị kế thừa": each dissolved agency's name, as written, is
 * replaced by its successor's; a successor already named in the cell is not
 * written twice; a district UBND is left as written and listed, because
 * whom its task goes to is the planner's decision. Pure: the caller writes
 * the cells, and only after the planner confirms.
 */
import type { WorkbookReading } from "../workbook";
import { DEFAULT_DIRECTORY, type AgencyDirectory } from "../agency/directory";
import { parseAgenciesWithSpelling } from "../agency";
import { successorsOn } from "../agency/successors";

export interface CellRewrite {
  /** The cell's new text; equal to the input (line breaks joined) when nothing is replaced. */
  text: string;
  /** Each replacement, as written → as it will read. `to` is "" when the successor was already named in the cell. */
  changes: Array<{ from: string; to: string }>;
  /** Names whose level ended (UBND cấp huyện): left as written, to be reassigned by the planner. */
  reassign: string[];
}

/** Text before a name that puts it in a "Các sở: …" list (no ";" since the colon). */
const DISTRIBUTED = /(?:các\s+sở|các\s+ngành|sở,\s*ngành)[^;:]*:[^;]*$/iu;

/** Removes `slice` at `at` with the separator that joined it to the list (", ", "; ", " và "). */
function cut(text: string, at: number, slice: string): string {
  const before = text.slice(0, at);
  const after = text.slice(at + slice.length);
  const lead = /(\s*(?:[,;]|\svà)\s*)$/u.exec(before);
  if (lead) return before.slice(0, before.length - (lead[1]?.length ?? 0)) + after;
  const trail = /^(\s*(?:[,;]|và\s)\s*)/u.exec(after);
  return before + (trail ? after.slice(trail[1]?.length ?? 0) : after);
}

/**
 * @example
 * rewriteAgencyCell("Sở Kế hoạch và Đầu tư", "2026-11-30").text                 // "Sở Tài chính"
 * rewriteAgencyCell("Các sở: TN&MT, NN&PTNT, Xây dựng", "2026-11-30").text       // "Các sở: Nông nghiệp và Môi trường, Xây dựng"
 * rewriteAgencyCell("Các sở, ngành; UBND huyện, thành phố", "2026-11-30").reassign // ["UBND huyện, thành phố"]
 */
export function rewriteAgencyCell(cell: string, date: string | Date, dir: AgencyDirectory = DEFAULT_DIRECTORY): CellRewrite {
  if (typeof cell !== "string") throw new TypeError("rewriteAgencyCell: cell must be a string");
  let text = cell.normalize("NFC").replace(/\s+/gu, " ").trim();
  const items = parseAgenciesWithSpelling(text, dir);
  const out: CellRewrite = { text, changes: [], reassign: [] };
  // Who the cell names so far, and whether a replacement put them there: the first mention of an
  // agency keeps its place, and a later mention made redundant by a replacement goes.
  const placed = new Map<string, "written" | "replacement">();
  let from = 0;
  const remove = (at: number, written: string, to: string): void => {
    text = cut(text, at, written);
    from = Math.max(0, at - 2);
    out.changes.push({ from: written, to });
  };
  for (const p of items) {
    if (p.agency.kind === "unknown" || !p.written) continue;
    const at = text.indexOf(p.written, from);
    const s = successorsOn(p.agency, date, dir);
    if (s.status === "current" || s.status === "reassign") {
      if (s.status === "reassign") out.reassign.push(p.written);
      if (at >= 0 && placed.get(p.agency.name) === "replacement") {
        remove(at, p.written, "");
        continue;
      }
      if (!placed.has(p.agency.name)) placed.set(p.agency.name, "written");
      if (at >= 0) from = at + p.written.length;
      continue;
    }
    if (at < 0) continue; // not found verbatim: leave the cell as it is rather than guess
    const fresh = s.successors.filter((x) => !placed.has(x.name));
    if (fresh.length === 0) {
      remove(at, p.written, "");
      continue;
    }
    // Inside "Các sở: …" a department is written without "Sở"; its successor is too.
    const bare = !/^sở\s/iu.test(p.written) && DISTRIBUTED.test(text.slice(0, at));
    const words = fresh.map((x) => {
      const entry = x.id ? dir.entries.find((e) => e.id === x.id) : undefined;
      return bare && entry?.short[0] ? entry.short[0] : x.name;
    });
    const to = words.join(", ");
    text = text.slice(0, at) + to + text.slice(at + p.written.length);
    from = at + to.length;
    for (const x of fresh) placed.set(x.name, "replacement");
    out.changes.push({ from: p.written, to });
  }
  out.text = text;
  return out;
}

/** One cell of the workbook to rewrite. */
export interface AgencyCellEdit {
  sheet: string;
  /** A1 address on that sheet. */
  cell: string;
  /** The row's key (indicator key, or task key). */
  key: string | null;
  field: "lead" | "coordinating";
  before: string;
  after: string;
  changes: CellRewrite["changes"];
}

export interface SuccessorEdits {
  edits: AgencyCellEdit[];
  /** Cells naming a level that ended (district UBND): not rewritten, the planner reassigns. */
  reassign: Array<{ sheet: string; cell: string; key: string | null; names: string[] }>;
}

/**
 * The lead and coordinating cells of a Chỉ tiêu workbook (indicators and
 * tasks) that name agencies dissolved by `date`, with their new text.
 *
 * @example
 * successorEdits(interpretSnapshot(snapshot), "2026-11-30").edits[0]
 * // { sheet: "Chỉ tiêu", cell: "M5", field: "lead", before: "Sở Kế hoạch và Đầu tư", after: "Sở Tài chính", … }
 */
export function successorEdits(reading: WorkbookReading, date: string | Date, dir: AgencyDirectory = DEFAULT_DIRECTORY): SuccessorEdits {
  const out: SuccessorEdits = { edits: [], reassign: [] };
  const tables = [
    { sheet: reading.sheets.indicators, rows: reading.indicators, letters: reading.columns.indicators },
    { sheet: reading.sheets.tasks, rows: reading.tasks, letters: reading.columns.tasks },
  ];
  for (const t of tables) {
    if (!t.sheet) continue;
    for (const row of t.rows) {
      for (const field of ["lead", "coordinating"] as const) {
        const letter = t.letters[field];
        const value = row.values[field];
        if (!letter || typeof value !== "string" || value.trim() === "") continue;
        const r = rewriteAgencyCell(value, date, dir);
        const cell = `${letter}${row.sheetRow}`;
        if (r.changes.length > 0) out.edits.push({ sheet: t.sheet, cell, key: row.key, field, before: value, after: r.text, changes: r.changes });
        if (r.reassign.length > 0) out.reassign.push({ sheet: t.sheet, cell, key: row.key, names: r.reassign });
      }
    }
  }
  return out;
}
