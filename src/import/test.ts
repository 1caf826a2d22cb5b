import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { detectFormat, importFile, MAX_IMPORT_BYTES } from ".";

const FIXTURES = join(__dirname, "../../tests/fixtures");
const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, path)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

async function failure(name: string, bytes: Uint8Array): Promise<{ code: string; message: string; messageEn: string }> {
  const outcome = await importFile(name, bytes);
  if (outcome.ok) throw new Error(`expected ${name} to fail`);
  return outcome.error;
}

describe("detectFormat", () => {
  it("decides by the bytes, not the extension", async () => {
    expect(await detectFormat("ke-hoach.docx", fixture("pdf/000-bac-giang-nq02-2025.pdf"))).toBe("pdf");
    expect(await detectFormat("ke-hoach.pdf", fixture("docx/000-bac-giang-nq02-2025.docx"))).toBe("docx");
    expect(await detectFormat("bang.docx", fixture("xlsx/000-bac-giang-nq02-2025.xlsx"))).toBe("xlsx");
  });

  it("tells CSV from pasted text by the extension", async () => {
    expect(await detectFormat("bang.csv", text("STT;Chỉ tiêu\n"))).toBe("csv");
    expect(await detectFormat("dan.txt", text("STT Chỉ tiêu\n"))).toBe("text");
  });
});

