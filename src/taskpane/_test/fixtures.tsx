/**
 * Test helpers for the pane's component tests: a sample import result, a fake
 * PaneServices whose every method is a jest mock, and a render wrapper that
 * provides strings, services and Fluent's theme like the real pane.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { ImportResultSchema } from "../../core/model";
import type { Agency, ImportResult, Indicator } from "../../core/model";
import { stringsFor } from "../../app/i18n";
import { ServicesContext, StringsContext } from "../context";
import type { Lang } from "../../app/i18n";
import type { PaneServices } from "../../app/services";

const agency = (name: string): Agency => ({ name, raw: name, kind: "agency" });

function indicator(stt: string, name: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    key: `pl1:${stt}`,
    stt,
    code: null,
    name,
    unit: "%",
    baseline: null,
    rank: null,
    target: { op: ">=", value: 90, max: null, percent: true, year: 2025, kind: "value", of: null, unit: null, raw: "Tối thiểu 90%" },
    lowerIsBetter: false,
    level: "indicator",
    lead: [agency("Sở Nội vụ")],
    coordinating: [],
    deadline: { kind: "ongoing", raw: "Thường xuyên", start: null, end: null },
    tasks: [],
    extra: {},
    source: { row: Number(stt) },
    ...extra,
  };
}

/** Two appendices, three indicators, one task, two warnings, one repair — validated by the model's schema. */
export const sampleResult: ImportResult = ImportResultSchema.parse({
  plan: {
    title: "Kế hoạch nâng cao Chỉ số PCI năm 2025",
    issuer: "UBND tỉnh Bắc Giang",
    number: "02/KH-UBND",
    date: "2025-01-15",
    dateRaw: "ngày 15 tháng 01 năm 2025",
    period: { from: 2025, to: 2025 },
    appendices: [
      {
        id: "pl1",
        title: "Phụ lục I — Chỉ tiêu chủ yếu",
        kind: "indicators",
        headers: ["STT", "Chỉ tiêu", "Mục tiêu"],
        indicators: [
          indicator("1", "Tỷ lệ hồ sơ giải quyết đúng hạn"),
          indicator("2", "Tỷ lệ thủ tục trực tuyến toàn trình", {
            tasks: [{ code: "2.1", text: "Rà soát thủ tục", lead: [agency("Sở Nội vụ")], coordinating: [], deadline: null, source: {} }],
          }),
        ],
        source: {},
      },
      {
        id: "pl2",
        title: "Phụ lục II — Chỉ số thành phần",
        kind: "indicators",
        headers: ["STT", "Chỉ tiêu"],
        indicators: [indicator("1", "Chi phí thời gian")],
        source: {},
      },
    ],
  },
  warnings: [
    { code: "target.unreadable", message: "Không đọc được mục tiêu ở dòng 4.", messageEn: "Unreadable target on row 4.", ref: { row: 4 } },
    { code: "stt.gap", message: "Thiếu STT 3.", messageEn: "STT 3 is missing.", ref: {} },
  ],
  repairs: [{ kind: "oldFont", from: "ð", to: "Đ", count: 5 }],
});

export function fakeServices(overrides: Partial<PaneServices> = {}): jest.Mocked<PaneServices> {
  return {
    readFile: jest.fn(async () => ({ ok: true as const, result: sampleResult })),
    readText: jest.fn(async () => ({ ok: true as const, result: sampleResult })),
    hasPlanSheets: jest.fn(async () => false),
    writePlan: jest.fn(async () => ({ sheet: "Chỉ tiêu", indicators: 3 })),
    runChecks: jest.fn(async () => []),
    markSeen: jest.fn(async () => undefined),
    selectCell: jest.fn(async () => undefined),
    probeHighlight: jest.fn(async () => ({ kind: "none" as const })),
    applyHighlight: jest.fn(async () => ({ met: 0, exceeded: 0, missed: 0, atRisk: 0, noData: 0, onTrack: 0 })),
    summarize: jest.fn(async () => ({ sheet: "Tổng hợp", period: null, periods: [], total: 0, byStatus: { met: 0, missed: 0, atRisk: 0, noData: 0, onTrack: 0 }, byLead: [] })),
    setReportPeriod: jest.fn(async () => undefined),
    template: jest.fn(async () => new Uint8Array([0x50, 0x4b])),
    previewSuccessors: jest.fn(async () => ({ edits: [], reassign: [] })),
    applySuccessors: jest.fn(async () => ({ applied: 0, skipped: 0 })),
    openWorkbook: jest.fn(async () => undefined),
    formPeriods: jest.fn(async () => [{ id: "2023-H1", label: "6 tháng đầu năm 2023" }, { id: "2023", label: "Năm 2023" }]),
    makeForms: jest.fn(async () => ({ forms: [], file: { fileName: "bieu-mau-bao-cao-2023.zip", mime: "application/zip", bytes: new Uint8Array() } })),
    collectForms: jest.fn(async () => ({ accepted: [], rejected: [], rowsRejected: [], conflicts: [], pending: [], warnings: [] })),
    returnsStatus: jest.fn(async () => ({ conflicts: [], pending: [], periodLabel: null })),
    resolveConflict: jest.fn(async () => undefined),
    reportSource: jest.fn(async () => null),
    createReport: jest.fn(async () => ({ fileName: "bao-cao-nam-2025.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes: new Uint8Array([0x50, 0x4b]) })),
    offerFile: jest.fn(async () => "downloaded" as const),
    ...overrides,
  } as jest.Mocked<PaneServices>;
}

export function renderWith(ui: ReactElement, services: PaneServices, lang: Lang = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={stringsFor(lang)}>
        <ServicesContext.Provider value={services}>{ui}</ServicesContext.Provider>
      </StringsContext.Provider>
    </FluentProvider>,
  );
}
