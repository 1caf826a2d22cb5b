/**
 * Opens an .xlsx the add-in made (the blank appendix template) as a new
 * workbook. Excel.createWorkbook (ExcelApi 1.8) works in Excel on Windows, on
 * Mac and on the web; a blob download link does not work in Office on Mac.
 */
import { explainError } from "./errors";

/** Base64 of bytes, in chunks (String.fromCharCode over a whole file overflows the call stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export async function openAsNewWorkbook(bytes: Uint8Array, create: (base64: string) => Promise<void> = (b) => Excel.createWorkbook(b)): Promise<void> {
  await openBase64AsNewWorkbook(toBase64(bytes), create);
}

/** The same from base64 already measured (offerFile checks its size first). The open workbook is not touched. */
export async function openBase64AsNewWorkbook(base64: string, create: (base64: string) => Promise<void> = (b) => Excel.createWorkbook(b)): Promise<void> {
  try {
    await create(base64);
  } catch (e) {
    throw explainError(e, { readOnly: true });
  }
}
