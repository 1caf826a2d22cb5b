/**
 * Turns a Chỉ tiêu workbook as read back (either writer's reader, then
 * `interpretSnapshot`) into the Plan, results and cell locator the rules
 * take, so findings on an edited workbook carry sheet and cell. Values typed
 * by officials win; the hidden source column says which numbers are percents.
 */
import { parseAgencies } from "../agency";
import type { AgencyDirectory } from "../agency";
import type { Appendix, Baseline, Indicator, Plan, Target, TargetOp, Task } from "../model";
import { parseDeadline, parseTarget } from "../parse";
import type { SnapshotValue, WorkbookReading } from "../workbook";
import { locateInReading } from "../workbook";
import { legacyCells, periodResultsOf } from "../merge";
import { sttSegments } from "./_lib/stt";
import { BODY_APPENDIX_ID } from "../import/body";
import { VOCABULARY } from "../status/labels";
import type { CheckInput, ResultEntry } from "./types";

const OPS: Record<string, TargetOp> = { "≥": ">=", ">=": ">=", "≤": "<=", "<=": "<=", ">": ">", "<": "<", "=": "=", "≈": "~", "~": "~", "khoảng": "range", range: "range" };

const text = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());
const num = (v: SnapshotValue | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const opt = (v: SnapshotValue | undefined): string | null => text(v) || null;

/** "Mục tiêu: Trên hoặc bằng 92,0% | Gốc: 13,93%" → the raw text after `label`. */
function sourcePart(source: string, label: string): string | null {
  for (const part of source.split(" | ")) if (part.startsWith(`${label}: `)) return part.slice(label.length + 2);
  return null;
}

function isPercent(raw: string | null, unit: string | null): boolean {
  if (raw !== null) return raw.includes("%");
  return (unit ?? "").includes("%");
}

export interface WorkbookPlanMeta {
  title?: string;
  date?: string | null;
  period?: { from: number; to: number } | null;
}

/**
 * @example
 * const { plan, results, locate } = planFromReading(interpretSnapshot(snapshot));
 * runRules({ plan, results, locate, today });
 */
export function planFromReading(reading: WorkbookReading, meta: WorkbookPlanMeta = {}, dir?: AgencyDirectory): Required<Pick<CheckInput, "plan" | "results" | "locate">> {
  const years = reading.indicators.flatMap((r) => [num(r.values.targetYear)]).filter((y): y is number => y !== null);
  const period = meta.period !== undefined ? meta.period : years.length ? { from: years.reduce((a, b) => Math.min(a, b)), to: years.reduce((a, b) => Math.max(a, b)) } : null;
  const planYear = period && period.from === period.to ? period.to : null;
  // A pre-grid workbook's two result columns are read as periods the way the merge migrates them.
  const periodResults = periodResultsOf(reading, period?.to ?? null);
  const appendices = new Map<string, Appendix>();
  const byKey = new Map<string, Indicator>();
  const results = new Map<string, ResultEntry>();
  reading.indicators.forEach((r, i) => {
    const v = r.values;
    const key = r.key ?? `row:${r.sheetRow}`;
    const source = text(v.source);
    const unit = opt(v.unit);
    const tRaw = sourcePart(source, "Mục tiêu");
    const bRaw = sourcePart(source, "Gốc");
    const tPct = isPercent(tRaw, unit);
    const bPct = isPercent(bRaw, unit);
    const scale = (x: number | null, p: boolean): number | null => (x === null ? null : p ? Math.round(x * 1e8) / 1e6 : x);
    const opCell = text(v.op);
    const tValue = scale(num(v.target), tPct);
    const parsed = tRaw !== null ? parseTarget(tRaw, { year: num(v.targetYear) }) : null;
    const target: Target | null = tValue === null && !opCell && !tRaw ? null : {
      op: OPS[opCell] ?? parsed?.op ?? null,
      value: tValue,
      max: scale(num(v.targetMax), tPct),
      percent: tPct,
      year: num(v.targetYear),
      kind: parsed?.kind ?? "value",
      of: parsed?.of ?? null,
      unit: parsed?.unit ?? null,
      raw: tRaw ?? text(v.target),
    };
    const bValue = scale(num(v.baseline), bPct);
    const baseline: Baseline | null = bValue === null && !bRaw ? null : { value: bValue, percent: bPct, year: num(v.baselineYear), raw: bRaw ?? text(v.baseline) };
    const stt = opt(v.stt);
    const appendixId = text(v.appendix) || "Chỉ tiêu";
    const ind: Indicator = {
      key,
      stt,
      code: opt(v.code),
      name: text(v.name),
      unit,
      baseline,
      rank: null,
      target,
      // The Chiều column is what officials see and may correct; the operator is the fallback.
      lowerIsBetter: text(v.direction) === VOCABULARY.vi.lowerIsBetter || text(v.direction) === VOCABULARY.en.lowerIsBetter || (target !== null && (target.op === "<=" || target.op === "<")),
      level: stt && /^[IVXLC]+$/.test(stt) && sttSegments(stt) ? "component" : "indicator",
      lead: parseAgencies(text(v.lead), dir),
      coordinating: parseAgencies(text(v.coordinating), dir),
      deadline: text(v.deadline) ? parseDeadline(text(v.deadline), { planYear }) : null,
      tasks: [],
      extra: {},
      source: { appendix: appendixId, row: i + 1 },
    };
    let app = appendices.get(appendixId);
    if (!app) {
      // Targets found in the plan's text keep their kind, so rules that need table columns (lead) leave them alone.
      const kind = key.startsWith(`${BODY_APPENDIX_ID}/`) ? "body" : "indicators";
      app = { id: appendixId, title: appendixId, kind, headers: [], indicators: [], source: {} };
      appendices.set(appendixId, app);
    }
    app.indicators.push(ind);
    byKey.set(key, ind);
    const entry: ResultEntry = { periods: periodResults[key] ?? {}, note: v.note ?? null };
    // Old result columns left beside the grid by an in-place update: the rules say a number there is not counted.
    if (reading.legacy && reading.grid !== null) entry.legacy = legacyCells(r, period?.to ?? null);
    results.set(key, entry);
  });
  for (const r of reading.tasks) {
    const v = r.values;
    const ind = byKey.get(text(v.indicatorKey));
    if (!ind) continue;
    const task: Task = {
      // The Nhiệm vụ sheet keeps the indicator's code, not the task's own number.
      code: null,
      text: text(v.text),
      lead: parseAgencies(text(v.lead), dir),
      coordinating: parseAgencies(text(v.coordinating), dir),
      deadline: text(v.deadline) ? parseDeadline(text(v.deadline), { planYear }) : null,
      source: { row: r.sheetRow },
    };
    ind.tasks.push(task);
  }
  const plan: Plan = {
    title: meta.title ?? "",
    issuer: null,
    number: null,
    date: meta.date ?? null,
    dateRaw: null,
    period,
    appendices: [...appendices.values()],
  };
  const locate = (indicatorKey: string, field: string): { sheet: string; cell: string } | null => {
    const at = locateInReading(reading, indicatorKey, field);
    return at ? { sheet: at.sheet, cell: at.address } : null;
  };
  return { plan, results, locate };
}
