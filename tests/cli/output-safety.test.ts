/**
 * `-o` never destroys a file the user did not ask to replace: an existing
 * workbook needs --update (ours) or --force (anything else), the appendix
 * itself is refused under any spelling, writes are atomic, and a failing disk
 * gives a message that says what to do (exit 2), never "Lỗi không mong đợi".
 */
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { readInput } from "../../src/cli/_lib/files";
import { diskIo } from "../support/cli-io";

const ROOT = join(__dirname, "../..");
const APPENDIX = readFileSync(join(ROOT, "tests/fixtures/docx/000-bac-giang-nq02-2025.docx"));
const dir = mkdtempSync(join(tmpdir(), "w-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = join(dir, "phu-luc.docx");
writeFileSync(input, APPENDIX);

async function someonesWorkbook(path: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ngân sách").getCell("A1").value = 123.5;
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return readFileSync(path);
}

async function run(...args: string[]): Promise<{ code: number; text: string }> {
  const io = diskIo();
  const code = await main(args, io);
  return { code, text: io.lines.join("\n") };
}

const leftovers = (): string[] => readdirSync(dir).filter((f) => f.includes(".tmp-"));

describe("chitieu import -o over an existing file", () => {
  it("refuses to replace a workbook that is not ours without --force, and replaces it with --force", async () => {
    const out = join(dir, "ngan-sach-2025.xlsx");
    const before = await someonesWorkbook(out);
    const refused = await run("import", input, "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.text).toContain("[output.exists]");
    expect(refused.text).toContain("--force");
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await run("import", input, "-o", out, "--force")).code).toBe(0);
    expect(readFileSync(out).equals(before)).toBe(false);
  });

  it("refuses to replace a Chỉ tiêu workbook without --update and updates it when --update names it in another spelling", async () => {
    const out = join(dir, "theo-doi.xlsx");
    expect((await run("import", input, "-o", out)).code).toBe(0);
    const before = readFileSync(out);
    const refused = await run("import", input, "-o", out);
    expect(refused.code).toBe(2);
    expect(refused.text).toContain("[output.isWorkbook]");
    expect(refused.text).toContain(`--update ${out}`);
    expect(readFileSync(out).equals(before)).toBe(true);
    const updated = await run("import", input, "-o", out, "--update", join(dir, ".", "theo-doi.xlsx"));
    expect(updated).toMatchObject({ code: 0 });
  });

  it("refuses -o naming the appendix itself, by the same path, ./, .., a symbolic link or a hard link, even with --force", async () => {
    mkdirSync(join(dir, "sub"), { recursive: true });
    symlinkSync(input, join(dir, "lien-ket.docx"));
    linkSync(input, join(dir, "cung-tep.docx"));
    const spellings = [input, join(dir, ".", "phu-luc.docx"), join(dir, "sub", "..", "phu-luc.docx"), relative(process.cwd(), input), join(dir, "lien-ket.docx"), join(dir, "cung-tep.docx")];
    for (const out of spellings) {
      const r = await run("import", input, "-o", out, "--force");
      expect({ out, code: r.code, said: r.text.includes("[output.isInput]") }).toEqual({ out, code: 2, said: true });
    }
    expect(readFileSync(input).equals(APPENDIX)).toBe(true);
  });
});

describe("chitieu import -o where it cannot write", () => {
  const cases: Array<[string, () => string, string]> = [
    ["a missing folder", () => join(dir, "khong-co", "theo-doi.xlsx"), "[output.folderMissing]"],
    ["a folder", () => { mkdirSync(join(dir, "thu-muc"), { recursive: true }); return join(dir, "thu-muc"); }, "[output.isDirectory]"],
  ];
  it.each(cases)("says what to do for %s, exit 2", async (_why, out, code) => {
    const r = await run("import", input, "-o", out());
    expect(r.code).toBe(2);
    expect(r.text).toContain(code);
    expect(r.text).toMatch(/Lỗi \[.*\n.*Error \[/);
    expect(r.text).not.toContain("không mong đợi");
  });

  // Tests run as root here, where permissions and quotas do not bite: the disk's answers come through the CliIo seam.
  it.each([
    ["ENOSPC", "[output.diskFull]", "Đĩa đầy"],
    ["EDQUOT", "[output.diskFull]", "Đĩa đầy"],
    ["EACCES", "[output.noPermission]", "Không có quyền ghi"],
    ["EROFS", "[output.noPermission]", "Không có quyền ghi"],
  ])("on %s keeps the previous file intact, removes its temporary file and says what to do", async (errno, code, vi) => {
    const out = join(dir, `day-${errno}.xlsx`);
    const before = await someonesWorkbook(out);
    const base = diskIo();
    const io = diskIo(undefined, {
      writeFile: async (path, data) => {
        await base.writeFile(path, data.subarray(0, 1000)); // half a file reaches the disk, then it is full
        throw Object.assign(new Error(`${errno}: no space left`), { code: errno, path });
      },
    });
    expect(await main(["import", input, "-o", out, "--force"], io)).toBe(2);
    expect(io.lines.join("\n")).toContain(code);
    expect(io.lines.join("\n")).toContain(vi);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("removes the temporary file when the rename fails", async () => {
    const out = join(dir, "doi-ten.xlsx");
    const io = diskIo(undefined, { rename: async (from) => { throw Object.assign(new Error("EXDEV"), { code: "EXDEV", path: from }); } });
    expect(await main(["import", input, "-o", out], io)).toBe(2);
    expect(io.lines.join("\n")).toContain("[output.failed]");
    expect(existsSync(out)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe("chitieu template -o", () => {
  it("refuses an existing file without --force", async () => {
    const out = join(dir, "mau.xlsx");
    const before = await someonesWorkbook(out);
    expect((await run("template", "-o", out)).code).toBe(2);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect((await run("template", "-o", out, "--force")).code).toBe(0);
  });
});

describe("reading inputs", () => {
  it("refuses an 800 MB file by its size, without reading it", async () => {
    const huge = join(dir, "nham-tep.pdf");
    writeFileSync(huge, "");
    truncateSync(huge, 800 * 1024 * 1024); // sparse: no disk used
    const io = diskIo(undefined, { readFile: async () => { throw new Error("must not read"); } });
    await expect(readInput(io, huge)).rejects.toMatchObject({ code: "input.tooLarge", vi: expect.stringContaining(huge) });
    expect(await main(["parse", huge], io)).toBe(2);
    expect(io.lines.join("\n")).toContain("800 MB");
  });
});

describe("bin/chitieu.js into a closed pipe", () => {
  it("exits quietly when the reader stops early (| head -1)", () => {
    const csv = join(dir, "lon.csv");
    const rows = ["STT,Chỉ tiêu,Đơn vị tính,Mục tiêu,Đơn vị chủ trì"];
    for (let i = 1; i <= 3000; i++) rows.push(`${i},Tỷ lệ hồ sơ trực tuyến số ${i},%,>= ${i % 100},Sở Nội vụ`);
    writeFileSync(csv, rows.join("\n"));
    const r = spawnSync("bash", ["-c", `set -o pipefail; node bin/chitieu.js parse "${csv}" --json | head -1`], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(r.stdout).toBe("{\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
