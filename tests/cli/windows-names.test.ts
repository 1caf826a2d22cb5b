/**
 * Names and paths as a planning office on Windows has them, tested here since
 * no Windows machine runs the suite: Vietnamese folder and file names with
 * spaces work end to end; a name Windows cannot hold (CON.xlsx, "?", a
 * trailing dot) is refused before anything is written; every name the CLI
 * makes itself (forms, the backup, temporary files) is one Windows accepts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../../src/cli/main";
import { windowsNameProblem } from "../../src/core/_lib/fileName";
import { formFileNames, formsPackageName } from "../../src/core/forms/slug";
import { diskIo } from "../support/cli-io";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "w-names-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; text: string }> {
  const io = diskIo();
  const code = await main(args, io);
  return { code, text: io.lines.join("\n") };
}

describe("paths with spaces and Vietnamese names", () => {
  it("imports from and writes into folders and files named in Vietnamese with spaces", async () => {
    const folder = join(dir, "Phòng Kế hoạch", "Kế hoạch năm 2025");
    mkdirSync(folder, { recursive: true });
    const input = join(folder, "Phụ lục chỉ tiêu (bản ký).txt");
    writeFileSync(input, readFileSync(join(ROOT, "..", "shared", "seeds", "002_6dccc366dad9825a.txt")));
    const out = join(folder, "Theo dõi chỉ tiêu 2025.xlsx");
    const result = await run("import", input, "-o", out);
    expect(result.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["Phụ lục chỉ tiêu (bản ký).txt", "Theo dõi chỉ tiêu 2025.xlsx"]);
  });
});

describe("an output name Windows cannot hold", () => {
  it.each([
    ["CON.xlsx", "output.fileName.reserved"],
    ["nul.xlsx", "output.fileName.reserved"],
    ["bao-cao?.xlsx", "output.fileName.character"],
    ["so:lieu.xlsx", "output.fileName.character"],
  ])("refuses -o %s before writing anything (%s)", async (name, code) => {
    const before = readdirSync(dir).sort();
    const result = await run("template", "-o", join(dir, name));
    expect(result.code).toBe(2);
    expect(result.text).toContain(`[${code}]`);
    expect(result.text).toMatch(/chưa ghi gì[\s\S]*nothing was written/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe("names the CLI makes itself", () => {
  it("gives every agency's form, and the zip of a round, a name Windows accepts, whatever the agency is called", () => {
    const odd = ["Con", "CON", "Nul", "Sở ?", "Ban *", "Phòng \"Tổng hợp\"", "UBND xã Tân Ân", "Com1", "Lpt9", "…", " ", "Sở Tài chính."];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...odd), fc.string({ maxLength: 300 })), { minLength: 1, maxLength: 8 }), fc.constantFrom("2023", "2025-H1", "2026-Q3", "2030"), (agencies, periodId) => {
        for (const name of [...formFileNames(agencies.map((agency) => ({ agency, periodId }))), formsPackageName(periodId)]) {
          expect([name, windowsNameProblem(name)]).toEqual([name, null]);
        }
      }),
    );
  });

  it("keeps the backup and temporary names of a workbook Windows-safe when the workbook's own name is", () => {
    for (const name of ["Theo dõi chỉ tiêu 2025.xlsx", "theo-doi.xlsx"]) {
      expect(windowsNameProblem(`${name}.bak`)).toBeNull();
      expect(windowsNameProblem(`.${name}.tmp-12345-abc123`)).toBeNull();
    }
  });
});
