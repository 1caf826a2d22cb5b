/**
 * Runs in the page right after office.js (the runner appends this bundle to the
 * local copy of office.js it serves for the CDN URL): puts O's in-memory Excel
 * stand-in on `window.Excel` and makes `Office` answer like Excel would —
 * onReady with host Excel, the display language and the requirement sets the
 * scenario asks for. The runner reads the workbook back through `window.__standin`.
 */
import { createWorkbookState, dumpWorkbook, findSheet, readCell, typeIntoCell } from "../support/excel-standin";
import { addUserTable } from "../support/excel-standin/state";
import { installExcelStandIn } from "../support/excel-standin";

interface E2EConfig {
  displayLanguage: string;
  unsupportedSets: string[];
  /** Office.context.diagnostics.platform: "OfficeOnline", or "Mac" / "iOS" where no file can be downloaded. */
  platform: string;
}

const w = window as unknown as Record<string, unknown> & { __E2E__?: Partial<E2EConfig> };
const config: E2EConfig = { displayLanguage: "vi-VN", unsupportedSets: [], platform: "OfficeOnline", ...(w.__E2E__ ?? {}) };
const state = createWorkbookState(["Sheet1"]);
const installed = installExcelStandIn(w, state, config);
// Excel.createWorkbook (ExcelApi 1.8): each workbook the pane opens, as the length of its base64, for the test.
const opened: number[] = [];
(w.Excel as Record<string, unknown>).createWorkbook = async (base64?: string) => void opened.push(base64?.length ?? 0);
w.__opened = opened;

// Real office.js is loaded (the pane's HTML asks for it), but outside Office it
// reports no host; answer as Excel on the web does.
const office = w.Office as Record<string, unknown> | undefined;
const dialogs: string[] = [];
const closers: Array<{ type: string; handler: () => void }> = [];
const commands: Record<string, (event: { completed: () => void }) => unknown> = {};
w.__parentMessages = [];
if (office) {
  const unsupported = new Set(config.unsupportedSets);
  const context = {
    displayLanguage: config.displayLanguage,
    requirements: { isSetSupported: (name: string, version?: string) => !unsupported.has(`${name} ${version ?? ""}`.trim()) },
    diagnostics: { platform: config.platform },
    ui: {
      // The ribbon commands' notice: recorded for the test, reported as opened, closed by the test.
      displayDialogAsync: (url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void) => {
        dialogs.push(url);
        callback({ status: "succeeded", value: { close: () => undefined, addEventHandler: (type: string, handler: () => void) => closers.push({ type, handler }) } });
      },
      messageParent: (message: string) => {
        (w.__parentMessages as string[]).push(message);
      },
    },
  };
  office.actions = {
    associate: (name: string, handler: (event: { completed: () => void }) => unknown) => {
      commands[name] = handler;
    },
  };
  const info = { host: "Excel", platform: config.platform };
  // office.js sets its own (host-less) context while it initialises: keep ours, at install and at onReady.
  const pin = () => Object.defineProperty(office, "context", { configurable: true, get: () => context, set: () => undefined });
  pin();
  // office.js finishes initialising asynchronously (after loading its mapping table) and then installs
  // its own host-less context with defineProperty; put ours back whenever that happens.
  setInterval(() => {
    if ((office as { context?: unknown }).context !== context) pin();
  }, 10);
  office.onReady = (callback?: (i: typeof info) => void) => {
    pin();
    callback?.(info);
    return Promise.resolve(info);
  };
}

w.__ribbon = {
  dialogs,
  /** Runs a ribbon command as Excel would; resolves with whether event.completed() was called, after the user closes the notice. */
  run: async (name: string): Promise<boolean> => {
    let completed = false;
    const handler = commands[name];
    if (!handler) throw new Error(`command ${name} was not associated`);
    const before = { dialogs: dialogs.length, closers: closers.length };
    const done = handler({ completed: () => void (completed = true) });
    // The user reads this command's notice, then closes it (the dialog messages its parent).
    for (let i = 0; i < 600 && dialogs.length === before.dialogs; i++) await new Promise((r) => setTimeout(r, 50));
    closers
      .slice(before.closers)
      .filter((c) => c.type === "dialogMessageReceived")
      .forEach((c) => c.handler());
    await done;
    return completed;
  },
  registered: () => Object.keys(commands),
};

w.__standin = {
  state,
  installed,
  dumpWorkbook: () => dumpWorkbook(state),
  typeIntoCell: (address: string, value: string | number | null) => typeIntoCell(state, address, value),
  readCell,
  findSheet,
  /** A table the user made by hand (Insert › Table), made the active sheet with a cell selected in it. */
  addUserTable: (sheet: string, anchor: string, name: string, headers: string[], rows: Array<Array<string | number | null>>) => {
    addUserTable(state, sheet, anchor, name, headers, rows);
    state.activeSheet = sheet;
    state.selection = `'${sheet}'!${anchor}`;
  },
};
