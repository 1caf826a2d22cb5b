/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { fakeServices, renderWith, sampleResult } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import { ImportScreen } from "./ImportScreen";
import { TEMPLATE_FILE_NAME, TemplateButton } from "./TemplateButton";
import { countPlan, importReducer, initialImportState, isAcceptedFile } from "./state";

function chooseFile(name: string, content = "Phụ lục I") {
  const input = screen.getByLabelText(vi.import.fileInputLabel);
  const file = new File([content], name);
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

describe("import state", () => {
  it("accepts the five appendix formats whatever the case of the extension", () => {
    expect(["a.docx", "b.PDF", "c.xlsx", "d.csv", "e.txt"].every(isAcceptedFile)).toBe(true);
    expect(isAcceptedFile("ke-hoach.doc")).toBe(false);
    expect(isAcceptedFile("bang.xls")).toBe(false);
  });

  it("counts indicators, not component rows, and the tasks under them", () => {
    expect(countPlan(sampleResult)).toEqual({ appendices: 2, indicators: 3, tasks: 1 });
  });

  it("keeps the preview when writing fails so the user can retry", () => {
    const read = importReducer(importReducer(initialImportState, { type: "read/start", fileName: "a.txt" }), {
      type: "read/ok",
      result: sampleResult,
      canUpdate: false,
    });
    const failed = importReducer(importReducer(read, { type: "write/start" }), { type: "write/fail", error: "x" });
    expect(failed.phase).toBe("preview");
    expect(failed.result).toBe(sampleResult);
    expect(failed.error).toBe("x");
  });

  it("ignores progress reports that arrive after the write finished", () => {
    const done = { ...initialImportState, phase: "written" as const, result: sampleResult };
    expect(importReducer(done, { type: "write/progress", fraction: 0.5 })).toBe(done);
  });
});

describe("ImportScreen", () => {
  it("refuses an 800 MB file by its size without reading it", async () => {
    const services = fakeServices();
    renderWith(<ImportScreen />, services);
    const input = screen.getByLabelText(vi.import.fileInputLabel);
    const file = new File(["x"], "nham.pdf");
    Object.defineProperty(file, "size", { value: 800 * 1024 * 1024 });
    const arrayBuffer = jest.fn();
    Object.defineProperty(file, "arrayBuffer", { value: arrayBuffer });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText(vi.import.tooLarge("nham.pdf", 800, 20))).toBeTruthy();
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(services.readFile).not.toHaveBeenCalled();
  });

  it("reads a chosen file, shows appendices, warnings and repairs, then creates the tables", async () => {
    const services = fakeServices();
    renderWith(<ImportScreen />, services);
    chooseFile("phu-luc.docx");
    expect(await screen.findByText(vi.import.previewTitle("phu-luc.docx"))).toBeTruthy();
    expect(services.readFile).toHaveBeenCalledWith("phu-luc.docx", expect.any(Uint8Array), expect.objectContaining({ signal: expect.any(AbortSignal) }));
    expect(screen.getByTestId("preview-counts").textContent).toBe(vi.import.counts(2, 3, 1));
    expect(screen.getByText("Phụ lục I — Chỉ tiêu chủ yếu")).toBeTruthy();
    expect(screen.getByText(vi.import.warningsTitle(2))).toBeTruthy();
    expect(screen.getByText("Không đọc được mục tiêu ở dòng 4.")).toBeTruthy();
    expect(screen.getByText(vi.import.repairsTitle(5))).toBeTruthy();
    // No merge offered when the workbook has no Chỉ tiêu sheets yet.
    expect(screen.queryByRole("button", { name: vi.import.update })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: vi.import.create }));
    expect(await screen.findByText(vi.import.written(3, "Chỉ tiêu"))).toBeTruthy();
    expect(services.writePlan).toHaveBeenCalledWith(sampleResult, "create", expect.any(Function));
    // Creating twice would add a second set of sheets: after writing, only a merge is offered.
    expect(screen.queryByRole("button", { name: vi.import.create })).toBeNull();
    expect(screen.getByRole("button", { name: vi.import.update })).toBeTruthy();
  });

  it("offers Cập nhật when the workbook already has the sheets, and merges with it", async () => {
    const services = fakeServices({ hasPlanSheets: jest.fn(async () => true) });
    renderWith(<ImportScreen />, services);
    chooseFile("phu-luc.pdf");
    fireEvent.click(await screen.findByRole("button", { name: vi.import.update }));
    await waitFor(() => expect(services.writePlan).toHaveBeenCalledWith(sampleResult, "update", expect.any(Function)));
  });

  it("says the check for existing sheets failed and offers to retry, never a lone Tạo bảng beside sheets it could not see", async () => {
    const hasPlanSheets = jest.fn<Promise<boolean>, []>(async () => Promise.reject(new Error("Excel báo lỗi: mất kết nối")));
    const services = fakeServices({ hasPlanSheets });
    renderWith(<ImportScreen />, services);
    chooseFile("phu-luc.pdf");
    expect(await screen.findByText(/Chưa kiểm tra được sổ tính đã có bảng Chỉ tiêu hay chưa: Excel báo lỗi: mất kết nối/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: vi.import.create })).toBeNull();
    hasPlanSheets.mockImplementation(async () => true);
    fireEvent.click(screen.getByRole("button", { name: vi.office.planCheckRetry }));
    expect(await screen.findByRole("button", { name: vi.import.update })).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.import.create })).toBeTruthy();
  });

  it("shows what the Office layer said happened to the workbook, with no fixed 'unchanged' sentence after it", async () => {
    const partly = new Error("Excel báo lỗi: x. Một phần ô của Chỉ tiêu có thể đã được ghi, phần còn lại chưa.");
    const services = fakeServices({ writePlan: jest.fn(async () => Promise.reject(partly)) });
    renderWith(<ImportScreen />, services);
    chooseFile("a.txt");
    fireEvent.click(await screen.findByRole("button", { name: vi.import.create }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("có thể đã được ghi");
    expect(alert.textContent).not.toMatch(/giữ nguyên|không bị thay đổi/);
  });

  it("refuses a .doc file with what to do instead, without calling the reader", () => {
    const services = fakeServices();
    renderWith(<ImportScreen />, services);
    chooseFile("ke-hoach.doc");
    expect(screen.getByRole("alert").textContent).toContain(vi.import.unsupported("ke-hoach.doc"));
    expect(services.readFile).not.toHaveBeenCalled();
  });

  it("shows the reader's plain reason when a file cannot be read", async () => {
    const services = fakeServices({
      readFile: jest.fn(async () => ({ ok: false as const, message: "Tệp PDF được bảo vệ bằng mật khẩu.", messageEn: "Encrypted." })),
    });
    renderWith(<ImportScreen />, services);
    chooseFile("khoa.pdf");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Tệp PDF được bảo vệ bằng mật khẩu.");
    expect(screen.queryByRole("button", { name: vi.import.create })).toBeNull();
  });

  it("reads pasted text and refuses an empty paste", async () => {
    const services = fakeServices();
    renderWith(<ImportScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.import.readPasted }));
    expect(screen.getByRole("alert").textContent).toContain(vi.import.emptyPaste);
    fireEvent.change(screen.getByLabelText(vi.import.pasteLabel), { target: { value: "PHỤ LỤC I\n1 Chỉ số PCI ≥ 70" } });
    fireEvent.click(screen.getByRole("button", { name: vi.import.readPasted }));
    expect(await screen.findByText(vi.import.previewTitle(vi.import.pastedName))).toBeTruthy();
    expect(services.readText).toHaveBeenCalledWith("PHỤ LỤC I\n1 Chỉ số PCI ≥ 70", vi.import.pastedName);
  });

  it("reads a dropped file", async () => {
    const services = fakeServices();
    renderWith(<ImportScreen />, services);
    const file = new File(["x"], "phu-luc.xlsx");
    fireEvent.drop(screen.getByTestId("drop-zone"), { dataTransfer: { files: [file] } });
    expect(await screen.findByText(vi.import.previewTitle("phu-luc.xlsx"))).toBeTruthy();
  });

  it("shows progress while writing and a plain error, keeping the preview, when Excel fails", async () => {
    let fail: (e: Error) => void = () => undefined;
    const services = fakeServices({
      writePlan: jest.fn(
        (_r, _m, progress) =>
          new Promise((_resolve, reject) => {
            progress(0.4);
            fail = reject;
          }),
      ),
    });
    renderWith(<ImportScreen />, services);
    chooseFile("a.txt");
    fireEvent.click(await screen.findByRole("button", { name: vi.import.create }));
    expect(await screen.findByRole("progressbar")).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.import.create })).toHaveProperty("disabled", true);
    await act(async () => fail(new Error("Trang tính đang được chỉnh sửa")));
    expect(screen.getByRole("alert").textContent).toContain(vi.import.writeFailed("Trang tính đang được chỉnh sửa."));
    expect(screen.getByTestId("preview-counts")).toBeTruthy();
  });

  it("opens the blank template as a new workbook, with no download link (Office on Mac has none)", async () => {
    const services = fakeServices();
    const save = jest.fn();
    renderWith(<TemplateButton save={save} />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.import.template }));
    expect(await screen.findByText(vi.import.templateDone)).toBeTruthy();
    expect(services.openWorkbook).toHaveBeenCalledWith(new Uint8Array([0x50, 0x4b]));
    expect(save).not.toHaveBeenCalled();
  });

  it("falls back to a download under its Vietnamese file name, and says so, when Excel cannot open a new workbook", async () => {
    const services = fakeServices({ openWorkbook: jest.fn(async () => Promise.reject(new Error("Không hỗ trợ"))) });
    const save = jest.fn();
    renderWith(<TemplateButton save={save} />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.import.template }));
    expect((await screen.findByRole("alert")).textContent).toContain(vi.import.templateDownloaded("Không hỗ trợ."));
    expect(save).toHaveBeenCalledWith(new Uint8Array([0x50, 0x4b]), TEMPLATE_FILE_NAME);
  });

  it("says plainly when the template cannot be built", async () => {
    const services = fakeServices({ template: jest.fn(async () => Promise.reject(new Error("Hết bộ nhớ"))) });
    renderWith(<TemplateButton save={jest.fn()} />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.import.template }));
    expect((await screen.findByRole("alert")).textContent).toContain(vi.import.templateFailed("Hết bộ nhớ."));
  });
});
