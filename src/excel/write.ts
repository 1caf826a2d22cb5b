/**
 * Writes a WorkbookLayout into the open workbook with Office.js, all or
 * nothing, in as few round trips as Excel allows: one read (which names are
 * taken), then the whole write queued and sent in one request with
 * calculation suspended. Only a write bigger than the request limit (Excel
 * on the web refuses 5 MB) is split into several requests, each below it.
 * If anything fails, one more request removes what this run added, so the
 * workbook is as it was. Updating an earlier import is not done here: it is
 * in place (update.ts), because renaming or deleting our sheets and tables
 * would turn every reference the user made to them into #REF!.
 */
import type { WorkbookLayout } from "../core/layout/types";
import { layoutActions, type Action } from "./_lib/actions";
import { DEFAULT_PAYLOAD_LIMIT, estimateBytes } from "./_lib/cells";
import { queueFacts, type WorkbookFacts } from "./_lib/facts";
import { fitLayout } from "./_lib/rename";

export interface WriteOptions {
  /** What the caller already read in its own round trip (saves the read). */
  facts?: WorkbookFacts;
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
  const { layout: fitted, renames } = fitLayout(layout, { sheets: facts.sheets, tables: facts.tables.map((t) => t.name), names: facts.names.map((n) => n.name) });
  const limit = options.payloadLimitBytes ?? DEFAULT_PAYLOAD_LIMIT;
  const sheets = new Map<string, Excel.Worksheet>();
  const activate: Action = {
    bytes: estimateBytes(fitted.sheets[0]?.name ?? ""),
    run: () => {
      const first = fitted.sheets[0];
      if (first) context.workbook.worksheets.getItem(first.name).activate();
    },
  };
  const actions = [...layoutActions(context, fitted, sheets, Math.max(limit / 8, 4096)), activate];
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
      syncs += await rollBack(context, fitted);
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
 * struck anywhere in the batch) and one write. Every sheet and name of the
 * fitted layout was added by this run (taken names were suffixed), so each
 * one that exists now is removed.
 */
async function rollBack(context: Excel.RequestContext, layout: WorkbookLayout): Promise<number> {
  const read = queueFacts(context);
  await context.sync();
  const now = read();
  const has = (list: string[], name: string) => list.some((x) => x.toLowerCase() === name.toLowerCase());
  for (const s of layout.sheets) if (has(now.sheets, s.name)) context.workbook.worksheets.getItem(s.name).delete();
  for (const n of layout.names) if (has(now.names.map((x) => x.name), n.name)) context.workbook.names.getItem(n.name).delete();
  await context.sync();
  return 2;
}
