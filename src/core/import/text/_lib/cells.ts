/**
 * Split one table row of pasted text into cells. The header says which
 * columns exist and in what order; each column has a content type (free
 * text, unit, number, target phrase, agency list, deadline), and the text of
 * a row is read left to right, ending each cell where the next column's type
 * can begin. Every check looks at a token or a line, so a row is read in
 * linear time.
 */
import type { ColumnRoleName } from "../../columns";
import {
  type Token, WordToken, DEADLINE_OPEN_END, isGluedRange, endsOpen, isAgencyStart, isBullet, isDeadlineStart, isGluedOpNumber,
  isMidlineAgencyStart, isNumberToken, isOpSymbol, isTargetStartWord, isTargetWord, isTaskCode, unitLength,
} from "./cues";

export interface SegmentLine {
  text: string;
  /** 1-based line number in the pasted text. */
  no: number;
  /** A lone number out of the STT sequence: a page number unless a value column takes it. */
  page?: boolean;
}

export interface SegmentNote {
  code: string;
  line: number;
  message: string;
  messageEn: string;
}

export interface SegmentedRow {
  /** Cell texts aligned to the roles; rows after the first continue the same indicator (more tasks) or start one without STT. */
  rows: string[][];
  /** 1-based source line where each of `rows` starts. */
  lines: number[];
  notes: SegmentNote[];
}

const CONNECTOR_TAIL = new Set(["va", "cac", "cua", "voi"]);
const VALUE_ROLES = new Set<ColumnRoleName>(["unit", "baseline", "rank", "target", "history", "compare"]);
const AGENCY_ROLES = new Set<ColumnRoleName>(["lead", "coordinating"]);

class RowReader {
  readonly tokens: Token[] = [];
  readonly lineLen: number[] = [];
  readonly notes: SegmentNote[] = [];
  readonly skipped = new Set<number>();

  /** Index of the next token (from i on) that starts with a digit or an operator sign; lets valueRun skip plain words cheaply. */
  private nextNumeric: Int32Array = new Int32Array(0);

  constructor(readonly lines: readonly SegmentLine[], readonly width: number) {
    lines.forEach((l, li) => {
      this.lineLen.push(l.text.length);
      let k = 0;
      let offset = 0;
      for (const t of l.text.split(" ")) {
        if (t) {
          const tok = new WordToken(t, li, k === 0, offset);
          if (l.page) tok.page = true;
          this.tokens.push(tok);
          k++;
        }
        offset += t.length + 1;
      }
    });
    const n = this.tokens.length;
    this.nextNumeric = new Int32Array(n + 1);
    this.nextNumeric[n] = n + 100;
    for (let i = n - 1; i >= 0; i--) {
      const c = this.tokens[i]?.text.charCodeAt(0) ?? 0;
      const numeric = (c >= 48 && c <= 57) || c === 0x2265 || c === 0x2264 || c === 60 || c === 61 || c === 62 || c === 126 || c === 0x2248;
      this.nextNumeric[i] = numeric ? i : (this.nextNumeric[i + 1] ?? n + 100);
    }
  }

  get n(): number {
    return this.tokens.length;
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  lineStart(i: number): boolean {
    return this.tokens[i]?.lineStart ?? false;
  }

  lenAt(i: number): number {
    const t = this.tokens[i];
    return t ? (this.lineLen[t.line] ?? 0) : 0;
  }

  /** Cell text: wrapped lines joined by a space; a bullet or task code at a line start opens a new paragraph. */
  text(from: number, to: number): string {
    let out = "";
    let i = from;
    while (i < to) {
      const t = this.tokens[i] as WordToken | undefined;
      if (!t) break;
      if (this.skipped.has(i)) { i++; continue; }
      if (t.page) {
        this.skipped.add(i);
        this.notes.push({
          code: "text.pageNumberStripped",
          line: this.lines[t.line]?.no ?? 0,
          message: `Bỏ dòng "${t.text}" (số trang, không thuộc thứ tự STT).`,
          messageEn: `Removed line "${t.text}" (a page number, not in the STT sequence).`,
        });
        i++;
        continue;
      }
      // The run of words on this line, cut from the line itself rather than joined word by word.
      let j = i + 1;
      while (j < to && this.tokens[j]?.line === t.line && !this.skipped.has(j)) j++;
      const last = this.tokens[j - 1] as WordToken;
      const seg = (this.lines[t.line]?.text ?? "").slice(t.offset, last.offset + last.text.length);
      if (out) {
        const para = t.lineStart && (isBullet(t.text) || isTaskCode(t.text));
        // "6424/KH-" + "UBND" at a line break is one document number, not two words.
        const glued = t.lineStart && /\/[\p{L}\d]*-$/u.test(this.tokens[i - 1]?.text ?? "");
        out += para ? "\n" : glued ? "" : " ";
      }
      out += seg;
      i = j;
    }
    return out;
  }

  // ---- value columns -------------------------------------------------

  /** A lone number that a value column takes is a value, not a page number. */
  takeValue(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const t = this.tokens[i];
      if (t?.page) delete t.page;
    }
  }

