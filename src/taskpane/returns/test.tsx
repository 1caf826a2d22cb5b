/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Conflict } from "../../core/forms";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import { ReturnsScreen } from "./ReturnsScreen";
import { initialReturnsState, returnsReducer } from "./state";

const conflict: Conflict = {
  code: "3.2", key: "PL-I/3.2", name: "Tiếp cận tài liệu pháp lý", kind: "indicator", period: "2023", periodLabel: "Năm 2023",
  workbook: 3.0, form: 3.1, agency: "Sở Tư pháp", file: "bao-cao-2023-so-tu-phap.xlsx", reason: "handTyped", percent: false,
};
const status = { conflicts: [conflict], pending: ["Sở Y tế", "Cục Thuế tỉnh"], periodLabel: "Năm 2023" };

describe("ReturnsScreen", () => {
  it("lists conflicts with both choices and the agencies that have not returned their form", async () => {
    const services = fakeServices({ returnsStatus: jest.fn(async () => status) });
    renderWith(<ReturnsScreen />, services);
    const item = await screen.findByTestId("conflict");
    expect(item.textContent).toContain(vi.returns.conflictLine("3.2", "Năm 2023", "3", "Sở Tư pháp", "3,1"));
    fireEvent.click(within(item).getByRole("button", { name: vi.returns.keep }));
    await waitFor(() => expect(services.resolveConflict).toHaveBeenCalledWith(conflict, "keep"));
    const pending = screen.getByRole("region", { name: vi.returns.pendingTitle(2, "Năm 2023") });
    expect(within(pending).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Sở Y tế", "Cục Thuế tỉnh"]);
  });

  it("makes the forms of the chosen period and hands them over as one file, the way the host allows", async () => {
    const forms = [
      { fileName: "bao-cao-2023-so-tu-phap.xlsx", agency: "Sở Tư pháp", bytes: new Uint8Array([1]) },
      { fileName: "bao-cao-2023-so-tai-chinh.xlsx", agency: "Sở Tài chính", bytes: new Uint8Array([2]) },
    ];
    const file = { fileName: "bieu-mau-bao-cao-2023.zip", mime: "application/zip", bytes: new Uint8Array([80, 75]) };
    const services = fakeServices({ makeForms: jest.fn(async () => ({ forms, file })), offerFile: jest.fn(async () => "downloaded" as const) });
    renderWith(<ReturnsScreen />, services);
    fireEvent.click(await screen.findByRole("button", { name: vi.returns.makeForms }));
    await screen.findByText(new RegExp(`^${vi.returns.made(2, file.fileName).replace(/[.()]/g, "\\$&")}`));
    expect(services.makeForms).toHaveBeenCalledWith("2023");
    expect(services.offerFile).toHaveBeenCalledTimes(1);
    expect(services.offerFile).toHaveBeenCalledWith(file);
    expect(screen.getByText(new RegExp(vi.returns.handedOver.downloaded(file.fileName).replace(/[.()]/g, "\\$&")))).toBeTruthy();
  });

  it("says the forms were not saved when the planner cancels the save dialog", async () => {
    const forms = [{ fileName: "bao-cao-2023-so-tu-phap.xlsx", agency: "Sở Tư pháp", bytes: new Uint8Array([1]) }];
    const file = { fileName: forms[0]?.fileName ?? "", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes: new Uint8Array([1]) };
    const services = fakeServices({ makeForms: jest.fn(async () => ({ forms, file })), offerFile: jest.fn(async () => "cancelled" as const) });
    renderWith(<ReturnsScreen />, services);
    fireEvent.click(await screen.findByRole("button", { name: vi.returns.makeForms }));
    await screen.findByText(new RegExp(vi.returns.handedOver.cancelled().replace(/[.():]/g, "\\$&")));
  });

  it("collects several dropped files at once and reports rejected rows", async () => {
    const report = {
      accepted: [{ file: "a.xlsx", agency: "Sở Tư pháp", period: "2023", values: { "PL-I/3.2": 3.1 } }],
      rejected: [], conflicts: [], pending: [], warnings: [],
      rowsRejected: [{ file: "a.xlsx", code: "form.notNumber", key: "PL-I/3.15", row: 12, value: "khoảng 20", message: "a.xlsx, dòng 12 (3.15): \"khoảng 20\" không phải là một số", messageEn: "x" }],
    };
    const services = fakeServices({ collectForms: jest.fn(async () => report) });
    renderWith(<ReturnsScreen />, services);
    const zone = await screen.findByTestId("returns-drop-zone");
    const files = [new File([new Uint8Array([1])], "a.xlsx"), new File([new Uint8Array([2])], "b.xlsx")];
    fireEvent.drop(zone, { dataTransfer: { files } });
    await screen.findByText(vi.returns.taken("a.xlsx", "Sở Tư pháp", 1));
    expect(services.collectForms.mock.calls[0]?.[0].map((f) => f.name)).toEqual(["a.xlsx", "b.xlsx"]);
    expect(screen.getByText(/khoảng 20/)).toBeTruthy();
  });

  it("after a collect that succeeded, says only the status read failed (never 'Chưa làm được', never 'giữ nguyên')", async () => {
    const report = { accepted: [{ file: "a.xlsx", agency: "Sở Tư pháp", period: "2023", values: { "PL-I/3.2": 3.1 } }], rejected: [], conflicts: [], pending: [], warnings: [], rowsRejected: [] };
    let calls = 0;
    const returnsStatus = jest.fn(async () => (++calls === 1 ? status : Promise.reject(new Error("Excel báo lỗi: mạng chậm"))));
    const services = fakeServices({ collectForms: jest.fn(async () => report), returnsStatus });
    renderWith(<ReturnsScreen />, services);
    const zone = await screen.findByTestId("returns-drop-zone");
    fireEvent.drop(zone, { dataTransfer: { files: [new File([new Uint8Array([1])], "a.xlsx")] } });
    await screen.findByText(vi.returns.taken("a.xlsx", "Sở Tư pháp", 1));
    const alert = await screen.findByText(/Đã ghi xong vào sổ tính, nhưng chưa đọc lại được/);
    expect(alert.textContent).toContain("Excel báo lỗi: mạng chậm");
    expect(document.body.textContent).not.toMatch(/Chưa làm được|giữ nguyên/);
  });
});

describe("failure messages", () => {
  it("never append a fixed claim about the workbook after the Office layer's own words", () => {
    const reason = "Một phần ô của Chỉ tiêu có thể đã được ghi.";
    for (const text of [vi.import.writeFailed(reason), vi.highlight.failed(reason), vi.returns.failed(reason), vi.checks.reorg.failed(reason)]) {
      expect(text).not.toMatch(/giữ nguyên|không bị thay đổi/);
      expect(text).toContain(reason);
    }
  });
});

describe("returnsReducer", () => {
  it("starts on the latest period and keeps the planner's choice after a reload", () => {
    const loaded = returnsReducer(initialReturnsState, { type: "load/ok", periods: [{ id: "2023-H1", label: "H1" }, { id: "2023", label: "Y" }], status: { conflicts: [], pending: [], periodLabel: null } });
    expect(loaded.periodId).toBe("2023");
    const chosen = returnsReducer(loaded, { type: "period", id: "2023-H1" });
    expect(returnsReducer(chosen, { type: "load/ok", periods: chosen.periods, status: { conflicts: [], pending: [], periodLabel: null } }).periodId).toBe("2023-H1");
  });
});
