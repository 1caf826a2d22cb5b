/**
 * Writes a WorkbookLayout into the open workbook with Office.js, all or
 * nothing, in as few round trips as Excel allows: one read (which names are
 * taken), then the whole write queued and sent in one request with
 * calculation suspended. Only a write bigger than the request limit (Excel
 * on the web refuses 5 MB) is split into several requests, each below it.
 * If anything fails, one more request removes what this run added and puts
 * back what it moved aside, so the workbook is as it was.
 */
import type { WorkbookLayout } from "../core/layout/types";
import { layoutActions, type Action } from "./_lib/actions";
import { DEFAULT_PAYLOAD_LIMIT, estimateBytes } from "./_lib/cells";
import { queueFacts, type WorkbookFacts } from "./_lib/facts";
import { fitLayout } from "./_lib/rename";

export interface WriteOptions {
  /** What the caller already read in its own round trip (saves the read). */
  facts?: WorkbookFacts;
  /** Sheets of an earlier import that this write replaces (update): moved aside, then deleted once the write succeeded. */
  replaceSheets?: string[];
  /** Largest request to send, in bytes (default 4 MB, under Excel on the web's 5 MB). */
  payloadLimitBytes?: number;
}

export interface WriteReport {
  /** Layout sheet name → name written (suffixed when the user already had that name). */
  sheets: Record<string, string>;
  tables: Record<string, string>;
  names: Record<string, string>;
  /** Round trips made by this call (read + writes). */
  syncs: number;
  /** Estimated size of each write request, in bytes. */
  requests: number[];
}

/**
 * A write that failed. The workbook was put back, except: when `cleanupError`
 * is set, putting it back failed too, and `left` (when set) says in words what
 * may remain (also said when no clean-up could undo it).
 */
export class WriteError extends Error {
  constructor(
    readonly reason: unknown,
    readonly cleanupError: unknown,
    readonly left: { vi: string; en: string } | null = null,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
    this.name = "WriteError";
  }
}

/** Groups actions into requests below the limit (an action bigger than the limit goes alone: chunking keeps them small). */
export function groupActions(actions: Action[], limit: number): Action[][] {
  const groups: Action[][] = [[]];
  let bytes = 0;
  for (const a of actions) {
    const current = groups[groups.length - 1] as Action[];
    if (current.length > 0 && bytes + a.bytes > limit) {
      groups.push([a]);
      bytes = a.bytes;
    } else {
      current.push(a);
      bytes += a.bytes;
    }
  }
  return groups;
}

