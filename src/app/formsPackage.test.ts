import JSZip from "jszip";
import { packageForms, XLSX_MIME, ZIP_MIME } from "./formsPackage";

const form = (fileName: string, agency: string, byte: number) => ({ fileName, agency, bytes: new Uint8Array([byte, byte + 1, byte + 2]) });

describe("packageForms", () => {
  it("hands a single form over as the .xlsx itself", async () => {
    const only = form("bao-cao-2023-so-tu-phap.xlsx", "Sở Tư pháp", 1);
    expect(await packageForms([only], "2023")).toEqual({ fileName: "bao-cao-2023-so-tu-phap.xlsx", mime: XLSX_MIME, bytes: only.bytes });
  });

  it("puts several forms in one zip named after the period, each under its own name with its bytes unchanged", async () => {
    const forms = [form("bao-cao-2023-h1-so-tu-phap.xlsx", "Sở Tư pháp", 1), form("bao-cao-2023-h1-so-tai-chinh.xlsx", "Sở Tài chính", 7)];
    const file = await packageForms(forms, "2023-H1");
    expect(file.fileName).toBe("bieu-mau-bao-cao-2023-h1.zip");
    expect(file.mime).toBe(ZIP_MIME);
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(["bao-cao-2023-h1-so-tai-chinh.xlsx", "bao-cao-2023-h1-so-tu-phap.xlsx"]);
    for (const f of forms) expect(await zip.file(f.fileName)?.async("uint8array")).toEqual(f.bytes);
  });

  it("refuses to make a package of nothing, or one where a form would overwrite another", async () => {
    await expect(packageForms([], "2023")).rejects.toThrow(/at least one/);
    await expect(packageForms([form("a.xlsx", "A", 1), form("a.xlsx", "B", 2)], "2023")).rejects.toThrow(/share a file name/);
  });
});
