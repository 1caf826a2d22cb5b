/**
 * Excel.Range in memory: values/formulas/numberFormat as 2-D arrays, format,
 * conditional formats, data validation, hyperlinks. Strings are interpreted
 * the way Excel interprets them when set through `values`: "=…", and "+…",
 * "-…", "@…" that are not numbers, become formulas; "'…" is text.
 */
import { parseRect, rectAddress, quoteSheet, type Rect } from "../../../src/excel/_lib/a1";
import { ClientObject, StandInError, type StandInContext } from "./context";
import { TableCollectionProxy } from "./tables";
import { cellKey, checkWritable, readCell, type CellState, type CellValue, type ConditionalFormatState, type SheetState, type TableState } from "./state";

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** An Excel serial date (1900 system) for a calendar day. */
function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * What Excel (en-US) makes of typed text that is not a formula: a number, percentage, currency,
 * accounting negative "(1)", thousands "1,000", a date ("Jan 2025", "1/2/2025"), a boolean; else the text.
 */
function parseTyped(raw: string): CellValue {
  const s = raw.trim();
  const num = (t: string): number | null => {
    const plain = t.replace(/^(\d{1,3})((,\d{3})+)(\.\d*)?$/, (_m, a: string, b: string, _c: string, d: string | undefined) => a + b.replace(/,/g, "") + (d ?? ""));
    return NUMBER.test(plain) ? Number(plain) : null;
  };
  const direct = num(s);
  if (direct !== null) return direct;
  const percent = /^(.+?)\s*%$/.exec(s);
  if (percent?.[1] !== undefined && num(percent[1]) !== null) return (num(percent[1]) ?? 0) / 100;
  const paren = /^\((.+)\)$/.exec(s);
  if (paren?.[1] !== undefined) {
    const inner = parseTyped(paren[1]);
    if (typeof inner === "number") return -inner;
  }
  const currency = /^([-+]?)[$€£¥]\s*(.+)$/.exec(s) ?? /^([-+]?)(.+?)\s*[$€£¥]$/.exec(s);
  if (currency?.[2] !== undefined && num(currency[2]) !== null) return (currency[1] === "-" ? -1 : 1) * (num(currency[2]) ?? 0);
  const monthYear = /^([A-Za-z]{3,9})\.?[\s\-/,]+(\d{4}|\d{2})$/.exec(s);
  const month = monthYear?.[1] ? MONTHS.indexOf(monthYear[1].slice(0, 3).toLowerCase()) : -1;
  if (monthYear?.[2] && month >= 0) return serial(monthYear[2].length === 2 ? 2000 + Number(monthYear[2]) : Number(monthYear[2]), month + 1, 1);
  const mdy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (mdy && Number(mdy[1]) <= 12 && Number(mdy[2]) <= 31) return serial(Number(mdy[3]), Number(mdy[1]), Number(mdy[2]));
  if (/^(true|false)$/i.test(s)) return s.toLowerCase() === "true";
  return raw;
}

/** How Excel stores a value set through `values` or `formulas`. null leaves the cell as it is. */
export function interpretInput(input: unknown): { value: CellValue; formula?: string } | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = String(input);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith("=")) return { value: "", formula: s };
  const typed = parseTyped(s);
  if (typed !== s) return { value: typed };
  if (/^[+\-@]/.test(s)) return { value: "", formula: `=${s.replace(/^@/, "")}` };
  return { value: s };
}

/** Sets one formatting property on every cell of a target, creating empty cells as needed. */
function patchCells(t: RangeTarget, patch: Partial<CellState>): void {
  for (let r = 0; r < t.rect.rows; r++) {
    for (let c = 0; c < t.rect.cols; c++) {
      const key = cellKey(t.rect.row + r, t.rect.col + c);
      t.sheet.cells.set(key, { ...(t.sheet.cells.get(key) ?? { value: "" }), ...patch });
    }
  }
}

