/**
 * Tasks assigned in the plan's prose (issue 25). Most implementation plans
 * have no appendix: their work is assigned in numbered paragraphs ("3. Sở Kế
 * hoạch và Đầu tư chủ trì, phối hợp với …:" followed by bullets), and the
 * plans that do have tables still assign work in "Tổ chức thực hiện".
 *
 * A numbered or lettered paragraph that names a lead starts a group; each
 * bullet under it, or each sentence of an unbulleted paragraph, is a task.
 * Each group becomes a component row of a "tasks" appendix (so it never shows
 * as an indicator), its tasks carrying the group's agencies.
 */
import type { Appendix, ImportWarning, Indicator, SourceRef, Task } from "../../model";
import { fold } from "../_lib/fold";
import { taskDeadline } from "./_lib/deadline";
import { readLead, subjectInside, type LeadReading } from "./_lib/lead";

export const PROSE_APPENDIX_ID = "VB";
const TITLE = "Nhiệm vụ trong văn bản";

export interface ProseOptions {
  planYear: number | null;
  /** Which sections to read: every section that assigns work, or only "Tổ chức thực hiện" (plans with tables). */
  sections: "all" | "implementation";
}

interface Line { text: string; no: number }

interface Node {
  /** 1 "N.", 2 "N.M.", 3 "N.M.K.", 4 "a)", 5 "- " bullet, 6 an unmarked paragraph. */
  level: number;
  marker: string;
  text: string;
  line: number;
}

const SECTION_RE = /^([IVX]{1,5})\.\s*(.*)$/u;
const END_RE = /^(?:Nơi nhận|TM\.|KT\.|T\/M|Nơi gửi)/u;

