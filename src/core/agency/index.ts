/**
 * Agencies: reading the lead/coordinating cells of Vietnamese provincial
 * plans into canonical agencies, matching names against a directory, and
 * suggesting the directory entry for a misspelt name.
 */
import type { Agency } from "../model";
import { DEFAULT_DIRECTORY, type AgencyDirectory, type AgencyEntry } from "./directory";
import { compileDirectory, looseKey, remember, type CompiledDirectory } from "./_lib/compile";
import { levenshtein } from "./_lib/levenshtein";
import { bestMatch } from "./_lib/match";
import { parseCell, parseCellDetailed, type ParsedAgency } from "./_lib/parse";
import { tokenize } from "./_lib/text";

export { DEFAULT_DIRECTORY, AgencyDirectorySchema, AgencyEntrySchema } from "./directory";
export type { AgencyDirectory, AgencyEntry } from "./directory";
export type { ParsedAgency } from "./_lib/parse";
export { AGENCY_HISTORY, PROVINCE_HISTORY, AgencyHistorySchema, ProvinceHistorySchema } from "./history";
export type { AgencyHistory, ProvinceHistory, LegalBasis, Note, Successor } from "./history";
export { successorsOn, currentAgencyName, formRecipientsOn, citeBasis, viDay, agencyGroups, successorText, unverifiedText, provinceOn, LATEST } from "./successors";
export type { Succession, SuccessionStep, FormRecipients, AgencyGrouping } from "./successors";

/**
 * Split an agency cell into agencies, in order, each with its canonical name.
 *
 * - Line breaks anywhere are joined; leading outline numbering ("2.1.", "a)") is dropped.
 * - ";" always separates; "," and "và" separate unless they are inside a
 *   directory name ("Sở Kế hoạch và Đầu tư", "Các sở, ngành", "UBND huyện, thành phố").
 * - "Các sở: TN&MT, XD" distributes the prefix: each item becomes its Sở.
 * - Catch-all groups ("các đơn vị liên quan") come back as kind "group", never expanded.
 * - Role text after a name ("– ĐV đầu mối", "(đôn đốc, hướng dẫn)", "đôn đốc, …") goes to `note`.
 * - Names not in the directory come back as kind "unknown" with their text: nothing is dropped or invented.
 * - A name written twice without a separator stays twice, so the checks can report it.
 *
 * Every `raw` is a verbatim slice of the input once NFC-normalised and its line
 * breaks joined; the prefix of a distributed list stays in its first item's raw.
 * Never throws on data.
 *
 * @example
 * parseAgencies("Các Sở: TN&MT, XD, Công Thương và UBND huyện, thành phố").map((a) => a.name)
 * // ["Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Sở Công Thương", "UBND cấp huyện"]
 */
export function parseAgencies(raw: string, dir: AgencyDirectory = DEFAULT_DIRECTORY): Agency[] {
  if (typeof raw !== "string") throw new TypeError("parseAgencies: raw must be a string");
  return parseCell(raw, compileDirectory(dir));
}

/**
 * `parseAgencies`, keeping how each name was written and whether that is the
 * directory's spelling: what the checks need for "spelling variant" and
 * "the same agency written two ways".
 *
 * @example
 * parseAgenciesWithSpelling("Các Sở: TN&MT, Công thương")
 * // [{ agency: {name: "Sở Tài nguyên và Môi trường", …}, written: "TN&MT", exact: true },
 * //  { agency: {name: "Sở Công Thương", …}, written: "Công thương", exact: false }]
 */
export function parseAgenciesWithSpelling(raw: string, dir: AgencyDirectory = DEFAULT_DIRECTORY): ParsedAgency[] {
  if (typeof raw !== "string") throw new TypeError("parseAgenciesWithSpelling: raw must be a string");
  return parseCellDetailed(raw, compileDirectory(dir));
}

/**
 * How an already parsed agency (from an imported plan or a workbook) was
 * written: its `raw` is read again and the item naming the same entry is
 * returned. Null for unknown agencies (use suggestAgency) or when the raw
 * text no longer names that agency.
 *
 * @example
 * agencySpelling({ name: "Cục Thuế tỉnh", raw: "Cục thuế tỉnh", kind: "agency" })
 * // { agency: …, written: "Cục thuế tỉnh", exact: false }
 */
export function agencySpelling(agency: Agency, dir: AgencyDirectory = DEFAULT_DIRECTORY): ParsedAgency | null {
  if (agency.kind === "unknown") return null;
  const found = parseCellDetailed(agency.raw, compileDirectory(dir)).find((p) => p.agency.name === agency.name && p.written !== null);
  return found ?? null;
}

export interface AgencyMatch {
  entry: AgencyEntry;
  /**
   * True when written exactly as the directory writes the name, an alias or an
   * abbreviation (letters, case and diacritics; spacing, punctuation and the
   * province name aside). False for a variant: "Sở Công thương", "Cục thuế tỉnh".
   */
  exact: boolean;
  /** The directory text that matched ("Ban QL các KCN"). */
  form: string;
}

