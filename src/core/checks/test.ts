import { runRules } from ".";
import { agency, appendix, group, ind, plan, target } from "./_test/build";

describe("runRules", () => {
  const p = plan([
    appendix([
      ind({ key: "A", stt: "1", lead: [group("Các sở, ngành")] }),
      ind({ key: "B", stt: "3", target: null }),
    ]),
  ]);

  it("lists findings in document order, then rule order", () => {
    const f = runRules({ plan: p, today: new Date("2023-12-31") });
    expect(f.map((x) => `${x.ref.stt} ${x.rule}`)).toEqual(["1 agency.catchAllLead", "3 numbering.gap", "3 target.missing"]);
  });
  it("gives the same findings on every run (deterministic)", () => {
    expect(runRules({ plan: p, today: new Date("2023-12-31") })).toEqual(runRules({ plan: p, today: new Date("2023-12-31") }));
  });
  it("adds the sheet and cell when a locator is given", () => {
    const locate = (key: string, field: string) => (key === "B" && field === "target" ? { sheet: "Chỉ tiêu", cell: "J3" } : null);
    const f = runRules({ plan: p, today: new Date("2023-12-31"), locate }).find((x) => x.rule === "target.missing");
    expect(f?.ref).toEqual({ appendix: "Phụ lục I", stt: "3", field: "target", sheet: "Chỉ tiêu", cell: "J3" });
  });
  it("writes every message in Vietnamese and English", () => {
    for (const f of runRules({ plan: p, today: new Date("2023-12-31") })) {
      expect(f.message).not.toBe("");
      expect(f.messageEn).not.toBe("");
    }
  });
  it("finds nothing in a clean plan", () => {
    const clean = plan([appendix([ind({ stt: "1", lead: [agency("Sở Tư pháp")], target: target(">=", 3.5) }), ind({ stt: "2" })])]);
    expect(runRules({ plan: clean, today: new Date("2023-12-31") })).toEqual([]);
  });
  it("throws on misuse: an invalid today", () => {
    expect(() => runRules({ plan: p, today: new Date("nope") })).toThrow(TypeError);
  });
});
