/**
 * Splitting an agency cell into agencies. See `parseAgencies` in ../index.ts
 * for the behaviour; this file holds the scanning steps.
 */
import type { Agency } from "../../model";
import type { CompiledDirectory } from "./compile";
import { bestMatch, startsItem, startsRole, type FormMatch } from "./match";
import { tokenize, type Token } from "./text";

/**
 * Outline numbering before a heading ("2.1. ", "a) ", "- ", "2.Trung tâm"):
 * structure, not part of a name.
 */
export const OUTLINE_MARKER = /^(?:\d+(?:\.\d+)*[.)]?|[a-zđ]\)|[IVX]+\.|[-+•*])(?=\s|\p{Lu}|$)\s*/u;

interface Item {
  start: number; // source offsets
  end: number;
  match: FormMatch | null;
  text: string;
  notes: string[];
}

const SEPARATORS = new Set(["and", "comma", "dash", "punct", "open", "close", "colon", "semi"]);
/** Punctuation that is part of what a document wrote after a name, never trimmed from it. */
const KEPT_MARKS = /^[*?]$/u;
const TRIM_EDGES = /^[\s,;:.\-–—]+|[\s,;:.\-–—]+$/gu;

function cleanNote(s: string): string {
  let t = s.replace(TRIM_EDGES, "");
  if (t.startsWith("(") && t.endsWith(")") && !t.slice(1, -1).includes("(")) t = t.slice(1, -1).trim();
  return t.replace(TRIM_EDGES, "");
}

/** Index of the token closing the parenthesis opened at `open`, or `end - 1`. */
function closingParen(tokens: readonly Token[], open: number, end: number): number {
  let depth = 0;
  for (let j = open; j < end; j++) {
    const k = tokens[j]?.kind;
    if (k === "open") depth += 1;
    else if (k === "close" && --depth === 0) return j;
  }
  return end - 1;
}

/**
 * A "," or "và" at j that is followed by a new name: a capitalised one, or a
 * catch-all group ("và các đơn vị liên quan"). Lowercase words that happen to
 * spell a department ("…, xây dựng") stay in the note or unknown text.
 */
function separatesItems(tokens: readonly Token[], j: number, end: number, c: CompiledDirectory): boolean {
  const k = tokens[j]?.kind;
  if (k !== "comma" && k !== "and") return false;
  if (tokens[j + 1]?.upper) return startsItem(tokens, j + 1, end, c);
  return bestMatch(tokens, j + 1, end, c)?.form.entry.kind === "group";
}

/** Role text after a name runs to the end or to a separator followed by a new name. */
function noteEnd(tokens: readonly Token[], from: number, end: number, c: CompiledDirectory): number {
  let j = from;
  while (j < end) {
    const t = tokens[j];
    if (!t || t.kind === "semi" || t.kind === "colon" || separatesItems(tokens, j, end, c)) break;
    if (t.kind === "open") j = closingParen(tokens, j, end);
    j += 1;
  }
  return j;
}

/** Text after a role verb runs to the end of the segment (or a colon). */
function roleEnd(tokens: readonly Token[], from: number, end: number): number {
  let j = from;
  while (j < end && tokens[j]?.kind !== "semi" && tokens[j]?.kind !== "colon") j += 1;
  return j;
}

/** Scan tokens [s, e) into items: known names (longest match), their role notes, and unknown runs. */
function scanItems(text: string, tokens: readonly Token[], s: number, e: number, c: CompiledDirectory): Item[] {
  const items: Item[] = [];
  let i = s;
  while (i < e) {
    const tok = tokens[i];
    if (!tok) break;
    if (SEPARATORS.has(tok.kind)) {
      i += 1;
      continue;
    }
    const m = bestMatch(tokens, i, e, c);
    if (m) {
      const item: Item = { start: tok.start, end: tokens[m.end - 1]?.end ?? tok.end, match: m, text: "", notes: [] };
      i = m.end;
      // Role text right after the name: "(đôn đốc, hướng dẫn)", "– ĐV đầu mối", "đôn đốc, hướng dẫn …".
      for (;;) {
        const t = tokens[i];
        if (!t || i >= e) break;
        let from: number;
        let to: number;
        if (t.kind === "open") {
          from = i;
          to = closingParen(tokens, i, e) + 1;
        } else if (t.kind === "dash") {
          from = i + 1;
          to = noteEnd(tokens, i + 1, e, c);
        } else if (t.kind === "word" && !startsItem(tokens, i, e, c)) {
          from = i;
          // "chủ trì, phối hợp với các sở, ngành và …": what follows a role verb is not a co-lead.
          to = startsRole(tokens, i, c) ? roleEnd(tokens, i, e) : noteEnd(tokens, i, e, c);
        } else break;
        if (to > from) {
          const note = cleanNote(text.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0));
          // A stray "(" is kept in raw but is not a note.
          if (/[\p{L}\p{N}]/u.test(note)) item.notes.push(note);
          item.end = tokens[to - 1]?.end ?? item.end;
        }
        i = Math.max(to, i + 1);
      }
      items.push(item);
      continue;
    }
    // Unknown text: runs to a separator that is followed by a new name.
    let j = i;
    while (j < e) {
      const t = tokens[j];
      if (!t || t.kind === "semi" || (j > i && separatesItems(tokens, j, e, c))) break;
      if (t.kind === "open") j = closingParen(tokens, j, e);
      j += 1;
    }
    let last = j - 1;
    // Trailing separators go; marks a document writes as part of a name ("Ban *", "Sở ?") stay: the text is the document's.
    while (last > i && SEPARATORS.has(tokens[last]?.kind ?? "") && tokens[last]?.kind !== "close" && !KEPT_MARKS.test(tokens[last]?.text ?? "")) last -= 1;
    const start = tok.start;
    const stop = tokens[last]?.end ?? tok.end;
    items.push({ start, end: stop, match: null, text: text.slice(start, stop), notes: [] });
    i = j;
  }
  return items;
}

