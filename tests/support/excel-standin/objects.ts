/**
 * Workbook, worksheets, charts and names of the Excel stand-in: the subset of
 * Office.js that src/excel uses, with Excel's own refusals (invalid or
 * duplicate sheet names). Tables are in tables.ts.
 */
import { parseRect, splitSheet } from "../../../src/excel/_lib/a1";
import { Collection } from "./collection";
import { ClientObject, notFound, StandInError, type StandInContext } from "./context";
import { RangeProxy } from "./range";
import { newSheet, findSheet, references, rewriteReferences, type ChartState, type SheetState } from "./state";
import { TableCollectionProxy } from "./tables";

function checkSheetName(name: string, sheets: SheetState[], self?: SheetState): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new StandInError("InvalidArgument", `The sheet name "${name}" is not valid.`);
  }
  if (sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) {
    throw new StandInError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }
}

export class WorksheetCollectionProxy extends Collection<WorksheetProxy, SheetState> {
  protected list(): SheetState[] {
    return this.ctx.state.sheets;
  }
  protected wrap(sheet: SheetState): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => (this.ctx.state.sheets.includes(sheet) ? sheet : undefined));
  }
  add(name: string): WorksheetProxy {
    const holder: { sheet?: SheetState } = {};
    this.ctx.enqueue(name, () => {
      checkSheetName(name, this.ctx.state.sheets);
      holder.sheet = newSheet(name);
      this.ctx.state.sheets.push(holder.sheet);
    });
    return new WorksheetProxy(this.ctx, () => holder.sheet ?? notFound(`sheet "${name}" (not added)`));
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx.state, name) ?? notFound(`sheet "${name}"`));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx.state, name));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => findSheet(this.ctx.state, this.ctx.state.activeSheet ?? "") ?? this.ctx.state.sheets[0] ?? notFound("active sheet"));
  }
}

type Write = (data: unknown, f: (s: SheetState) => void) => void;

/**
 * worksheet.pageLayout, write-only as our writers use it. Like Excel:
 * title rows must span whole rows ("$1:$1"), and a fit-to-pages zoom that
 * names only one direction is not applied (OfficeDev/office-js#1860), so a
 * writer that relies on it fails a test here too.
 */