function freeName(base: string, used: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

interface Aside {
  sheets: Array<{ from: string; to: string }>;
  tables: Array<{ from: string; to: string }>;
  names: Array<{ name: string; formula: string }>;
}

/**
 * @example
 * await Excel.run(async (context) => {
 *   const report = await writeLayout(context, buildLayout(plan, { lang: "vi" }));
 *   report.sheets["Chỉ tiêu"] // "Chỉ tiêu" or "Chỉ tiêu (2)" when the user had one
 * });
 */
export async function writeLayout(context: Excel.RequestContext, layout: WorkbookLayout, options: WriteOptions = {}): Promise<WriteReport> {
  let syncs = 0;
  let facts = options.facts;
  if (!facts) {
    const read = queueFacts(context);
    await context.sync();
    syncs++;
    facts = read();
  }
  const replace = new Set((options.replaceSheets ?? []).map((s) => s.toLowerCase()));
  const replaced = facts.sheets.filter((s) => replace.has(s.toLowerCase()));
  const layoutNames = new Set(layout.names.map((n) => n.name.toLowerCase()));
  // Replacing an earlier import: its sheets, tables and our defined names are ours to reuse.
  const aside: Aside = { sheets: [], tables: [], names: replaced.length > 0 ? facts.names.filter((n) => layoutNames.has(n.name.toLowerCase())) : [] };
  const used = new Set([...facts.sheets, ...facts.tables.map((t) => t.name), ...facts.names.map((n) => n.name)].map((s) => s.toLowerCase()));
  for (const s of replaced) aside.sheets.push({ from: s, to: freeName("ChiTieuCu", used) });
  for (const t of facts.tables.filter((t) => replace.has(t.sheet.toLowerCase()))) aside.tables.push({ from: t.name, to: freeName(`${t.name}_Cu`, used) });

  const { layout: fitted, renames } = fitLayout(layout, {
    sheets: facts.sheets.filter((s) => !replace.has(s.toLowerCase())),
    tables: facts.tables.filter((t) => !replace.has(t.sheet.toLowerCase())).map((t) => t.name),
    names: facts.names.filter((n) => !aside.names.includes(n)).map((n) => n.name),
  });
  const limit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
  const sheets = new Map<string, Excel.Worksheet>();
  const moveAside: Action = {
    bytes: estimateBytes(aside),
    run: () => {
      for (const t of aside.tables) context.workbook.tables.getItem(t.from).name = t.to;
      for (const s of aside.sheets) context.workbook.worksheets.getItem(s.from).name = s.to;
      for (const n of aside.names) context.workbook.names.getItem(n.name).delete();
    },
  };
  const cleanUp: Action = {
    bytes: estimateBytes(aside.sheets),
    run: () => {
      for (const s of aside.sheets) context.workbook.worksheets.getItem(s.to).delete();
      const first = fitted.sheets[0];
      if (first) context.workbook.worksheets.getItem(first.name).activate();
    },
  };
  const actions = [moveAside, ...layoutActions(context, fitted, sheets, Math.max(limit / 8, 4096)), cleanUp];
  const groups = groupActions(actions, limit);
  const requests = groups.map((g) => g.reduce((n, a) => n + a.bytes, 0));

  // Requests go one after another only when the write exceeds one request's limit; never one per item.
  const send = async (index: number): Promise<void> => {
    const group = groups[index];
    if (!group) return;
    context.application.suspendApiCalculationUntilNextSync();
    for (const a of group) a.run();
    syncs++;
    await context.sync();
    await send(index + 1);
  };
  try {
    await send(0);
  } catch (error) {
    // The original error is what the user needs to hear; a failed clean-up is added to it.
    try {
      syncs += await rollBack(context, fitted, aside);
    } catch (cleanupError) {
      const sheets = fitted.sheets.map((s) => s.name).join(", ");
      throw new WriteError(error, cleanupError, {
        vi: `các trang tính đã ghi dở (${sheets}) có thể vẫn còn; hãy xoá chúng`,
        en: `the partly written sheets (${sheets}) may remain; delete them`,
      });
    }
    throw new WriteError(error, null);
  }
  return {
    sheets: Object.fromEntries(renames.sheets),
    tables: Object.fromEntries(renames.tables),
    names: Object.fromEntries(renames.names),
    syncs,
    requests,
  };
}

/**
 * Puts the workbook back: one read (what exists now: the failure may have
 * struck anywhere in the batch) and one write. A sheet with a layout name is
 * ours to delete unless it is an earlier import's sheet that was never moved
 * aside; whatever was moved aside gets its name back.
 */
async function rollBack(context: Excel.RequestContext, layout: WorkbookLayout, aside: Aside): Promise<number> {
  const read = queueFacts(context);
  await context.sync();
  const now = read();
  const has = (list: string[], name: string) => list.some((x) => x.toLowerCase() === name.toLowerCase());
  const sheetNames = now.sheets;
  for (const s of layout.sheets) {
    const original = aside.sheets.find((a) => a.from.toLowerCase() === s.name.toLowerCase());
    const ours = original ? has(sheetNames, original.to) : true;
    if (ours && has(sheetNames, s.name)) context.workbook.worksheets.getItem(s.name).delete();
  }
  for (const a of aside.sheets) if (has(sheetNames, a.to)) context.workbook.worksheets.getItem(a.to).name = a.from;
  const tableNames = now.tables.map((t) => t.name);
  for (const t of aside.tables) if (has(tableNames, t.to)) context.workbook.tables.getItem(t.to).name = t.from;
  for (const n of layout.names) {
    const current = now.names.find((x) => x.name.toLowerCase() === n.name.toLowerCase());
    const original = aside.names.find((x) => x.name.toLowerCase() === n.name.toLowerCase());
    if (current && current.formula !== original?.formula) context.workbook.names.getItem(current.name).delete();
    if (original && current?.formula !== original.formula) context.workbook.names.add(original.name, original.formula);
  }
  await context.sync();
  return 2;
}
