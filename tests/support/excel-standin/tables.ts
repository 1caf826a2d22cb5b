/**
 * Tables of the Excel stand-in: collections, tables, their rows and columns,
 * with Excel's refusals (overlapping tables, invalid or duplicate names).
 */
import { parseRect, splitSheet, type Rect } from "../../../src/excel/_lib/a1";
import { Collection } from "./collection";
import { ClientObject, notFound, StandInError, type StandInContext } from "./context";
import { WorksheetProxy } from "./objects";
import { interpretInput, overlaps, RangeProxy, shiftRows, type RangeTarget } from "./range";
import { cellKey, checkWritable, deleteRowReferences, findSheet, findTable, readCell, references, rewriteReferences, type SheetState, type TableState } from "./state";

const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export class TableCollectionProxy extends Collection<TableProxy, TableState> {
  /** sheet: undefined → the workbook's collection (every table). */
  constructor(
    ctx: StandInContext,
    private readonly sheet?: () => SheetState | undefined,
  ) {
    super(ctx);
  }
  protected list(): TableState[] | undefined {
    if (!this.sheet) return this.ctx.state.sheets.flatMap((s) => s.tables);
    return this.sheet()?.tables;
  }
  protected wrap(table: TableState): TableProxy {
    return new TableProxy(this.ctx, () => findTable(this.ctx.state, table.name));
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    const holder: { name?: string } = {};
    this.ctx.enqueue(address, () => {
      const { sheet: sheetName, ref } = splitSheet(address);
      const sheet = this.sheet ? this.sheet() : findSheet(this.ctx.state, sheetName ?? "");
      if (!sheet) notFound(`sheet for table at ${address}`);
      const rect = parseRect(ref);
      if (!hasHeaders) throw new StandInError("InvalidArgument", "The stand-in only adds tables with a header row.");
      if (sheet.tables.some((t) => overlaps(t.rect, rect))) throw new StandInError("InvalidOperation", "A table can't overlap another table.");
      let n = 1;
      while (findTable(this.ctx.state, `Table${n}`)) n++;
      const table: TableState = { name: `Table${n}`, rect, style: "TableStyleMedium2" };
      for (let c = 0; c < rect.cols; c++) {
        const key = cellKey(rect.row, rect.col + c);
        if (readCell(sheet, rect.row, rect.col + c) === "") sheet.cells.set(key, { ...(sheet.cells.get(key) ?? {}), value: `Column${c + 1}` });
      }
      sheet.tables.push(table);
      holder.name = table.name;
    });
    return new TableProxy(this.ctx, () => (holder.name === undefined ? undefined : findTable(this.ctx.state, holder.name)));
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => findTable(this.ctx.state, name) ?? notFound(`table "${name}"`));
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => findTable(this.ctx.state, name));
  }
}

export type TableRef = { sheet: SheetState; table: TableState };

