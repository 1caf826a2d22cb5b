/**
 * What `chitieu parse` prints: the JSON contract of the import issue, and a
 * readable table for people. Pure functions of an ImportResult.
 */
import type { Appendix, ImportResult, Indicator, ReportingSchedule, Target } from "../../../core/model";

/** The `--json` document: plan metadata, appendices with indicators and their tasks flattened, warnings and repairs. */
export function parseJson(result: ImportResult): unknown {
  const { plan } = result;
  return {
    plan: { title: plan.title, issuer: plan.issuer, number: plan.number, date: plan.date, dateRaw: plan.dateRaw, period: plan.period, reporting: plan.reporting ?? null },
    appendices: plan.appendices.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      headers: a.headers,
      indicators: a.indicators,
      tasks: a.indicators.flatMap((i) => i.tasks.map((t) => ({ indicator: i.key, indicatorCode: i.code ?? i.stt, ...t }))),
    })),
    warnings: result.warnings,
    repairs: result.repairs,
  };
}

const OP_TEXT: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "~": "≈", range: "" };

export function targetText(t: Target | null): string {
  if (!t) return "—";
  if (t.value === null) return `? (${t.raw})`;
  const unit = t.percent ? "%" : "";
  if (t.op === "range") return `${t.value}–${t.max ?? "?"}${unit}`;
  return `${t.op ? OP_TEXT[t.op] ?? t.op : ""} ${t.value}${unit}${t.kind === "rank" ? " (hạng)" : t.kind === "top" ? " (tốp)" : ""}`.trim();
}

function cut(s: string, n: number): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length <= n ? flat.padEnd(n) : `${flat.slice(0, n - 1)}…`;
}

function indicatorLine(i: Indicator): string {
  const base = i.baseline ? `${i.baseline.raw}${i.baseline.year ? ` (${i.baseline.year})` : ""}` : "—";
  const lead = i.lead.map((a) => a.name).join("; ") || "—";
  const flags = `${i.lowerIsBetter ? " ↓" : ""}${i.level === "component" ? " [nhóm]" : ""}`;
  return [cut(i.stt ?? "", 5), cut(i.name + flags, 46), cut(i.unit ?? "", 7), cut(base, 12), cut(i.rank?.raw ?? "", 6), cut(targetText(i.target), 14), cut(lead, 34), cut(i.deadline?.raw ?? "", 16), String(i.tasks.length)].join(" │ ");
}

/** The readable table: one block per appendix, one line per indicator, then the warnings. */
export function parseText(result: ImportResult): string[] {
  const { plan } = result;
  const lines = [`Kế hoạch: ${plan.title || "(không rõ tên)"}${plan.number ? ` — số ${plan.number}` : ""}${plan.date ? ` — ngày ${plan.date}` : ""}`];
  if (plan.period) lines.push(`Giai đoạn: ${plan.period.from}–${plan.period.to}`);
  lines.push(scheduleLine(plan.reporting ?? null));
  // One push per line, not push(...lines): an appendix of 300,000 rows would overflow the stack.
  for (const a of plan.appendices) {
    lines.push("");
    for (const line of appendixLines(a)) lines.push(line);
  }
  if (result.repairs.length > 0) lines.push("", `Đã sửa chữ / text repairs: ${result.repairs.map((r) => `"${r.from}"→"${r.to}" ×${r.count}`).join(", ")}`);
  if (result.warnings.length > 0) {
    lines.push("", `Cảnh báo / warnings (${result.warnings.length}):`);
    for (const w of result.warnings) {
      const where = [w.ref.appendix, w.ref.row !== undefined ? `dòng ${w.ref.row}` : null, w.ref.line !== undefined ? `dòng văn bản ${w.ref.line}` : null, w.ref.page !== undefined ? `trang ${w.ref.page}` : null, w.ref.column].filter(Boolean).join(", ");
      lines.push(`  - [${w.code}] ${w.message}${where ? ` (${where})` : ""}`);
    }
  }
  return lines;
}

function appendixLines(a: Appendix): string[] {
  const tasks = a.indicators.reduce((n, i) => n + i.tasks.length, 0);
  const head = ["STT".padEnd(5), "Chỉ tiêu".padEnd(46), "ĐVT".padEnd(7), "Gốc".padEnd(12), "Hạng".padEnd(6), "Mục tiêu".padEnd(14), "Chủ trì".padEnd(34), "Thời hạn".padEnd(16), "NV"].join(" │ ");
  return [`${a.title} (${a.indicators.length} chỉ tiêu, ${tasks} nhiệm vụ)`, head, "─".repeat(head.length), ...a.indicators.map(indicatorLine)];
}

const iso2vi = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** "Lịch báo cáo: 2025-H1 trước 10/06/2025, 2025 trước 10/12/2025 → Sở Tài chính (văn bản: Sở Kế hoạch và Đầu tư)". */
export function scheduleLine(r: ReportingSchedule | null): string {
  if (!r) return "Lịch báo cáo: văn bản không nêu (hãy nhập trên sheet Tổng hợp) / no reporting schedule in the text";
  const due = r.due.map((d) => `${d.period} trước ${iso2vi(d.date)}`).join(", ") || "chưa rõ hạn";
  const to = r.to ? ` → ${r.to}${r.toAsWritten && r.toAsWritten !== r.to ? ` (văn bản: ${r.toAsWritten})` : ""}` : "";
  const up = r.upstream?.to ? `; báo cáo lên ${r.upstream.to}${r.upstream.due.length ? ` (${r.upstream.due.map((d) => `${d.period} trước ${iso2vi(d.date)}`).join(", ")})` : ""}` : "";
  return `Lịch báo cáo: ${due}${to}${up}`;
}
