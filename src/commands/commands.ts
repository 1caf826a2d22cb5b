/**
 * The ribbon's FunctionFile (commands.html): registers "Kiểm tra" and "Tô màu
 * chỉ tiêu chưa đạt". Both call the same operations as the task pane, in
 * Office's display language, after the same requirement check.
 */
import { createOfficeServices } from "../app/officeServices";
import { showNotice } from "./notify";
import { registerCommands } from "./register";

void Office.onReady(() => {
  registerCommands(
    {
      displayLanguage: Office.context?.displayLanguage,
      isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
      associate: (id, handler) => Office.actions.associate(id, handler),
    },
    createOfficeServices,
    (notice, budgetMs) => showNotice(notice, Office.context.ui, window.location.href, budgetMs),
  );
});
