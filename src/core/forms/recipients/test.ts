import { fixtureSource } from "../_test/fixture";
import { formRecipients, PLANNING_OFFICE, routeOn } from ".";

describe("formRecipients", () => {
  const source = fixtureSource();
  const recipients = formRecipients(source);
  const of = (name: string) => recipients.find((r) => r.agency === name);

  it("gives each specific lead agency its own indicators and tasks", () => {
    expect(of("Sở Tư pháp")?.indicatorKeys).toEqual(["1.1", "1.5"]);
    expect(of("Sở Tư pháp")?.taskKeys).toHaveLength(1);
    expect(of("Sở Y tế")?.indicatorKeys).toEqual(["1.5"]);
    expect(of("Sở Kế hoạch và Đầu tư")?.indicatorKeys).toEqual(["1.2"]);
  });

  it("sends an indicator without a lead of its own to the leads of its tasks", () => {
    expect(of("Sở Xây dựng")?.indicatorKeys).toEqual(["1.4"]);
  });

  it("puts what only a catch-all group leads into one clearly named planning-office form", () => {
    const office = recipients.filter((r) => r.kind === "planningOffice");
    expect(office).toHaveLength(1);
    expect(office[0]?.agency).toBe(PLANNING_OFFICE.vi);
    expect(office[0]?.indicatorKeys).toEqual(["1.3"]);
    expect(office[0]?.taskKeys).toHaveLength(1);
    expect(recipients.some((r) => r.agency === "Các sở, ngành" || r.agency === "UBND cấp huyện")).toBe(false);
  });

  it("leaves no indicator and no task out of every form", () => {
    const inForms = new Set(recipients.flatMap((r) => r.indicatorKeys));
    expect(source.indicators.filter((i) => !inForms.has(i.key))).toEqual([]);
    const tasksInForms = new Set(recipients.flatMap((r) => r.taskKeys));
    expect(source.tasks.filter((t) => !tasksInForms.has(t.key))).toEqual([]);
  });

  it("routes a dissolved agency to its successor, merging their forms and saying whose work it took over", () => {
    const route = (a: { name: string }) => (a.name === "Sở Kế hoạch và Đầu tư" ? ["Sở Tài chính"] : [a.name]);
    const routed = formRecipients(source, route);
    expect(routed.some((r) => r.agency === "Sở Kế hoạch và Đầu tư")).toBe(false);
    expect(routed.find((r) => r.agency === "Sở Tài chính")).toMatchObject({ indicatorKeys: ["1.2"], formerly: ["Sở Kế hoạch và Đầu tư"] });
  });
});

describe("routeOn", () => {
  const source = fixtureSource();
  it("sends the forms of periods after the 2025 reorganisation to today's agency", () => {
    const after = formRecipients(source, routeOn("2026-12-31"));
    expect(after.map((r) => r.agency)).toContain("Sở Tài chính");
    expect(after.map((r) => r.agency)).not.toContain("Sở Kế hoạch và Đầu tư");
    expect(after.find((r) => r.agency === "Sở Tài chính")?.formerly).toEqual(["Sở Kế hoạch và Đầu tư"]);
  });

  it("keeps the plan's agencies for periods before the change", () => {
    expect(formRecipients(source, routeOn("2024-12-31")).map((r) => r.agency)).toContain("Sở Kế hoạch và Đầu tư");
  });
});
