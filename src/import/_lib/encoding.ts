/**
 * Bytes of a text or CSV file → text. UTF-8 (with or without BOM) and UTF-16
 * LE/BE with their BOM are decoded; bytes that are not UTF-8 at all are read
 * as Windows-1258 (older Vietnamese exports), flagged `legacy`. A file that
 * is UTF-8 in places and something else in others, or UTF-16 with a lone
 * surrogate, cannot be read faithfully: it is refused with the line of the
 * first bad byte, never guessed at.
 */
import { ImportFileError } from "./errors";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Not Unicode: read with the Windows-1258 code page. */
  legacy: boolean;
}

/** The encoding a byte-order mark announces, or null. */
export function bomEncoding(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** @throws ImportFileError("encoding") naming the line of the first byte that cannot be decoded. */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom === "utf-16le" || bom === "utf-16be") return { text: decodeUtf16(bytes, bom), encoding: bom, legacy: false };
  const body = bom === "utf-8" ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad === null) return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8", legacy: false };
  // A BOM or any valid multi-byte sequence says the file meant to be UTF-8: the bad byte is a second encoding mixed in.
  if (bom === "utf-8" || bad.validMultibyte) {
    const hex = (body[bad.offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new ImportFileError("encoding", {
      line: lineAt(body, bad.offset),
      problem: bad.surrogate ? "ký tự thay thế (surrogate) đơn lẻ được mã hóa trong UTF-8" : `byte 0x${hex} không hợp lệ trong UTF-8: tệp lẫn hai bảng mã (UTF-8 và bảng mã cũ)`,
      problemEn: bad.surrogate ? "a lone surrogate encoded in UTF-8" : `byte 0x${hex} is not valid UTF-8: the file mixes two encodings (UTF-8 and an older code page)`,
    });
  }
  return { text: new TextDecoder("windows-1258").decode(body), encoding: "windows-1258", legacy: true };
}

function decodeUtf16(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): string {
  const le = encoding === "utf-16le";
  const unit = (i: number): number => (le ? (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) : ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let line = 1;
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u === 0x0a) line++;
    else if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else throw lone(line, u, encoding);
    } else if (u >= 0xdc00 && u <= 0xdfff) throw lone(line, u, encoding);
  }
  if ((bytes.length - 2) % 2 !== 0) {
    throw new ImportFileError("encoding", { line, problem: `tệp ${encoding.toUpperCase()} bị cắt dở (số byte lẻ)`, problemEn: `the ${encoding.toUpperCase()} file is cut short (odd number of bytes)` });
  }
  return new TextDecoder(encoding).decode(bytes.subarray(2));
}

function lone(line: number, u: number, encoding: string): ImportFileError {
  const code = `U+${u.toString(16).toUpperCase()}`;
  return new ImportFileError("encoding", {
    line,
    problem: `ký tự thay thế (surrogate) ${code} đơn lẻ trong ${encoding.toUpperCase()}`,
    problemEn: `a lone surrogate ${code} in ${encoding.toUpperCase()}`,
  });
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte that breaks UTF-8, whether a valid multi-byte sequence was seen (anywhere), and whether it is an encoded surrogate. */
function firstInvalidUtf8(b: Uint8Array): { offset: number; validMultibyte: boolean; surrogate: boolean } | null {
  let first: { offset: number; surrogate: boolean } | null = null;
  let validMultibyte = false;
  const cont = (i: number): boolean => i < b.length && ((b[i] ?? 0) & 0xc0) === 0x80;
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    let surrogate = false;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      const c1 = b[i + 1] ?? 0;
      if (c === 0xe0 && c1 < 0xa0) len = 0;
      if (c === 0xed && c1 >= 0xa0) surrogate = true;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      const c1 = b[i + 1] ?? 0;
      if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) len = 0;
    }
    let ok = len > 0 && !surrogate;
    for (let k = 1; ok && k < len; k++) ok = cont(i + k);
    if (ok) {
      validMultibyte = true;
      i += len;
      if (first) return { ...first, validMultibyte };
      continue;
    }
    if (!first) first = { offset: i, surrogate };
    if (validMultibyte) return { ...first, validMultibyte };
    i++;
  }
  return first ? { ...first, validMultibyte } : null;
}