function checkShape(grid: unknown, rect: Rect, prop: string): unknown[][] {
  if (!Array.isArray(grid) || grid.length !== rect.rows || grid.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
    throw new StandInError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}, ${rect.rows}×${rect.cols}).`);
  }
  return grid as unknown[][];
}

export class RangeProxy extends ClientObject {
  protected readonly scalars = ["values", "formulas", "numberFormat", "address", "rowCount", "columnCount", "rowIndex", "columnIndex", "text"] as const;
  private formatProxy?: RangeFormatProxy;
  private cfProxy?: ConditionalFormatCollectionProxy;
  private dvProxy?: DataValidationProxy;

  constructor(
    ctx: StandInContext,
    readonly resolve: () => RangeTarget | undefined,
  ) {
    super(ctx);
  }

  protected target(): RangeTarget | undefined {
    return this.resolve();
  }

  protected readState(name: string): unknown {
    const t = this.resolve();
    if (!t) return undefined;
    const { sheet, rect } = t;
    const grid = (f: (cell: CellState | undefined, r: number, c: number) => unknown) =>
      Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => f(sheet.cells.get(cellKey(rect.row + r, rect.col + c)), rect.row + r, rect.col + c)));
    switch (name) {
      case "values":
        return grid((_cell, r, c) => readCell(sheet, r, c, this.ctx.state));
      case "text":
        return grid((_cell, r, c) => String(readCell(sheet, r, c, this.ctx.state)));
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "address":
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      default:
        return undefined;
    }
  }

  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(grid: unknown[][]) {
    this.writeCells(grid, "values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.writeCells(grid, "formulas");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.write(grid, (t: RangeTarget) => {
      checkWritable(t.sheet);
      const g = checkShape(grid, t.rect, "numberFormat");
      this.eachCell(t, (cell, r, c) => {
        const f = g[r]?.[c];
        if (f !== null && f !== undefined) cell.numberFormat = String(f);
      });
    });
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  set columnHidden(hidden: boolean) {
    this.write(hidden, (t: RangeTarget) => {
      for (let c = 0; c < t.rect.cols; c++) {
        if (hidden) t.sheet.hiddenColumns.add(t.rect.col + c);
        else t.sheet.hiddenColumns.delete(t.rect.col + c);
      }
    });
  }
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.write(link, (t: RangeTarget) => this.eachCell(t, (cell) => {
      cell.hyperlink = link.documentReference ?? link.address ?? "";
      if (link.textToDisplay !== undefined && cell.formula === undefined) cell.value = link.textToDisplay;
    }));
  }
  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.ctx, this.resolve);
    return this.formatProxy;
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.cfProxy ??= new ConditionalFormatCollectionProxy(this.ctx, this.resolve);
    return this.cfProxy;
  }
  get dataValidation(): DataValidationProxy {
    this.dvProxy ??= new DataValidationProxy(this.ctx, this.resolve);
    return this.dvProxy;
  }

  /**
   * Copies the source's top-left cell into every cell of this range (the
   * add-in copies one formula down a column). Relative A1 rows shift as in
   * Excel; structured references ([#This Row]) need no shifting.
   */
  copyFrom(source: string | RangeProxy, copyType: string = "All"): void {
    this.write([typeof source === "string" ? source : null, copyType], (t: RangeTarget) => {
      checkWritable(t.sheet);
      const src = typeof source === "string" ? { sheet: t.sheet, rect: parseRect(source) } : source.resolve();
      if (!src) throw new StandInError("ItemNotFound", "copyFrom source");
      const from = src.sheet.cells.get(cellKey(src.rect.row, src.rect.col)) ?? { value: "" };
      this.eachCell(t, (cell, r) => {
        const shift = t.rect.row + r - src.rect.row;
        if (from.formula !== undefined) {
          cell.formula = shiftRows(from.formula, shift);
          cell.value = "";
        } else if (copyType !== "Formats") {
          delete cell.formula;
          cell.value = from.value;
        }
        if (copyType === "All" || copyType === "Formats") cell.numberFormat = from.numberFormat ?? "General";
      });
    });
  }

  /** A range placed relative to this one, resolved at sync like every proxy. */
  private derived(place: (rect: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve();
      if (!t) return undefined;
      const rect = place(t.rect);
      if (rect.rows < 1 || rect.cols < 1 || rect.row < 0 || rect.col < 0) throw new StandInError("InvalidArgument", "The range would be empty or off the sheet.");
      return { sheet: t.sheet, rect };
    });
  }
  /** The cell at (row, column) of this range, 0-based. */
  getCell(row: number, column: number): RangeProxy {
    return this.derived((r) => ({ row: r.row + row, col: r.col + column, rows: 1, cols: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this.derived((r) => ({ row: r.row + row, col: r.col, rows: 1, cols: r.cols }));
  }
  /** Column `column` of this range, 0-based; Excel refuses one outside it. */
  getColumn(column: number): RangeProxy {
    return this.derived((r) => {
      if (column < 0 || column >= r.cols) throw new StandInError("InvalidArgument", `Column ${column} is outside the range.`);
      return { row: r.row, col: r.col + column, rows: r.rows, cols: 1 };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived((r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaColumns }));
  }

  /** The tables that overlap this range (fullyContained: only those inside it), top to bottom, left to right. */
  getTables(fullyContained = false): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, () => {
      const t = this.resolve();
      if (!t) return undefined;
      const inside = (r: Rect) => r.row >= t.rect.row && r.col >= t.rect.col && r.row + r.rows <= t.rect.row + t.rect.rows && r.col + r.cols <= t.rect.col + t.rect.cols;
      const hit = t.sheet.tables.filter((x) => (fullyContained ? inside(x.rect) : overlaps(x.rect, t.rect)));
      return { ...t.sheet, tables: [...hit].sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col) };
    });
  }

  /** Selects the range and activates its sheet. */
  select(): void {
    this.write(null, (t: RangeTarget) => {
      this.ctx.state.activeSheet = t.sheet.name;
      this.ctx.state.selection = `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
    });
  }

  protected override navigation(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    return undefined;
  }

  /** Range.clear (ExcelApi 1.1): "Contents" empties values and formulas and keeps formats; formats are not cleared here. */
  clear(applyTo: "All" | "Formats" | "Contents" = "All"): void {
    this.write(applyTo, (t: RangeTarget) => {
      checkWritable(t.sheet);
      if (applyTo === "Formats") throw new StandInError("InvalidArgument", "The stand-in clears contents only.");
      this.eachCell(t, (cell) => {
        cell.value = "";
        delete cell.formula;
      });
    });
  }

  private writeCells(grid: unknown[][], prop: string): void {
    this.write(grid, (t: RangeTarget) => {
      checkWritable(t.sheet);
      const g = checkShape(grid, t.rect, prop);
      const before = calculatedCandidates(t);
      this.eachCell(t, (cell, r, c) => {
        const next = interpretInput(g[r]?.[c]);
        if (!next) return;
        cell.value = next.value;
        if (next.formula === undefined) delete cell.formula;
        else cell.formula = next.formula;
      });
      autoCorrect(t, before);
    });
  }

  private eachCell(t: RangeTarget, f: (cell: CellState, r: number, c: number) => void): void {
    for (let r = 0; r < t.rect.rows; r++) {
      for (let c = 0; c < t.rect.cols; c++) {
        const key = cellKey(t.rect.row + r, t.rect.col + c);
        const cell = t.sheet.cells.get(key) ?? { value: "" };
        f(cell, r, c);
        t.sheet.cells.set(key, cell);
      }
    }
  }
}

