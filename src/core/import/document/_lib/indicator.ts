/**
 * One table row → one Indicator (or a Task of the previous indicator).
 * Faithful: every value keeps its raw text; anything odd becomes a warning.
 */
import { parseAgencies } from "../../../agency";
import type { Agency, Baseline, Deadline, Indicator, SourceRef, Target, Task } from "../../../model";
import { parseDeadline } from "../../../parse/deadline";
import { inferDirection, resolveRelative } from "../../../judge";
import { parseBaseline, parseRank, parseTargetWithBaseline, splitLowerIsBetterMarker, splitNameTargets } from "../../../parse/target";
import { fold, romanValue, squash } from "../../_lib/fold";
import type { ColumnRole } from "../../columns";

export interface RowContext {
  appendixId: string;
  /** "tasks" when the table has its own tasks column. */
  kind: "indicators" | "tasks";
  appendixTitle: string;
  columns: readonly ColumnRole[];
  planYear: number | null;
  warn: (code: string, message: string, messageEn: string, ref: SourceRef) => void;
}

/** Cells of a row by role; a role spread over several columns (a target split into operator + value) is joined. */
export function cellsByRole(cells: readonly string[], columns: readonly ColumnRole[]): Map<string, string> {
  const out = new Map<string, string>();
  columns.forEach((c, i) => {
    if (c.role === "unknown") return;
    const v = (cells[i] ?? "").trim();
    if (!v) return;
    const prev = out.get(c.role);
    out.set(c.role, prev && prev !== v ? `${prev} ${v}` : v);
  });
  return out;
}

export function yearOfRole(columns: readonly ColumnRole[], role: string): number | null {
  return columns.find((c) => c.role === role)?.year ?? null;
}

const CODE_RE = /^(?:Chỉ số|Chỉ tiêu|Tiêu chí)\s*:?\s*(\d+(?:\.\d+)+)\.?\s+/u;

/** Does a name cell start with the indicator's own code ("Chỉ số: 1.1.1. …")? */
export function hasOwnCode(name: string): boolean {
  return CODE_RE.test(name.trim());
}
const TASK_CODE_RE = /^(\d+(?:\.\d+)+)\.?\s+/;
const BULLET_RE = /^[-–—+•]\s*/;
/** An explicit unit in the name's last parenthesis: "(%)", "(% Đồng ý)", "(tỷ đồng)". */
const UNIT_PAREN_RE = /\(([^()]{1,40})\)[\s.*]*$/u;
const UNIT_WORDS = new Set(["%", "ty dong", "trieu dong", "dong", "diem", "nguoi", "luot", "ngay", "ha", "km", "usd", "trieu usd", "doanh nghiep", "so", "lan"]);

function unitFromName(name: string): string | null {
  const m = UNIT_PAREN_RE.exec(name);
  const inner = m?.[1]?.trim();
  if (!inner) return null;
  return inner.startsWith("%") || UNIT_WORDS.has(fold(inner)) ? inner : null;
}

/** The same agency cell recurs on most rows ("Các sở, ngành và các đơn vị liên quan"): read each distinct text once. */
const agencyMemo = new Map<string, Agency[]>();

export function agencies(raw: string | undefined): Agency[] {
  if (!raw) return [];
  let parsed = agencyMemo.get(raw);
  if (!parsed) {
    parsed = parseAgencies(raw);
    if (agencyMemo.size > 5_000) agencyMemo.clear();
    agencyMemo.set(raw, parsed);
  }
  // Copies, so that editing one indicator's agencies never touches another's.
  return parsed.map((a) => ({ ...a }));
}

/** Small memo for pure cell parsers whose inputs recur ("Thường xuyên", "≥ 10"); results are copied out. */
function memoized<T extends object>(memo: Map<string, T>, key: string, make: () => T): T {
  let v = memo.get(key);
  if (v === undefined) {
    v = make();
    if (memo.size > 5_000) memo.clear();
    memo.set(key, v);
  }
  // Shallow copy, arrays too (Deadline.quarters): results hold nothing deeper.
  const copy = { ...v } as Record<string, unknown>;
  for (const k of Object.keys(copy)) if (Array.isArray(copy[k])) copy[k] = [...(copy[k] as unknown[])];
  return copy as T;
}
const deadlineMemo = new Map<string, Deadline>();
const targetMemo = new Map<string, { target: Target; notes: string[] }>();

