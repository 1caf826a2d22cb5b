/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import type { Summary } from "../../app/services";
import { SummaryScreen } from "./SummaryScreen";

const summary: Summary = {
  sheet: "Tổng hợp",
  period: { id: "2023", label: "Năm 2023", end: "2023-12-31" },
  periods: [{ id: "2023-H1", label: "6 tháng đầu năm 2023" }, { id: "2023", label: "Năm 2023" }],
  total: 12,
  byStatus: { exceeded: 0, met: 5, missed: 3, atRisk: 1, noData: 3, onTrack: 0 },
  byLead: [
    { agency: "Sở Kế hoạch và Đầu tư", count: 7, exceeded: 0, met: 4, onTrack: 0, atRisk: 1, missed: 2, noData: 0 },
    { agency: "Sở Nội vụ", count: 5, exceeded: 0, met: 1, onTrack: 0, atRisk: 0, missed: 1, noData: 3 },
  ],
};
const firstHalf: Summary = {
  ...summary,
  period: { id: "2023-H1", label: "6 tháng đầu năm 2023", end: "2023-06-30" },
  byStatus: { exceeded: 0, met: 0, missed: 0, atRisk: 4, noData: 2, onTrack: 6 },
  byLead: [{ agency: "Sở Kế hoạch và Đầu tư", count: 12, exceeded: 0, met: 0, onTrack: 6, atRisk: 4, missed: 0, noData: 2 }],
};

describe("SummaryScreen", () => {
  it("shows counts by status and by lead agency, and opens the sheet from its link", async () => {
    const services = fakeServices({ summarize: jest.fn(async () => summary) });
    renderWith(<SummaryScreen />, services);
    expect(await screen.findByText(vi.summary.total(12))).toBeTruthy();
    const byStatus = screen.getByRole("region", { name: vi.summary.byStatus });
    expect(within(byStatus).getByText(/Không đạt/).textContent).toBe("Không đạt: 3");
    // One card per agency (a five-column table does not fit a 320 px pane).
    const cards = within(screen.getByRole("region", { name: vi.summary.byLead })).getAllByRole("listitem");
    expect(cards.map((c) => c.textContent)).toEqual(["Sở Kế hoạch và Đầu tư7 chỉ tiêu · Đạt 4 · Có nguy cơ 1 · Không đạt 2", "Sở Nội vụ5 chỉ tiêu · Đạt 1 · Không đạt 1 · Chưa có số liệu 3"]);
    fireEvent.click(screen.getByRole("button", { name: vi.summary.openSheet("Tổng hợp") }));
    expect(services.selectCell).toHaveBeenCalledWith({ sheet: "Tổng hợp", cell: "A1" });
  });

  it("says which agencies were merged into today's, and which district-level leads must be reassigned", async () => {
    const merged: Summary = {
      ...summary,
      byLead: [
        { agency: "Sở Tài chính", count: 7, exceeded: 0, met: 4, onTrack: 0, atRisk: 1, missed: 2, noData: 0, merged: [{ name: "Sở Kế hoạch và Đầu tư", since: "2025-03-01" }] },
        { agency: "UBND cấp huyện", count: 2, exceeded: 0, met: 0, onTrack: 0, atRisk: 0, missed: 0, noData: 2, reassignSince: "2025-07-01" },
      ],
    };
    renderWith(<SummaryScreen />, fakeServices({ summarize: jest.fn(async () => merged) }));
    await screen.findByText(vi.summary.total(12));
    const cards = within(screen.getByRole("region", { name: vi.summary.byLead })).getAllByRole("listitem");
    expect(within(cards[0] as HTMLElement).getByText(vi.byAgency.merged(vi.byAgency.since("Sở Kế hoạch và Đầu tư", "1/3/2025")))).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText(vi.byAgency.reassignBadge)).toBeTruthy();
    expect(within(cards[1] as HTMLElement).getByText(vi.byAgency.reassign("1/7/2025"))).toBeTruthy();
  });

  it("sets KyBaoCao from the period picker and shows that period's counts", async () => {
    const summarize = jest.fn(async (id?: string | null) => (id === "2023-H1" ? firstHalf : summary));
    const services = fakeServices({ summarize });
    renderWith(<SummaryScreen />, services);
    const picker = (await screen.findByRole("combobox", { name: vi.summary.period })) as HTMLSelectElement;
    expect(picker.value).toBe("2023");
    fireEvent.change(picker, { target: { value: "2023-H1" } });
    await waitFor(() => expect(within(screen.getByRole("region", { name: vi.summary.byStatus })).getByText(/Đúng tiến độ/).textContent).toBe("Đúng tiến độ: 6"));
    expect(services.setReportPeriod).toHaveBeenCalledWith("6 tháng đầu năm 2023");
    expect(summarize).toHaveBeenLastCalledWith("2023-H1", "current");
  });

  it("asks for an import first when there are no indicators", async () => {
    renderWith(<SummaryScreen />, fakeServices());
    expect(await screen.findByText(vi.summary.empty)).toBeTruthy();
  });

  it("explains a failure and refreshes on request", async () => {
    const summarize = jest.fn<Promise<Summary>, []>().mockRejectedValueOnce(new Error("Không có trang Chỉ tiêu")).mockResolvedValueOnce(summary);
    const services = fakeServices({ summarize });
    renderWith(<SummaryScreen />, services);
    expect((await screen.findByRole("alert")).textContent).toContain(vi.summary.failed("Không có trang Chỉ tiêu."));
    fireEvent.click(screen.getByRole("button", { name: vi.summary.refresh }));
    expect(await screen.findByText(vi.summary.total(12))).toBeTruthy();
  });

  it("groups by today's agency by default and switches to the plan's names on request", async () => {
    const summarize = jest.fn(async () => summary);
    renderWith(<SummaryScreen />, fakeServices({ summarize }));
    await screen.findByText(vi.summary.total(12));
    expect(summarize).toHaveBeenLastCalledWith(null, "current");
    fireEvent.click(screen.getByRole("switch", { name: vi.summary.groupCurrent }));
    await screen.findByText(vi.summary.total(12));
    expect(summarize).toHaveBeenLastCalledWith(null, "asWritten");
  });
});
