/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import type { Finding } from "../../core/model";
import { fakeServices, renderWith } from "../_test/fixtures";
import { en } from "../../app/i18n/en";
import { vi } from "../../app/i18n/vi";
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
