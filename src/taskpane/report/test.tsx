/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import type { OfferedFile, ReportSource } from "../../app/services";
import { ReportPanel } from "./ReportPanel";
import { OfferError, OPEN_WORKBOOK_LIMIT_BYTES, offerFile, toBase64 } from "./offerFile";
import { readFileSync } from "node:fs";
import { join } from "node:path";
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
  const forms: OfferedFile = {
    fileName: "bieu-mau-bao-cao-2023.zip", mime: "application/zip", bytes: new Uint8Array([80, 75]),
    workbooks: [{ fileName: "bao-cao-2023-so-tu-phap.xlsx", bytes: new Uint8Array([1, 2, 3]) }, { fileName: "bao-cao-2023-so-y-te.xlsx", bytes: new Uint8Array([4, 5]) }],
  };
  const host = (over: Partial<OfferHost>): OfferHost & { download: jest.Mock; openWorkbook: jest.Mock } => ({
    platform: "PC",
    openWorkbook: jest.fn(async () => undefined),
    showSaveFilePicker: null,
    download: jest.fn(),
    ...over,
  }) as OfferHost & { download: jest.Mock; openWorkbook: jest.Mock };

  it.each(["Mac", "iOS"])("on Office for %s opens each agency's form as a new workbook (Excel.createWorkbook), never a Blob link or a URL", async (platform) => {
    const h = host({ platform });
    expect(await offerFile(forms, h)).toBe("openedAsWorkbooks");
    expect(h.download).not.toHaveBeenCalled();
    expect(h.openWorkbook.mock.calls.map((c) => c[0])).toEqual([toBase64(new Uint8Array([1, 2, 3])), toBase64(new Uint8Array([4, 5]))]);
  });

  it.each(["Mac", "iOS"])("on Office for %s refuses the Word report with where to make it instead, and claims nothing", async (platform) => {
    const h = host({ platform });
    const error = await offerFile(file, h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfferError);
    expect((error as OfferError).message).toMatch(/không cho add-in lưu tệp bao-cao-nam-2025\.docx\. Hãy mở sổ tính này trong Excel trên web/);
    expect(h.download).not.toHaveBeenCalled();
    expect(h.openWorkbook).not.toHaveBeenCalled();
  });

  it("refuses a form too large to open as a workbook, measured as Excel receives it (base64), and opens none", async () => {
    // 6 MiB as base64.
    const big = new Uint8Array((6 * 1024 * 1024 * 3) / 4);
    expect(OPEN_WORKBOOK_LIMIT_BYTES).toBe(4.5 * 1024 * 1024);
    const h = host({ platform: "Mac" });
    const error = (await offerFile({ ...forms, workbooks: [{ fileName: "a.xlsx", bytes: new Uint8Array([1]) }, { fileName: "lon.xlsx", bytes: big }] }, h).catch((e: unknown) => e)) as OfferError;
    expect(error.message).toMatch(/^lon\.xlsx quá lớn để Excel mở thành sổ tính mới \(6,0 MB khi gửi, giới hạn 4,5 MB\)\. Hãy tạo biểu mẫu trong Excel trên web/);
    expect(h.openWorkbook).not.toHaveBeenCalled();
  });

  it("puts no document content in any URL on any host", async () => {
    const source = readFileSync(join(__dirname, "offerFile.ts"), "utf8");
    expect(source).not.toMatch(/openBrowserWindow\(|URLSearchParams|location\.hash|#\$\{/);
    const webpack = readFileSync(join(__dirname, "..", "..", "..", "webpack.config.js"), "utf8");
    expect(webpack).not.toContain("download.html");
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
});
