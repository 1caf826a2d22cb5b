/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import type { Finding } from "../../core/model";
import { fakeServices, renderWith } from "../_test/fixtures";
import { en } from "../i18n/en";
import { vi } from "../i18n/vi";
import { ChecksScreen } from "./ChecksScreen";
import { cellLabel, checksReducer, groupBySeverity, initialChecksState } from "./state";

const findings: Finding[] = [
  { rule: "target.missing", severity: "warning", message: "Chỉ tiêu 3 chưa có mục tiêu.", messageEn: "Indicator 3 has no target.", ref: { sheet: "Chỉ tiêu", cell: "J4" } },
  { rule: "stt.duplicate", severity: "error", message: "STT 2 bị trùng.", messageEn: "STT 2 is duplicated.", ref: { sheet: "Chỉ tiêu", cell: "A3" } },
  { rule: "plan.info", severity: "info", message: "Kế hoạch có 2 phụ lục.", messageEn: "The plan has 2 appendices.", ref: {} },
];

describe("checks state", () => {
  it("groups findings by severity, errors first, keeping their positions", () => {
    const groups = groupBySeverity(findings);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
    expect(groups[0]?.items[0]?.index).toBe(1);
  });

  it("quotes sheet names with spaces or Vietnamese letters the way Excel writes them", () => {
    expect(cellLabel({ sheet: "Chỉ tiêu", cell: "J7" })).toBe("'Chỉ tiêu'!J7");
    expect(cellLabel({ sheet: "Sheet1", cell: "B2" })).toBe("Sheet1!B2");
    expect(cellLabel({ stt: "3" })).toBeNull();
  });

  it("keeps earlier findings when a re-run fails, so a failure never reads as 'no problems'", () => {
    const done = checksReducer(initialChecksState, { type: "run/ok", findings });
    const failed = checksReducer(checksReducer(done, { type: "run/start" }), { type: "run/fail", error: "x" });
    expect(failed.findings).toBe(findings);
    expect(failed.phase).toBe("done");
  });
});

describe("ChecksScreen", () => {
  it("lists findings under their severity and selects a finding's cell when clicked", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => findings) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    expect(await screen.findByText(vi.checks.total(3))).toBeTruthy();
    const errors = screen.getByRole("region", { name: /Lỗi/ });
    fireEvent.click(within(errors).getByRole("button", { name: "STT 2 bị trùng." }));
    expect(services.selectCell).toHaveBeenCalledWith({ sheet: "Chỉ tiêu", cell: "A3" });
    // A finding without a cell is shown as text, not as a dead link.
    expect(screen.queryByRole("button", { name: "Kế hoạch có 2 phụ lục." })).toBeNull();
    expect(screen.getByText("Kế hoạch có 2 phụ lục.")).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.checks.rerun })).toBeTruthy();
  });

  it("shows the first findings of a long group and the rest on request", async () => {
    const many: Finding[] = Array.from({ length: 15 }, (_, i) => ({
      rule: "deadline.passedNoResult",
      severity: "warning",
      message: `STT ${i + 1}: quá hạn.`,
      messageEn: `No ${i + 1}: overdue.`,
      ref: { sheet: "Chỉ tiêu", cell: `Q${i + 2}` },
    }));
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => many) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    expect(await screen.findByRole("button", { name: "STT 12: quá hạn." })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "STT 13: quá hạn." })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: vi.checks.showAll(15) }));
    expect(screen.getByRole("button", { name: "STT 15: quá hạn." })).toBeTruthy();
    expect(screen.queryByRole("button", { name: vi.checks.showAll(15) })).toBeNull();
  });

  it("says so when nothing is wrong", async () => {
    renderWith(<ChecksScreen />, fakeServices());
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    expect(await screen.findByText(vi.checks.none)).toBeTruthy();
  });

  it("explains what to do when the checks cannot run", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => Promise.reject(new Error("Không có trang Chỉ tiêu"))) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    expect((await screen.findByRole("alert")).textContent).toContain(vi.checks.failed("Không có trang Chỉ tiêu."));
  });

  it("shows English messages in an English pane", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => findings) });
    renderWith(<ChecksScreen />, services, "en");
    fireEvent.click(screen.getByRole("button", { name: en.checks.run }));
    expect(await screen.findByRole("button", { name: "STT 2 is duplicated." })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /Error/ })).toBeTruthy();
  });
});

