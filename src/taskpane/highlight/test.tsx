/** @jest-environment jsdom */
import { fireEvent, screen } from "@testing-library/react";
import { fakeServices, renderWith } from "../_test/fixtures";
import { vi } from "../../app/i18n/vi";
import type { HighlightProbe } from "../../app/services";
import { HighlightScreen } from "./HighlightScreen";
import { canApply, highlightReducer, initialHighlightState } from "./state";

const userTable: HighlightProbe = {
  kind: "userTable",
  sheet: "Theo dõi",
  address: "A1:E9",
  headers: ["Nội dung", "Chỉ tiêu giao", "Thực hiện", "Cơ quan"],
  mapping: { target: "Chỉ tiêu giao", result: null, operator: null, lead: "Cơ quan" },
  confident: false,
};

describe("highlight state", () => {
  it("gives a column to one role only: choosing it elsewhere frees it", () => {
    const ready = highlightReducer(initialHighlightState, { type: "detect/ok", probe: userTable });
    const moved = highlightReducer(ready, { type: "map", role: "result", header: "Chỉ tiêu giao" });
    expect(moved.mapping).toEqual({ target: null, result: "Chỉ tiêu giao", operator: null, lead: "Cơ quan" });
  });

  it("needs the target and result columns on a user's table, nothing on a Chỉ tiêu sheet", () => {
    const ready = highlightReducer(initialHighlightState, { type: "detect/ok", probe: userTable });
    expect(canApply(ready)).toBe(false);
    expect(canApply(highlightReducer(ready, { type: "map", role: "result", header: "Thực hiện" }))).toBe(true);
    expect(canApply(highlightReducer(initialHighlightState, { type: "detect/ok", probe: { kind: "chitieu", sheet: "Chỉ tiêu" } }))).toBe(true);
  });
});

describe("HighlightScreen", () => {
  it("on a user's table asks for the unsure column, then applies the confirmed mapping", async () => {
    const services = fakeServices({
      probeHighlight: jest.fn(async () => userTable),
      applyHighlight: jest.fn(async () => ({ exceeded: 0, met: 4, missed: 2, atRisk: 1, noData: 1, onTrack: 0 })),
    });
    renderWith(<HighlightScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.detect }));
    expect(await screen.findByText(vi.highlight.unsure)).toBeTruthy();
    const apply = screen.getByRole("button", { name: vi.highlight.apply });
    expect(apply).toHaveProperty("disabled", true);
    expect(screen.getByText(vi.highlight.needColumns)).toBeTruthy();

    fireEvent.change(screen.getByLabelText(vi.highlight.roles.result), { target: { value: "Thực hiện" } });
    expect(apply).toHaveProperty("disabled", false);
    fireEvent.click(apply);
    expect(await screen.findByText(new RegExp(vi.highlight.done(4, 2, 1, 1)))).toBeTruthy();
    expect(services.applyHighlight).toHaveBeenCalledWith(userTable, { target: "Chỉ tiêu giao", result: "Thực hiện", operator: null, lead: "Cơ quan" });
  });

  it("on a Chỉ tiêu sheet re-applies status and colours without asking for columns", async () => {
    const probe: HighlightProbe = { kind: "chitieu", sheet: "Chỉ tiêu" };
    const services = fakeServices({ probeHighlight: jest.fn(async () => probe) });
    renderWith(<HighlightScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.detect }));
    expect(await screen.findByText(vi.highlight.onChiTieu("Chỉ tiêu"))).toBeTruthy();
    expect(screen.queryByRole("combobox")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.apply }));
    expect(await screen.findByText(vi.highlight.done(0, 0, 0, 0))).toBeTruthy();
    expect(services.applyHighlight).toHaveBeenCalledWith(probe, null);
  });

  it("tells the user to select a cell in their table when none is found", async () => {
    renderWith(<HighlightScreen />, fakeServices());
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.detect }));
    expect(await screen.findByText(vi.highlight.noTable)).toBeTruthy();
    expect(screen.queryByRole("button", { name: vi.highlight.apply })).toBeNull();
  });

  it("says to select a cell in one table when the selection spans several", async () => {
    renderWith(<HighlightScreen />, fakeServices({ probeHighlight: jest.fn(async () => ({ kind: "none" as const, several: true })) }));
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.detect }));
    expect(await screen.findByText(vi.office.severalTables)).toBeTruthy();
  });

  it("keeps the mapping and says what to do when applying fails", async () => {
    const services = fakeServices({
      probeHighlight: jest.fn(async () => ({ ...userTable, mapping: { ...userTable.mapping, result: "Thực hiện" }, confident: true })),
      applyHighlight: jest.fn(async () => Promise.reject(new Error("Bảng đang được bảo vệ"))),
    });
    renderWith(<HighlightScreen />, services);
    fireEvent.click(screen.getByRole("button", { name: vi.highlight.detect }));
    fireEvent.click(await screen.findByRole("button", { name: vi.highlight.apply }));
    expect((await screen.findByRole("alert")).textContent).toContain(vi.highlight.failed("Bảng đang được bảo vệ."));
    expect((screen.getByLabelText(vi.highlight.roles.result) as HTMLSelectElement).value).toBe("Thực hiện");
  });
});
