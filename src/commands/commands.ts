/**
 * The ribbon's FunctionFile (commands.html): registers "Kiểm tra" and "Tô màu
 * chỉ tiêu chưa đạt". Both call the same operations as the task pane.
 */
import { languageFor, stringsFor } from "../app/i18n";
import { createOfficeServices } from "../app/officeServices";
import { checkConsistency, highlightGaps, runCommand } from "./actions";
import { showNotice } from "./notify";

void Office.onReady(() => {
  const t = stringsFor(languageFor(Office.context?.displayLanguage));
  const services = createOfficeServices();
  Office.actions.associate("checkConsistency", (event: Office.AddinCommands.Event) =>
    runCommand(event, () => checkConsistency(services, t), (notice) => showNotice(notice), t),
  );
  Office.actions.associate("highlightGaps", (event: Office.AddinCommands.Event) =>
    runCommand(event, () => highlightGaps(services, t), (notice) => showNotice(notice), t),
  );
});