export function deadlineOf(raw: string | undefined, planYear: number | null): Deadline | null {
  return raw ? memoized(deadlineMemo, `${planYear ?? ""}|${raw}`, () => parseDeadline(raw, { planYear })) : null;
}

/** A target cell with the parser's notes (ambiguous numbers such as "1.000"). */
function targetOf(raw: string, year: number | null): { target: Target; notes: string[] } {
  const r = memoized(targetMemo, `${year ?? ""}|${raw}`, () => {
    const t = parseTargetWithBaseline(raw, { year });
    return { target: t.target, notes: t.notes };
  });
  return { target: { ...r.target }, notes: r.notes };
}

/**
 * Split a tasks cell into tasks: a paragraph starting with a task code
 * ("6.3. …") or a "- " item starts a new one; other paragraphs continue it.
 */
export function splitTaskParagraphs(cell: string): string[] {
  const out: string[] = [];
  for (const p of cell.split("\n")) {
    if (!p.trim()) continue;
    const last = out.length - 1;
    if (last >= 0 && !/^\s*(\d+(?:\.\d+)+\.?\s|[-–—+•]\s)/.test(p)) out[last] = `${out[last]} ${p.trim()}`;
    else out.push(p.trim());
  }
  return out;
}

/** A task paragraph: "1.1. Công bố …" → code "1.1"; "- Triển khai …" → no code, bullet dropped. */
export function makeTask(text: string, lead: Agency[], coordinating: Agency[], deadline: Deadline | null, source: SourceRef): Task {
  let t = squash(text);
  let code: string | null = null;
  const m = TASK_CODE_RE.exec(t);
  if (m?.[1]) {
    code = m[1];
    t = t.slice(m[0].length);
  } else t = t.replace(BULLET_RE, "");
  return { code, text: t, lead, coordinating, deadline, source };
}

/**
 * Figures of earlier years in columns the importer kept aside ("Năm 2025 Ước
 * thực hiện": "4.310"), the bases a relative target ("tăng 12 % so với năm
 * 2025") is computed from. A plan's own target for a year ("Kế hoạch"), a
 * comparison ("So sánh (%)") and a period total ("giai đoạn 2021-2025") are
 * not figures of a year.
 */
function historyFigures(extra: Record<string, string>): Baseline[] {
  const out: Baseline[] = [];
  for (const [header, value] of Object.entries(extra)) {
    const h = fold(header);
    const year = /\b((?:19|20)\d\d)\b/.exec(h)?.[1];
    if (!year || !/thuc hien|uoc/.test(h) || /ke hoach|so sanh|giai doan|\d{4} \d{4}/.test(h)) continue;
    const b = parseBaseline(value, Number(year));
    if (b.value !== null) out.push(b);
  }
  return out;
}