function keysOf(tokens: readonly Token[], s: number, e: number): string[] {
  const out: string[] = [];
  for (let n = s; n < e; n++) {
    const t = tokens[n];
    if (t && t.kind === "word") out.push(t.key);
  }
  return out;
}

const ROLE_LABEL = /^(?:co quan|don vi|dv)\b.*\b(?:chu tri|phoi hop|dau moi)/u;

/** Items of one ";"-segment, handling "Prefix: list" (distribution, role label, or heading + text). */
function scanSegment(text: string, tokens: readonly Token[], s: number, e: number, c: CompiledDirectory): { items: Item[]; head: string; label: string } {
  let colon = -1;
  for (let n = s; n < e; n++) if (tokens[n]?.kind === "colon") { colon = n; break; }
  if (colon < 0) return { items: scanItems(text, tokens, s, e, c), head: "", label: "" };
  const before = keysOf(tokens, s, colon);
  const dist = c.distributors.find((d) => d.keys.length === before.length && d.keys.every((k, n) => k === before[n]));
  const startOfSegment = tokens[s]?.start ?? 0;
  if (dist) {
    const items = scanItems(text, tokens, colon + 1, e, c);
    const first = items[0];
    if (first) {
      first.start = startOfSegment; // the prefix belongs to the first item's raw: nothing is lost
      return { items, head: dist.head, label: "" };
    }
  }
  const beforeText = text.slice(startOfSegment, tokens[colon - 1]?.end ?? startOfSegment);
  if (ROLE_LABEL.test(before.join(" "))) {
    const items = scanItems(text, tokens, colon + 1, e, c);
    const first = items[0];
    if (first) {
      first.start = startOfSegment;
      return { items, head: "", label: beforeText.trim() };
    }
  }
  const items = scanItems(text, tokens, s, colon, c);
  let k = colon + 1;
  while (k < e && tokens[k]?.kind !== "word") k += 1;
  if (k >= e) return { items, head: "", label: "" };
  const last = items[items.length - 1];
  if (items.length === 0 || startsItem(tokens, k, e, c) || !last) {
    return { items: [...items, ...scanItems(text, tokens, colon + 1, e, c)], head: "", label: "" };
  }
  // "Sở Y tế: Tiếp tục rà soát …" — the text after a heading is not an agency; keep it as a note.
  const tailEnd = tokens[e - 1]?.end ?? last.end;
  const note = cleanNote(text.slice(tokens[k]?.start ?? tailEnd, tailEnd));
  if (note) last.notes.push(note);
  last.end = tailEnd;
  return { items, head: "", label: "" };
}

function startsWithHead(name: string, c: CompiledDirectory): boolean {
  const tokens = tokenize(name);
  return c.heads.some((keys) => keys.every((k, n) => tokens[n]?.kind === "word" && tokens[n]?.key === k));
}

/** A parsed agency with how its name was written (for the spelling checks). */
export interface ParsedAgency {
  agency: Agency;
  /** The name as written, without list prefix or note ("Sở Công thương", "TN&MT", "Báo Bắc Giang"); null for unknown names. */
  written: string | null;
  /** Written exactly as the directory writes it (see AgencyMatch.exact); null for unknown names. */
  exact: boolean | null;
}

/** Parse a cell into agencies, keeping how each name was written. */
export function parseCellDetailed(raw: string, c: CompiledDirectory): ParsedAgency[] {
  const joined = raw.normalize("NFC").replace(/\s+/gu, " ").trim();
  const marker = OUTLINE_MARKER.exec(joined);
  const text = marker && marker[0].length < joined.length ? joined.slice(marker[0].length) : joined;
  const tokens = tokenize(text);
  const out: ParsedAgency[] = [];
  let s = 0;
  for (let n = 0; n <= tokens.length; n++) {
    if (n < tokens.length && tokens[n]?.kind !== "semi") continue;
    const { items, head, label } = scanSegment(text, tokens, s, n, c);
    for (const item of items) {
      const notes = label ? [label, ...item.notes] : item.notes;
      const rawSlice = text.slice(item.start, item.end).replace(/[\s,;:]+$/u, "");
      let parsed: ParsedAgency;
      const m = item.match;
      if (m) {
        const e = m.form.entry;
        const written = text.slice(tokens[m.start]?.start ?? 0, tokens[m.end - 1]?.end ?? 0);
        parsed = { agency: { name: e.name, raw: rawSlice, kind: e.kind }, written, exact: m.exact };
      } else {
        const name = cleanNote(item.text);
        const distributed = head && !startsWithHead(name, c) ? `${head} ${name}` : name;
        parsed = { agency: { name: distributed, raw: rawSlice, kind: "unknown" }, written: null, exact: null };
      }
      if (notes.length > 0) parsed.agency.note = notes.join("; ");
      out.push(parsed);
    }
    s = n + 1;
  }
  return out;
}

/** Parse a cell (any line breaks) into agencies. */
export function parseCell(raw: string, c: CompiledDirectory): Agency[] {
  return parseCellDetailed(raw, c).map((p) => p.agency);
}
