/**
 * The notice dialog's script: shows the title and message passed in the query
 * (as text, never HTML) and tells the command when the user closes it.
 */
import { en } from "../app/i18n/en";
import { vi } from "../app/i18n/vi";

function render(): void {
  const params = new URLSearchParams(window.location.search);
  const t = params.get("l") === "en" ? en : vi;
  document.documentElement.lang = t.lang;
  const title = document.getElementById("title");
  const message = document.getElementById("message");
  const close = document.getElementById("close");
  if (title) {
    title.textContent = params.get("t") ?? t.appTitle;
    if (params.get("k") === "error") title.className = "error";
  }
  if (message) message.textContent = params.get("m") ?? "";
  if (close) {
    close.textContent = t.commands.close;
    close.addEventListener("click", () => closeDialog());
    close.focus();
  }
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") closeDialog();
  });
}

function closeDialog(): void {
  try {
    Office.context.ui.messageParent("close");
  } catch {
    window.close();
  }
}

if (typeof Office !== "undefined") void Office.onReady(render);
else render();