  target(p: number): number {
    let q = p;
    const t = this.tok(q);
    if (!t) return p;
    if (isGluedOpNumber(t.text) || isGluedRange(t.text)) return this.afterNumber(q + 1);
    if (isOpSymbol(t.text)) q++;
    else if (isTargetStartWord(t.folded)) {
      let k = 0;
      while (k < 6 && this.tok(q) && isTargetWord(this.tok(q)?.folded ?? "") && !isNumberToken(this.tok(q)?.text ?? "")) { q++; k++; }
    }
    return this.tok(q) && isNumberToken(this.tok(q)?.text ?? "") ? this.afterNumber(q + 1) : p;
  }

  private afterNumber(q: number): number {
    const t = this.tok(q);
    if (t && (t.text === "-" || t.folded === "den") && isNumberToken(this.tok(q + 1)?.text ?? "")) q += 2;
    if (this.tok(q)?.text === "%") q++;
    return q;
  }

  value(role: ColumnRoleName, p: number): number {
    const t = this.tok(p);
    if (!t) return p;
    if (role === "unit") {
      for (const len of [unitLength(this.tokens, p), this.unitLine(p)]) {
        const after = p + len;
        if (len && (isNumberToken(this.tok(after)?.text ?? "") || this.target(after) > after)) return after;
      }
      return p;
    }
    // An earlier year's plan ("≤ 2,5", "6,6-6,8") reads like a target; a result or a ratio is one number, read the same way.
    if (role === "target" || role === "history" || role === "compare") return this.target(p);
    return isNumberToken(t.text) ? p + 1 : p;
  }

  /**
   * A unit outside the vocabulary ("Lượt người", "Hồ sơ"): a short capitalised
   * line of its own, not an agency, right before the numbers. Returns its
   * length in words, or 0.
   */
  private unitLine(p: number): number {
    const t = this.tok(p);
    if (!t || !t.lineStart || !/^[\p{Lu}%]/u.test(t.text) || isAgencyStart(this.tokens, p)) return 0;
    let q = p + 1;
    while (q < this.n && !this.lineStart(q)) q++;
    if (q - p > 4 || q >= this.n) return 0;
    return q - p;
  }

  /**
   * A target written as a phrase ("Đến năm 2030 đạt 185", "Bình quân giai
   * đoạn 8,5-9,0 %/năm"): words with a number, up to an agency name or the
   * end of the row, at most a few lines. Returns its end, or p.
   */
  targetPhrase(p: number): number {
    let digit = false;
    for (let j = p; j < this.n && j < p + 24; j++) {
      const t = this.tokens[j];
      if (!t) break;
      if (j > p && isAgencyStart(this.tokens, j)) return digit ? j : p;
      if (/\d/.test(t.text)) digit = true;
    }
    return digit && p + 24 >= this.n ? this.n : p;
  }

