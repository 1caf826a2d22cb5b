import type { Finding } from "../core/model";
import { en } from "../app/i18n/en";
import { vi } from "../app/i18n/vi";
import type { PaneServices } from "../app/services";
import { checkConsistency, highlightGaps, runCommand } from "./actions";
import { COMMAND_LIMIT_MS, noticeUrl, showNotice } from "./notify";
import { registerCommands } from "./register";
import type { CommandHost } from "./register";
import type { NoticeMessage } from "./notify";

function services(overrides: Partial<PaneServices> = {}): PaneServices {
  const fail = async () => Promise.reject(new Error("not used"));
  return {
    readFile: fail,
    readText: fail,
    hasPlanSheets: fail,
    writePlan: fail,
    runChecks: fail,
    markSeen: fail,
    selectCell: fail,
    probeHighlight: fail,
    applyHighlight: fail,
    summarize: fail,
    setReportPeriod: fail,
    template: fail,
    previewSuccessors: fail,
    applySuccessors: fail,
    openWorkbook: fail,
    formPeriods: fail,
    makeForms: fail,
    collectForms: fail,
    returnsStatus: fail,
    resolveConflict: fail,
    reportSource: fail,
    createReport: fail,
    offerFile: fail,
    ...overrides,
  };
}

const finding = (severity: Finding["severity"]): Finding => ({ rule: "r", severity, message: "m", messageEn: "m", ref: {} });

