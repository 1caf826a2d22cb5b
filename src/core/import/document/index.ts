/**
 * RawDocument → plan. The one piece of table logic every reader shares:
 * pasted text, .docx, .pdf and .xlsx all hand over grids of cell text, and
 * this turns them into appendices of indicators and tasks, with warnings for
 * everything odd and nothing dropped, fixed or invented.
 */
import type { Appendix, ImportResult, ImportWarning, Indicator, SourceRef } from "../../model";
import { extractBodyTargets } from "../body";
import { recognizeColumns, type ColumnRole } from "../columns";
import { dateFromCaption, extractPlanMeta } from "../meta";
import { extractProseTasks } from "../prose";
import { readSchedule } from "../schedule";
import type { RawDocument, RawTable } from "../rawTable";
import { baselineFromHistory, historyOf, targetStartYear } from "./_lib/history";
import { agencies, cellsByRole, deadlineOf, hasOwnCode, makeIndicator, makeTask, splitTaskParagraphs, type RowContext } from "./_lib/indicator";

/** Roles whose cells make a row an indicator of its own. */
const VALUE_ROLES = ["unit", "baseline", "rank", "target", "lead", "coordinating", "deadline", "history", "compare"];

/**
 * Turn a document's body text and tables into an ImportResult.
 *
 * @example
 * const result = documentToPlan(parsePastedText(text, "ke-hoach.txt"));
 * result.plan.appendices[0]?.indicators[0]?.target // { op: "=", value: 100, … }
 */
export function documentToPlan(doc: RawDocument): ImportResult {
  if (!doc || typeof doc !== "object" || !Array.isArray(doc.tables)) throw new TypeError("documentToPlan: doc must be a RawDocument");
  const warnings: ImportWarning[] = [...(doc.warnings ?? [])];
  const seen = new Set(warnings.map((w) => `${w.code}@${w.ref.line ?? ""}`));
  const warn = (code: string, message: string, messageEn: string, ref: SourceRef): void => {
    const k = `${code}@${ref.line ?? ""}`;
    if (ref.line !== undefined && seen.has(k)) return;
    seen.add(k);
    warnings.push({ code, message, messageEn, ref: { file: doc.file, ...ref } });
  };
  const meta = extractPlanMeta(doc.bodyText);
  if (meta.date === null) {
    // Drafts leave the heading's date blank; the appendix caption often still says the month.
    const found = doc.tables.map((t) => (t.caption ? dateFromCaption(t.caption) : null)).find((d) => d !== null);
    if (found) {
      meta.date = found.date;
      meta.dateRaw = found.dateRaw;
      warn("plan.dateFromCaption", `Ngày của kế hoạch lấy từ chú thích phụ lục: "${found.dateRaw}".`, `The plan's date was taken from an appendix caption: "${found.dateRaw}".`, {});
    }
  }
  const planYear = meta.period?.from ?? (meta.date ? Number(meta.date.slice(0, 4)) : null);
  const appendices: Appendix[] = [];
  const ids = new Set<string>();
  doc.tables.forEach((table, k) => {
    const a = readTable(table, k, ids, planYear, warn);
    if (a) appendices.push(a);
  });
  if (doc.tables.length === 0) {
    warn("document.noAppendix", "Không tìm thấy bảng phụ lục nào trong tài liệu.", "No appendix table was found in the document.", {});
  }
  const body = extractBodyTargets(doc.bodyText, { planYear });
  if (body.indicators.length) appendices.push(body);
  // Work assigned in the text (issue 25): every section of a plan without tables, "Tổ chức thực hiện" of one with them.
  const prose = extractProseTasks(doc.bodyText, { planYear, sections: appendices.some((a) => a.kind !== "body") ? "implementation" : "all" });
  if (prose.appendix) appendices.push(prose.appendix);
  for (const w of prose.warnings) warn(w.code, w.message, w.messageEn, w.ref);
  const reporting = readSchedule(doc.bodyText, { years: meta.period });
  return {
    plan: { ...meta, appendices, reporting },
    warnings,
    repairs: doc.repairs ?? [],
  };
}

function appendixId(table: RawTable, k: number, ids: Set<string>): string {
  const first = table.caption?.split("\n")[0]?.trim() ?? "";
  const m = /^ph[uụ]\s*l[uụ]c\s*([IVXLC]+|\d+)?\s*$/iu.exec(first);
  let id = m ? (m[1] ? `PL-${m[1].toUpperCase()}` : "PL") : `T${k + 1}`;
  while (ids.has(id)) id = `${id}-${k + 1}`;
  ids.add(id);
  return id;
}

