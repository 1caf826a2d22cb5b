/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import type { Finding } from "../../core/model";
import { fakeServices, renderWith } from "../_test/fixtures";
import { en } from "../../app/i18n/en";
import { vi } from "../../app/i18n/vi";
import { ChecksScreen } from "./ChecksScreen";
import { findingIds } from "../../core/layout/checksSheet";
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
    const plan = screen.getByRole("region", { name: new RegExp(`^${vi.checks.planDefects}`) });
    const groups = within(plan).getAllByRole("button", { expanded: false });
    // Most serious first: the error's group heads the list.
    expect(groups[0]?.textContent).toBe("1Số thứ tự bị trùng");
    expect(screen.queryByRole("button", { name: "STT 2 bị trùng." })).toBeNull();
    fireEvent.click(groups[0] as HTMLElement);
    fireEvent.click(screen.getByRole("button", { name: "STT 2 bị trùng." }));
    expect(services.selectCell).toHaveBeenCalledWith({ sheet: "Chỉ tiêu", cell: "A3" });
    // A finding without a cell is shown as text, not as a dead link; information has its own group, last.
    const info = screen.getByRole("region", { name: new RegExp(`^${vi.findings.information}`) });
    fireEvent.click(within(info).getByRole("button", { name: /Thiếu đơn vị tính/ }));
    expect(screen.queryByRole("button", { name: "Chỉ tiêu 4 thiếu đơn vị tính." })).toBeNull();
    expect(screen.getByText("Chỉ tiêu 4 thiếu đơn vị tính.")).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.checks.rerun })).toBeTruthy();
  });

  it("sorts by what to do: the plan's defects, then this round's missing results (one group per period), then information, each with its count", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => [...overdue, ...findings]) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const headings = (await screen.findAllByRole("heading", { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual([`${vi.checks.planDefects} 2`, `${vi.findings.actNow} 80`, `${vi.findings.information} 1`]);
    const tracking = screen.getByRole("region", { name: new RegExp(`^${vi.findings.actNow}`) });
    expect(within(tracking).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "40Chưa có kết quả — 6 tháng đầu năm 2023",
      "40Chưa có kết quả — Năm 2023",
    ]);
  });

  it("filters by severity", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => [...overdue, ...findings]) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    fireEvent.click(await screen.findByRole("checkbox", { name: `${vi.checks.severity.warning} (81)` }));
    expect(screen.queryByRole("region", { name: new RegExp(`^${vi.findings.actNow}`) })).toBeNull();
    expect(within(screen.getByRole("region", { name: new RegExp(`^${vi.checks.planDefects}`) })).getAllByRole("button").map((b) => b.textContent)).toEqual(["1Số thứ tự bị trùng"]);
    expect(within(screen.getByRole("region", { name: new RegExp(`^${vi.findings.information}`) })).getAllByRole("button").map((b) => b.textContent)).toEqual(["1Thiếu đơn vị tính"]);
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
    expect(screen.getByRole("heading", { name: `${en.checks.planDefects} 2` })).toBeTruthy();
  });
});

