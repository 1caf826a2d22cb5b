/**
 * File names Windows can hold. Planning offices keep their files on Windows
 * PCs and shares, so a name the CLI writes, or is asked to write, must be one
 * NTFS and Explorer accept even when the CLI runs on Linux: a file called
 * "CON.xlsx" or "bao-cao?.docx" written on a Linux server cannot be copied to
 * a Windows share afterwards. The rules are Microsoft's ("Naming Files, Paths,
 * and Namespaces"): no < > : " / \ | ? * or control characters, no trailing
 * space or dot, not a reserved device name (with or without an extension), at
 * most 255 UTF-16 units.
 */

export type FileNameProblemCode = "fileName.empty" | "fileName.character" | "fileName.trailing" | "fileName.reserved" | "fileName.tooLong";

export interface FileNameProblem {
  code: FileNameProblemCode;
  message: string;
  messageEn: string;
}

/** Device names Windows reserves in every folder, with any extension ("nul.txt" is the device too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;
/** NTFS and the Win32 API count a name component in UTF-16 code units. */
export const MAX_NAME_UNITS = 255;

/**
 * Why Windows would refuse `name` (one path component, not a path), or null when it is fine.
 * @example
 * windowsNameProblem("theo dõi chỉ tiêu.xlsx") // null
 * windowsNameProblem("CON.xlsx")?.code        // "fileName.reserved"
 * windowsNameProblem("bao-cao?.docx")?.code   // "fileName.character"
 */
export function windowsNameProblem(name: string): FileNameProblem | null {
  if (name === "" || name === "." || name === "..") {
    return { code: "fileName.empty", message: "Thiếu tên tệp.", messageEn: "The file name is missing." };
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    const shown = bad[0] < " " ? `mã ${bad[0].charCodeAt(0)}` : `"${bad[0]}"`;
    const shownEn = bad[0] < " " ? `code ${bad[0].charCodeAt(0)}` : `"${bad[0]}"`;
    return {
      code: "fileName.character",
      message: `Tên tệp "${name}" có ký tự ${shown}, Windows không cho phép trong tên tệp (< > : " / \\ | ? *).`,
      messageEn: `The file name "${name}" contains ${shownEn}, which Windows does not allow in file names (< > : " / \\ | ? *).`,
    };
  }
  if (/[ .]$/.test(name)) {
    return {
      code: "fileName.trailing",
      message: `Tên tệp "${name}" kết thúc bằng dấu cách hoặc dấu chấm: Windows sẽ bỏ đi và tệp mang tên khác.`,
      messageEn: `The file name "${name}" ends in a space or a dot: Windows drops it, and the file gets another name.`,
    };
  }
  if (RESERVED.test(name)) {
    return {
      code: "fileName.reserved",
      message: `"${name}" là tên thiết bị Windows dành riêng (CON, PRN, AUX, NUL, COM1…, LPT1…): không thể là tên tệp.`,
      messageEn: `"${name}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1…, LPT1…): it cannot name a file.`,
    };
  }
  if (name.length > MAX_NAME_UNITS) {
    return {
      code: "fileName.tooLong",
      message: `Tên tệp dài ${name.length} ký tự, Windows cho tối đa ${MAX_NAME_UNITS}.`,
      messageEn: `The file name is ${name.length} characters long; Windows allows at most ${MAX_NAME_UNITS}.`,
    };
  }
  return null;
}