/** A proxy on a part of a range (format, font, rules, validation): it acts on whatever cells the range resolves to at sync. */
abstract class RangeBoundProxy extends ClientObject {
  constructor(
    ctx: StandInContext,
    protected readonly resolve: () => RangeTarget | undefined,
  ) {
    super(ctx);
  }
  protected target(): RangeTarget | undefined {
    return this.resolve();
  }
}

class RangeFormatProxy extends RangeBoundProxy {
  protected readonly scalars = ["columnWidth", "wrapText"] as const;
  readonly font: FontProxy;
  constructor(ctx: StandInContext, resolve: () => RangeTarget | undefined) {
    super(ctx, resolve);
    this.font = new FontProxy(ctx, resolve);
  }
  protected readState(name: string): unknown {
    const t = this.resolve();
    if (!t) return undefined;
    if (name === "columnWidth") return t.sheet.columnWidths.get(t.rect.col) ?? 48;
    return t.sheet.cells.get(cellKey(t.rect.row, t.rect.col))?.wrap ?? false;
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write(points, (t: RangeTarget) => {
      for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.col + c, points);
    });
  }
  set wrapText(wrap: boolean) {
    this.write(wrap, (t: RangeTarget) => patchCells(t, { wrap }));
  }
}

class FontProxy extends RangeBoundProxy {
  protected readonly scalars = ["bold"] as const;
  protected readState(): unknown {
    const t = this.resolve();
    return t ? t.sheet.cells.get(cellKey(t.rect.row, t.rect.col))?.bold ?? false : undefined;
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(bold: boolean) {
    this.write(bold, (t: RangeTarget) => patchCells(t, { bold }));
  }
}

/** range.conditionalFormats: only custom (expression) rules, the kind the add-in writes. */
class ConditionalFormatCollectionProxy extends RangeBoundProxy {
  protected readonly scalars = ["count"] as const;
  protected readState(): unknown {
    const t = this.resolve();
    return t ? t.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, t.rect)).length : undefined;
  }
  get count(): number {
    return this.read("count");
  }
  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } {
    if (type !== "Custom") throw new StandInError("InvalidArgument", `The stand-in only implements "Custom" conditional formats, not "${type}".`);
    const holder: { cf?: ConditionalFormatState } = {};
    this.write(type, (t: RangeTarget) => {
      checkWritable(t.sheet);
      holder.cf = { rect: { ...t.rect }, formula: "", fill: null, fontColor: null };
      t.sheet.conditionalFormats.push(holder.cf);
    });
    const set = (data: unknown, f: (cf: ConditionalFormatState) => void) =>
      this.write(data, () => {
        if (!holder.cf) throw new StandInError("InvalidOperation", "Conditional format was not created.");
        f(holder.cf);
      });
    return {
      custom: {
        rule: { set formula(v: string) { set(v, (cf) => (cf.formula = v)); }, get formula(): string { throw new StandInError("PropertyNotLoaded", "rule.formula"); } },
        format: {
          fill: { set color(v: string) { set(v, (cf) => (cf.fill = v)); }, get color(): string { throw new StandInError("PropertyNotLoaded", "fill.color"); } },
          font: { set color(v: string) { set(v, (cf) => (cf.fontColor = v)); }, get color(): string { throw new StandInError("PropertyNotLoaded", "font.color"); } },
        },
      },
    };
  }
  clearAll(): void {
    this.write(null, (t: RangeTarget) => {
      checkWritable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !overlaps(cf.rect, t.rect));
    });
  }
  /** `items` (the rules that overlap the range), loadable with "items/type, items/customOrNullObject/rule/formula". */
  override capture(paths: string[][] | "all"): void {
    if (paths === "all" || !paths.some((p) => p[0] === "items")) return super.capture(paths);
    super.capture(paths.filter((p) => p[0] !== "items"));
    const t = this.resolve();
    const rest = paths.filter((p) => p[0] === "items").map((p) => p.slice(1)).filter((p) => p.length > 0);
    const items = (t ? t.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, t.rect)) : []).map((cf) => new ConditionalFormatProxy(this.ctx, () => (t?.sheet.conditionalFormats.includes(cf) ? { sheet: t.sheet, cf } : undefined)));
    for (const item of items) item.capture(rest.length > 0 ? rest : "all");
    this.setLoaded("items", items);
  }
  get items(): ConditionalFormatProxy[] {
    return this.read("items");
  }
}