function markerOf(text: string): { level: number; marker: string; rest: string } | null {
  let m = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.(?!\d)\s*(.*)$/u.exec(text);
  if (m?.[1] !== undefined && m[2] !== undefined && /^\p{Lu}|^["“(]/u.test(m[2])) return { level: m[1].split(".").length, marker: m[1], rest: m[2] };
  m = /^([a-zđ])\)\s*(.*)$/u.exec(text);
  if (m?.[1] && m[2] !== undefined) return { level: 4, marker: `${m[1]})`, rest: m[2] };
  m = /^[-–+•]\s*(.*)$/u.exec(text);
  if (m?.[1] !== undefined) return { level: 5, marker: "-", rest: m[1] };
  return null;
}

/** Sentences of an unbulleted paragraph (a full stop followed by a capital starts the next). */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?…])\s+(?=[\p{Lu}“"])/u).map((s) => s.trim()).filter((s) => s.length > 0);
}

const isAssignmentSection = (title: string, only: ProseOptions["sections"]): boolean => {
  const t = fold(title);
  if (only === "implementation") return /to chuc thuc hien/.test(t);
  return /nhiem vu|giai phap|to chuc thuc hien|noi dung/.test(t) && !/^muc (tieu|dich)/.test(t);
};

/** The lines of each section that assigns work, with the section's numeral. */
function sectionsOf(bodyText: string, only: ProseOptions["sections"]): Array<{ numeral: string; title: string; lines: Line[] }> {
  const out: Array<{ numeral: string; title: string; lines: Line[] }> = [];
  let current: { numeral: string; title: string; lines: Line[] } | null = null;
  bodyText.split("\n").forEach((raw, i) => {
    const text = raw.replace(/\s+/g, " ").trim();
    if (!text) return;
    const s = SECTION_RE.exec(text);
    if (s?.[1] && s[2] !== undefined && /^\p{Lu}/u.test(s[2]) && s[2] === s[2].toUpperCase()) {
      current = isAssignmentSection(s[2], only) ? { numeral: s[1], title: text.replace(/[:\s]+$/u, ""), lines: [] } : null;
      if (current) out.push(current);
      return;
    }
    if (END_RE.test(text)) {
      current = null;
      return;
    }
    current?.lines.push({ text, no: i + 1 });
  });
  return out;
}

/** Lines → nodes: a marker opens a node, other lines continue the last one (a line after a full stop or colon, with no node open below a heading, opens a paragraph). */
function nodesOf(lines: Line[]): Node[] {
  const nodes: Node[] = [];
  for (const l of lines) {
    const m = markerOf(l.text);
    if (m) {
      nodes.push({ level: m.level, marker: m.marker, text: m.rest, line: l.no });
      continue;
    }
    const last = nodes[nodes.length - 1];
    // A heading line that ends without punctuation ("2.1. Sở Kế hoạch và Đầu tư") is complete: what follows is its paragraph;
    // so is a topic heading followed by a sentence that names a lead ("Các sở, ngành, UBND cấp huyện theo chức năng …").
    const headingDone = last !== undefined && last.level <= 4 && (/[:.]$/u.test(last.text) || isNameOnly(last.text) || (/^\p{Lu}/u.test(l.text) && readLead(last.text) === null && readLead(l.text) !== null));
    if (!last || headingDone) nodes.push({ level: 6, marker: "", text: l.text, line: l.no });
    else last.text = `${last.text} ${l.text}`;
  }
  return nodes.map((n) => ({ ...n, text: n.text.replace(/\s+/g, " ").replace(/\s+([,.;:])/gu, "$1").trim() }));
}

function isNameOnly(text: string): boolean {
  if (/[:.,;\-–]$|\svà$/u.test(text) || text.includes(":")) return false;
  const r = readLead(text);
  return r !== null && r.rest === "" && !/:$/u.test(text) && r.leadText === text.replace(/^(?:giao|đề nghị)\s+/iu, "");
}

interface Group {
  code: string;
  stt: string;
  heading: string;
  line: number;
  level: number;
  reading: LeadReading;
  /** Texts that are tasks, each with its line and whether it was a bullet (one task) or a paragraph (one task per sentence). */
  items: Array<{ text: string; line: number; bullet: boolean }>;
}

/**
 * Read the tasks a plan assigns in its text.
 * @example
 * const a = extractProseTasks(bodyText, { planYear: 2025, sections: "all" });
 * a?.indicators[2]?.lead[0]?.name // "Sở Kế hoạch và Đầu tư"
 * a?.indicators[2]?.tasks.length  // 2
 */
export function extractProseTasks(bodyText: string, opts: ProseOptions): { appendix: Appendix | null; warnings: ImportWarning[] } {
  if (typeof bodyText !== "string") throw new TypeError("extractProseTasks: bodyText must be a string");
  const warnings: ImportWarning[] = [];
  const groups: Group[] = [];
  for (const section of sectionsOf(bodyText, opts.sections)) {
    const nodes = nodesOf(section.lines);
    let group: Group | null = null;
    const path: string[] = [];
    for (const [k, node] of nodes.entries()) {
      if (node.level <= 4) {
        // The numbering path for codes: "II.3", "II.1.a".
        const depth = node.level <= 3 ? 0 : 1;
        if (depth === 0) path.splice(0, path.length, node.marker);
        else path.splice(1, path.length, node.marker.replace(")", ""));
        const inside: boolean = group !== null && node.level > group.level;
        const reading: LeadReading | null = readLead(node.text) ?? (node.level <= 3 && !inside ? subjectInside(node.text) : null);
        if (reading && !(inside && reading.rest === "" && group?.reading.lead.length)) {
          group = { code: `${section.numeral}.${path.join(".")}`, stt: node.marker, heading: node.text, line: node.line, level: node.level, reading, items: [] };
          groups.push(group);
          if (reading.rest) group.items.push({ text: reading.rest, line: node.line, bullet: false });
          continue;
        }
        if (inside && group) {
          // A sub-heading inside a group ("b) Giải pháp thực hiện") with its own points below is not itself a task.
          const next = nodes[k + 1];
          if (next === undefined || next.level <= node.level) group.items.push({ text: node.text, line: node.line, bullet: true });
          continue;
        }
        group = null;
        if (node.level <= 3 && /[.]$/u.test(node.text) && nodes[k + 1]?.level !== 5) {
          // A numbered paragraph that assigns work to no one the text names: kept as a task, said so.
          warnings.push({ code: "prose.noLead", message: `Đoạn ${section.numeral}.${node.marker} không nêu đơn vị chủ trì; đã ghi thành nhiệm vụ không có chủ trì.`, messageEn: `Paragraph ${section.numeral}.${node.marker} names no lead agency; kept as a task without a lead.`, ref: { line: node.line, appendix: TITLE } });
          groups.push({ code: `${section.numeral}.${path.join(".")}`, stt: node.marker, heading: node.text, line: node.line, level: node.level, reading: { lead: [], coordinating: [], leadText: "", rest: node.text }, items: [{ text: node.text, line: node.line, bullet: false }] });
        }
        continue;
      }
      if (!group) {
        // An unmarked paragraph under a topic heading may itself open a group ("Các sở, ngành … tập trung thực hiện một số nội dung sau:").
        const reading = node.level === 6 ? readLead(node.text) : null;
        if (reading) {
          group = { code: `${section.numeral}.${path.join(".")}`, stt: path[path.length - 1] ?? "", heading: node.text, line: node.line, level: 4.5, reading, items: [] };
          groups.push(group);
          if (reading.rest) group.items.push({ text: reading.rest, line: node.line, bullet: false });
        } else if (node.level === 5) {
          // A bullet under a topic heading names its own lead ("- Các sở, ngành và UBND huyện, thành phố chỉ đạo …"), or none: kept either way.
          const own = subjectInside(` ${node.text}`) ?? { lead: [], coordinating: [], leadText: "", rest: node.text };
          if (own.lead.length === 0) warnings.push({ code: "prose.noLead", message: `Một ý trong mục ${section.numeral}.${path.join(".")} không nêu đơn vị chủ trì; đã ghi thành nhiệm vụ không có chủ trì.`, messageEn: `A point under ${section.numeral}.${path.join(".")} names no lead agency; kept as a task without a lead.`, ref: { line: node.line, appendix: TITLE } });
          groups.push({ code: `${section.numeral}.${path.join(".")}`, stt: path[path.length - 1] ?? "", heading: node.text, line: node.line, level: 5, reading: own, items: [{ text: node.text, line: node.line, bullet: true }] });
        }
        continue;
      }
      group.items.push({ text: node.text, line: node.line, bullet: node.level === 5 });
    }
  }
  if (groups.length === 0) return { appendix: null, warnings };
  const title = `${TITLE} — ${[...new Set(groups.map((g) => g.code.split(".")[0]))].join(", ")}`;
  const codes = new Map<string, number>();
  const indicators: Indicator[] = groups.map((g) => {
    const seen = codes.get(g.code) ?? 0;
    codes.set(g.code, seen + 1);
    const code = seen === 0 ? g.code : `${g.code}-${seen + 1}`;
    const source: SourceRef = { appendix: title, line: g.line, column: "body" };
    const texts = g.items.flatMap((it) => (it.bullet ? [{ text: it.text, line: it.line }] : sentencesOf(it.text).map((s) => ({ text: s, line: it.line }))));
    const tasks: Task[] = texts.filter((t) => t.text.replace(/[\s./]+/g, "") !== "").map((t, i) => ({
      code: `${code}.${i + 1}`,
      text: t.text,
      lead: g.reading.lead.map((a) => ({ ...a })),
      coordinating: g.reading.coordinating.map((a) => ({ ...a })),
      deadline: taskDeadline(t.text, opts.planYear),
      source: { appendix: title, line: t.line, column: "body" },
    }));
    return {
      key: `${PROSE_APPENDIX_ID}/${code}`,
      stt: code,
      code,
      name: g.heading,
      unit: null,
      baseline: null,
      rank: null,
      target: null,
      lowerIsBetter: false,
      level: "component",
      lead: g.reading.lead.map((a) => ({ ...a })),
      coordinating: g.reading.coordinating.map((a) => ({ ...a })),
      deadline: null,
      tasks,
      extra: {},
      source,
    };
  });
  return { appendix: { id: PROSE_APPENDIX_ID, title, kind: "tasks", headers: [], indicators, source: { appendix: title } }, warnings };
}