export class TableProxy extends ClientObject {
  protected readonly scalars = ["name", "style", "showHeaders", "showTotals"] as const;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => TableRef | undefined,
  ) {
    super(ctx);
  }
  protected target(): TableRef | undefined {
    return this.resolve();
  }
  protected readState(name: string): unknown {
    const t = this.resolve();
    if (!t) return undefined;
    return name === "name" ? t.table.name : name === "style" ? t.table.style : name === "showTotals" ? false : true;
  }
  protected override navigation(name: string): ClientObject | undefined {
    if (name === "worksheet") return this.worksheet;
    if (name === "columns") return this.columns;
    if (name === "rows") return this.rows;
    return undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write(name, (t: TableRef) => {
      if (!TABLE_NAME.test(name)) throw new StandInError("InvalidArgument", `The table name "${name}" is not valid.`);
      const other = findTable(this.ctx.state, name);
      if (other && other.table !== t.table) throw new StandInError("InvalidArgument", `A table named "${name}" already exists.`);
      if (t.table.name !== name) rewriteReferences(this.ctx.state, references.renameTable(t.table.name, name));
      t.table.name = name;
    });
  }
  get style(): string {
    return this.read("style");
  }
  set style(style: string) {
    this.write(style, (t: TableRef) => (t.table.style = style));
  }
  // Navigation proxies are cached: a load through "worksheet/name" must be readable on the same object later.
  private worksheetProxy?: WorksheetProxy;
  private columnsProxy?: TableColumnCollectionProxy;
  get worksheet(): WorksheetProxy {
    this.worksheetProxy ??= new WorksheetProxy(this.ctx, () => this.resolve()?.sheet);
    return this.worksheetProxy;
  }
  private rowsProxy?: TableRowCollectionProxy;
  get rows(): TableRowCollectionProxy {
    this.rowsProxy ??= new TableRowCollectionProxy(this.ctx, this.resolve);
    return this.rowsProxy;
  }
  get columns(): TableColumnCollectionProxy {
    this.columnsProxy ??= new TableColumnCollectionProxy(this.ctx, this.resolve);
    return this.columnsProxy;
  }
  private part(f: (rect: Rect) => Rect): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.resolve() ?? notFound("table");
      return { sheet: t.sheet, rect: f(t.table.rect) };
    });
  }
  getRange(): RangeProxy {
    return this.part((r) => r);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((r) => ({ ...r, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    return this.part((r) => ({ ...r, row: r.row + 1, rows: r.rows - 1 }));
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /**
   * Table.resize (ExcelApi 1.13): the table covers a new range with the same header row, overlapping the old
   * one. No cell is inserted, deleted or moved: references to cells left outside stay as they were.
   */
  resize(newRange: string | RangeProxy): void {
    this.write(typeof newRange === "string" ? newRange : null, (t: TableRef) => {
      checkWritable(t.sheet);
      const rect = typeof newRange === "string" ? parseRect(splitSheet(newRange).ref) : (newRange.resolve() ?? notFound("range")).rect;
      if (rect.row !== t.table.rect.row || !overlaps(rect, t.table.rect) || rect.rows < 2) throw new StandInError("InvalidArgument", "The new range must keep the header row and overlap the table.");
      if (t.sheet.tables.some((x) => x !== t.table && overlaps(x.rect, rect))) throw new StandInError("InvalidOperation", "A table can't overlap another table.");
      t.table.rect = rect;
    });
  }
  /** Excel deletes the table and its cells' contents, and turns references to it into #REF!. */
  delete(): void {
    this.write(null, (t: TableRef) => {
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
      rewriteReferences(this.ctx.state, references.deleteTable(t.table.name));
    });
  }
}

/** Moves the cells of columns [col, col+cols) at or below `from` by `by` rows (Excel shifts them when a table gains or loses rows). */
function shiftDown(sheet: SheetState, from: number, col: number, cols: number, by: number): void {
  const moved = [...sheet.cells.entries()].filter(([k]) => {
    const [r = -1, c = -1] = k.split(",").map(Number);
    return r >= from && c >= col && c < col + cols;
  });
  for (const [k] of moved) sheet.cells.delete(k);
  for (const [k, cell] of moved) {
    const [r = 0, c = 0] = k.split(",").map(Number);
    sheet.cells.set(cellKey(r + by, c), cell);
  }
}

/** table.rows: the count of data rows, appending rows and deleting one. */
class TableRowCollectionProxy extends ClientObject {
  protected readonly scalars = ["count"] as const;
  constructor(
    ctx: StandInContext,
    private readonly table: () => TableRef | undefined,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.table();
  }
  protected readState(): unknown {
    const t = this.table();
    return t ? t.table.rect.rows - 1 : undefined;
  }
  get count(): number {
    return this.read("count");
  }
  /**
   * Appends rows at the end (index null); cells below the table in its columns move down, as in Excel.
   * Without values, one row, with the table's calculated columns filled in; with values, every column
   * takes the value given, "" included: a calculated column's formula is overwritten on those rows.
   */
  add(index: number | null | undefined, values?: Array<Array<string | number | boolean>>): void {
    if (index !== null && index !== undefined) throw new StandInError("InvalidArgument", "The stand-in only appends table rows.");
    this.ctx.enqueue(values ?? null, () => {
      const t = this.table() ?? notFound("table");
      checkWritable(t.sheet);
      const { row, col, rows, cols } = t.table.rect;
      if (!values) {
        shiftDown(t.sheet, row + rows, col, cols, 1);
        t.table.rect = { ...t.table.rect, rows: rows + 1 };
        for (const [c, formula] of Object.entries(t.table.calculated ?? {})) t.sheet.cells.set(cellKey(row + rows, col + Number(c)), { value: "", formula: shiftRows(formula, rows - 1) });
        return;
      }
      if (values.some((line) => line.length !== cols)) throw new StandInError("InvalidArgument", "The row values do not match the table's columns.");
      shiftDown(t.sheet, row + rows, col, cols, values.length);
      t.table.rect = { ...t.table.rect, rows: rows + values.length };
      values.forEach((line, i) =>
        line.forEach((v, j) => {
          const key = cellKey(row + rows + i, col + j);
          const typed = v === "" ? null : interpretInput(v);
          if (typed) t.sheet.cells.set(key, typed);
        }),
      );
    });
  }
  getItemAt(index: number): { delete(): void } {
    return {
      delete: () =>
        this.ctx.enqueue(index, () => {
          const t = this.table() ?? notFound("table");
          checkWritable(t.sheet);
          const { row, col, rows, cols } = t.table.rect;
          if (index < 0 || index >= rows - 1) notFound(`table row ${index}`);
          const at = row + 1 + index;
          for (let c = col; c < col + cols; c++) t.sheet.cells.delete(cellKey(at, c));
          shiftDown(t.sheet, at + 1, col, cols, -1);
          // Excel: references to the deleted row become #REF!, those below follow their cells up.
          deleteRowReferences(this.ctx.state, t.sheet, at, col, cols);
          t.table.rect = { ...t.table.rect, rows: rows - 1 };
        }),
    };
  }
}

export class TableColumnCollectionProxy extends Collection<TableColumnProxy, number> {
  constructor(
    ctx: StandInContext,
    private readonly table: () => TableRef | undefined,
  ) {
    super(ctx);
  }
  protected list(): number[] | undefined {
    const t = this.table();
    return t ? Array.from({ length: t.table.rect.cols }, (_, i) => i) : undefined;
  }
  protected wrap(index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.table, () => index);
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.table, () => index);
  }
  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.table, () => this.indexOf(name) ?? notFound(`column "${name}"`));
  }
  getItemOrNullObject(name: string): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.table, () => this.indexOf(name));
  }
  private indexOf(name: string): number | undefined {
    const t = this.table() ?? notFound("table");
    const { row, col, cols } = t.table.rect;
    for (let c = 0; c < cols; c++) if (String(readCell(t.sheet, row, col + c)) === name) return c;
    return undefined;
  }
  /** Adds a column at the right end (index null): cells to the right of the table, in its rows, shift right as in Excel. */
  add(index: number | null, values: unknown[][] | null, name?: string): TableColumnProxy {
    if (index !== null && index !== undefined) throw new StandInError("InvalidArgument", "The stand-in only appends table columns.");
    this.ctx.enqueue([values, name], () => {
      const t = this.table() ?? notFound("table");
      checkWritable(t.sheet);
      const { row, col, rows, cols } = t.table.rect;
      const edge = col + cols;
      const moved = [...t.sheet.cells.entries()].filter(([k]) => {
        const [r = -1, c = -1] = k.split(",").map(Number);
        return r >= row && r < row + rows && c >= edge;
      });
      for (const [k] of moved) t.sheet.cells.delete(k);
      for (const [k, cell] of moved) {
        const [r = 0, c = 0] = k.split(",").map(Number);
        t.sheet.cells.set(cellKey(r, c + 1), cell);
      }
      t.table.rect = { ...t.table.rect, cols: cols + 1 };
      t.sheet.cells.set(cellKey(row, edge), { value: name ?? `Column${cols + 1}` });
      values?.forEach((line, i) => {
        const v = line[0];
        if (i > 0 && v !== null && v !== undefined) t.sheet.cells.set(cellKey(row + i, edge), { value: v as string });
      });
    });
    return new TableColumnProxy(this.ctx, this.table, () => (this.table()?.table.rect.cols ?? 1) - 1);
  }
}

