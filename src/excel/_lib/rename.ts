/**
 * Fitting a layout into a workbook that already has sheets, tables and names:
 * every name the user already uses gets a free variant (sheets through
 * `sanitizeSheetName`: "Chỉ tiêu (2)"; tables and defined names: "ChiTieu2"),
 * and every formula of the layout is rewritten to follow. Pure.
 */
import { sanitizeSheetName } from "../../core/layout";
import type { LayoutCell, SheetSpec, ValidationSpec, WorkbookLayout } from "../../core/layout/types";
import { quoteSheet } from "./a1";

export interface Renames {
  sheets: Map<string, string>;
  tables: Map<string, string>;
  names: Map<string, string>;
}

export interface Taken {
  sheets: string[];
  tables: string[];
  names: string[];
}

function freeIdentifier(base: string, used: Set<string>): string {
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rewrites sheet, table and defined-name references in one formula (string literals left alone). */
export function renameInFormula(formula: string, r: Renames): string {
  // Split on string literals so a status label such as "Đạt" is never touched.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part;
      for (const [from, to] of r.sheets) {
        if (from === to) continue;
        const forms = [...new Set([quoteSheet(from), `'${from.replace(/'/g, "''")}'`, from])];
        for (const f of forms) out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}_'])${escapeRe(f)}!`, "gu"), `$1${quoteSheet(to)}!`);
      }
      for (const [from, to] of [...r.tables, ...r.names]) {
        if (from === to) continue;
        out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}_.'!])${escapeRe(from)}(?![\\p{L}\\p{N}_.(])`, "gu"), `$1${to}`);
      }
      return out;
    })
    .join("");
}

function renameCell(cell: LayoutCell, r: Renames): LayoutCell {
  return cell !== null && typeof cell === "object" ? { formula: renameInFormula(cell.formula, r) } : cell;
}

function renameValidation(v: ValidationSpec, r: Renames): ValidationSpec {
  if (v.type !== "list" || !("formula" in v.source)) return v;
  return { ...v, source: { formula: renameInFormula(v.source.formula, r) } };
}

function renameRange(range: string, r: Renames): string {
  return range.includes("!") ? renameInFormula(range, r) : range;
}

/**
 * Picks free names for the layout's sheets, tables and defined names, and
 * returns the layout rewritten to use them (the input is not changed).
 *
 * @example
 * fitLayout(layout, { sheets: ["Chỉ tiêu"], tables: [], names: [] }).layout.sheets[0].name // "Chỉ tiêu (2)"
 */
export function fitLayout(layout: WorkbookLayout, taken: Taken): { layout: WorkbookLayout; renames: Renames } {
  const renames: Renames = { sheets: new Map(), tables: new Map(), names: new Map() };
  const sheetsTaken = [...taken.sheets];
  for (const s of layout.sheets) {
    const name = sanitizeSheetName(s.name, sheetsTaken);
    sheetsTaken.push(name);
    renames.sheets.set(s.name, name);
  }
  // Tables and defined names share one namespace in Excel.
  const ids = new Set([...taken.tables, ...taken.names].map((n) => n.toLowerCase()));
  for (const t of layout.sheets.flatMap((s) => s.tables)) {
    const name = freeIdentifier(t.name, ids);
    ids.add(name.toLowerCase());
    renames.tables.set(t.name, name);
  }
  for (const n of layout.names) {
    const name = freeIdentifier(n.name, ids);
    ids.add(name.toLowerCase());
    renames.names.set(n.name, name);
  }
  const sheet = (s: SheetSpec): SheetSpec => ({
    ...s,
    name: renames.sheets.get(s.name) ?? s.name,
    tables: s.tables.map((t) => ({
      ...t,
      name: renames.tables.get(t.name) ?? t.name,
      columns: t.columns.map((c) => {
        const col = { ...c };
        if (c.formula !== undefined) col.formula = renameInFormula(c.formula, renames);
        if (c.validation !== undefined) col.validation = renameValidation(c.validation, renames);
        return col;
      }),
      rows: t.rows.map((row) => row.map((cell) => renameCell(cell, renames))),
    })),
    cells: s.cells.map((c) => {
      const cell = { ...c, value: renameCell(c.value, renames) };
      if (c.link !== undefined) cell.link = renameRange(c.link, renames);
      return cell;
    }),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, formula: renameInFormula(cf.formula, renames) })),
    charts: s.charts.map((ch) => ({ ...ch, dataRange: renameRange(ch.dataRange, renames) })),
  });
  return {
    layout: {
      sheets: layout.sheets.map(sheet),
      names: layout.names.map((n) => ({ name: renames.names.get(n.name) ?? n.name, formula: renameInFormula(n.formula, renames) })),
    },
    renames,
  };
}
