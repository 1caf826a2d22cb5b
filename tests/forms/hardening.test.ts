/**
 * Returns come from outside (issue 22): a careless or hostile sender, a planner
 * who edits the history, a workbook kept read-only or open in another program.
 * Every hostile file is built here from a real form of seed 002.
 */
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { readIdentity, readSigningKey } from "../../src/core/forms";
import { readWorkbook } from "../../src/xlsx";
import { fillWithExceljs } from "./support/fill";
import { cli, io, seed002Workbook } from "./support/workbook";

const dir = mkdtempSync(join(tmpdir(), "forms-22-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let workbook = "";
const forms: Record<string, string> = {};

beforeAll(async () => {
  workbook = await seed002Workbook(dir);
  const r = await cli(["forms", workbook, "--period", "2023", "-o", join(dir, "forms")], "2024-01-05T08:00:00.000Z");
  expect(r.code).toBe(0);
  for (const f of readdirSync(join(dir, "forms"))) {
    const id = readIdentity(await readWorkbook(readFileSync(join(dir, "forms", f))));
    if (id.ok) forms[id.identity.agency] = join(dir, "forms", f);
  }
}, 90_000);

let n = 0;
/** A fresh copy of the tracking workbook (with its key) to collect into. */
function copy(): string {
  const p = join(dir, `so-${++n}.xlsx`);
  copyFileSync(workbook, p);
  return p;
}
const collect = async (files: string[], into: string, extra: string[] = []) => {
  const r = await cli(["collect", ...files, "--into", into, "--json", ...extra]);
  let json: Record<string, Array<Record<string, unknown>>> = {};
  try {
    json = JSON.parse(r.out.slice(r.out.indexOf("{"))) as typeof json;
  } catch {
    json = {};
  }
  return { code: r.code, json, out: r.out };
};
async function filled(agency: string, entries: Parameters<typeof fillWithExceljs>[2], name = `${agency}-${++n}.xlsx`): Promise<string> {
  const out = join(dir, name.replace(/[^\w.-]+/g, "-"));
  await fillWithExceljs(forms[agency] ?? "", out, entries);
  return out;
}
/** A form whose hidden identity sheet a sender unhid and edited: `field` (donVi, maKy…) set to `value`, or a row key replaced. */
async function forged(form: string, edit: { field?: string; value: string; rowKey?: string }): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(form);
  const ws = wb.getWorksheet("_BieuMau");
  if (!ws) throw new Error("no identity sheet");
  ws.state = "visible";
  let done = false;
  ws.eachRow((row) => {
    if (edit.field && row.getCell(1).value === edit.field) {
      row.getCell(2).value = edit.value;
      done = true;
    }
    if (edit.rowKey && row.getCell(4).value === edit.rowKey) {
      row.getCell(4).value = edit.value;
      done = true;
    }
  });
  if (!done) throw new Error("nothing forged");
  const out = join(dir, `forged-${++n}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}
async function grid(path: string, key: string, column = "Năm 2023"): Promise<unknown> {
  const snapshot = await readWorkbook(readFileSync(path));
  const t = snapshot.tables.find((x) => x.name === "KetQuaTheoKy");
  const row = t?.rows.find((r) => r[t.headers.indexOf("Khóa")] === key);
  return row?.[t?.headers.indexOf(column) ?? -1] ?? null;
}
async function history(path: string): Promise<unknown[][]> {
  const snapshot = await readWorkbook(readFileSync(path));
  const t = snapshot.tables.find((x) => x.name === "NguonSoLieu");
  return t ? [t.headers, ...t.rows] : [];
}

describe("collect keeps what a planner wrote (1)", () => {
  it("keeps a history row whose Tình trạng the planner changed, in its place, and adds the next return after it", async () => {
    const into = copy();
    expect((await collect([await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }])], into)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(into);
    const ws = wb.getWorksheet("Nguồn số liệu");
    const headers = (ws?.getRow(2).values as unknown[]) ?? [];
    const state = headers.indexOf("Tình trạng");
    let edited = 0;
    ws?.eachRow((row, i) => {
      if (i > 2 && row.getCell(headers.indexOf("Giá trị")).value === 3.6) {
        row.getCell(state).value = "Đã xác minh với Sở";
        row.getCell(headers.indexOf("Giải trình / ghi chú")).value = "Cán bộ đã gọi điện xác nhận";
        edited++;
      }
    });
    expect(edited).toBe(1);
    await wb.xlsx.writeFile(into);
    const before = await history(into);
    expect((await collect([await filled("Sở Kế hoạch và Đầu tư", [{ key: "PL-I/3.5", column: "Kết quả kỳ này", value: 1.5 }])], into)).code).toBe(0);
    const after = await history(into);
    // Every row that was there is still there, word for word, in the same place; the new return follows.
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.some((r) => r.includes("Đã xác minh với Sở") && r.includes("Cán bộ đã gọi điện xác nhận") && r.includes(3.6))).toBe(true);
  }, 60_000);
});

describe("a sender cannot write what is not theirs (3)", () => {
  it("keeps the signing key in the workbook only, in a very hidden sheet, and never in a form", async () => {
    const key = readSigningKey(await readWorkbook(readFileSync(workbook)));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const zip = await JSZip.loadAsync(readFileSync(workbook));
    expect(await zip.file("xl/workbook.xml")?.async("string")).toMatch(/name="_KhoaBieuMau"[^>]*state="veryHidden"|state="veryHidden"[^>]*name="_KhoaBieuMau"/);
    for (const f of Object.values(forms)) {
      const form = await JSZip.loadAsync(readFileSync(f));
      for (const part of Object.values(form.files)) if (!part.dir) expect(await part.async("string")).not.toContain(key ?? "-");
    }
  });

  it.each([
    ["another agency's name", { field: "donVi", value: "Sở Kế hoạch và Đầu tư" }],
    ["another period", { field: "maKy", value: "2023-H1" }],
    ["another agency's row key", { rowKey: "PL-I/3.2", value: "PL-I/3.5" }],
  ])("rejects the whole form when the sender changes %s, and the grid takes nothing from it", async (_, edit) => {
    const into = copy();
    const honest = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }]);
    const fake = await forged(honest, edit);
    const gridBefore = await readWorkbook(readFileSync(into));
    const { code, json } = await collect([fake], into);
    expect(code).toBe(1);
    expect(json.rejected).toEqual([expect.objectContaining({ code: "form.signature", message: expect.stringContaining("chữ ký") })]);
    expect(json.accepted).toEqual([]);
    expect((await readWorkbook(readFileSync(into))).tables.find((t) => t.name === "KetQuaTheoKy")).toEqual(gridBefore.tables.find((t) => t.name === "KetQuaTheoKy"));
  }, 60_000);

  it("rejects an agency name that is not one of the plan's, even in a workbook without a key", async () => {
    const keyless = join(dir, "khong-khoa.xlsx");
    // The workbook as it was before its first forms run added the key: the backup that run kept.
    copyFileSync(join(dir, "pci-002.xlsx.bak"), keyless);
    expect(readSigningKey(await readWorkbook(readFileSync(keyless)))).toBeNull();
    // A form as older versions made them (no signature), claiming an agency the plan does not have.
    const unsignedForm = join(dir, "unsigned.xlsx");
    {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(forms["Sở Tư pháp"] ?? "");
      wb.getWorksheet("_BieuMau")?.eachRow((row) => {
        if (row.getCell(1).value === "chuKy") row.getCell(2).value = "";
        if (row.getCell(1).value === "donVi") row.getCell(2).value = "Sở Không Có Thật";
      });
      await wb.xlsx.writeFile(unsignedForm);
    }
    const { code, json } = await collect([unsignedForm], keyless);
    expect(code).toBe(1);
    expect(json.rejected).toEqual([expect.objectContaining({ code: "form.unknownAgency", message: expect.stringContaining("Sở Không Có Thật") })]);
  }, 60_000);
});

describe("the workbook and its backup survive (4, 5, 15)", () => {
  it("writes the backup beside and renames it, names and removes the temporary files a killed run left", async () => {
    const into = copy();
    writeFileSync(`${into}.bak`, "bản sao lưu trước");
    const stale = [join(dir, `.${into.split("/").pop()}.tmp-999999-abc123`), `${into}.tmp-999998`, join(dir, `.${into.split("/").pop()}.bak.tmp-999997-x1`)];
    for (const s of stale) writeFileSync(s, "");
    const original = readFileSync(into);
    const r = await collect([await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }])], into);
    expect(r.code).toBe(0);
    expect(r.out).toContain("tệp tạm");
    for (const s of stale) expect(existsSync(s)).toBe(false);
    expect(readFileSync(`${into}.bak`).equals(original)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 60_000);

  it("keeps the previous backup whole when writing the new one fails", async () => {
    const into = copy();
    writeFileSync(`${into}.bak`, "bản sao lưu trước");
    const form = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }]);
    const disk = io();
    const failing = { ...disk, writeFile: async (p: string, d: Uint8Array) => (p.includes(".bak.tmp-") ? Promise.reject(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" })) : disk.writeFile(p, d)) };
    const before = readFileSync(into);
    const code = await main(["collect", form, "--into", into], failing);
    expect(code).toBe(2);
    expect(disk.lines.join("\n")).toContain("Đĩa đầy");
    expect(disk.lines.join("\n")).not.toContain("Lỗi hệ thống tệp");
    expect(readFileSync(`${into}.bak`, "utf8")).toBe("bản sao lưu trước");
    expect(readFileSync(into).equals(before)).toBe(true);
  }, 60_000);

  it("says EACCES in words for collect, not as a raw system error", async () => {
    const into = copy();
    const form = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }]);
    const disk = io();
    const code = await main(["collect", form, "--into", into], { ...disk, writeFile: async () => Promise.reject(Object.assign(new Error("EACCES"), { code: "EACCES" })) });
    expect(code).toBe(2);
    expect(disk.lines.join("\n")).toContain("[output.noPermission]");
  }, 60_000);

  it("refuses a read-only workbook, saying why and what to do, and leaves it read-only", async () => {
    const into = copy();
    chmodSync(into, 0o444);
    const before = readFileSync(into);
    const r = await collect([await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }])], into);
    expect(r.code).toBe(2);
    expect(r.out).toContain("chỉ đọc");
    expect(r.out).toContain("read-only");
    expect(statSync(into).mode & 0o777).toBe(0o444);
    expect(readFileSync(into).equals(before)).toBe(true);
    chmodSync(into, 0o644);
  }, 60_000);

  it.each([[".~lock.{}#", "LibreOffice"], ["~${}", "Excel"]])("refuses a workbook open in another program (lock file %s)", async (pattern, app) => {
    const into = copy();
    const name = into.split("/").pop() ?? "";
    const lock = join(dir, pattern.replace("{}", name));
    writeFileSync(lock, "nguoi-dung,may,01.01.2024");
    const before = readFileSync(into);
    const r = await collect([await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }])], into);
    rmSync(lock);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`đang được mở trong ${app}`);
    expect(r.out).toContain(`is open in ${app}`);
    expect(readFileSync(into).equals(before)).toBe(true);
  }, 60_000);

  it("says which forms were written when a forms run fails part way", async () => {
    const out = join(dir, `dot-loi-${++n}`);
    const disk = io();
    let writes = 0;
    const code = await main(["forms", workbook, "--period", "2023", "-o", out], { ...disk, writeFile: async (p, d) => (++writes > 2 ? Promise.reject(Object.assign(new Error("ENOSPC"), { code: "ENOSPC" })) : disk.writeFile(p, d)) });
    const text = disk.lines.join("\n");
    expect(code).toBe(2);
    expect(text).toContain("Đã ghi 2/");
    expect(text).toContain("Chưa ghi:");
    expect(text).toContain("Not written:");
    expect(readdirSync(out).filter((f) => f.endsWith(".xlsx"))).toHaveLength(2);
  }, 60_000);
});

describe("values a form may not bring (6, 7, 13)", () => {
  it("does not take 92 typed in a percent row, and asks \"bạn muốn nhập 92 %?\"", async () => {
    const into = copy();
    const r = await collect([await filled("Sở Kế hoạch và Đầu tư", [{ key: "PL-I/3.3", column: "Kết quả kỳ này", value: 92 }, { key: "PL-I/3.4", column: "Kết quả kỳ này", value: "85" }])], into);
    expect(r.json.rowsRejected).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: "PL-I/3.3", code: "form.percentAsNumber", message: expect.stringContaining("bạn muốn nhập 92 %?") }),
      expect.objectContaining({ key: "PL-I/3.4", code: "form.percentAsNumber", message: expect.stringContaining("bạn muốn nhập 85 %?") }),
    ]));
    expect(await grid(into, "PL-I/3.3")).toBeNull();
  }, 60_000);

  it("does not take 1e308, and the report survives a 1e308 already in the workbook", async () => {
    const into = copy();
    const r = await collect([await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 1e308 }])], into);
    expect(r.json.rowsRejected).toEqual([expect.objectContaining({ key: "PL-I/3.2", code: "form.implausible" })]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(into);
    const ws = wb.getWorksheet("Kết quả theo kỳ");
    const headers = (ws?.getRow(1).values as unknown[]) ?? [];
    ws?.eachRow((row) => {
      if (row.getCell(headers.indexOf("Khóa")).value === "PL-I/3.2") row.getCell(headers.indexOf("Năm 2023")).value = 1e308;
    });
    await wb.xlsx.writeFile(into);
    const report = await cli(["report", into, "--period", "2023", "-o", join(dir, `bao-cao-${++n}.docx`)]);
    expect(report.out).not.toContain("Infinity");
    expect(report.code).toBe(0);
  }, 60_000);

  it("warns about a 40,000-character explanation and keeps its beginning, saying where the full text is", async () => {
    const into = copy();
    const long = "Giải trình rất dài. ".repeat(2000);
    const form = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }, { key: "PL-I/3.2", column: "Giải trình", value: long }]);
    const r = await collect([form], into);
    expect(r.json.warnings).toEqual([expect.objectContaining({ code: "form.noteTooLong", message: expect.stringContaining("toàn văn vẫn nằm trong tệp") })]);
    const rows = await history(into);
    const note = rows.flat().find((c) => typeof c === "string" && c.startsWith("Giải trình rất dài.")) as string;
    expect(note.length).toBe(32_767);
    expect(note.endsWith("…")).toBe(true);
  }, 60_000);
});

describe("clear answers (10, 12, 14)", () => {
  it("reports one agency's two files with different figures as a conflict between them, and takes neither", async () => {
    const into = copy();
    const a = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.6 }], "tu-phap-a.xlsx");
    const b = await filled("Sở Tư pháp", [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.9 }], "tu-phap-b.xlsx");
    const r = await collect([a, b], into);
    expect(r.json.conflicts).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: "PL-I/3.2", reason: "twoFiles", file: "tu-phap-a.xlsx", form: 3.6 }),
      expect.objectContaining({ key: "PL-I/3.2", reason: "twoFiles", file: "tu-phap-b.xlsx", form: 3.9 }),
    ]));
    expect(await grid(into, "PL-I/3.2")).toBeNull();
  }, 60_000);

  it("tells a sender of an .ods return to save it as .xlsx", async () => {
    const ods = join(dir, "bao-cao.ods");
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    writeFileSync(ods, await zip.generateAsync({ type: "uint8array" }));
    const r = await collect([ods], copy());
    expect(r.json.rejected).toEqual([expect.objectContaining({ code: "form.ods", message: expect.stringContaining(".xlsx") })]);
  }, 60_000);

  it("prints every rejection in Vietnamese and in English", async () => {
    const junk = join(dir, "rac.xlsx");
    writeFileSync(junk, "không phải excel");
    const r = await cli(["collect", junk, "--into", copy()]);
    expect(r.out).toContain("Từ chối cả tệp: rac.xlsx: không đọc được tệp");
    expect(r.out).toContain("Rejected: rac.xlsx: cannot read the file");
  }, 60_000);
});

describe("bounds on what a form may hold (8, 9)", () => {
  it("refuses a small form whose zip lies about the size of a part, before inflating it", async () => {
    const zip = await JSZip.loadAsync(readFileSync(forms["Sở Tư pháp"] ?? ""));
    zip.file("xl/sharedStrings.xml", `<sst>${"A".repeat(30 * 1024 * 1024)}</sst>`);
    const bytes = Buffer.from(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    // Every header (local and central) of that part now declares 1,000 bytes.
    const name = Buffer.from("xl/sharedStrings.xml");
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(1000, at - 30 + 22);
      if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(1000, at - 46 + 24);
    }
    const liar = join(dir, "noi-doi.xlsx");
    writeFileSync(liar, bytes);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const r = await collect([liar], copy());
    expect(r.json.rejected).toEqual([expect.objectContaining({ code: "file.inflatesTooFar" })]);
  }, 60_000);

  it("refuses a form with thousands of rows before loading it, in one line", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(forms["Sở Tư pháp"] ?? "");
    const ws = wb.getWorksheet("Báo cáo");
    for (let i = 0; i < 6_000; i++) ws?.addRow(["x", `Dòng thêm ${i}`, null, null, null, 1]);
    const big = join(dir, "qua-nhieu-dong.xlsx");
    await wb.xlsx.writeFile(big);
    const r = await collect([big], copy());
    expect(r.json.rejected).toEqual([expect.objectContaining({ code: "table.tooLarge" })]);
    expect(r.out.length).toBeLessThan(5_000);
  }, 60_000);
});
