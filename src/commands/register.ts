/**
 * Wires the ribbon's commands to a host: the language Office displays (as the
 * pane does), the same ExcelApi check the pane makes, and the same services.
 * commands.ts passes the real Office; tests pass a plain object.
 */
import { languageFor, stringsFor } from "../app/i18n";
import type { Lang } from "../app/i18n";
import type { PaneServices } from "../app/services";
import { checkRequirements, MIN_EXCEL_API } from "../excel/requirements";
import { checkConsistency, highlightGaps, runCommand } from "./actions";
import type { NoticeMessage } from "./notify";

export interface CommandHost {
  /** Office.context.displayLanguage ("vi-VN", "en-US", …). */
  displayLanguage: string | null | undefined;
  isSetSupported(name: string, version: string): boolean;
  associate(id: string, handler: (event: { completed: () => void }) => Promise<void>): void;
}

export const COMMAND_IDS = ["checkConsistency", "highlightGaps"] as const;

export function registerCommands(
  host: CommandHost,
  makeServices: (lang: Lang) => PaneServices,
  notify: (notice: NoticeMessage, budgetMs: number) => Promise<void>,
): void {
  const lang = languageFor(host.displayLanguage);
  const t = stringsFor(lang);
  const services = makeServices(lang);
  const check = checkRequirements((name, version) => host.isSetSupported(name, version));
  // An old Excel gets the pane's plain message instead of a failure half-way through a write.
  const tooOld = (): Promise<NoticeMessage> =>
    Promise.resolve({
      kind: "error",
      lang,
      title: t.tooOld.title,
      message: t.tooOld.body(`ExcelApi ${MIN_EXCEL_API} (${check.ok ? "" : check.missing.map((m) => (lang === "vi" ? m.vi : m.feature)).join("; ")})`),
    });
  const work: Record<(typeof COMMAND_IDS)[number], () => Promise<NoticeMessage>> = {
    checkConsistency: () => checkConsistency(services, t),
    highlightGaps: () => highlightGaps(services, t),
  };
  for (const id of COMMAND_IDS) {
    host.associate(id, (event) => runCommand(event, check.ok ? work[id] : tooOld, notify, t));
  }
}