describe("ribbon commands", () => {
  it("Kiểm tra reports the findings by severity in Vietnamese", async () => {
    const notice = await checkConsistency(services({ runChecks: async () => [finding("error"), finding("warning"), finding("warning")] }), vi);
    expect(notice).toEqual({ kind: "ok", lang: "vi", title: vi.commands.checkedTitle, message: vi.commands.checked(1, 2, 0) });
  });

  it("Tô màu applies the detected columns when they are certain", async () => {
    const mapping = { target: "Chỉ tiêu KH", result: "Thực hiện", operator: null, lead: null };
    const probe = { kind: "userTable" as const, sheet: "S", address: "A1:D5", headers: ["Chỉ tiêu KH", "Thực hiện"], mapping, confident: true };
    const applyHighlight = jest.fn(async () => ({ exceeded: 0, met: 1, missed: 2, atRisk: 0, noData: 3, onTrack: 0 }));
    const notice = await highlightGaps(services({ probeHighlight: async () => probe, applyHighlight }), en);
    expect(applyHighlight).toHaveBeenCalledWith(probe, mapping);
    expect(notice.message).toBe(en.highlight.done(1, 2, 0, 3));
  });

  it("Tô màu says to select one table when the selection spans several", async () => {
    const notice = await highlightGaps(services({ probeHighlight: async () => ({ kind: "none", several: true }) }), vi);
    expect(notice).toMatchObject({ kind: "error", message: vi.office.severalTables });
  });

  it("Tô màu sends the user to the pane instead of guessing uncertain columns", async () => {
    const probe = { kind: "userTable" as const, sheet: "S", address: "A1:D5", headers: ["a", "b"], mapping: { target: "a", result: null, operator: null, lead: null }, confident: false };
    const applyHighlight = jest.fn();
    const notice = await highlightGaps(services({ probeHighlight: async () => probe, applyHighlight }), vi);
    expect(applyHighlight).not.toHaveBeenCalled();
    expect(notice).toMatchObject({ kind: "error", message: vi.commands.needPane });
  });

  it("always calls event.completed(), after the notice, even when the work throws", async () => {
    const order: string[] = [];
    const event = { completed: () => order.push("completed") };
    const notify = async (n: NoticeMessage) => void order.push(`notice:${n.kind}:${n.message}`);
    await runCommand(event, async () => Promise.reject(new Error("Không có trang Chỉ tiêu")), notify, vi);
    expect(order).toEqual(["notice:error:Không có trang Chỉ tiêu.", "completed"]);
  });

  it("ends the work and the dialog together within Excel's 5-minute limit for ribbon functions", async () => {
    let clock = 0;
    const event = { completed: jest.fn(() => void (completedAt = clock)) };
    let completedAt = -1;
    const budgets: number[] = [];
    // The work takes 4 min 30 s; the dialog then waits as long as it is allowed (the user never closes it).
    const work = async (): Promise<NoticeMessage> => {
      clock += 270_000;
      return { kind: "ok", lang: "vi", title: "t", message: "m" };
    };
    const notify = async (_n: NoticeMessage, budget: number) => {
      budgets.push(budget);
      clock += budget;
    };
    await runCommand(event, work, notify, vi, () => clock);
    expect(budgets).toHaveLength(1);
    expect(completedAt).toBeLessThan(COMMAND_LIMIT_MS);
    // Work that used all the time: no dialog at all, completed at once.
    clock = 0;
    budgets.length = 0;
    await runCommand(event, async () => ((clock += COMMAND_LIMIT_MS), { kind: "ok", lang: "vi", title: "t", message: "m" }), notify, vi, () => clock);
    expect(budgets).toEqual([]);
  });

  it("calls event.completed() even when the notice itself fails", async () => {
    const event = { completed: jest.fn() };
    await runCommand(event, async () => ({ kind: "ok", lang: "vi", title: "t", message: "m" }), async () => Promise.reject(new Error("x")), vi);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe("registerCommands", () => {
  function host(displayLanguage: string, unsupported: string[] = []) {
    const handlers = new Map<string, (event: { completed: () => void }) => Promise<void>>();
    const h: CommandHost = {
      displayLanguage,
      isSetSupported: (name, version) => !unsupported.includes(`${name} ${version}`),
      associate: (id, handler) => void handlers.set(id, handler),
    };
    return { h, handlers };
  }

  it("works in Office's display language: an English Office gets English services and notices", async () => {
    const { h, handlers } = host("en-GB");
    const makeServices = jest.fn(() => services({ runChecks: async () => [finding("error")] }));
    const notices: NoticeMessage[] = [];
    registerCommands(h, makeServices, async (n) => void notices.push(n));
    expect(makeServices).toHaveBeenCalledWith("en");
    expect([...handlers.keys()]).toEqual(["checkConsistency", "highlightGaps"]);
    await handlers.get("checkConsistency")?.({ completed: () => undefined });
    expect(notices).toEqual([{ kind: "ok", lang: "en", title: en.commands.checkedTitle, message: en.commands.checked(1, 0, 0) }]);
  });

  it("keeps Vietnamese for a Vietnamese Office", () => {
    const makeServices = jest.fn(() => services());
    registerCommands(host("vi-VN").h, makeServices, async () => undefined);
    expect(makeServices).toHaveBeenCalledWith("vi");
  });

  it("refuses plainly on an Excel older than the minimum, before touching the workbook", async () => {
    const { h, handlers } = host("vi-VN", ["ExcelApi 1.9"]);
    const runChecks = jest.fn();
    const notices: NoticeMessage[] = [];
    registerCommands(h, () => services({ runChecks }), async (n) => void notices.push(n));
    const completed = jest.fn();
    await handlers.get("checkConsistency")?.({ completed });
    expect(runChecks).not.toHaveBeenCalled();
    expect(completed).toHaveBeenCalled();
    expect(notices[0]).toMatchObject({ kind: "error", title: vi.tooOld.title });
    expect(notices[0]?.message).toContain("ExcelApi 1.9");
  });
});

describe("notice dialog", () => {
  const notice: NoticeMessage = { kind: "ok", title: "Xong", message: "3 lỗi", lang: "vi" };

  it("addresses notice.html beside the FunctionFile with the message in the query", () => {
    const url = new URL(noticeUrl("https://localhost:3000/commands.html?_host_Info=Excel", notice));
    expect(url.origin + url.pathname).toBe("https://localhost:3000/notice.html");
    expect(url.searchParams.get("m")).toBe("3 lỗi");
    expect(url.searchParams.get("k")).toBe("ok");
  });

  it("resolves when the user closes the dialog", async () => {
    const handlers: Record<string, () => void> = {};
    const dialog = { close: jest.fn(), addEventHandler: (type: string, h: () => void) => void (handlers[type] = h) };
    const ui = {
      displayDialogAsync: (_url: string, _options: unknown, callback: (r: { status: string; value: unknown }) => void) => {
        callback({ status: "succeeded", value: dialog });
        setTimeout(() => handlers.dialogMessageReceived?.(), 0);
      },
    } as unknown as Office.UI;
    await showNotice(notice, ui, "https://localhost:3000/commands.html");
    expect(dialog.close).toHaveBeenCalled();
  });

  it("resolves at once when no dialog can open, so the command never hangs", async () => {
    const ui = {
      displayDialogAsync: (_u: string, _o: unknown, callback: (r: { status: string }) => void) => callback({ status: "failed" }),
    } as unknown as Office.UI;
    await expect(showNotice(notice, ui, "https://localhost:3000/commands.html")).resolves.toBeUndefined();
  });
});