/** Build an indicator from a row whose cells are already grouped by role. */
export function makeIndicator(byRole: Map<string, string>, extra: Record<string, string>, ctx: RowContext, ref: SourceRef, seq: number): Indicator {
  const stt = byRole.get("stt")?.trim() || null;
  const [firstPara = "", ...moreParas] = (byRole.get("name") ?? "").split("\n");
  let name = squash(firstPara);
  let code: string | null = null;
  const cm = CODE_RE.exec(name);
  if (cm?.[1]) {
    code = cm[1];
    name = name.slice(cm[0].length);
  }
  // Paragraphs under the name are tasks only where the table has no tasks column and they look like tasks
  // (seed 004: under a "Chỉ số: x.y.z." name, or "- " items); otherwise they are the rest of the name.
  const taskParas: string[] = [];
  moreParas.forEach((p) => {
    if (!p.trim()) return;
    if (ctx.kind === "indicators" && (code !== null || /^\s*[-–—+•]\s/.test(p) || taskParas.length)) taskParas.push(p);
    else name = `${name} ${squash(p)}`.trim();
  });
  const level = (stt && romanValue(stt) !== null) || /^CSTP\s*\d/i.test(name) ? "component" : "indicator";
  const marker = /\*\s*$/.test(name) ? splitLowerIsBetterMarker(name) : { name, marked: false };
  name = marker.name;
  if (marker.marked) extra["*"] = "Có dấu * sau tên (thấp hơn là tốt)";

  let target: Target | null = null;
  const targetRaw = byRole.get("target");
  const targetYear = yearOfRole(ctx.columns, "target");
  if (targetRaw) {
    const read = targetOf(targetRaw, targetYear);
    target = read.target;
    for (const n of read.notes) ctx.warn("target.ambiguous", `Mục tiêu "${targetRaw}": ${n}`, `Target "${targetRaw}": ${n}`, { ...ref, column: "target" });
  }
  else {
    // No target column: Phụ lục II writes the target inside the name "(trên hoặc bằng 3,4)".
    const pairs = splitNameTargets(name, { year: targetYear });
    const withTarget = pairs.filter((p) => p.target);
    if (withTarget.length === 1 && pairs.length === 1 && pairs[0]) {
      name = pairs[0].name;
      target = pairs[0].target;
    } else if (withTarget.length > 1) {
      ctx.warn("target.severalInName",
        `Tên chỉ tiêu chứa ${withTarget.length} mục tiêu (${withTarget.map((p) => p.target?.raw).join("; ")}); không chọn mục tiêu nào.`,
        `The name holds ${withTarget.length} targets (${withTarget.map((p) => p.target?.raw).join("; ")}); none was chosen.`, { ...ref, column: "name" });
    }
  }
  if (target && target.op === null && target.value === null && !target.relative) {
    ctx.warn("target.unreadable", `Không đọc được mục tiêu "${target.raw}".`, `Could not read the target "${target.raw}".`, { ...ref, column: "target" });
  }

  let unit: string | null = byRole.get("unit") ? squash(byRole.get("unit") ?? "") : null;
  if (unit === null) {
    unit = unitFromName(name);
    if (unit !== null) ctx.warn("unit.fromName", `Đơn vị "${unit}" lấy từ tên chỉ tiêu (không có cột đơn vị).`, `Unit "${unit}" taken from the indicator's name (no unit column).`, { ...ref, column: "unit" });
  }

  const baselineRaw = byRole.get("baseline");
  const baseline = baselineRaw ? parseBaseline(baselineRaw, yearOfRole(ctx.columns, "baseline")) : null;
  if (baseline && baseline.value === null) ctx.warn("baseline.unreadable", `Không đọc được giá trị gốc "${baseline.raw}".`, `Could not read the baseline "${baseline.raw}".`, { ...ref, column: "baseline" });
  if (target?.relative) {
    const resolved = resolveRelative(target, unit, [...(baseline ? [baseline] : []), ...historyFigures(extra)]);
    target = resolved.target;
    if (resolved.problem) ctx.warn("target.relativeNoBase", resolved.problem.vi, resolved.problem.en, { ...ref, column: "target" });
  }
  const rankRaw = byRole.get("rank");
  const rank = rankRaw ? parseRank(rankRaw) : null;
  if (rank && rank.value === null) ctx.warn("rank.unreadable", `Không đọc được xếp hạng "${rank.raw}".`, `Could not read the rank "${rank.raw}".`, { ...ref, column: "rank" });

  const lead = agencies(byRole.get("lead"));
  const coordinating = agencies(byRole.get("coordinating"));
  const deadline = deadlineOf(byRole.get("deadline"), ctx.planYear);
  const tasks: Task[] = taskParas.map((p) => makeTask(p, lead.map((a) => ({ ...a })), coordinating.map((a) => ({ ...a })), deadline, { ...ref, column: "name" }));
  if (!name) ctx.warn("row.noName", "Dòng không có tên chỉ tiêu.", "Row without an indicator name.", { ...ref, column: "name" });
  if (!stt) ctx.warn("row.missingStt", `Chỉ tiêu "${name.slice(0, 60)}" không có STT.`, `Indicator "${name.slice(0, 60)}" has no STT.`, { ...ref, column: "stt" });

  const ownCode = code ?? stt;
  const key = `${ctx.appendixId}/${ownCode ?? (fold(name) || String(seq))}`;
  return {
    key,
    stt,
    code: ownCode,
    name,
    unit,
    baseline,
    rank,
    target,
    lowerIsBetter: inferDirection({ name, unit, target, marked: marker.marked }) === "lower",
    level,
    lead,
    coordinating,
    deadline,
    tasks,
    extra,
    source: { ...ref, appendix: ctx.appendixTitle },
  };
}
