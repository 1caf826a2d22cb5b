/**
 * Find the appendix tables in pasted text: captions ("Phụ lục II"), titles,
 * header blocks, repeated headers after page breaks, page numbers and row
 * starts (STT "1", "III", "3.1", or a "Chỉ số: 5.2.3." row without STT).
 */
import { fold, romanValue } from "../../_lib/fold";
import { looksLikeHeader, splitHeaderCells } from "../../columns";
import type { SegmentLine, SegmentNote } from "./cells";

export interface TableBlock {
  caption: string | null;
  /** Folded caption id: "I", "II", or "" for a lone "Phụ lục". */
  captionId: string | null;
  captionLine: number;
  headerLines: SegmentLine[];
  header: string[];
  rows: { stt: string; lines: SegmentLine[] }[];
  notes: SegmentNote[];
}

const CAPTION_RE = /^phu luc(?: ([ivxlc]+|\d+|[a-z]))?$/;
const NAME_CODE_RE = /^(?:Chỉ số|Chỉ tiêu|Tiêu chí)\s*:?\s*\d+(?:\.\d+)+\.?(?:\s|$)/u;
/** "Chỉ số: 5.2.3. …": the indicator's own code opening a name (cheap first-letter test before the regex). */
function startsWithNameCode(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c === 67 || c === 84) && NAME_CODE_RE.test(text);
}

export function isCaption(line: string): RegExpExecArray | null {
  // Cheap test first: a caption is a short line starting with "Phụ lục".
  if (line.length > 16 || !/^p/i.test(line)) return null;
  return CAPTION_RE.exec(fold(line));
}

function isHeaderStart(line: string): boolean {
  if (!/^(s|t)/i.test(line)) return false;
  const f = fold(line.slice(0, 12));
  return f === "stt" || f === "tt" || f.startsWith("stt ") || f.startsWith("so tt");
}

/** STT numbering state: the last top-level number (arabic or roman) and sub-number. */
class Numbering {
  top = 0;
  sub = 0;
  started = false;
  /** The last arabic STT, and whether a roman section row came after it: "I … 1 2 … II … 3" numbers on across sections. */
  intTop = 0;
  afterRoman = false;
  romanTop = 0;