type CfRef = { sheet: SheetState; cf: ConditionalFormatState };

/** One conditional format (ExcelApi 1.6): its type, its expression when custom, and delete(). */
class ConditionalFormatProxy extends ClientObject {
  protected readonly scalars = ["type"] as const;
  readonly customOrNullObject: CustomConditionalFormatProxy;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => CfRef | undefined,
  ) {
    super(ctx);
    this.customOrNullObject = new CustomConditionalFormatProxy(ctx, () => {
      const r = resolve();
      return r && (r.cf.type ?? "Custom") === "Custom" ? r : undefined;
    });
  }
  protected target(): CfRef | undefined {
    return this.resolve();
  }
  protected readState(): unknown {
    return this.resolve()?.cf.type ?? "Custom";
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "customOrNullObject" ? this.customOrNullObject : undefined;
  }
  get type(): string {
    return this.read("type");
  }
  delete(): void {
    this.write(null, (r: CfRef) => {
      checkWritable(r.sheet);
      r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter((x) => x !== r.cf);
    });
  }
}

class CustomConditionalFormatProxy extends ClientObject {
  protected readonly scalars = [] as const;
  readonly rule: ConditionalFormatRuleProxy;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => CfRef | undefined,
  ) {
    super(ctx);
    this.rule = new ConditionalFormatRuleProxy(ctx, resolve);
  }
  protected target(): CfRef | undefined {
    return this.resolve();
  }
  protected readState(): unknown {
    return undefined;
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "rule" ? this.rule : undefined;
  }
}