  /** Do the value columns `roles` start at j and run to the end of a line (or to an agency name)? */
  valueRun(j: number, roles: readonly ColumnRoleName[]): number {
    // A value run reaches a number within a few words ("Trên hoặc bằng 6,35", "% 100"); most name words are far from one.
    if ((this.nextNumeric[j] ?? 0) - j > 7) return -1;
    let p = j;
    let matched = false;
    let numbers = 0;
    const prev = this.tok(j - 1);
    if (prev && prev.folded === "nam" && !this.lineStart(j)) return -1;
    let targetMatched = false;
    for (const r of roles) {
      const e = this.value(r, p);
      if (e === p) {
        if (!matched && r !== "unit") return -1;
        continue;
      }
      if (r === "target") targetMatched = true;
      for (let i = p; i < e; i++) if (/\d/.test(this.tok(i)?.text ?? "")) numbers++;
      matched = true;
      p = e;
    }
    if (!matched || numbers === 0) return -1;
    // A history run followed by a target phrase: the phrase is the target cell.
    if (!targetMatched && roles.includes("history") && p < this.n && !this.lineStart(p) && !isAgencyStart(this.tokens, p)) {
      const end = this.targetPhrase(p);
      if (end > p) return p;
    }
    // In the middle of a line a number alone ("… hỗ trợ số 2000") is part of the name; the target must follow it.
    // With history columns, the target may be one of the figures the run will move right (see alignValueRun).
    const historyRun = numbers >= 2 && roles.includes("history");
    if (!this.lineStart(j) && roles.includes("target") && !targetMatched && !historyRun) return -1;
    return p >= this.n || this.lineStart(p) || isAgencyStart(this.tokens, p) ? p : -1;
  }

  // ---- free text -----------------------------------------------------

  /** End of a free-text cell (name, tasks, unknown) starting at pos, given the columns after it. */
  free(pos: number, role: ColumnRoleName, next: readonly ColumnRoleName[]): number {
    const nextRole = next[0];
    if (!nextRole) return this.n;
    const values = leadingValues(next);
    let cellMax = this.lenAt(pos);
    for (let j = pos + 1; j < this.n; j++) {
      const t = this.tokens[j];
      if (!t) break;
      if (values.length && this.valueRun(j, values) >= 0) return j;
      if (t.lineStart) {
        if (role === "tasks" && (isTaskCode(t.text) || isBullet(t.text))) return j;
        if (nextRole === "tasks" && this.startsTasks(j, cellMax)) return j;
        if (AGENCY_ROLES.has(nextRole) && this.startsAgencyCell(j, cellMax)) return j;
        if ((nextRole === "deadline" || (role === "tasks" && next.includes("deadline"))) && isDeadlineStart(this.tokens, j) && !endsOpen(this.tokens, j - 1, false) && this.lenAt(j) < 0.4 * this.width) return j;
        cellMax = Math.max(cellMax, this.lenAt(j));
      }
    }
    return this.n;
  }

  private startsTasks(j: number, cellMax: number): boolean {
    const t = this.tokens[j];
    if (!t) return false;
    if (isTaskCode(t.text) || isBullet(t.text)) return true;
    // Name cells are narrow; a line much wider than every line so far is the task column.
    return this.lenAt(j) > 40 && this.lenAt(j) > 1.6 * cellMax && /^[\p{Lu}]/u.test(t.text);
  }

  private startsAgencyCell(j: number, cellMax: number): boolean {
    if (!isAgencyStart(this.tokens, j) || endsOpen(this.tokens, j - 1, false)) return false;
    const prevLen = this.lenAt(j - 1);
    return this.lenAt(j) < 0.5 * this.width || prevLen < 0.75 * cellMax || cellMax < 0.5 * this.width;
  }

  // ---- agencies and deadlines ----------------------------------------

  agency(pos: number, last: boolean): number {
    const first = this.tok(pos);
    if (!first) return pos;
    if (first.lineStart && (isDeadlineStart(this.tokens, pos) || isTaskCode(first.text) || isBullet(first.text))) return pos;
    for (let j = pos + 1; j < this.n; j++) {
      const t = this.tokens[j];
      if (!t) break;
      if (!t.lineStart && (last || t.text !== "Các")) continue;
      const open = endsOpen(this.tokens, j - 1);
      if (t.lineStart) {
        // A deadline at a line start ends the agencies even after "…tỉnh;".
        if (isDeadlineStart(this.tokens, j) && !CONNECTOR_TAIL.has(this.tokens[j - 1]?.folded ?? "")) return j;
        if (open) continue;
        if (isTaskCode(t.text) || isBullet(t.text)) return j;
        if (!last && isAgencyStart(this.tokens, j)) return j;
      } else if (!last && j - pos >= 2 && !open && isMidlineAgencyStart(this.tokens, j)) {
        return j;
      }
    }
    return this.n;
  }