class TableColumnProxy extends ClientObject {
  protected readonly scalars = ["name", "values", "index"] as const;
  constructor(
    ctx: StandInContext,
    private readonly table: () => TableRef | undefined,
    private readonly index: () => number | undefined,
  ) {
    super(ctx);
  }
  private range(body: boolean): RangeTarget | undefined {
    const t = this.table();
    const index = t ? this.index() : undefined;
    if (!t || index === undefined) return undefined;
    const { row, col, rows } = t.table.rect;
    return { sheet: t.sheet, rect: { row: body ? row + 1 : row, col: col + index, rows: body ? rows - 1 : rows, cols: 1 } };
  }
  protected target(): unknown {
    return this.range(false);
  }
  /** Deletes the column: its cells go, cells to its right in the table's rows shift left, as in Excel. */
  delete(): void {
    this.write(null, (r: RangeTarget) => {
      const t = this.table() ?? notFound("table");
      const { row, rows } = t.table.rect;
      const at = r.rect.col;
      const shifted = [...t.sheet.cells.entries()].filter(([k]) => {
        const [rr = -1, c = -1] = k.split(",").map(Number);
        return rr >= row && rr < row + rows && c >= at;
      });
      for (const [k] of shifted) t.sheet.cells.delete(k);
      for (const [k, cell] of shifted) {
        const [rr = 0, c = 0] = k.split(",").map(Number);
        if (c > at) t.sheet.cells.set(cellKey(rr, c - 1), cell);
      }
      t.table.rect = { ...t.table.rect, cols: t.table.rect.cols - 1 };
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !(cf.rect.col === at && cf.rect.cols === 1));
    });
  }
  protected readState(name: string): unknown {
    const r = this.range(false);
    if (!r) return undefined;
    if (name === "index") return this.index();
    const values = Array.from({ length: r.rect.rows }, (_, i) => [readCell(r.sheet, r.rect.row + i, r.rect.col, this.ctx.state)]);
    return name === "name" ? String(values[0]?.[0] ?? "") : values;
  }
  get name(): string {
    return this.read("name");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => this.range(true) ?? notFound("table column"));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => this.range(false) ?? notFound("table column"));
  }
}

