import { groupFindings, RULE_TITLES } from "./group";
import { RULES } from "./rules";
import type { Finding } from "../model";

const f = (rule: string, severity: Finding["severity"], period?: string): Finding => ({
  rule, severity, message: `${rule} ${period ?? ""}`, messageEn: rule, ref: period ? { period, field: `period:${period}` } : {},
});

describe("groupFindings", () => {
  const tracking = [
    ...Array.from({ length: 40 }, () => f("deadline.passedNoResult", "warning", "2023")),
    ...Array.from({ length: 40 }, () => f("deadline.passedNoResult", "warning", "2023-H1")),
  ];
  const findings = [...tracking, f("numbering.gap", "warning"), f("target.unreadable", "error"), f("numbering.gap", "warning"), f("unit.missing", "info")];

  it("puts the plan's own defects first, most serious first, each rule once with its count", () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.id, g.items.length])).toEqual([
      ["target.unreadable", 1],
      ["numbering.gap", 2],
      ["unit.missing", 1],
      ["deadline.passedNoResult@2023-H1", 40],
      ["deadline.passedNoResult@2023", 40],
    ]);
    expect(groups[1]?.title).toBe("Số thứ tự bị nhảy");
  });

  it("makes one tracking group per period, oldest first, titled with the period's label", () => {
    const groups = groupFindings(findings).filter((g) => g.kind === "tracking");
    expect(groups.map((g) => g.title)).toEqual(["Chưa có kết quả — 6 tháng đầu năm 2023", "Chưa có kết quả — Năm 2023"]);
    expect(groups[0]?.items[0]?.index).toBe(40);
  });

  it("filters by severity, keeping each finding's index in the full list", () => {
    const groups = groupFindings(findings, ["error"]);
    expect(groups.map((g) => g.id)).toEqual(["target.unreadable"]);
    expect(groups[0]?.items[0]?.index).toBe(81);
    expect(groupFindings(findings, [])).toEqual([]);
  });

  it("has a Vietnamese title for every rule of the registry", () => {
    for (const r of RULES) if (r.id !== "deadline.passedNoResult") expect(RULE_TITLES[r.id]?.vi).toBeTruthy();
  });
});