function wholeMatch(name: string, c: CompiledDirectory): AgencyMatch | null {
  const memo = c.matchMemo.get(name) as AgencyMatch | null | undefined;
  if (memo !== undefined) return memo;
  return remember(c.matchMemo, name, matchWhole(name, c));
}

function matchWhole(name: string, c: CompiledDirectory): AgencyMatch | null {
  const tokens = tokenize(name.normalize("NFC"));
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]?.kind !== "word" && tokens[end - 1]?.kind !== "close") end -= 1;
  let start = 0;
  while (start < end && tokens[start]?.kind !== "word") start += 1;
  const m = bestMatch(tokens, start, end, c);
  if (!m || m.end !== end) return null;
  return { entry: m.form.entry, exact: m.exact, form: m.form.text };
}

/**
 * The directory entry a single name stands for, or null.
 *
 * @example
 * matchAgency("Sở Công thương") // { entry: Sở Công Thương, exact: false, form: "Sở Công Thương" }
 * matchAgency("Báo Bắc Giang")  // { entry: Báo tỉnh, exact: true, form: "Báo tỉnh" }
 */
export function matchAgency(name: string, dir: AgencyDirectory = DEFAULT_DIRECTORY): AgencyMatch | null {
  if (typeof name !== "string") throw new TypeError("matchAgency: name must be a string");
  return wholeMatch(name, compileDirectory(dir));
}

export interface AgencySuggestion {
  entry: AgencyEntry;
  form: string;
  /**
   * Edits between the name and the entry's nearest form, ignoring case,
   * diacritics, punctuation, "và" and abbreviations (0 for "Sở Công thương").
   */
  distance: number;
  /** As in AgencyMatch: false for a variant the checks should point out. */
  exact: boolean;
}

/** How far a name may be from a form to be suggested: one edit in five letters, at least two. */
function threshold(key: string): number {
  return Math.max(2, Math.floor(key.replace(/ /g, "").length / 5));
}

/**
 * The closest directory entry for a name, for spelling variants and typos;
 * null when nothing is close enough to suggest.
 *
 * @example
 * suggestAgency("Sở Kế hạch và Đầu tư") // { entry: Sở Kế hoạch và Đầu tư, distance: 1, exact: false, … }
 */
export function suggestAgency(name: string, dir: AgencyDirectory = DEFAULT_DIRECTORY): AgencySuggestion | null {
  if (typeof name !== "string") throw new TypeError("suggestAgency: name must be a string");
  const c = compileDirectory(dir);
  const memo = c.suggestMemo.get(name) as AgencySuggestion | null | undefined;
  if (memo !== undefined) return memo;
  let result: AgencySuggestion | null = null;
  const m = wholeMatch(name, c);
  if (m) result = { entry: m.entry, form: m.form, distance: 0, exact: m.exact };
  else {
    // The province name says nothing about which agency: compare without it.
    const key = looseKey(name.normalize("NFC").replace(/\stỉnh(?:\s+\p{Lu}\p{L}*)*\s*$/u, ""), c);
    if (key) {
      let best: { form: CompiledDirectory["forms"][number]; d: number } | null = null;
      for (const form of c.forms) {
        const fk = form.keys.join(" ");
        if (Math.abs(fk.length - key.length) > threshold(fk)) continue;
        const d = levenshtein(key, fk);
        if (!best || d < best.d) best = { form, d };
      }
      if (best && best.d <= threshold(best.form.keys.join(" "))) {
        result = { entry: best.form.entry, form: best.form.text, distance: best.d, exact: false };
      }
    }
  }
  return remember(c.suggestMemo, name, result);
}

function identity(a: string | Agency, c: CompiledDirectory): string {
  const name = typeof a === "string" ? a : a.name;
  if (typeof a !== "string" && a.kind === "unknown") return `text:${looseKey(name, c)}`;
  const m = wholeMatch(name, c);
  return m ? `id:${m.entry.id}` : `text:${looseKey(name, c)}`;
}

/**
 * Whether two names (or parsed agencies) are the same agency: the same
 * directory entry, or, outside the directory, the same words ignoring case,
 * diacritics and punctuation.
 *
 * @example
 * sameAgency("Cục thuế tỉnh", "Cục Thuế tỉnh") // true
 * sameAgency("Sở Tư pháp", "Sở Nội vụ")        // false
 */
export function sameAgency(a: string | Agency, b: string | Agency, dir: AgencyDirectory = DEFAULT_DIRECTORY): boolean {
  const c = compileDirectory(dir);
  return identity(a, c) === identity(b, c);
}

export interface DirectoryRow {
  name: string;
  abbreviations: string[];
  kind: "agency" | "group";
}

/**
 * The directory as rows for the workbook's Cơ quan sheet (and its validation lists).
 *
 * @example
 * directoryRows()[0] // { name: "Sở Kế hoạch và Đầu tư", abbreviations: ["KH&ĐT", "Sở KH&ĐT", "SKHĐT"], kind: "agency" }
 */
export function directoryRows(dir: AgencyDirectory = DEFAULT_DIRECTORY): DirectoryRow[] {
  compileDirectory(dir); // validates
  return dir.entries.map((e) => ({ name: e.name, abbreviations: [...e.abbreviations], kind: e.kind }));
}
