/** Shared by the update property tests: which cells of the old workbook an update may change. */
import { columnLetter, parseAddress } from "../../src/core/layout/_lib/a1";
import { buildLayout, INDICATOR_COLUMNS } from "../../src/core/layout";
import { indicator, plan } from "../../src/core/layout/_test/plan";
import JSZip from "jszip";
import { withoutCachedResults } from "../../src/xlsx/update";
import type { WorkbookLayout } from "../../src/core/layout/types";

/**
 * Is this cell of the old workbook ours to change? Cells in our tables' own columns and our free cells are;
 * an input column's cell (result, note, task status) only while it is empty. Everything else is the user's.
 */
export function ours(layout: WorkbookLayout, sheet: string, addr: string, content: unknown): boolean {
  const spec = layout.sheets.find((s) => s.name === sheet);
  if (!spec) return false;
  const at = parseAddress(addr);
  if (spec.cells.some((c) => c.address === addr && !c.input)) return true;
  for (const t of spec.tables) {
    const a = parseAddress(t.anchor);
    const col = t.columns[at.col - a.col];
    if (!col || at.row < a.row || at.row > a.row + Math.max(t.rows.length, 1)) continue;
    return !col.input || content === null || content === undefined || content === "";
  }
  return false;
}

/**
 * Zip parts whose bytes differ between two packages (added and removed parts included). Cached results
 * of formulas are left out of the comparison: an update drops them so that every reader recomputes.
 */
export async function changedParts(a: Uint8Array, b: Uint8Array): Promise<string[]> {
  const [x, y] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const names = new Set([...Object.keys(x.files), ...Object.keys(y.files)].filter((n) => !n.endsWith("/")));
  const out: string[] = [];
  for (const n of names) {
    const p = x.file(n);
    const q = y.file(n);
    if (!p || !q) out.push(n);
    else if (n.startsWith("xl/worksheets/") && n.endsWith(".xml")) {
      if (withoutCachedResults(await p.async("string")) !== (await q.async("string"))) out.push(n);
    } else if (Buffer.compare(Buffer.from(await p.async("uint8array")), Buffer.from(await q.async("uint8array"))) !== 0) out.push(n);
  }
  return out.sort();
}

/** Sheet name → its part ("xl/worksheets/sheet1.xml"). */
export async function sheetParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const target = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])?.[1] ?? "", /Target="([^"]+)"/.exec(m[0])?.[1] ?? ""]));
  const out: Record<string, string> = {};
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = (/name="([^"]+)"/.exec(m[0])?.[1] ?? "").replace(/&amp;/g, "&").replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    const t = target.get(/r:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "";
    out[name] = t.startsWith("/") ? t.slice(1) : `xl/${t}`;
  }
  return out;
}

/** The parts an update may change: the sheets that hold our tables, table parts, styles, shared strings, the workbook. */
export function mayChange(part: string, ourSheetParts: string[]): boolean {
  return ourSheetParts.includes(part) || /^xl\/(workbook\.xml|styles\.xml|sharedStrings\.xml|tables\/table\d+\.xml)$/.test(part);
}

/** Column letter of an indicator column on the Chỉ tiêu sheet. */
const letter = (key: string): string => columnLetter(INDICATOR_COLUMNS.findIndex((c) => c.key === key) + 1);
/** The Mục tiêu and Ghi chú columns, and the first column right of the table (where a user adds their own). */
export const [T, NOTE] = [letter("target"), letter("note")];
export const USER_COLUMN = columnLetter(INDICATOR_COLUMNS.length + 1);
// Results are typed into the grid: its first-half and whole-year columns (the plans of these tests are all one year's).
export const GRID_SHEET = "Kết quả theo kỳ";
const gridColumns = buildLayout(plan([indicator("0")]), { lang: "vi" }).sheets.flatMap((s) => s.tables).find((t) => t.name === "KetQuaTheoKy")?.columns ?? [];
const gridLetter = (kind: (key: string) => boolean): string => {
  const at = gridColumns.findIndex((c) => c.key.startsWith("period:") && kind(c.key));
  if (at < 0) throw new Error("the period grid lacks a column this test types into");
  return columnLetter(at + 1);
};
export const [H1, YEAR] = [gridLetter((k) => k.endsWith("-H1")), gridLetter((k) => /^period:\d{4}$/.test(k))];
