/**
 * The ribbon's two ExecuteFunction commands, as plain functions over the same
 * services the task pane uses, so a button in the pane and a button on the
 * ribbon do exactly the same work. Each returns the notice to show.
 */
import type { Strings } from "../app/i18n";
import { reasonOf } from "../app/services";
import type { PaneServices } from "../app/services";
import { COMMAND_LIMIT_MS, COMMAND_MARGIN_MS, type NoticeMessage } from "./notify";

export async function checkConsistency(services: PaneServices, t: Strings): Promise<NoticeMessage> {
  const findings = await services.runChecks();
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return {
    kind: "ok",
    lang: t.lang === "vi" ? "vi" : "en",
    title: t.commands.checkedTitle,
    message: t.commands.checked(count("error"), count("warning"), count("info")),
  };
}

export async function highlightGaps(services: PaneServices, t: Strings): Promise<NoticeMessage> {
  const lang = t.lang === "vi" ? "vi" : "en";
  const probe = await services.probeHighlight();
  if (probe.kind === "none") return { kind: "error", lang, title: t.commands.failedTitle, message: probe.several ? t.office.severalTables : t.commands.noTable };
  // A ribbon button cannot ask which column is which: when unsure, send the user to the pane.
  if (probe.kind === "userTable" && (!probe.confident || !probe.mapping.target || !probe.mapping.result)) {
    return { kind: "error", lang, title: t.commands.failedTitle, message: t.commands.needPane };
  }
  const counts = await services.applyHighlight(probe, probe.kind === "userTable" ? probe.mapping : null);
  return {
    kind: "ok",
    lang,
    title: t.commands.highlightedTitle,
    message: t.highlight.done(counts.met + counts.exceeded, counts.missed, counts.atRisk, counts.noData),
  };
}

/**
 * Runs a command for the ribbon: the work, then a notice (result or plain error),
 * and `event.completed()` in every case — Excel greys the button until it is called.
 * The notice gets what is left of Excel's 5 minutes after the work (`budgetMs`), so
 * work and dialog together end before Excel stops the command.
 */
export async function runCommand(
  event: { completed: () => void },
  work: () => Promise<NoticeMessage>,
  notify: (notice: NoticeMessage, budgetMs: number) => Promise<void>,
  t: Strings,
  now: () => number = Date.now,
): Promise<void> {
  const start = now();
  try {
    let notice: NoticeMessage;
    try {
      notice = await work();
    } catch (e) {
      notice = { kind: "error", lang: t.lang === "vi" ? "vi" : "en", title: t.commands.failedTitle, message: reasonOf(e, t.unknownError, t.lang === "vi" ? "vi" : "en") };
    }
    const budget = COMMAND_LIMIT_MS - COMMAND_MARGIN_MS - (now() - start);
    // With no time left a dialog would be cut off by Excel's own failure message: complete at once.
    if (budget > 0) await notify(notice, budget).catch(() => undefined);
  } finally {
    event.completed();
  }
}