class PageLayoutStandIn {
  readonly headersFooters: { defaultForAllPages: { leftFooter: string; centerFooter: string } };
  constructor(private readonly write: Write) {
    const w = write;
    this.headersFooters = {
      defaultForAllPages: {
        set leftFooter(v: string) { w(v, (s) => (s.pageLayout.footer.left = v)); },
        get leftFooter(): string { throw new StandInError("PropertyNotLoaded", "leftFooter"); },
        set centerFooter(v: string) { w(v, (s) => (s.pageLayout.footer.center = v)); },
        get centerFooter(): string { throw new StandInError("PropertyNotLoaded", "centerFooter"); },
      },
    };
  }
  set orientation(v: string) { this.write(v, (s) => (s.pageLayout.orientation = v)); }
  get orientation(): string { throw new StandInError("PropertyNotLoaded", "pageLayout.orientation"); }
  set paperSize(v: string) { this.write(v, (s) => (s.pageLayout.paperSize = v)); }
  get paperSize(): string { throw new StandInError("PropertyNotLoaded", "pageLayout.paperSize"); }
  set zoom(v: unknown) {
    this.write(v, (s) => {
      const z = v as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
      const oneSided = (z.horizontalFitToPages === undefined) !== (z.verticalFitToPages === undefined) && z.scale === undefined;
      if (!oneSided) s.pageLayout.zoom = v;
    });
  }
  get zoom(): unknown { throw new StandInError("PropertyNotLoaded", "pageLayout.zoom"); }
  setPrintTitleRows(rows: string): void {
    this.write(rows, (s) => {
      // Excel reports a bad range when the batch runs, not when the call is queued.
      if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new StandInError("InvalidArgument", `setPrintTitleRows("${rows}"): the range must span whole rows`);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintTitleColumns(columns: string): void {
    this.write(columns, (s) => {
      if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(columns)) throw new StandInError("InvalidArgument", `setPrintTitleColumns("${columns}"): the range must span whole columns`);
      s.pageLayout.printTitleColumns = columns;
    });
  }
  setPrintMargins(unit: string, margins: Record<string, number>): void {
    this.write(margins, (s) => (s.pageLayout.margins = { unit, ...margins }));
  }
  setPrintArea(area: string): void {
    this.write(area, (s) => (s.pageLayout.printArea = area));
  }
}

export class WorksheetProxy extends ClientObject {
  protected readonly scalars = ["name", "tabColor", "position", "visibility"] as const;
  readonly freezePanes: FreezePanesProxy;
  readonly pageLayout: PageLayoutStandIn;
  constructor(
    ctx: StandInContext,
    readonly resolve: () => SheetState | undefined,
  ) {
    super(ctx);
    this.freezePanes = new FreezePanesProxy(ctx, resolve);
    this.pageLayout = new PageLayoutStandIn((data, f) => this.write(data, f));
  }
  protected target(): SheetState | undefined {
    return this.resolve();
  }
  protected readState(name: string): unknown {
    const s = this.resolve();
    if (!s) return undefined;
    if (name === "name") return s.name;
    if (name === "position") return this.ctx.state.sheets.indexOf(s);
    if (name === "visibility") return s.visibility ?? "Visible";
    return s.tabColor ?? "";
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write(name, (s: SheetState) => {
      checkSheetName(name, this.ctx.state.sheets, s);
      if (this.ctx.state.activeSheet === s.name) this.ctx.state.activeSheet = name;
      if (s.name !== name) rewriteReferences(this.ctx.state, references.renameSheet(s.name, name));
      s.name = name;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(color: string) {
    this.write(color, (s: SheetState) => (s.tabColor = color));
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    // Excel refuses to hide the last visible sheet.
    this.write(v, (s: SheetState) => {
      if (v !== "Visible" && this.ctx.state.sheets.every((x) => x === s || (x.visibility ?? "Visible") !== "Visible")) throw new Error("InvalidOperation: the workbook must keep at least one visible sheet");
      s.visibility = v;
    });
  }
  private tablesProxy?: TableCollectionProxy;
  private chartsProxy?: ChartCollectionProxy;
  get tables(): TableCollectionProxy {
    this.tablesProxy ??= new TableCollectionProxy(this.ctx, () => this.resolve());
    return this.tablesProxy;
  }
  get charts(): ChartCollectionProxy {
    this.chartsProxy ??= new ChartCollectionProxy(this.ctx, this.resolve);
    return this.chartsProxy;
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "tables" ? this.tables : name === "charts" ? this.charts : undefined;
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      return sheet ? { sheet, rect: parseRect(address) } : notFound("sheet");
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      return sheet ? { sheet, rect: { row, col, rows, cols } } : notFound("sheet");
    });
  }
  /** The smallest range holding every non-empty cell; a null object on an empty sheet. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const sheet = this.resolve();
      if (!sheet) return undefined;
      let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
      for (const [k, cell] of sheet.cells) {
        if (cell.value === "" && cell.formula === undefined) continue;
        const [r, c] = k.split(",").map(Number) as [number, number];
        r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
      }
      return r1 < 0 ? undefined : { sheet, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
    });
  }
  activate(): void {
    this.write(null, (s: SheetState) => (this.ctx.state.activeSheet = s.name));
  }
  delete(): void {
    this.write(null, (s: SheetState) => {
      const state = this.ctx.state;
      state.sheets = state.sheets.filter((x) => x !== s);
      if (state.activeSheet === s.name) state.activeSheet = state.sheets[0]?.name ?? null;
      // Excel turns references to the sheet and to its tables into #REF!.
      for (const t of s.tables) rewriteReferences(state, references.deleteTable(t.name));
      rewriteReferences(state, references.deleteSheet(s.name));
    });
  }
}

class FreezePanesProxy extends ClientObject {
  protected readonly scalars = [] as const;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => SheetState | undefined,
  ) {
    super(ctx);
  }
  protected target(): SheetState | undefined {
    return this.resolve();
  }
  protected readState(): unknown {
    return undefined;
  }
  freezeRows(count: number): void {
    this.write(count, (s: SheetState) => (s.freeze = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.write(count, (s: SheetState) => (s.freeze = { rows: 0, columns: count }));
  }
  freezeAt(range: RangeProxy): void {
    this.write(null, (s: SheetState) => {
      const t = range.resolve() ?? notFound("range");
      s.freeze = { rows: t.rect.row + t.rect.rows, columns: t.rect.col + t.rect.cols };
    });
  }
}

class ChartCollectionProxy extends Collection<ChartProxy, ChartState> {
  constructor(
    ctx: StandInContext,
    private readonly sheet: () => SheetState | undefined,
  ) {
    super(ctx);
  }
  protected list(): ChartState[] | undefined {
    return this.sheet()?.charts;
  }
  protected wrap(chart: ChartState): ChartProxy {
    return new ChartProxy(this.ctx, () => (this.sheet()?.charts.includes(chart) ? chart : undefined));
  }
  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    const holder: { chart?: ChartState } = {};
    // The collection's target is the sheet's chart list.
    this.write(type, (charts: ChartState[]) => {
      const src = source.resolve() ?? notFound("chart source");
      holder.chart = { name: `Chart ${charts.length + 1}`, type, source: src.rect, title: "", anchor: null, width: 360, height: 216, ...seriesOf(src.rect, seriesBy) };
      charts.push(holder.chart);
    });
    return new ChartProxy(this.ctx, () => holder.chart);
  }
  /** The chart of that name; Excel refuses a name the sheet does not have (ItemNotFound, at sync). */
  getItem(name: string): ChartProxy {
    // Excel finds the item once and later actions address the object itself, so renaming it in the same batch keeps the proxy valid.
    let found: ChartState | undefined;
    return new ChartProxy(this.ctx, () => {
      found ??= this.sheet()?.charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? notFound(`chart "${name}"`);
      return this.sheet()?.charts.includes(found) ? found : undefined;
    });
  }
}

/** Like Excel's "Auto": series by rows when the range has more columns than rows. */
function seriesOf(rect: { rows: number; cols: number }, seriesBy: string): Pick<ChartState, "seriesBy" | "seriesColors"> {
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rect.rows >= rect.cols);
  const count = byColumns ? rect.cols - 1 : rect.rows - 1;
  return { seriesBy: byColumns ? "Columns" : "Rows", seriesColors: Array.from({ length: count }, () => null) };
}

/** chart.title: its text (loadable) and its link to a cell. */
class ChartTitleProxy extends ClientObject {
  protected readonly scalars = ["text"] as const;
  constructor(
    ctx: StandInContext,
    private readonly chart: () => ChartState | undefined,
  ) {
    super(ctx);
  }
  protected target(): ChartState | undefined {
    return this.chart();
  }
  protected readState(): unknown {
    return this.chart()?.title;
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.write(v, (c: ChartState) => (c.title = v));
  }
  setFormula(formula: string): void {
    this.write(formula, (c: ChartState) => (c.titleFormula = formula));
  }
}

class ChartProxy extends ClientObject {
  protected readonly scalars = ["name", "width", "height"] as const;
  readonly title: ChartTitleProxy;
  readonly series: { getItemAt(index: number): { format: { fill: { setSolidColor(color: string): void } } } };
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => ChartState | undefined,
  ) {
    super(ctx);
    const write = (data: unknown, f: (c: ChartState) => void) => this.write(data, f);
    this.title = new ChartTitleProxy(ctx, resolve);
    this.series = {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              write(color, (c) => {
                if (index < 0 || index >= c.seriesColors.length) throw new StandInError("InvalidArgument", `series.getItemAt(${index}): the chart has ${c.seriesColors.length} series`);
                c.seriesColors[index] = color;
              }),
          },
        },
      }),
    };
  }
  protected target(): ChartState | undefined {
    return this.resolve();
  }
  protected readState(name: string): unknown {
    const c = this.resolve();
    return c ? c[name as "name" | "width" | "height"] : undefined;
  }
  protected override navigation(name: string): ClientObject | undefined {
    return name === "title" ? this.title : undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write(v, (c: ChartState) => (c.name = v));
  }
  set width(v: number) {
    this.write(v, (c: ChartState) => (c.width = v));
  }
  set height(v: number) {
    this.write(v, (c: ChartState) => (c.height = v));
  }
  setPosition(start: string, _end?: string): void {
    this.write(start, (c: ChartState) => (c.anchor = start));
  }
  /** New source data (ExcelApi 1.1): the series are made again from the range, with Excel's default colours. */
  setData(source: RangeProxy, seriesBy = "Auto"): void {
    this.write(seriesBy, (c: ChartState) => {
      const src = source.resolve() ?? notFound("chart source");
      Object.assign(c, { source: src.rect }, seriesOf(src.rect, seriesBy));
    });
  }
}