describe("ChecksScreen: the 2025 reorganisation", () => {
  const kh = { agency: "Sở Kế hoạch và Đầu tư", written: "Sở KH&ĐT", status: "replaced" as const, since: "2025-03-01", successors: ["Sở Tài chính"], basis: { vi: "Nghị định 45/2025/NĐ-CP", en: "Decree 45/2025/NĐ-CP" }, unverified: { vi: "ngày 1/3/2025 chưa đối chiếu.", en: "date not checked." } };
  const huyen = { agency: "UBND cấp huyện", written: "UBND huyện, thành phố", status: "reassign" as const, since: "2025-07-01", successors: [], basis: { vi: "Luật 72/2025/QH15", en: "Law 72/2025/QH15" } };
  const reorg: Finding[] = [
    { rule: "agency.reorganized", severity: "warning", message: 'STT 3.4: đơn vị chủ trì "Sở KH&ĐT" → Sở Tài chính (từ 1/3/2025).', messageEn: "No. 3.4: → Sở Tài chính.", ref: { stt: "3.4", field: "lead", sheet: "Chỉ tiêu", cell: "M5" }, changes: [kh] },
    { rule: "agency.reorganized", severity: "info", message: 'STT 3.4: đơn vị phối hợp "UBND huyện, thành phố" không còn từ 1/7/2025, cần giao lại.', messageEn: "No. 3.4: reassign.", ref: { stt: "3.4", field: "coordinating", sheet: "Chỉ tiêu", cell: "N5" }, changes: [huyen] },
    { rule: "agency.reorganized", severity: "info", message: "STT 3.5: đơn vị phối hợp đã thay đổi: …", messageEn: "No. 3.5: changed.", ref: { stt: "3.5", field: "coordinating", sheet: "Chỉ tiêu", cell: "N6" }, changes: [kh, huyen] },
    { rule: "target.missing", severity: "warning", message: "Chỉ tiêu 3 chưa có mục tiêu.", messageEn: "Indicator 3 has no target.", ref: { sheet: "Chỉ tiêu", cell: "J4" } },
  ];
  const preview = {
    edits: [{ sheet: "Chỉ tiêu", cell: "M5", key: "k", field: "lead" as const, before: "Sở Kế hoạch và Đầu tư", after: "Sở Tài chính", changes: [{ from: "Sở Kế hoạch và Đầu tư", to: "Sở Tài chính" }] }],
    reassign: [{ sheet: "Chỉ tiêu", cell: "N5", key: "k", names: ["UBND huyện, thành phố"] }],
  };

  it("shows one entry per former agency, with its basis and doubts once and its cells behind a disclosure", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => reorg) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const group = await screen.findByRole("region", { name: new RegExp(vi.checks.reorg.title) });
    const entries = within(group).getAllByTestId("reorg-entry");
    expect(entries.map((e) => within(e).getByRole("button").textContent)).toEqual([
      "Sở Kế hoạch và Đầu tư → Sở Tài chính (từ 1/3/2025)chủ trì 1 chỉ tiêu, phối hợp 1",
      "UBND cấp huyện: giao lại từ 1/7/2025phối hợp 2",
    ]);
    expect(within(group).queryByText(/Nghị định 45/)).toBeNull();
    fireEvent.click(within(entries[0] as HTMLElement).getByRole("button", { expanded: false }));
    expect(within(entries[0] as HTMLElement).getAllByText(/Nghị định 45\/2025/)).toHaveLength(1);
    expect(within(entries[0] as HTMLElement).getAllByText(/chưa đối chiếu/)).toHaveLength(1);
    const rows = within(entries[0] as HTMLElement).getAllByTestId("finding");
    expect(rows).toHaveLength(2);
    fireEvent.click(within(rows[1] as HTMLElement).getByRole("button", { name: /STT 3.5/ }));
    expect(services.selectCell).toHaveBeenCalledWith(expect.objectContaining({ cell: "N6" }));
  });

  it("marks a finding Đã xem in the workbook by its stable id, and an agency's cells all at once", async () => {
    const services = fakeServices({ runChecks: jest.fn(async () => reorg) });
    renderWith(<ChecksScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    const group = await screen.findByRole("region", { name: new RegExp(vi.checks.reorg.title) });
    const entry = within(group).getAllByTestId("reorg-entry")[1] as HTMLElement;
    fireEvent.click(within(entry).getByRole("button", { expanded: false }));
    fireEvent.click(within(entry).getByRole("checkbox", { name: vi.findings.markAll(2) }));
    const ids = findingIds(reorg);
    expect(services.markSeen).toHaveBeenCalledWith([ids[1], ids[2]], true);
    expect(await within(entry).findByText(/đã xem 2\/2/)).toBeTruthy();
  });

  it("keeps the other rules' groups and no second, duplicate reorganisation group", async () => {
    renderWith(<ChecksScreen />, fakeServices({ runChecks: jest.fn(async () => reorg) }));
    fireEvent.click(screen.getByRole("button", { name: vi.checks.run }));
    await screen.findByRole("region", { name: new RegExp(vi.checks.reorg.title) });
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

