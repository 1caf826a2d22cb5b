import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkCommand } from "../../src/cli/commands/check";
import type { CliIo } from "../../src/cli/io";
import { memoryIo } from "../support/cli-io";
import { buildLayout } from "../../src/core/layout";
import { importText } from "../../src/core/import/text";
import { writeWorkbook } from "../../src/xlsx";

const SEED = join(__dirname, "..", "fixtures", "seeds", "002-pci-minh-bach-2023.txt");

function io(files: Record<string, Uint8Array>): CliIo & { lines: string[] } {
  return memoryIo(files, new Date("2023-12-31T00:00:00Z"));
}

describe("chitieu check", () => {
  const seed = new Uint8Array(readFileSync(SEED));

  it("prints the findings as JSON with every reference field and exits 1 when there are errors", async () => {
    const t = io({ "kh.txt": seed });
    const code = await checkCommand(["kh.txt", "--json", "--today", "2023-12-31"], t);
    expect(code).toBe(1);
    const out = JSON.parse(t.lines.join("\n")) as { findings: Array<{ rule: string; severity: string; ref: Record<string, unknown> }> };
    expect(out.findings.length).toBeGreaterThan(5);
    expect(Object.keys(out.findings[0]?.ref ?? {})).toEqual(["appendix", "stt", "code", "field", "sheet", "cell", "period"]);
    expect(out.findings.map((f) => f.rule)).toContain("duplicate.conflict");
  });

  it("prints a readable list grouped by severity without --json", async () => {
    const t = io({ "kh.txt": seed });
    await checkCommand(["kh.txt"], t);
    expect(t.lines[0]).toMatch(/^Lỗi \/ Errors \(\d+\)$/);
    expect(t.lines.some((l) => l.startsWith("Cảnh báo / Warnings"))).toBe(true);
    expect(t.lines[t.lines.length - 1]).toMatch(/^Tổng: \d+ lỗi/);
  });

  it("exits 0 when there are warnings but no errors (seed 000: catch-all leads only)", async () => {
    const t = io({ "bg.txt": new Uint8Array(readFileSync(SEED.replace("002-pci-minh-bach-2023", "000-bac-giang-nq02-2025"))) });
    expect(await checkCommand(["bg.txt", "--json"], t)).toBe(0);
    const out = JSON.parse(t.lines.join("\n")) as { findings: Array<{ severity: string }> };
    // The appendix's four catch-all leads, and the catch-all and reorganised leads of "Tổ chức thực hiện" (issue 25).
    expect(out.findings.length).toBeGreaterThan(4);
    expect(new Set(out.findings.map((f) => f.severity))).toEqual(new Set(["warning"]));
  });

  it("says so when there is nothing to report (a plan whose target and assignment are in order)", async () => {
    const text = "KẾ HOẠCH\nĐào tạo nghề năm 2025\nII. MỤC TIÊU\n(1) Tỷ lệ lao động qua đào tạo đạt trên 90%.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì theo dõi, đôn đốc thực hiện Kế hoạch này.\n";
    const t = io({ "cn.txt": new TextEncoder().encode(text) });
    expect(await checkCommand(["cn.txt"], t)).toBe(0);
    expect(t.lines).toEqual(["Không phát hiện vấn đề nào. / No findings."]);
  });

  it("refuses a malformed --today and a missing file, in both languages", async () => {
    await expect(checkCommand(["kh.txt", "--today", "31/12/2023"], io({ "kh.txt": seed }))).rejects.toThrow(/YYYY-MM-DD/);
    await expect(checkCommand(["missing.txt"], io({}))).rejects.toThrow(/Không tìm thấy tệp/);
  });

  it("checks a Chỉ tiêu workbook, with the officials' results and the sheet and cell of each finding", async () => {
    const plan = importText(readFileSync(SEED, "utf8"), "002.txt").plan;
    const bytes = await writeWorkbook(buildLayout(plan, { lang: "vi" }));
    const t = io({ "chi-tieu.xlsx": bytes });
    await checkCommand(["chi-tieu.xlsx", "--json"], t);
    const out = JSON.parse(t.lines.join("\n")) as { findings: Array<{ rule: string; ref: { sheet: string | null; cell: string | null } }> };
    const jump = out.findings.find((f) => f.rule === "target.implausibleJump");
    expect(jump?.ref.sheet).toBe("Chỉ tiêu");
    expect(jump?.ref.cell).toMatch(/^[A-Z]+\d+$/);
  });

  describe("the 2025 reorganisation (issue #15 acceptance, on the seed 002 .docx)", () => {
    const docx = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "docx", "002-pci-minh-bach-2023.docx")));
    type Out = { findings: Array<{ rule: string; severity: string; message: string; basis?: { vi: string }; ref: { appendix: string | null; stt: string | null; code: string | null; field: string | null } }> };
    const run = async (today: string): Promise<Out["findings"]> => {
      const t = io({ "002.docx": docx });
      await checkCommand(["002.docx", "--json", "--today", today], t);
      return (JSON.parse(t.lines.join("\n")) as Out).findings.filter((f) => f.rule === "agency.reorganized");
    };

    it("checked on 2026-11-30: Sở KH&ĐT → Sở Tài chính, Sở TT&TT → Sở KH&CN, district UBND tasks to reassign since 1/7/2025", async () => {
      const f = await run("2026-11-30");
      const lead = (stt: string) => f.find((x) => x.ref.appendix === "Phụ lục I" && x.ref.stt === stt && x.ref.field === "lead");
      for (const stt of ["3.4", "3.5", "3.10"]) {
        expect(lead(stt)?.severity).toBe("warning");
        expect(lead(stt)?.message).toContain('"Sở Kế hoạch và Đầu tư" → Sở Tài chính (từ 1/3/2025).');
        expect(lead(stt)?.basis?.vi).toContain("Nghị định 45/2025/NĐ-CP");
      }
      expect(lead("3.1")?.message).toContain('"Sở Thông tin và Truyền thông" → Sở Khoa học và Công nghệ (từ 1/3/2025)');
      const districtTasks = f.filter((x) => x.ref.field === "task.lead" && x.message.includes('"UBND huyện, thành phố" không còn từ 1/7/2025'));
      expect(districtTasks.map((x) => x.ref.code)).toEqual(expect.arrayContaining(["1.1", "3.1", "3.2", "3.3", "4.1", "5.2", "6.1", "11.3"]));
      for (const x of districtTasks) {
        expect(x.message).toContain("không còn từ 1/7/2025, cần giao lại");
        expect(x.message).not.toContain("→");
      }
      // Coordinators are information, never warnings.
      expect(new Set(f.filter((x) => x.ref.field?.endsWith("coordinating")).map((x) => x.severity))).toEqual(new Set(["info"]));
    });

    it("checked on 2023-12-31 (before the change): no reorganisation finding", async () => {
      expect(await run("2023-12-31")).toEqual([]);
    });
  });
});