export class NamedItemCollectionProxy extends Collection<NamedItemProxy, { name: string; formula: string }> {
  protected list() {
    return this.ctx.state.names;
  }
  protected wrap(item: { name: string; formula: string }): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => (this.ctx.state.names.includes(item) ? item : undefined));
  }
  add(name: string, reference: string, _comment?: string): NamedItemProxy {
    this.ctx.enqueue([name, reference], () => {
      if (this.ctx.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new StandInError("ItemAlreadyExists", `A name "${name}" already exists.`);
      }
      this.ctx.state.names.push({ name, formula: reference });
    });
    return this.getItemOrNullObject(name);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? notFound(`name "${name}"`));
  }
}

class NamedItemProxy extends ClientObject {
  protected readonly scalars = ["name", "formula"] as const;
  constructor(
    ctx: StandInContext,
    private readonly resolve: () => { name: string; formula: string } | undefined,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected readState(name: string): unknown {
    const n = this.resolve();
    return n ? n[name as "name" | "formula"] : undefined;
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.write(formula, (n: { name: string; formula: string }) => (n.formula = formula));
  }
  delete(): void {
    this.write(null, (n: { name: string; formula: string }) => (this.ctx.state.names = this.ctx.state.names.filter((x) => x !== n)));
  }
  /** The range a name refers to (ExcelApi 1.3); a name that is not a sheet reference fails, as in Excel. */
  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const n = this.resolve() ?? notFound("name");
      const { sheet: sheetName, ref } = splitSheet(n.formula.replace(/^=/, ""));
      const sheet = sheetName !== null ? findSheet(this.ctx.state, sheetName) : undefined;
      if (!sheet) throw new StandInError("InvalidArgument", `The name "${n.name}" does not refer to a range.`);
      return { sheet, rect: parseRect(ref) };
    });
  }
}
