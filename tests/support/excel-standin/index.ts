/**
 * An in-memory Excel for tests: exactly the Office.js subset src/excel uses,
 * with load/sync semantics, a sync counter and a payload limit. Runs in jest
 * and in the browser (the task-pane e2e tests bundle it and call
 * {@link installExcelStandIn} on `window`). No Node APIs here.
 *
 * @example
 * const state = createWorkbookState();
 * const ctx = createStandInContext(state);
 * await writeLayout(ctx as unknown as Excel.RequestContext, layout, {});
 * dumpWorkbook(state).tables[0].rows;
 */
import { StandInContext } from "./context";
import { NamedItemCollectionProxy, WorksheetCollectionProxy } from "./objects";
import { TableCollectionProxy } from "./tables";
import { overlaps, RangeProxy, type RangeTarget } from "./range";
import { StandInError } from "./context";
import { createWorkbookState, findSheet, type WorkbookState } from "./state";
import { parseRect, splitSheet, type Rect } from "../../../src/excel/_lib/a1";

export { createWorkbookState, dumpWorkbook, typeIntoCell, readCell, findSheet, findTable, addUserTable } from "./state";
export type { WorkbookState, SheetState, TableState, CellState, DumpedTable } from "./state";
export { StandInError, payloadBytes, responseBytes } from "./context";
export { interpretInput } from "./range";

class Application {
  constructor(private readonly ctx: StandInContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(null, () => this.ctx.state.calculationSuspensions++);
  }
}

class Workbook {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  constructor(private readonly ctx: StandInContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.names = new NamedItemCollectionProxy(ctx);
  }
  /** The selected areas ("'S'!A1:B2,'S'!D4" when the user Ctrl-selected several), or A1 of the active sheet. */
  private areas(): RangeTarget[] {
    const state = this.ctx.state;
    const selection = state.selection ?? `'${state.activeSheet ?? ""}'!A1`;
    return selection.split(/,(?=(?:[^']*'[^']*')*[^']*$)/).flatMap((area) => {
      const { sheet, ref } = splitSheet(area);
      const found = (sheet === null ? findSheet(state, state.activeSheet ?? "") : findSheet(state, sheet)) ?? state.sheets[0];
      return found ? [{ sheet: found, rect: parseRect(ref) }] : [];
    });
  }
  /** The selection; like Excel, a selection of several ranges fails the request with InvalidSelection. */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const areas = this.areas();
      if (areas.length > 1) throw new StandInError("InvalidSelection", "The current selection is invalid for this operation.");
      return areas[0];
    });
  }
  /** Every selected range (ExcelApi 1.9): here only the tables they touch (RangeAreas.getTables). */
  getSelectedRanges(): { getTables(fullyContained?: boolean): TableCollectionProxy } {
    return {
      getTables: (fullyContained = false) =>
        new TableCollectionProxy(this.ctx, () => {
          const areas = this.areas();
          const sheet = areas[0]?.sheet;
          if (!sheet) return undefined;
          const inside = (r: Rect, a: Rect) => r.row >= a.row && r.col >= a.col && r.row + r.rows <= a.row + a.rows && r.col + r.cols <= a.col + a.cols;
          const hit = sheet.tables.filter((t) => areas.some((a) => (fullyContained ? inside(t.rect, a.rect) : overlaps(t.rect, a.rect))));
          return { ...sheet, tables: [...hit].sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col) };
        }),
    };
  }
}

/** A RequestContext over the workbook state. `syncCount` counts round trips. */
export class StandInRequestContext extends StandInContext {
  readonly workbook: Workbook;
  readonly application: Application;
  constructor(state: WorkbookState) {
    super(state);
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }
}

export function createStandInContext(state: WorkbookState = createWorkbookState()): StandInRequestContext {
  return new StandInRequestContext(state);
}

export interface InstalledStandIn {
  state: WorkbookState;
  /** Every context created by Excel.run, newest last (their syncCount adds up the round trips). */
  contexts: StandInRequestContext[];
  totalSyncs(): number;
}

/**
 * Puts `Excel.run` (and, when absent, a minimal `Office` with requirement
 * sets all supported) on a global object, over the given workbook state.
 */
export function installExcelStandIn(
  globalObj: Record<string, unknown>,
  state: WorkbookState = createWorkbookState(),
  options: { unsupportedSets?: string[]; displayLanguage?: string } = {},
): InstalledStandIn {
  const installed: InstalledStandIn = {
    state,
    contexts: [],
    totalSyncs: () => installed.contexts.reduce((n, c) => n + c.syncCount, 0),
  };
  globalObj.Excel = {
    run: async <T>(batch: (context: StandInRequestContext) => Promise<T>): Promise<T> => {
      const context = createStandInContext(state);
      installed.contexts.push(context);
      return await batch(context);
    },
  };
  if (globalObj.Office === undefined) {
    const unsupported = new Set(options.unsupportedSets ?? []);
    globalObj.Office = {
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      HostType: { Excel: "Excel" },
      context: {
        displayLanguage: options.displayLanguage ?? "vi-VN",
        requirements: { isSetSupported: (name: string, version?: string) => !unsupported.has(`${name} ${version ?? ""}`.trim()) },
      },
    };
  }
  return installed;
}