describe("importFile refuses bad input with a clear reason, quickly, and never throws", () => {
  it("an empty file", async () => {
    expect(await failure("ke-hoach.docx", new Uint8Array())).toEqual({ code: "file.empty", message: "ke-hoach.docx: Tệp rỗng (0 byte): hãy chọn lại tệp phụ lục.", messageEn: "ke-hoach.docx: The file is empty (0 bytes): choose the appendix file again." });
  });

  it("a 50 MB file, before reading any of it", async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(text("%PDF-1.7"));
    const started = performance.now();
    const error = await failure("lon.pdf", big);
    expect(performance.now() - started).toBeLessThan(200);
    expect(error.code).toBe("file.tooLarge");
    expect(error.message).toContain(`${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  });

  it("a program or a picture: 'Định dạng không được hỗ trợ'", async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    for (const [name, bytes] of [["setup.exe", exe], ["anh.png", png]] as const) {
      const error = await failure(name, bytes);
      expect(error.code).toBe("file.unsupported");
      expect(error.message).toMatch(new RegExp(`^${name}: Định dạng không được hỗ trợ`));
      expect(error.messageEn).toMatch(new RegExp(`^${name}: Unsupported format`));
    }
  });

  it("a damaged zip", async () => {
    const error = await failure("ke-hoach.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect(error.code).toBe("file.corrupt");
    expect(error.message).toMatch(/^ke-hoach.docx: Tệp bị hỏng/);
  });

  it("a zip that is neither Word nor Excel", async () => {
    const zip = new JSZip();
    zip.file("content.xml", "<x/>");
    expect((await failure("ke-hoach.odt", await zip.generateAsync({ type: "uint8array" }))).code).toBe("file.unsupported");
  });

  it("an old .doc/.xls or a password-protected Office file, with how to save it as .docx/.xlsx", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const doc = await failure("ke-hoach.doc", ole);
    expect(doc.code).toBe("file.legacyDoc");
    expect(doc.message).toMatch(/^ke-hoach.doc: .*Lưu thành › Tài liệu Word \(\*\.docx\)/);
    expect(doc.messageEn).toMatch(/Save As › Word Document \(\*\.docx\)/);
    const xls = await failure("bieu.xls", ole);
    expect(xls.code).toBe("file.legacyXls");
    expect(xls.messageEn).toMatch(/^bieu.xls: .*Save As › Excel Workbook \(\*\.xlsx\)/);
    expect((await failure("ke-hoach.docx", ole)).message).toMatch(/mật khẩu/);
    expect((await failure("khong-ro", ole)).code).toBe("file.legacyOrEncrypted");
  });

  it("a .docx zip without word/document.xml says it is damaged, not unsupported", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/styles.xml", "<w:styles/>");
    const error = await failure("ke-hoach.docx", await zip.generateAsync({ type: "uint8array" }));
    expect(error).toMatchObject({ code: "docx.damaged", message: expect.stringMatching(/^ke-hoach.docx: Tệp Word bị hỏng: thiếu phần word\/document.xml/) });
    const xlsx = new JSZip();
    xlsx.file("xl/styles.xml", "<styleSheet/>");
    expect((await failure("bieu.xlsx", await xlsx.generateAsync({ type: "uint8array" }))).code).toBe("xlsx.damaged");
  });

  it("names the file in every refusal", async () => {
    const cases: Array<[string, Uint8Array]> = [
      ["rong.docx", new Uint8Array()],
      ["hong.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
      ["rac.txt", new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256)],
      ["khong-bang.txt", text("Kính gửi các sở.")],
    ];
    for (const [name, bytes] of cases) {
      const error = await failure(name, bytes);
      expect([error.message.startsWith(`${name}: `), error.messageEn.startsWith(`${name}: `)]).toEqual([true, true]);
    }
  });

  it("a password-protected PDF and a scanned PDF", async () => {
    expect((await failure("mat-khau.pdf", fixture("pdf/encrypted.pdf"))).code).toBe("pdf.encrypted");
    const scan = await failure("ban-quet.pdf", fixture("pdf/scan.pdf"));
    expect(scan.code).toBe("pdf.scanned");
    expect(scan.message).toMatch(/^ban-quet.pdf: PDF này là bản quét \(ảnh\), không có lớp chữ/);
  });

  it("binary garbage named .txt", async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
    const error = await failure("dan.txt", garbage);
    expect(error.code).toBe("text.binary");
    expect(error.message).toMatch(/nhị phân/);
  });

  it("a Word document without any table or target", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kính gửi các sở, ngành.</w:t></w:r></w:p></w:body></w:document>');
    const error = await failure("cong-van.docx", await zip.generateAsync({ type: "uint8array" }));
    expect(error.code).toBe("document.noTable");
    expect(error.messageEn).toMatch(/No appendix table/);
  });

  it("whatever the bytes and the name, it answers instead of throwing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom("a.docx", "a.pdf", "a.xlsx", "a.csv", "a.txt", "a.bin", "a"), async (bytes, name) => {
        const outcome = await importFile(name, bytes);
        expect(typeof outcome.ok).toBe("boolean");
        if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});

describe("importFile reads every supported format", () => {
  it("reads a .docx that is really a PDF", async () => {
    const outcome = await importFile("ke-hoach.docx", fixture("pdf/000-bac-giang-nq02-2025.pdf"));
    expect(outcome.ok && outcome.result.plan.appendices[0]!.indicators.length).toBe(4);
  });

  it("reads a PDF whose table has no borders the way it reads text pasted from a viewer", async () => {
    const outcome = await importFile("khong-ke.pdf", fixture("pdf/000-khong-ke-bang.pdf"));
    if (!outcome.ok) throw new Error(outcome.error.messageEn);
    expect(outcome.result.plan.appendices[0]!.indicators.map((i) => i.stt)).toEqual(["1", "2", "3", "4"]);
  });

  it("puts the reader's own warnings (repeated headers, page numbers) before the core's", async () => {
    const outcome = await importFile("002.pdf", fixture("pdf/002-pci-minh-bach-2023.pdf"));
    if (!outcome.ok) throw new Error(outcome.error.messageEn);
    expect(outcome.result.warnings[0]!.code).toBe("pdf.headerRepeated");
  });

  it("reads pasted text, repairing old-font 'ð/ñ' letters and saying so", async () => {
    const plain = await importFile("pl1.txt", fixture("txt/002-phu-luc-i.txt"));
    const old = await importFile("pl1-cu.txt", fixture("txt/002-phu-luc-i-old-font.txt"));
    if (!plain.ok || !old.ok) throw new Error("both texts should import");
    const names = (r: typeof plain): string[] => r.result.plan.appendices.flatMap((a) => a.indicators.map((i) => `${i.stt} ${i.name} | ${i.lead.map((l) => l.name).join("; ")}`));
    expect(names(old)).toEqual(names(plain));
    expect(old.result.repairs.some((r) => r.kind === "oldFont")).toBe(true);
  });
});
