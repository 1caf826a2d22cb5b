/**
 * Agency counts on Cơ quan and Tổng hợp, as LibreOffice computes them: exact
 * membership of an agency in a row's list, never a substring ("UBND tỉnh" in
 * "Văn phòng UBND tỉnh") or a wildcard ("Ban *" matching every "Ban …").
 * Names with [ ] : * ? / \ ~ are shown exactly as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLayout } from "../../src/core/layout";
import { writeWorkbook } from "../../src/xlsx";
import { agency, indicator, plan, task } from "../../src/core/layout/_test/plan";
import { sheetsAsCsv } from "./support/libreoffice";
import { expectXlsxFidelity } from "../support/fidelity";

const dir = mkdtempSync(join(tmpdir(), "w-counts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPECIAL = ["Ban *", "Ban ?", "Tổ ~1", "Sở [A]: Y/Z \\ B", "<Phòng>", "=Đội"];

describe("agency counts in a workbook opened in LibreOffice", () => {
  const p = plan([
    indicator("1", { lead: [agency("UBND tỉnh")], coordinating: [agency("Văn phòng UBND tỉnh")], tasks: [task("Việc một", { lead: [agency("Ban *")] })] }),
    indicator("2", { lead: [agency("Văn phòng UBND tỉnh")], coordinating: [agency("UBND tỉnh"), agency("Ban ?")] }),
    indicator("3", { lead: [agency("Văn phòng UBND tỉnh"), agency("Ban *")], coordinating: [] }),
    indicator("4", { lead: [agency("Ban quản lý dự án")], coordinating: [agency("Ban Dân tộc")], tasks: [task("Việc hai", { lead: [agency("Ban quản lý dự án")] })] }),
    indicator("5", { lead: [agency("Ban Dân tộc"), agency("Tổ ~1")], coordinating: [agency("Sở [A]: Y/Z \\ B")] }),
    indicator("6", { lead: [agency("Sở [A]: Y/Z \\ B"), agency("<Phòng>"), agency("=Đội")], coordinating: [agency("Tổ ~1")] }),
  ]);
  const file = join(dir, "dem-co-quan.xlsx");
  let sheets: Record<string, string[][]> = {};

  beforeAll(async () => {
    writeFileSync(file, await writeWorkbook(buildLayout(p, { lang: "vi", directory: [] })));
    sheets = sheetsAsCsv(file, dir);
  });

  const agencies = (): Map<string, string[]> => new Map((sheets["Cơ quan"] ?? []).slice(1).filter((r) => r[0]).map((r) => [r[0]!, r.slice(3, 7)]));

  it("counts on Cơ quan what each agency leads and coordinates, by exact name", () => {
    const got = agencies();
    // [leads indicators, coordinates indicators, leads tasks, coordinates tasks]
    expect(got.get("UBND tỉnh")).toEqual(["1", "1", "0", "0"]);
    expect(got.get("Văn phòng UBND tỉnh")).toEqual(["2", "1", "0", "0"]);
    expect(got.get("Ban *")).toEqual(["1", "0", "1", "0"]);
    expect(got.get("Ban ?")).toEqual(["0", "1", "0", "0"]);
    expect(got.get("Ban quản lý dự án")).toEqual(["1", "0", "1", "0"]);
    expect(got.get("Ban Dân tộc")).toEqual(["1", "1", "0", "0"]);
    expect(got.get("Tổ ~1")).toEqual(["1", "1", "0", "0"]);
    expect(got.get("Sở [A]: Y/Z \\ B")).toEqual(["1", "1", "0", "0"]);
    expect(got.get("<Phòng>")).toEqual(["1", "0", "0", "0"]);
    expect(got.get("=Đội")).toEqual(["1", "0", "0", "0"]);
  });

  it("counts on Tổng hợp each lead agency's indicators by status, by exact name", () => {
    const rows = sheets["Tổng hợp"] ?? [];
    const header = rows.find((r) => r[3] === "Đơn vị chủ trì") ?? [];
    const row = (name: string): Record<string, string> => {
      const r = rows.find((x) => x[3] === name) ?? [];
      // Status columns (six, with Vượt and periods' "Đúng tiến độ") up to and including "Tổng".
      return Object.fromEntries(header.slice(4, header.indexOf("Tổng") + 1).map((h, i) => [h, r[4 + i] ?? ""]));
    };
    // No results typed: every indicator is "Chưa có số liệu", counted once per lead agency it really has.
    expect(row("UBND tỉnh")).toEqual({ "Vượt": "0", "Đạt": "0", "Đúng tiến độ": "0", "Có nguy cơ": "0", "Không đạt": "0", "Chưa có số liệu": "1", "Tổng": "1" });
    expect(row("Văn phòng UBND tỉnh")).toEqual({ "Vượt": "0", "Đạt": "0", "Đúng tiến độ": "0", "Có nguy cơ": "0", "Không đạt": "0", "Chưa có số liệu": "2", "Tổng": "2" });
    expect(row("Ban *")["Tổng"]).toBe("1");
    expect(row("Tổ ~1")["Tổng"]).toBe("1");
    expect(row("=Đội")["Tổng"]).toBe("1");
  });

  it("shows names with [ ] : * ? / \\ ~ exactly as written on Chỉ tiêu, Cơ quan and Tổng hợp", () => {
    const shown = new Set((["Chỉ tiêu", "Cơ quan", "Tổng hợp"] as const).flatMap((s) => (sheets[s] ?? []).flat()));
    for (const name of SPECIAL.filter((n) => n !== "Ban ?")) expect(shown).toContain(name);
    expect(shown).toContain("Ban Dân tộc; Tổ ~1");
    expect([...agencies().keys()]).toEqual(expect.arrayContaining(SPECIAL));
  });

  it("passes the schema check and opens in openpyxl, plain exceljs and LibreOffice", () => {
    expectXlsxFidelity([file]);
  });
});
