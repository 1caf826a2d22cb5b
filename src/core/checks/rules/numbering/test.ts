import { appendix, findings, ind, plan, task } from "../../_test/build";

describe("numbering rules", () => {
  it("reports a skipped number: 3.8 followed by 3.10", () => {
    const f = findings("numbering.gap", plan([appendix([ind({ stt: "3.8" }), ind({ stt: "3.10" })])]));
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("Thiếu STT 3.9");
    expect(f[0]?.ref.stt).toBe("3.10");
  });
  it("does not call a gap what an unnumbered row fills", () => {
    expect(findings("numbering.gap", plan([appendix([ind({ stt: "15" }), ind({ stt: null }), ind({ stt: "17" })])]))).toEqual([]);
  });
  it("accepts consecutive numbers across levels (III, 3.1, 3.2)", () => {
    const rows = [ind({ stt: "III", level: "component" }), ind({ stt: "3.1" }), ind({ stt: "3.2" })];
    expect(findings("numbering.gap", plan([appendix(rows)]))).toEqual([]);
  });

  it("reports the same STT used twice in one appendix", () => {
    const f = findings("numbering.duplicate", plan([appendix([ind({ stt: "2" }), ind({ stt: "2" })])]));
    expect(f).toHaveLength(1);
    expect(f[0]?.severity).toBe("error");
  });
  it("allows the same STT in two different appendices", () => {
    const p = plan([appendix([ind({ stt: "1" })]), appendix([ind({ stt: "1" })], { id: "PL-II", title: "Phụ lục II" })]);
    expect(findings("numbering.duplicate", p)).toEqual([]);
  });

  it("reports an indicator without STT among numbered ones, with the expected number", () => {
    const f = findings("numbering.missingStt", plan([appendix([ind({ stt: "15" }), ind({ stt: null })])]));
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain("lẽ ra là 16");
  });
  it("leaves an appendix numbered nowhere alone", () => {
    expect(findings("numbering.missingStt", plan([appendix([ind({ stt: null }), ind({ stt: null })])]))).toEqual([]);
  });

  it("reports a sub-number under the wrong section and a task under the wrong indicator", () => {
    const rows = [ind({ stt: "III", level: "component" }), ind({ stt: "4.2", tasks: [task({ code: "5.2.1" })] })];
    const f = findings("numbering.parentMismatch", plan([appendix(rows)]));
    expect(f.map((x) => x.ref.field)).toEqual(["stt", "task.code"]);
  });
  it("accepts 3.1 under III and task 3.1.1 under 3.1", () => {
    const rows = [ind({ stt: "III", level: "component" }), ind({ stt: "3.1", tasks: [task({ code: "3.1.1" })] })];
    expect(findings("numbering.parentMismatch", plan([appendix(rows)]))).toEqual([]);
  });
});
