/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { fakeServices } from "../_test/fixtures";
import { languageFor } from "../../app/i18n";
import { en } from "../../app/i18n/en";
import { vi } from "../../app/i18n/vi";
import { App } from "./App";

describe("language", () => {
  it("is Vietnamese for vi-* and when Office gives no language, English otherwise", () => {
    expect(languageFor("vi-VN")).toBe("vi");
    expect(languageFor("VI")).toBe("vi");
    expect(languageFor(undefined)).toBe("vi");
    expect(languageFor("en-US")).toBe("en");
    expect(languageFor("en-GB")).toBe("en");
    // No French override in the manifest: the ribbon is Vietnamese, so the pane is too.
    expect(languageFor("fr-FR")).toBe("vi");
  });

  it("has every Vietnamese string in English too, none left empty or untranslated by accident", () => {
    const leaves = (o: object, prefix = ""): [string, unknown][] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
    const viLeaves = leaves(vi);
    const enLeaves = new Map(leaves(en));
    expect([...enLeaves.keys()].sort()).toEqual(viLeaves.map(([k]) => k).sort());
    const same = viLeaves.filter(([k, v]) => typeof v === "string" && v === enLeaves.get(k) && !["appTitle"].includes(k));
    expect(same).toEqual([]);
  });
});

describe("App", () => {
  it("shows the five screens as tabs and switches between them keeping each one's state", () => {
    render(<App lang="vi" services={fakeServices()} missing="" />);
    // jsdom measures nothing, so the tab row's overflow hides the tabs it cannot place: found hidden too
    // (the browser tests check what shows at 320 and 500 px).
    const tabs = screen.getAllByRole("tab", { hidden: true });
    expect(tabs.map((x) => x.id)).toEqual(["tab-import", "tab-checks", "tab-highlight", "tab-summary", "tab-returns"]);
    expect(tabs.map((x) => x.querySelector("span")?.textContent)).toEqual([vi.tabs.import, vi.tabs.checks, vi.tabs.highlight, vi.tabs.summary, vi.tabs.returns]);
    fireEvent.change(screen.getByLabelText(vi.import.pasteLabel), { target: { value: "giữ lại" } });
    fireEvent.click(tabs[1] as HTMLElement);
    expect(screen.getByRole("tabpanel", { name: vi.tabs.checks, hidden: true })).toBeTruthy();
    fireEvent.click(tabs[0] as HTMLElement);
    expect((screen.getByLabelText(vi.import.pasteLabel) as HTMLTextAreaElement).value).toBe("giữ lại");
  });

  it("speaks English when asked", () => {
    render(<App lang="en" services={fakeServices()} missing="" />);
    expect(screen.getAllByRole("tab", { hidden: true }).map((x) => x.querySelector("span")?.textContent)).toContain(en.tabs.highlight);
    expect(screen.getByRole("button", { name: en.import.chooseFile })).toBeTruthy();
  });

  it("tells the user plainly that their Excel is too old instead of offering screens that would fail", () => {
    render(<App lang="vi" services={fakeServices()} missing="ExcelApi 1.8 (danh sách chọn cơ quan)" />);
    expect(screen.getByText(vi.tooOld.title)).toBeTruthy();
    expect(screen.getByText(vi.tooOld.body("ExcelApi 1.8 (danh sách chọn cơ quan)"))).toBeTruthy();
    expect(screen.queryByRole("tab")).toBeNull();
  });

  it("says to open it from Excel when there is no Excel host", () => {
    render(<App lang="vi" services={fakeServices()} missing={null} />);
    expect(screen.getByText(vi.noExcel.body)).toBeTruthy();
  });
});

describe("About line", () => {
  it("shows the release and links to the support address the build set", () => {
    render(<App lang="vi" services={fakeServices()} missing="" about={{ version: "1.4.2", supportUrl: "mailto:cntt@tinh.gov.vn" }} />);
    expect(screen.getByText(vi.about.version("1.4.2"), { exact: false })).toBeTruthy();
    expect(screen.getByRole("link", { name: vi.about.support }).getAttribute("href")).toBe("mailto:cntt@tinh.gov.vn");
  });

  it("is there even when Excel is too old, so the planner knows where to ask", () => {
    render(<App lang="en" services={fakeServices()} missing="ExcelApi 1.9" about={{ version: "1.4.2", supportUrl: "https://chitieu.test/tinh/ho-tro.html" }} />);
    expect(screen.getByRole("link", { name: en.about.support }).getAttribute("href")).toBe("https://chitieu.test/tinh/ho-tro.html");
  });

  it("is absent without build information", () => {
    render(<App lang="vi" services={fakeServices()} missing="" />);
    expect(screen.queryByRole("link", { name: vi.about.support })).toBeNull();
  });
});