function appendixTitle(table: RawTable, id: string): string {
  if (!table.caption) return id;
  const lines = table.caption.split("\n").map((l) => l.trim()).filter(Boolean);
  const [head = id, ...rest] = lines;
  const title = rest.filter((l) => !/^\(?\s*(ban hành\s+)?kèm theo/iu.test(l)).join(" ");
  return title ? `${head} — ${title}` : head;
}

function readTable(
  table: RawTable, k: number, ids: Set<string>, planYear: number | null,
  warn: RowContext["warn"],
): Appendix | null {
  const id = appendixId(table, k, ids);
  const title = appendixTitle(table, id);
  const columns: ColumnRole[] = recognizeColumns(table.header);
  const src: SourceRef = { ...table.source, appendix: title };
  if (!columns.some((c) => c.role === "name")) {
    // A skipped table's columns are not reported one by one (the header block of a Word plan is a borderless table).
    warn("table.noNameColumn", `Bảng "${title}" không có cột tên chỉ tiêu; bỏ qua bảng.`, `Table "${title}" has no indicator-name column; table skipped.`, src);
    return null;
  }
  columns.forEach((c, i) => {
    if (c.role === "unknown") warn("column.unknown", `Không nhận ra cột "${c.header || `#${i + 1}`}"; giữ nguyên nội dung trong mục khác.`, `Column "${c.header || `#${i + 1}`}" not recognised; its cells are kept as extra.`, { ...src, column: c.header });
  });
  const kind = columns.some((c) => c.role === "tasks") ? "tasks" : "indicators";
  const ctx: RowContext = { appendixId: id, kind, appendixTitle: title, columns, planYear, warn };
  const indicators: Indicator[] = [];
  const targetYear = targetStartYear(columns, planYear);
  table.rows.forEach((row, r) => {
    const ref: SourceRef = { ...row.ref, appendix: title, row: row.ref.row ?? r + 1 };
    const byRole = cellsByRole(row.cells, columns);
    const extra: Record<string, string> = {};
    columns.forEach((c, i) => {
      const v = (row.cells[i] ?? "").trim();
      if (c.role === "unknown" && v) extra[c.header || `#${i + 1}`] = v;
    });
    if (byRole.size === 0 && Object.keys(extra).length === 0) return;
    const continuation = !byRole.get("stt") && !byRole.get("name");
    const current = indicators[indicators.length - 1];
    if (continuation && kind === "tasks") {
      if (!current) {
        warn("row.orphanTask", "Nhiệm vụ không thuộc chỉ tiêu nào (trước dòng chỉ tiêu đầu tiên).", "Task before the first indicator row.", ref);
        return;
      }
      pushTask(current, byRole, ref, planYear);
      return;
    }
    if (kind === "indicators" && current && !byRole.get("stt") && isTaskRow(byRole, current)) {
      // Seed 004 in Word: the tasks sit in a row below the indicator, its STT cell merged (empty here).
      for (const p of (byRole.get("name") ?? "").split("\n")) {
        if (p.trim()) current.tasks.push(makeTask(p, current.lead.map((a) => ({ ...a })), current.coordinating.map((a) => ({ ...a })), current.deadline, { ...ref, column: "name" }));
      }
      return;
    }
    const ind = makeIndicator(byRole, extra, ctx, ref, indicators.length + 1);
    const history = historyOf(row.cells, columns);
    if (history.length) {
      ind.history = history;
      // The latest figure before the target's year is the baseline (the 2025 estimate in a plan for 2026).
      const base = baselineFromHistory(history, targetYear);
      if (base) ind.baseline = base;
    }
    if (kind === "tasks") {
      // In a tasks table the agencies and deadline of a row belong to its task, not to the indicator.
      ind.lead = [];
      ind.coordinating = [];
      ind.deadline = null;
      if (byRole.get("tasks") || byRole.get("lead") || byRole.get("deadline")) pushTask(ind, byRole, ref, planYear);
    }
    indicators.push(ind);
  });
  if (!indicators.length) warn("table.empty", `Bảng "${title}" không có dòng chỉ tiêu nào.`, `Table "${title}" has no indicator rows.`, src);
  return { id, title, kind, headers: columns.map((c) => c.header), indicators, source: src };
}

/** One row of a tasks table: its tasks cell (one or several numbered tasks) with the row's agencies and deadline. */
function pushTask(ind: Indicator, byRole: Map<string, string>, ref: SourceRef, planYear: number | null): void {
  const texts = splitTaskParagraphs(byRole.get("tasks") ?? "");
  for (const text of texts.length ? texts : [""]) {
    const lead = agencies(byRole.get("lead"));
    const coordinating = agencies(byRole.get("coordinating"));
    const deadline = deadlineOf(byRole.get("deadline"), planYear);
    ind.tasks.push(makeTask(text, lead, coordinating, deadline, { ...ref, column: "tasks" }));
  }
}

/**
 * A row with only a name cell, under an indicator written "Chỉ số: x.y.z. …"
 * (or starting with a "- " bullet), holds that indicator's tasks.
 */
function isTaskRow(byRole: Map<string, string>, current: Indicator): boolean {
  const name = byRole.get("name") ?? "";
  if (!name || VALUE_ROLES.some((r) => byRole.get(r))) return false;
  if (hasOwnCode(name)) return false;
  return /^[-–+•]\s/.test(name.trim()) || (current.code !== null && current.code !== current.stt);
}
