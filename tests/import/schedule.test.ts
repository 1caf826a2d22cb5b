/** The reporting schedules the seed plans set (issue 25), as `chitieu parse --json` gives them in plan.reporting. */
import { importSeed } from "./support";
import { readSchedule } from "../../src/core/import/schedule";
import { parsePastedText } from "../../src/core/import/text";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const seed = (name: string): { body: string; years: { from: number; to: number } | null } => {
  const doc = parsePastedText(readFileSync(join(__dirname, "../fixtures/seeds", name), "utf8"), name);
  return { body: doc.bodyText, years: importSeed(name).plan.period };
};

describe("readSchedule: the seeds", () => {
  it("000: before 1 June and 1 December 2025, to Sở Kế hoạch và Đầu tư (today Sở Tài chính), which reports to the ministry", () => {
    const s = seed("000-bac-giang-nq02-2025.txt");
    expect(readSchedule(s.body, { years: s.years })).toMatchObject({
      rounds: ["half", "year"],
      due: [{ period: "2025-H1", date: "2025-06-01" }, { period: "2025", date: "2025-12-01" }],
      to: "Sở Tài chính",
      toAsWritten: "Sở Kế hoạch và Đầu tư",
      upstream: { to: "Bộ Tài chính; Văn phòng Chính phủ", due: [] },
    });
  });

  it("002: quarterly by the 2nd of the next quarter's first month and yearly by 2 December, to the focal agency; the focal agency by the 10th", () => {
    const s = seed("002-pci-minh-bach-2023.txt");
    const r = readSchedule(s.body, { years: s.years });
    expect(r?.rounds).toEqual(["quarter", "year"]);
    expect(r?.due.map((d) => [d.period, d.date])).toEqual([["2023-Q1", "2023-04-02"], ["2023-Q2", "2023-07-02"], ["2023-Q3", "2023-10-02"], ["2023", "2023-12-02"], ["2023-Q4", "2024-01-02"]]);
    expect(r?.to).toBe("Sở Khoa học và Công nghệ");
    expect(r?.toAsWritten).toBe("Sở Thông tin và Truyền thông");
    expect(r?.upstream?.to).toBe("Chủ tịch UBND tỉnh");
    expect(r?.upstream?.due.map((d) => [d.period, d.date])).toEqual([["2023-Q1", "2023-04-10"], ["2023-Q2", "2023-07-10"], ["2023-Q3", "2023-10-10"], ["2023", "2023-12-10"], ["2023-Q4", "2024-01-10"]]);
  });

  it("003: the 6-month report by 15/6 and the year's by 15/12, every year 2021–2030, to Sở Công Thương", () => {
    const s = seed("003-cong-nghiep-2021-2030.txt");
    const r = readSchedule(s.body, { years: s.years });
    expect(r?.rounds).toEqual(["half", "year"]);
    expect(r?.due).toHaveLength(20);
    expect(r?.due.slice(0, 2)).toMatchObject([{ period: "2021-H1", date: "2021-06-15" }, { period: "2021", date: "2021-12-15" }]);
    expect(r?.due[19]).toMatchObject({ period: "2030", date: "2030-12-15" });
    expect(r?.to).toBe("Sở Công Thương");
    expect(r?.upstream?.to).toBe("UBND tỉnh");
  });
});


describe("plan.reporting of the imported seeds", () => {
  it("004 says yearly, to Sở Khoa học và Công nghệ, without a date: the workbook asks for one", () => {
    expect(importSeed("004-pii-2024.txt").plan.reporting).toMatchObject({ rounds: ["year"], due: [], to: "Sở Khoa học và Công nghệ" });
  });
  it("002's import carries the schedule the text sets", () => {
    expect(importSeed("002-pci-minh-bach-2023.txt").plan.reporting?.due.find((d) => d.period === "2023-Q3")?.date).toBe("2023-10-02");
  });
});
