/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import type { OfferedFile, ReportSource } from "../../app/services";
import { ReportPanel } from "./ReportPanel";
import { OfferError, downloadUrl, offerFile, toBase64Url } from "./offerFile";
import type { OfferHost } from "./offerFile";

const source: ReportSource = {
  planTitle: "Kế hoạch nâng cao Chỉ số PCI năm 2025",
  explanations: {},
  returns: null,
  table: {
    period: { id: "2025", label: "Năm 2025", end: "2025-12-31" },
    indicators: [
      { key: "a", stt: "1", code: null, name: "Tỷ lệ hồ sơ đúng hạn", unit: "%", target: { op: ">=", value: 0.9, max: null, year: 2025 }, expected: null, result: 0.95, status: "met", percentOfPlan: 105.6, lead: ["Sở Nội vụ"] },
      { key: "b", stt: "2", code: null, name: "Chi phí thời gian", unit: "Điểm", target: { op: ">=", value: 7, max: null, year: 2025 }, expected: null, result: 6, status: "missed", percentOfPlan: 85.7, lead: ["Sở Tư pháp", "Sở Nội vụ"] },
    ],
  },
};

describe("ReportPanel", () => {
  it("draws the statuses-by-agency chart as SVG and, on Tạo báo cáo, builds the report and offers it", async () => {
    const services = fakeServices({ reportSource: jest.fn(async () => source) });
    renderWith(<ReportPanel />, services);
    expect(await screen.findByText(vi.report.period("Năm 2025", 2))).toBeTruthy();
    const chart = screen.getByRole("img");
    expect(chart.getAttribute("aria-label")).toContain("Sở Nội vụ: Đạt 1, Không đạt 1");
    expect(chart.querySelectorAll("g")).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: vi.report.create }));
    expect(await screen.findByText(vi.report.downloaded("bao-cao-nam-2025.docx"))).toBeTruthy();
    expect(services.createReport).toHaveBeenCalledWith(source);
    expect(services.offerFile).toHaveBeenCalledWith(expect.objectContaining({ fileName: "bao-cao-nam-2025.docx" }));
  });

  it("reads the workbook again when Tạo báo cáo is clicked: a result typed after the tab opened is in the report", async () => {
    const typedLater: ReportSource = { ...source, table: { ...source.table, indicators: source.table.indicators.map((i) => (i.key === "b" ? { ...i, result: 7.5, status: "met" as const } : i)) } };
    const reportSource = jest.fn<Promise<ReportSource | null>, []>(async () => source);
    const services = fakeServices({ reportSource });
    renderWith(<ReportPanel />, services);
    expect(await screen.findByText(vi.report.period("Năm 2025", 2))).toBeTruthy();
    reportSource.mockImplementation(async () => typedLater);
    fireEvent.click(screen.getByRole("button", { name: vi.report.create }));
    await waitFor(() => expect(services.createReport).toHaveBeenCalledWith(typedLater));
  });

  it("says plainly when there is no period to report on, and explains a failure", async () => {
    renderWith(<ReportPanel />, fakeServices());
    expect(await screen.findByText(vi.report.none)).toBeTruthy();
    const services = fakeServices({ reportSource: jest.fn(async () => source), offerFile: jest.fn(async () => Promise.reject(new OfferError("Excel trên máy Mac này chưa cho phép add-in lưu tệp.", "x"))) });
    renderWith(<ReportPanel />, services);
    fireEvent.click(await screen.findByRole("button", { name: vi.report.create }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("chưa cho phép add-in lưu tệp"));
  });
});

describe("offerFile", () => {
  const file: OfferedFile = { fileName: "bao-cao-nam-2025.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes: new Uint8Array([80, 75, 3, 4, 255, 254]) };
  const host = (over: Partial<OfferHost>): OfferHost & { download: jest.Mock } => ({
    platform: "PC",
    openBrowserWindow: null,
    showSaveFilePicker: null,
    downloadPage: "https://localhost:3000/download.html",
    download: jest.fn(),
    ...over,
  }) as OfferHost & { download: jest.Mock };

  it("on Office for Mac opens our download page in the browser with the file in the URL fragment, never a Blob link", async () => {
    const open = jest.fn();
    const h = host({ platform: "Mac", openBrowserWindow: open });
    expect(await offerFile(file, h)).toBe("openedInBrowser");
    expect(h.download).not.toHaveBeenCalled();
    const url = new URL(open.mock.calls[0]?.[0] as string);
    expect(url.pathname).toBe("/download.html");
    expect(url.search).toBe("");
    const params = new URLSearchParams(url.hash.slice(1));
    expect(params.get("name")).toBe(file.fileName);
    expect(params.get("data")).toBe(toBase64Url(file.bytes));
    expect(params.get("data")).toBe("UEsDBP_-");
  });

  it("on a Mac without OpenBrowserWindowApi says what to do instead", async () => {
    await expect(offerFile(file, host({ platform: "Mac" }))).rejects.toThrow(/cập nhật Office/);
  });

  it("uses a save dialog where the browser allows one, and the download where it refuses (cross-origin frame)", async () => {
    const written: Blob[] = [];
    const picker = jest.fn(async () => ({ createWritable: async () => ({ write: async (b: Blob) => void written.push(b), close: async () => undefined }) }));
    expect(await offerFile(file, host({ showSaveFilePicker: picker }))).toBe("saved");
    expect(written[0]?.size).toBe(6);
    const refused = host({ showSaveFilePicker: jest.fn(async () => Promise.reject(Object.assign(new Error("Cross origin sub frames aren't allowed"), { name: "SecurityError" }))) });
    expect(await offerFile(file, refused)).toBe("downloaded");
    expect(refused.download).toHaveBeenCalledWith(expect.any(Blob), file.fileName);
    const cancelled = host({ showSaveFilePicker: jest.fn(async () => Promise.reject(Object.assign(new Error("cancelled"), { name: "AbortError" }))) });
    expect(await offerFile(file, cancelled)).toBe("cancelled");
  });

  it("offers the save dialog the file's own type: Word for the report, a zip for a round's forms", async () => {
    const picker = jest.fn(async () => ({ createWritable: async () => ({ write: async () => undefined, close: async () => undefined }) }));
    const zip: OfferedFile = { fileName: "bieu-mau-bao-cao-2023.zip", mime: "application/zip", bytes: new Uint8Array([80, 75]) };
    await offerFile(file, host({ showSaveFilePicker: picker }));
    await offerFile(zip, host({ showSaveFilePicker: picker }));
    expect(picker.mock.calls.map((c) => (c as unknown as [{ suggestedName: string; types: unknown }])[0])).toEqual([
      { suggestedName: "bao-cao-nam-2025.docx", types: [{ description: "Word", accept: { [file.mime]: [".docx"] } }] },
      { suggestedName: "bieu-mau-bao-cao-2023.zip", types: [{ description: "Zip", accept: { "application/zip": [".zip"] } }] },
    ]);
  });

  it("keeps the page's own fragment out of the URL it builds", () => {
    expect(downloadUrl("https://x/download.html#old", file).startsWith("https://x/download.html#name=")).toBe(true);
  });
});