  deadline(pos: number): number {
    if (!isDeadlineStart(this.tokens, pos)) return pos;
    let j = pos + 1;
    for (; j < this.n; j++) {
      const t = this.tokens[j];
      if (!t) break;
      if (!t.lineStart || t.page) continue;
      const prev = this.tokens[j - 1];
      const cont = /^[\p{Ll}\d(]/u.test(t.text) || (prev && (/[-(/]$/.test(prev.text) || DEADLINE_OPEN_END.has(prev.folded)));
      if (!cont || isBullet(t.text) || isTaskCode(t.text)) break;
    }
    // "Thường xuyên 4": a page number glued to the deadline's last line.
    const last = this.tokens[j - 1];
    if (j - 1 > pos && last && !last.page && /^\d{1,3}$/.test(last.text) && !DEADLINE_OPEN_END.has(this.tokens[j - 2]?.folded ?? "")) {
      this.skipped.add(j - 1);
      this.notes.push({
        code: "text.pageNumberStripped",
        line: this.lines[last.line]?.no ?? 0,
        message: `Bỏ số trang "${last.text}" dính vào ô thời hạn.`,
        messageEn: `Removed page number "${last.text}" stuck to the deadline cell.`,
      });
    }
    return j;
  }
}

/** The roles after each column (STT left out), computed once per header rather than once per cell. */
const plans = new WeakMap<readonly ColumnRoleName[], ColumnRoleName[][]>();
function planFor(roles: readonly ColumnRoleName[]): ColumnRoleName[][] {
  let plan = plans.get(roles);
  if (!plan) {
    plan = roles.map((_, k) => roles.slice(k + 1).filter((x) => x !== "stt"));
    plans.set(roles, plan);
  }
  return plan;
}

const valuePlans = new WeakMap<readonly ColumnRoleName[], ColumnRoleName[]>();
function leadingValues(next: readonly ColumnRoleName[]): ColumnRoleName[] {
  let v = valuePlans.get(next);
  if (!v) {
    v = takeWhile(next, (r) => VALUE_ROLES.has(r));
    valuePlans.set(next, v);
  }
  return v;
}

function takeWhile<T>(xs: readonly T[], ok: (x: T) => boolean): T[] {
  const out: T[] = [];
  for (const x of xs) {
    if (!ok(x)) break;
    out.push(x);
  }
  return out;
}

/**
 * Read one row's lines (the STT already removed) into cells for `roles`.
 * In a table with a tasks column, the tasks, agencies and deadline repeat:
 * each repetition becomes a continuation row. Without a tasks column, text
 * after the last column is kept as further paragraphs of the name cell
 * (seed 004 writes the tasks under the indicator's name).
 */
export function segmentRow(stt: string, lines: readonly SegmentLine[], roles: readonly ColumnRoleName[], width: number): SegmentedRow {
  const r = new RowReader(lines, width);
  const sttIdx = roles.indexOf("stt");
  const tasksIdx = roles.indexOf("tasks");
  const lastAgency = Math.max(roles.lastIndexOf("lead"), roles.lastIndexOf("coordinating"));
  const nextRoles = planFor(roles);
  const blank = (): string[] => roles.map(() => "");
  const first = blank();
  if (sttIdx >= 0) first[sttIdx] = stt;
  const rows: string[][] = [first];
  const rowLines: number[] = [lines[0]?.no ?? 0];
  let pos = 0;
  const lineAt = (i: number): number => lines[r.tok(i)?.line ?? 0]?.no ?? 0;

  const readCell = (k: number, row: string[]): void => {
    const role = roles[k];
    if (role === undefined || role === "stt") return;
    let end: number;
    if (role === "lead" || role === "coordinating") end = r.agency(pos, k === lastAgency);
    else if (role === "deadline") end = r.deadline(pos);
    else if (VALUE_ROLES.has(role)) {
      end = r.value(role, pos);
      // After history columns, a target that is not a number or a bound is a phrase read up to the agency.
      if (role === "target" && end === pos && roles.includes("history")) end = r.targetPhrase(pos);
      r.takeValue(pos, end);
    }
    else end = r.free(pos, role, nextRoles[k] ?? []);
    row[k] = r.text(pos, end);
    pos = end;
  };

  const unitStart = tasksIdx >= 0 ? tasksIdx : roles.length;
  for (let k = 0; k < unitStart; k++) readCell(k, first);
  alignValueRun(first, roles);
  if (tasksIdx >= 0) {
    let row = first;
    while (pos < r.n) {
      const before = pos;
      for (let k = tasksIdx; k < roles.length; k++) readCell(k, row);
      if (pos === before) {
        // Nothing matched: keep the word in the tasks cell rather than lose it.
        row[tasksIdx] = `${row[tasksIdx] ?? ""} ${r.text(pos, pos + 1)}`.trim();
        pos++;
      }
      if (pos < r.n) {
        row = blank();
        rows.push(row);
        rowLines.push(lineAt(pos));
      }
    }
    splitRowsWithoutStt(rows, rowLines, roles, stt, r.notes);
  } else if (pos < r.n) {
    const nameIdx = roles.indexOf("name");
    const rest = r.text(pos, r.n);
    const target = nameIdx >= 0 ? nameIdx : roles.length - 1;
    first[target] = first[target] ? `${first[target]}\n${rest}` : rest;
  }
  return { rows, lines: rowLines, notes: r.notes };
}

/**
 * An empty cell leaves nothing in copied text, so a run of value columns
 * (history | comparison | target) read left to right ends short: "6,52
 * 6,6-6,8 7,05 8,0-8,5" for five columns puts the target in "So sánh (%)".
 * When the target came out empty, the values move right, the empty cells
 * going first to comparison columns (usually blank for rates), then to the
 * rightmost history columns (an estimate not yet made).
 */
function alignValueRun(row: string[], roles: readonly ColumnRoleName[]): void {
  const t = roles.indexOf("target");
  if (t < 0 || row[t]) return;
  let start = t;
  while (start > 0 && (roles[start - 1] === "history" || roles[start - 1] === "compare")) start--;
  if (start === t) return;
  const slots = Array.from({ length: t - start + 1 }, (_, i) => start + i);
  const values = slots.map((k) => row[k] ?? "").filter((v) => v !== "");
  if (values.length === 0 || values.length >= slots.length) return;
  let blanks = slots.length - values.length;
  const empty = new Set<number>();
  for (const k of [...slots].reverse()) if (blanks > 0 && roles[k] === "compare") { empty.add(k); blanks--; }
  for (const k of [...slots].reverse()) if (blanks > 0 && roles[k] === "history") { empty.add(k); blanks--; }
  if (blanks > 0) return;
  let v = 0;
  for (const k of slots) row[k] = empty.has(k) ? "" : (values[v++] ?? "");
}

/**
 * A task unit with neither code, bullet, agencies nor deadline, followed by
 * tasks numbered under another indicator ("16.1." after indicator 15), is
 * the name of an indicator whose STT is missing (seed 002, Phụ lục II).
 */
function splitRowsWithoutStt(rows: string[][], rowLines: readonly number[], roles: readonly ColumnRoleName[], stt: string, notes: SegmentNote[]): void {
  const tasksIdx = roles.indexOf("tasks");
  const nameIdx = roles.indexOf("name");
  if (nameIdx < 0) return;
  const others = roles.map((r, i) => (r !== "tasks" && r !== "name" && r !== "stt" ? i : -1)).filter((i) => i >= 0);
  for (let i = 1; i < rows.length - 1; i++) {
    const row = rows[i];
    const next = rows[i + 1];
    if (!row || !next) continue;
    const text = row[tasksIdx] ?? "";
    const bare = text && !/^(\d+(\.\d+)+\.?|[-–+•])\s/.test(text) && others.every((k) => !(row[k] ?? "").trim());
    const code = /^(\d+)\.\d+/.exec(next[tasksIdx] ?? "");
    if (bare && code && code[1] !== stt) {
      row[nameIdx] = text;
      row[tasksIdx] = "";
      notes.push({
        code: "row.missingStt",
        line: rowLines[i] ?? 0,
        message: `Chỉ tiêu "${text.slice(0, 60)}" không có STT (nhiệm vụ bên dưới đánh số ${code[1]}.x).`,
        messageEn: `Indicator "${text.slice(0, 60)}" has no STT (its tasks are numbered ${code[1]}.x).`,
      });
    }
  }
}
