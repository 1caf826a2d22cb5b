/**
 * How ribbon commands tell the user what happened. ExecuteFunction commands have
 * no UI of their own, and Excel's Notification API is Outlook-only, so a small
 * dialog (notice.html, same origin) shows the message. It resolves when the user
 * closes it — or at once if the dialog cannot open — so the command can always
 * call `event.completed()` afterwards.
 */

export interface NoticeMessage {
  kind: "ok" | "error";
  title: string;
  message: string;
  lang: "vi" | "en";
}

/**
 * The dialog's address: notice.html beside the FunctionFile, message in the query.
 *
 * @example
 * noticeUrl("https://localhost:3000/commands.html", { kind: "ok", title: "Xong", message: "3 lỗi", lang: "vi" })
 * // "https://localhost:3000/notice.html?k=ok&l=vi&t=Xong&m=3+l%E1%BB%97i"
 */
export function noticeUrl(functionFileUrl: string, notice: NoticeMessage): string {
  const url = new URL("notice.html", functionFileUrl);
  url.search = new URLSearchParams({ k: notice.kind, l: notice.lang, t: notice.title, m: notice.message }).toString();
  return url.toString();
}

/**
 * Excel gives a ribbon function (ExecuteFunction) 5 minutes from the click to `event.completed()`, then
 * stops it and tells the user the add-in failed. The work and the dialog share that time.
 */
export const COMMAND_LIMIT_MS = 5 * 60 * 1000;
/** Kept free under the limit for `event.completed()` to reach Excel. */
export const COMMAND_MARGIN_MS = 15 * 1000;
/** Longest a command waits on its dialog when the work took no time; less when the work took long (see runCommand). */
export const NOTICE_TIMEOUT_MS = COMMAND_LIMIT_MS - COMMAND_MARGIN_MS;

export function showNotice(notice: NoticeMessage, ui: Office.UI = Office.context.ui, href: string = window.location.href, timeoutMs: number = NOTICE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, Math.max(0, timeoutMs));
    try {
      ui.displayDialogAsync(noticeUrl(href, notice), { height: 30, width: 30, displayInIframe: true }, (opened) => {
        // Literal values of Office.AsyncResultStatus / Office.EventType, so this runs (and is tested) without office.js.
        if ((opened.status as unknown as string) !== "succeeded") {
          // No dialog (blocked, or another one open): nothing more can be shown; do not hang the command.
          done();
          return;
        }
        const dialog = opened.value;
        const close = () => {
          try {
            dialog.close();
          } finally {
            done();
          }
        };
        dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType.DialogMessageReceived, close);
        dialog.addEventHandler("dialogEventReceived" as unknown as Office.EventType.DialogEventReceived, done);
      });
    } catch {
      done();
    }
  });
}
