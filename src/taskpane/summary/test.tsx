/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../i18n/vi";
import type { Summary } from "../services";
import { SummaryScreen } from "./SummaryScreen";

const summary: Summary = {
  sheet: "Tổng hợp",
  total: 12,
  byStatus: { met: 5, missed: 3, atRisk: 1, noData: 3 },
  byLead: [
    { agency: "Sở Kế hoạch và Đầu tư", count: 7, missed: 2 },
    { agency: "Sở Nội vụ", count: 5, missed: 1 },
  ],
};

describe("SummaryScreen", () => {
  it("shows counts by status and by lead agency, and opens the sheet from its link", async () => {
    const services = fakeServices({ summarize: jest.fn(async () => summary) });
    renderWith(<SummaryScreen />, services);
    expect(await screen.findByText(vi.summary.total(12))).toBeTruthy();
    const byStatus = screen.getByRole("region", { name: vi.summary.byStatus });
    expect(within(byStatus).getByText(/Không đạt/).textContent).toBe("Không đạt: 3");
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows[1]?.textContent).toBe("Sở Kế hoạch và Đầu tư72");
    fireEvent.click(screen.getByRole("button", { name: vi.summary.openSheet("Tổng hợp") }));
    expect(services.selectCell).toHaveBeenCalledWith({ sheet: "Tổng hợp", cell: "A1" });
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
    expect(summarize).toHaveBeenLastCalledWith("current");
    fireEvent.click(screen.getByRole("switch", { name: vi.summary.groupCurrent }));
    await screen.findByText(vi.summary.total(12));
    expect(summarize).toHaveBeenLastCalledWith("asWritten");
  });
});