class ConditionalFormatRuleProxy extends ClientObject {
  protected readonly scalars = ["formula"] as const;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => CfRef | undefined,
  ) {
    super(ctx);
  }
  protected target(): CfRef | undefined {
    return this.resolve();
  }
  protected readState(): unknown {
    return this.resolve()?.cf.formula;
  }
  get formula(): string {
    return this.read("formula");
  }
}

class DataValidationProxy extends RangeBoundProxy {
  protected readonly scalars = [] as const;
  protected readState(): unknown {
    return undefined;
  }
  private entry(t: RangeTarget) {
    let v = t.sheet.validations.find((x) => x.rect.row === t.rect.row && x.rect.col === t.rect.col && x.rect.rows === t.rect.rows && x.rect.cols === t.rect.cols);
    if (!v) {
      v = { rect: { ...t.rect }, rule: null, errorAlert: null, prompt: null, ignoreBlanks: true };
      t.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: unknown) {
    this.write(rule, (t: RangeTarget) => (this.entry(t).rule = rule));
  }
  set ignoreBlanks(ignore: boolean) {
    this.write(ignore, (t: RangeTarget) => (this.entry(t).ignoreBlanks = ignore));
  }
  set errorAlert(alert: unknown) {
    this.write(alert, (t: RangeTarget) => (this.entry(t).errorAlert = alert));
  }
  set prompt(prompt: unknown) {
    this.write(prompt, (t: RangeTarget) => (this.entry(t).prompt = prompt));
  }
  clear(): void {
    this.write(null, (t: RangeTarget) => {
      t.sheet.validations = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
    });
  }
}

/** Table columns this write covers whose other body cells are empty: where Excel's AutoCorrect can act. */
function calculatedCandidates(t: RangeTarget): Array<{ table: TableState; col: number }> {
  const out: Array<{ table: TableState; col: number }> = [];
  for (const table of t.sheet.tables) {
    const body = { ...table.rect, row: table.rect.row + 1, rows: table.rect.rows - 1 };
    if (!overlaps(body, t.rect)) continue;
    for (let c = Math.max(body.col, t.rect.col); c < Math.min(body.col + body.cols, t.rect.col + t.rect.cols); c++) {
      let empty = true;
      for (let r = body.row; r < body.row + body.rows && empty; r++) {
        if (r >= t.rect.row && r < t.rect.row + t.rect.rows) continue;
        const cell = t.sheet.cells.get(cellKey(r, c));
        if (cell && (cell.formula !== undefined || cell.value !== "")) empty = false;
      }
      if (empty) out.push({ table, col: c - body.col });
    }
  }
  return out;
}

/**
 * Excel's AutoCorrect on a write through the API (office-js #2093, #5909, #6745): a formula written into a
 * table column whose other cells are empty makes it a calculated column, its first formula filled down
 * every row, whatever different formulas the other rows were sent.
 */
function autoCorrect(t: RangeTarget, candidates: Array<{ table: TableState; col: number }>): void {
  for (const { table, col } of candidates) {
    const c = table.rect.col + col;
    const top = Math.max(table.rect.row + 1, t.rect.row);
    const first = t.sheet.cells.get(cellKey(top, c));
    if (first?.formula === undefined) continue;
    table.calculated = { ...(table.calculated ?? {}), [col]: shiftRows(first.formula, table.rect.row + 1 - top) };
    for (let r = table.rect.row + 1; r < table.rect.row + table.rect.rows; r++) {
      const cell = t.sheet.cells.get(cellKey(r, c)) ?? { value: "" };
      cell.formula = shiftRows(first.formula, r - top);
      cell.value = "";
      t.sheet.cells.set(cellKey(r, c), cell);
    }
  }
}

/** Shifts relative A1 row numbers outside string literals by `by` rows. */
export function shiftRows(formula: string, by: number): string {
  if (by === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\p{L}\p{N}_.$])(\$?[A-Z]{1,3})(\d+)(?![\p{L}\p{N}_(])/gu, (_m, pre: string, col: string, row: string) => `${pre}${col}${Number(row) + by}`)))
    .join("");
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}