  /** What kind of STT `tok` would be here, or null when it does not continue the numbering. */
  fits(tok: string, allowDotted: boolean, rest: string): "int" | "roman" | "dotted" | null {
    if (/^\d{1,3}$/.test(tok)) {
      // "5 30" (baseline and rank on one line) is not a row; an STT is followed by a name or by nothing.
      if (rest && !/^[\p{L}"“(]/u.test(rest)) return null;
      const n = Number(tok);
      if (!this.started) return n <= 3 ? "int" : null;
      if (n === this.top + 1) return "int";
      if (this.afterRoman && (n === this.intTop + 1 || n === 1)) return "int";
      // A gap is allowed when the STT carries text (not under dotted numbering); a lone number out of sequence is a page number.
      return rest && this.sub === 0 && n > this.top && n <= this.top + 3 ? "int" : null;
    }
    const rv = romanValue(tok);
    if (rv !== null) return !this.started || rv === this.top + 1 || rv === this.top || (this.romanTop > 0 && rv === this.romanTop + 1) ? "roman" : null;
    const m = /^(\d+)\.(\d+)\.?$/.exec(tok);
    if (m && allowDotted) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (!this.started || (a === this.top && b > this.sub && b <= this.sub + 3) || (a === this.top + 1 && b === 1)) return "dotted";
    }
    return null;
  }

  take(tok: string, kind: "int" | "roman" | "dotted"): void {
    this.started = true;
    this.afterRoman = kind === "roman";
    if (kind === "int") { this.top = Number(tok); this.sub = 0; this.intTop = this.top; }
    else if (kind === "roman") { this.top = romanValue(tok) ?? this.top; this.sub = 0; this.romanTop = this.top; }
    else {
      const [a, b] = tok.split(".");
      this.top = Number(a);
      this.sub = Number(b);
    }
  }
}

/** Split pasted lines into body lines and appendix table blocks. */
export function findTables(lines: readonly SegmentLine[]): { body: SegmentLine[]; tables: TableBlock[]; notes: SegmentNote[] } {
  const captions: number[] = [];
  lines.forEach((l, i) => { if (isCaption(l.text)) captions.push(i); });
  let starts = captions;
  if (!starts.length) {
    // No caption: a header block starting with "STT" still makes a table.
    const h = lines.findIndex((l) => isHeaderStart(l.text));
    starts = h >= 0 ? [h] : [];
  }
  const body = lines.slice(0, starts[0] ?? lines.length);
  const tables: TableBlock[] = [];
  const notes: SegmentNote[] = [];
  starts.forEach((s, k) => {
    const end = starts[k + 1] ?? lines.length;
    const region = lines.slice(s, end);
    const t = readBlock(region, captions.includes(s));
    if (t) tables.push(t);
    else {
      // A "Phụ lục" with no table under it: its text stays in the body, and the user is told.
      for (const line of region) body.push(line);
      notes.push(note("table.notFound", lines[s]?.no ?? 0, `Có tiêu đề "${lines[s]?.text ?? ""}" nhưng không tìm thấy bảng (dòng tiêu đề cột) bên dưới.`, `Found the caption "${lines[s]?.text ?? ""}" but no table (header row) below it.`));
    }
  });
  return { body, tables, notes };
}

function readBlock(region: readonly SegmentLine[], hasCaption: boolean): TableBlock | null {
  const notes: SegmentNote[] = [];
  let i = 0;
  const captionLines: string[] = [];
  let captionId: string | null = null;
  if (hasCaption && region[0]) {
    const m = isCaption(region[0].text);
    captionId = (m?.[1] ?? "").toUpperCase();
    captionLines.push(region[0].text);
    i = 1;
    // Title lines up to the "(Kèm theo Kế hoạch …)" line or the header.
    let sawKemTheo = false;
    while (i < region.length && !isHeaderStart(region[i]?.text ?? "")) {
      const t = region[i]?.text ?? "";
      if (!/^[–—\-_=.…\s]+$/.test(t)) captionLines.push(t);
      i++;
      if (/^\(?\s*(ban hanh )?kem theo/.test(fold(t))) {
        sawKemTheo = true;
        break;
      }
    }
    // After "(Kèm theo …)" a header may start without an STT column ("Chỉ tiêu | Đơn vị | …").
    while (sawKemTheo && i < region.length && /^[–—\-_=.…\s]+$/.test(region[i]?.text ?? "")) i++;
    const headerAhead = sawKemTheo && i < region.length && looksLikeHeader(region[i]?.text ?? "");
    while (!headerAhead && i < region.length && !isHeaderStart(region[i]?.text ?? "")) {
      const t = region[i]?.text ?? "";
      if (!/^[–—\-_=.…\s]+$/.test(t)) notes.push(note("text.unplaced", region[i]?.no ?? 0, `Dòng trước tiêu đề bảng: "${t.slice(0, 80)}"`, `Line before the table header: "${t.slice(0, 80)}"`));
      i++;
    }
  }
  if (i >= region.length) return null;
  const headerStart = i;
  const headerLines: SegmentLine[] = [];
  const numbering = new Numbering();
  while (i < region.length) {
    const l = region[i];
    if (!l) break;
    if (i > headerStart && (rowStartKind(l.text, numbering, true) || startsWithNameCode(l.text))) break;
    headerLines.push(l);
    i++;
    if (headerLines.length > 60) return null;
  }
  const header = splitHeaderCells(headerLines.map((l) => l.text));
  const allowDotted = !header.some((h) => /nhiem vu giai phap trong tam|nhiem vu trong tam/.test(fold(h)));
  const headerWords = fold(headerLines.map((l) => l.text).join(" ")).split(" ");
  const rows: { stt: string; lines: SegmentLine[] }[] = [];
  let cur: { stt: string; lines: SegmentLine[] } | null = null;
  let sawNameCode = false;
  while (i < region.length) {
    const l = region[i];
    if (!l) break;
    const text = l.text;
    // A header repeated after a page break.
    if (isHeaderStart(text)) {
      const skipped = skipHeader(region, i, headerWords);
      if (skipped > i) {
        notes.push(note("text.headerRepeated", l.no, "Bỏ qua dòng tiêu đề bảng lặp lại sau ngắt trang.", "Skipped a table header repeated after a page break."));
        i = skipped;
        continue;
      }
    }
    const first = firstWord(text);
    const lone = text === first;
    const kind = rowStartKind(text, numbering, allowDotted);
    if (kind && !(lone && isHeaderStart(region[i + 1]?.text ?? ""))) {
      numbering.take(first, kind);
      cur = { stt: first, lines: [] };
      rows.push(cur);
      sawNameCode = false;
      const rest = text.slice(first.length).trim();
      if (rest) {
        cur.lines.push({ text: rest, no: l.no });
        sawNameCode = startsWithNameCode(rest);
      }
      i++;
      continue;
    }
    if (/^\d{1,3}$/.test(text)) {
      // Out of the STT sequence: a page number, unless a value column of the row takes it (the segmenter decides).
      if (cur) cur.lines.push({ ...l, page: true });
      else notes.push(note("text.pageNumberStripped", l.no, `Bỏ dòng "${text}" (số trang, không thuộc thứ tự STT).`, `Removed line "${text}" (a page number, not in the STT sequence).`));
      i++;
      continue;
    }
    if (startsWithNameCode(text) && (sawNameCode || !cur)) {
      // "Chỉ số: 5.2.3. …" after a finished row: a row without STT.
      cur = { stt: "", lines: [l] };
      rows.push(cur);
      numbering.top++;
      sawNameCode = true;
      notes.push(note("row.missingStt", l.no, `Dòng "${text.slice(0, 60)}" không có STT.`, `Row "${text.slice(0, 60)}" has no STT.`));
      i++;
      continue;
    }
    if (!cur) {
      cur = { stt: "", lines: [] };
      rows.push(cur);
      notes.push(note("row.missingStt", l.no, `Dòng "${text.slice(0, 60)}" không có STT.`, `Row "${text.slice(0, 60)}" has no STT.`));
    }
    if (startsWithNameCode(text)) sawNameCode = true;
    cur.lines.push(l);
    i++;
  }
  return {
    caption: captionLines.length ? captionLines.join("\n") : null,
    captionId,
    captionLine: region[0]?.no ?? 0,
    headerLines,
    header,
    rows,
    notes,
  };
}

function rowStartKind(text: string, numbering: Numbering, allowDotted: boolean): "int" | "roman" | "dotted" | null {
  // Only a short first word of digits or roman letters can be an STT ("12", "III", "3.10").
  const c = text.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 73 || c === 86 || c === 88 || c === 76 || c === 67)) return null;
  const first = firstWord(text);
  if (first.length > 6) return null;
  return numbering.fits(first, allowDotted, text.slice(first.length).trim());
}

function firstWord(text: string): string {
  const sp = text.indexOf(" ");
  return sp < 0 ? text : text.slice(0, sp);
}

/** Index after a repeated header block starting at i, or i when the lines are not the header again. */
function skipHeader(region: readonly SegmentLine[], i: number, headerWords: readonly string[]): number {
  let w = 0;
  let j = i;
  while (j < region.length && w < headerWords.length) {
    const words = fold(region[j]?.text ?? "").split(" ").filter(Boolean);
    for (const x of words) {
      if (x !== headerWords[w]) return w >= Math.min(3, headerWords.length) ? j : i;
      w++;
    }
    j++;
  }
  return j;
}

function note(code: string, line: number, message: string, messageEn: string): SegmentNote {
  return { code, line, message, messageEn };
}
