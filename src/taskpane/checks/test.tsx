/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import type { Finding } from "../../core/model";
import { fakeServices, renderWith } from "../_test/fixtures";
import { en } from "../../app/i18n/en";
import { vi } from "../../app/i18n/vi";
import { ChecksScreen } from "./ChecksScreen";
import { cellLabel, checksReducer, initialChecksState } from "./state";

const findings: Finding[] = [
  { rule: "target.missing", severity: "warning", message: "Chỉ tiêu 3 chưa có mục tiêu.", messageEn: "Indicator 3 has no target.", ref: { sheet: "Chỉ tiêu", cell: "J4" } },
  { rule: "numbering.duplicate", severity: "error", message: "STT 2 bị trùng.", messageEn: "STT 2 is duplicated.", ref: { sheet: "Chỉ tiêu", cell: "A3" } },
  { rule: "unit.missing", severity: "info", message: "Chỉ tiêu 4 thiếu đơn vị tính.", messageEn: "Indicator 4 has no unit.", ref: {} },
];

/** A 2023 plan checked in 2026: 40 indicators without a result for each of its two periods. */
const overdue: Finding[] = ["2023-H1", "2023"].flatMap((period) =>
  Array.from({ length: 40 }, (_, i) => ({
    rule: "deadline.passedNoResult",
    severity: "warning" as const,
    message: `STT ${i + 1}: kỳ ${period} chưa có kết quả.`,
    messageEn: `No ${i + 1}: no result for ${period}.`,
    ref: { sheet: "Kết quả theo kỳ", cell: `D${i + 2}`, period, field: `period:${period}` },
  })),
);

describe("checks state", () => {
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
  it("groups findings by rule with a count, expands a group and selects a finding's cell when clicked", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => findings) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    expect(await screen.findByText(vi.checks.total(3))).toBeTruthy();
    const plan = screen.getByRole("region", { name: vi.checks.planDefects });
    const groups = within(plan).getAllByRole("button", { expanded: false });
    // Most serious first: the error's group heads the list.
    expect(groups[0]?.textContent).toBe("1Số thứ tự bị trùng");
    expect(screen.queryByRole("button", { name: "STT 2 bị trùng." })).toBeNull();
    fireEvent.click(groups[0] as HTMLElement);
    fireEvent.click(screen.getByRole("button", { name: "STT 2 bị trùng." }));
    expect(services.selectCell).toHaveBeenCalledWith({ sheet: "Chỉ tiêu", cell: "A3" });
    // A finding without a cell is shown as text, not as a dead link.
    fireEvent.click(within(plan).getByRole("button", { name: /Thiếu đơn vị tính/ }));
    expect(screen.queryByRole("button", { name: "Chỉ tiêu 4 thiếu đơn vị tính." })).toBeNull();
    expect(screen.getByText("Chỉ tiêu 4 thiếu đơn vị tính.")).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.checks.rerun })).toBeTruthy();
  });

  it("shows the plan's defects above the tracking findings, one group per period", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => [...overdue, ...findings]) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const headings = (await screen.findAllByRole("heading", { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual([vi.checks.planDefects, vi.checks.tracking]);
    const tracking = screen.getByRole("region", { name: vi.checks.tracking });
    expect(within(tracking).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "40Chưa có kết quả — 6 tháng đầu năm 2023",
      "40Chưa có kết quả — Năm 2023",
    ]);
  });

  it("filters by severity", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => [...overdue, ...findings]) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    fireEvent.click(await screen.findByRole("checkbox", { name: `${vi.checks.severity.warning} (81)` }));
    expect(screen.queryByRole("region", { name: vi.checks.tracking })).toBeNull();
    expect(within(screen.getByRole("region", { name: vi.checks.planDefects })).getAllByRole("button").map((b) => b.textContent)).toEqual(["1Số thứ tự bị trùng", "1Thiếu đơn vị tính"]);
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

  it("shows English titles and messages in an English pane", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => findings) });
    renderWith(<ChecksScreen />, services, "en");
    fireEvent.click(screen.getByRole("button", { name: en.checks.run }));
    fireEvent.click(await screen.findByRole("button", { name: /Duplicate numbering/ }));
    expect(screen.getByRole("button", { name: "STT 2 is duplicated." })).toBeTruthy();
    expect(screen.getByRole("heading", { name: en.checks.planDefects })).toBeTruthy();
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

  it("groups the reorganisation findings apart from the other rule groups", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => reorg) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const group = await screen.findByRole("region", { name: new RegExp(vi.checks.reorg.title) });
    expect(within(group).getAllByRole("listitem")).toHaveLength(2);
    // The other findings keep their rule groups; the reorganisation has no second, duplicate group.
    expect(screen.getByRole("button", { name: /Thiếu mục tiêu/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /sắp xếp 2025/ })).toBeNull();
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

