import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCommand } from "../../src/cli/commands/parse";
import { templateCommand } from "../../src/cli/commands/template";
import { CliError } from "../../src/cli/io";
import type { CliIo } from "../../src/cli/io";
import { memoryIo } from "../support/cli-io";
import { main } from "../../src/cli/main";
import { readSpreadsheet } from "../../src/import/spreadsheet";

const ROOT = join(__dirname, "../..");
const FIXTURE_000 = join(ROOT, "tests/fixtures/docx/000-bac-giang-nq02-2025.docx");

function fakeIo(files: Record<string, Uint8Array> = {}): CliIo & { stdout: string[]; stderr: string[]; written: Map<string, Uint8Array> } {
  return memoryIo(files);
}

describe("chitieu parse", () => {
  const files = { "ke-hoach.docx": new Uint8Array(readFileSync(FIXTURE_000)) };

  it("prints the plan, the appendices with their indicators and flattened tasks, and the warnings as JSON", async () => {
    const io = fakeIo(files);
    expect(await parseCommand(["ke-hoach.docx", "--json"], io)).toBe(0);
    const json = JSON.parse(io.stdout.join("\n")) as { plan: Record<string, unknown>; appendices: { title: string; kind: string; indicators: Record<string, unknown>[]; tasks: unknown[] }[]; warnings: unknown[] };
    expect(Object.keys(json.plan)).toEqual(expect.arrayContaining(["title", "issuer", "number", "date", "period"]));
    expect(json.appendices[0]!.indicators).toHaveLength(4);
    expect(Object.keys(json.appendices[0]!.indicators[3]!)).toEqual(expect.arrayContaining(["stt", "code", "name", "unit", "baseline", "rank", "target", "lowerIsBetter", "lead", "coordinating", "deadline", "tasks"]));
    expect(json.appendices[0]!.indicators[3]!.target).toMatchObject({ value: 90, raw: expect.stringContaining("Tối thiểu 90") });
    expect(Array.isArray(json.appendices[0]!.tasks)).toBe(true);
    expect(Array.isArray(json.warnings)).toBe(true);
  });

  it("prints a readable table without --json", async () => {
    const io = fakeIo(files);
    expect(await parseCommand(["ke-hoach.docx"], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toMatch(/4 chỉ tiêu/);
    expect(text).toMatch(/Mức độ hài lòng/);
    expect(text).toMatch(/│ ≥ 90/);
  });

  it("fails with a Vietnamese and an English reason for a missing file, a bad file and a wrong argument", async () => {
    await expect(parseCommand(["khong-co.pdf"], fakeIo())).rejects.toMatchObject({ vi: "Không tìm thấy tệp: khong-co.pdf", en: "File not found: khong-co.pdf" });
    await expect(parseCommand(["anh.png"], fakeIo({ "anh.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) }))).rejects.toMatchObject({ vi: expect.stringMatching(/^anh.png: Định dạng không được hỗ trợ/), en: expect.stringMatching(/^anh.png: Unsupported format/) });
    await expect(parseCommand(["a.docx", "--xml"], fakeIo())).rejects.toBeInstanceOf(CliError);
    await expect(parseCommand([], fakeIo())).rejects.toBeInstanceOf(CliError);
  });

  it("exits non-zero through main with the two-language reason on stderr", async () => {
    const io = fakeIo();
    expect(await main(["parse", "khong-co.docx"], io)).toBe(2);
    expect(io.stderr).toEqual(["Lỗi [input.notFound]: Không tìm thấy tệp: khong-co.docx", "Error [input.notFound]: File not found: khong-co.docx"]);
  });
});

describe("chitieu template", () => {
  it("writes a template the importer reads back, named mau-phu-luc.xlsx unless told otherwise", async () => {
    const io = fakeIo();
    expect(await templateCommand([], io)).toBe(0);
    const bytes = io.written.get("mau-phu-luc.xlsx");
    expect(bytes).toBeDefined();
    const doc = await readSpreadsheet(bytes!, "mau-phu-luc.xlsx");
    expect(doc.tables[0]!.header[0]).toEqual(["STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị năm gốc", "Xếp hạng", "Mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện"]);
    expect(io.stdout).toEqual(["Đã tạo mẫu phụ lục: mau-phu-luc.xlsx / Wrote the appendix template: mau-phu-luc.xlsx"]);
  });

  it("writes where -o says and refuses a name that is not .xlsx", async () => {
    const io = memoryIo({}, undefined, ["out"]);
    expect(await templateCommand(["-o", "out/mau.xlsx"], io)).toBe(0);
    expect([...io.written.keys()]).toEqual(["out/mau.xlsx"]);
    await expect(templateCommand(["-o", "mau.pdf"], fakeIo())).rejects.toMatchObject({ en: "The template file must end in .xlsx: mau.pdf" });
  });
});

describe("bin/chitieu.js end to end", () => {
  it("parses a Word appendix to JSON with exit code 0", () => {
    const run = spawnSync("node", ["bin/chitieu.js", "parse", FIXTURE_000, "--json"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { appendices: { indicators: { name: string }[] }[] };
    expect(json.appendices[0]!.indicators.map((i) => i.name)[2]).toBe("Tỷ lệ xử lý phản ảnh, kiến nghị đúng hạn");
  });

  it("exits non-zero with the reason in both languages for a file that does not exist", () => {
    const run = spawnSync("node", ["bin/chitieu.js", "parse", "khong-co.pdf"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Lỗi [input.notFound]: Không tìm thấy tệp: khong-co.pdf");
    expect(run.stderr).toContain("Error [input.notFound]: File not found: khong-co.pdf");
  });
});