describe("ChecksScreen: the 2025 reorganisation", () => {
  const reorg: Finding[] = [
    { rule: "agency.reorganized", severity: "warning", message: 'STT 3.4: đơn vị chủ trì "Sở Kế hoạch và Đầu tư" không còn từ 1/3/2025; đơn vị kế thừa: Sở Tài chính.', messageEn: "No. 3.4: successor Sở Tài chính.", ref: { sheet: "Chỉ tiêu", cell: "M5" } },
    { rule: "agency.reorganized", severity: "info", message: 'STT 3.4: đơn vị phối hợp "UBND huyện, thành phố" không còn từ 1/7/2025: nhiệm vụ phải được giao lại từ 1/7/2025.', messageEn: "No. 3.4: reassign.", ref: { sheet: "Chỉ tiêu", cell: "N5" } },
    { rule: "target.missing", severity: "warning", message: "Chỉ tiêu 3 chưa có mục tiêu.", messageEn: "Indicator 3 has no target.", ref: { sheet: "Chỉ tiêu", cell: "J4" } },
  ];
  const preview = {
    edits: [{ sheet: "Chỉ tiêu", cell: "M5", key: "k", field: "lead" as const, before: "Sở Kế hoạch và Đầu tư", after: "Sở Tài chính", changes: [{ from: "Sở Kế hoạch và Đầu tư", to: "Sở Tài chính" }] }],
    reassign: [{ sheet: "Chỉ tiêu", cell: "N5", key: "k", names: ["UBND huyện, thành phố"] }],
  };

  it("groups the reorganisation findings apart from the severity groups", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => reorg) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const group = await screen.findByRole("region", { name: new RegExp(vi.checks.reorg.title) });
    expect(within(group).getAllByRole("listitem")).toHaveLength(2);
    const warnings = screen.getByRole("region", { name: /Cảnh báo/ });
    expect(within(warnings).getAllByRole("listitem")).toHaveLength(1);
  });

  it("changes nothing until the planner confirms, then writes the previewed cells and checks again", async () => {
    const services = fakeServices({
      runChecks: jest.fn(async () => reorg),
      previewSuccessors: jest.fn(async () => preview),
      applySuccessors: jest.fn(async () => ({ applied: 1, skipped: 0 })),
    });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    fireEvent.click(await screen.findByRole("button", { name: vi.checks.reorg.switchTo }));
    expect(await screen.findByText(vi.checks.reorg.confirmTitle(1))).toBeTruthy();
    expect(screen.getByText(/“Sở Kế hoạch và Đầu tư” → “Sở Tài chính”/)).toBeTruthy();
    expect(screen.getByText(vi.checks.reorg.reassign(1))).toBeTruthy();
    expect(services.applySuccessors).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: vi.checks.reorg.confirm }));
    expect(await screen.findByText(vi.checks.reorg.done(1, 0))).toBeTruthy();
    expect(services.applySuccessors).toHaveBeenCalledWith(preview.edits);
    expect(services.runChecks).toHaveBeenCalledTimes(2);
  });

  it("writes nothing when the planner cancels", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => reorg), previewSuccessors: jest.fn(async () => preview) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    fireEvent.click(await screen.findByRole("button", { name: vi.checks.reorg.switchTo }));
    fireEvent.click(await screen.findByRole("button", { name: vi.checks.reorg.cancel }));
    expect(services.applySuccessors).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: vi.checks.reorg.switchTo })).toBeTruthy();
  });

  it("has the same strings in English", () => {
    expect(Object.keys(en.checks.reorg)).toEqual(Object.keys(vi.checks.reorg));
  });
});

