/**
 * The round's forms as one file for the planner to save: the form itself
 * when there is one, otherwise a zip of all of them (a browser asks before
 * each of many downloads, and Office on Mac hands over one file at a time).
 * Each form keeps its own ASCII name inside the zip.
 */
import JSZip from "jszip";
import type { FormFile, OfferedFile } from "./services";
import { formsPackageName } from "../core/forms/slug";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_MIME = "application/zip";

/**
 * @example
 * await packageForms(files, "2023") // { fileName: "bieu-mau-bao-cao-2023.zip", mime: "application/zip", bytes }
 */
export async function packageForms(forms: FormFile[], periodId: string): Promise<OfferedFile> {
  if (forms.length === 0) throw new Error("packageForms needs at least one form.");
  const [only] = forms;
  if (forms.length === 1 && only) return { fileName: only.fileName, mime: XLSX_MIME, bytes: only.bytes };
  const names = new Set(forms.map((f) => f.fileName));
  if (names.size !== forms.length) throw new Error("Two forms share a file name; formFileNames keeps them apart.");
  const zip = new JSZip();
  // Dates in the zip are the moment it is made; .xlsx files are already compressed, so they are stored as they are.
  for (const f of forms) zip.file(f.fileName, f.bytes, { binary: true, compression: "STORE" });
  const bytes = await zip.generateAsync({ type: "uint8array", platform: "DOS" });
  return { fileName: formsPackageName(periodId), mime: ZIP_MIME, bytes };
}
