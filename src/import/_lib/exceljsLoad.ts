/**
 * Loading an .xlsx with exceljs without its console output and without its
 * limits on sheet names. exceljs truncates a sheet name longer than Excel's
 * 31 characters (printing "Worksheet name … exceeds 31 chars" in English to
 * the console), refuses two names that truncate alike and the name "History",
 * and so fails on files LibreOffice and other writers make soundly. Such sheets
 * are given stand-in names in the copy exceljs reads; `original` gives back
 * the names the file has. Nothing exceljs prints reaches the user: only the
 * product's own bilingual lines do.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";

const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const encode = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** A name as a formula quotes it ('It''s'!A1). */
const quoted = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Sheet names exceljs cannot keep as they are. */
function unkeepable(name: string): boolean {
  return name.length > 31 || name.toLowerCase() === "history";
}

/** Whether every part of a print area or titles formula is a range exceljs reads ('S'!$A$1:$H$20, 'S'!$1:$1, 'S'!$A:$B). */
function printRange(formula: string): boolean {
  return formula.split(",").every((part) => {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim();
    return /^(?:\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Z]{1,3}:\$?[A-Z]{1,3})$/.test(ref);
  });
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  /** The file's own name of a sheet exceljs knows under `name`. */
  original(name: string): string;
}

/** The bytes with stand-in names for the sheets exceljs cannot keep, and the way back; the same bytes when none. */
async function withStandInNames(bytes: Uint8Array): Promise<{ bytes: Uint8Array; back: Map<string, string> }> {
  const back = new Map<string, string>();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { bytes, back };
  }
  const part = zip.file("xl/workbook.xml");
  if (!part) return { bytes, back };
  let xml = await part.async("string");
  const names = [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => decode(m[1] ?? ""));
  const used = new Set(names.map((n) => n.toLowerCase()));
  let n = 0;
  for (const name of names) {
    if (!unkeepable(name)) continue;
    let stand: string;
    do stand = `Sheet ${++n}~`; while (used.has(stand.toLowerCase()));
    used.add(stand.toLowerCase());
    back.set(stand, name);
    xml = xml.replace(`name="${encode(name)}"`, `name="${stand}"`);
    // References to it in defined names (KyBaoCao and the like) follow it.
    xml = xml.split(`${encode(quoted(name))}!`).join(`${quoted(stand)}!`);
  }
  // A print area exceljs cannot parse ("#REF!" after a deletion; "$ANaN:$VNaN" as exceljs itself writes after
  // a round trip) crashes its loader; the readers need no print settings, so the copy drops such names.
  const before = xml;
  xml = xml.replace(/<(?:\w+:)?definedName\b[^>]*\bname="_xlnm\.Print_(?:Area|Titles)"[^>]*>([^<]*)<\/(?:\w+:)?definedName>/g, (m: string, body: string) => (printRange(decode(body)) ? m : ""));
  if (back.size === 0 && xml === before) return { bytes, back };
  zip.file("xl/workbook.xml", xml);
  return { bytes: await zip.generateAsync({ type: "uint8array" }), back };
}

/**
 * @example
 * const { workbook, original } = await loadWorkbookQuietly(bytes);
 * workbook.worksheets.map((ws) => original(ws.name)) // the file's own sheet names, long ones included
 */
export async function loadWorkbookQuietly(bytes: Uint8Array): Promise<LoadedWorkbook> {
  const { bytes: readable, back } = await withStandInNames(bytes);
  const workbook = new ExcelJS.Workbook();
  const warn = console.warn;
  const log = console.log;
  // exceljs's own lines (English, about its internals) are not for the user; failures still throw.
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    // exceljs's typings want a Node Buffer; at run time it takes any ArrayBuffer view, also in the browser.
    await workbook.xlsx.load(readable as unknown as ArrayBuffer);
  } finally {
    console.warn = warn;
    console.log = log;
  }
  return { workbook, original: (name) => back.get(name) ?? name };
}
