/**
 * Load/sync semantics of Office.js, in memory. Every write or method call is
 * queued and applied in order at `sync()`; `load()` queues a capture, so a
 * property read before load+sync throws just as Excel does
 * ("PropertyNotLoaded"). Each sync is counted and its request size estimated;
 * above the workbook's payload limit the whole request is refused, like
 * Excel on the web's 5 MB limit. What a sync loads is counted too: above the
 * response limit the sync fails with ResponsePayloadSizeLimitExceeded and
 * nothing it loaded can be read.
 */
import type { WorkbookState } from "./state";

/** An error shaped like OfficeExtension.Error (code + message). */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

interface Operation {
  bytes: number;
  run: () => void;
}

const encoder = new TextEncoder();

/** Estimated bytes of a value in the JSON request Excel would receive. */
export function payloadBytes(value: unknown): number {
  if (value === undefined) return 0;
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Estimated bytes of a loaded value in Excel's JSON response, counted high:
 * every character outside ASCII as a `\uXXXX` escape, so a reader that
 * passes here passes whatever escaping Excel uses.
 */
export function responseBytes(value: unknown): number {
  if (value === undefined) return 0;
  const json = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) bytes += json.charCodeAt(i) < 0x80 ? 1 : 6;
  return bytes;
}

/** Fixed cost of one action in a request (ids, method names): what Office.js sends besides the data. */
const ACTION_OVERHEAD = 60;
/** Fixed cost of one loaded object in a response (its reference id and property names). */
export const OBJECT_OVERHEAD = 40;

export class StandInContext {
  syncCount = 0;
  private queue: Operation[] = [];
  /** Sync number (1-based) → the operation at which that sync fails: a batch Excel stops part-way, earlier operations applied. */
  private readonly failures = new Map<number, number>();
  /** What the running sync has loaded: its size, and how to forget it if the response is refused. */
  private response: { bytes: number; undo: Array<() => void> } = { bytes: 0, undo: [] };

  constructor(readonly state: WorkbookState) {}

  enqueue(data: unknown, run: () => void): void {
    this.queue.push({ bytes: ACTION_OVERHEAD + payloadBytes(data), run });
  }

  /** Applies every queued operation in order; the first failure stops the batch (earlier ones stay applied, as in Excel). */
  async sync(): Promise<void> {
    this.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    this.state.syncLog.push({ bytes, operations: ops.length });
    await Promise.resolve();
    if (bytes > this.state.payloadLimitBytes) {
      throw new StandInError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    const failAt = this.failures.get(this.syncCount) ?? this.state.failAtOperation;
    delete this.state.failAtOperation;
    this.response = { bytes: 0, undo: [] };
    ops.forEach((op, i) => {
      if (failAt === i + 1) throw new StandInError("GeneralException", `Injected failure at operation ${failAt}.`);
      op.run();
    });
    const response = this.response;
    const last = this.state.syncLog[this.state.syncLog.length - 1];
    if (last) last.responseBytes = response.bytes;
    if (response.bytes > this.state.responseLimitBytes) {
      if (last) last.refused = true;
      for (const undo of response.undo) undo();
      throw new StandInError("ResponsePayloadSizeLimitExceeded", `The response payload size (${response.bytes} bytes) has exceeded the limit.`);
    }
  }

  /**
   * Makes this context's `sync`-th sync (1-based) fail at its `operation`-th queued operation, as Excel stops a
   * batch part-way without undoing what came before.
   */
  failOnSync(sync: number, operation: number): void {
    this.failures.set(sync, operation);
  }

  /** Counts a loaded value in the running sync's response; `undo` forgets it if the response is refused. */
  loaded(bytes: number, undo: () => void): void {
    this.response.bytes += bytes;
    this.response.undo.push(undo);
  }
}

type Paths = string[][];

function parseLoad(arg: unknown): Paths | "all" {
  if (arg === undefined || arg === null) return "all";
  let list: string[];
  if (typeof arg === "string") list = arg.split(",");
  else if (Array.isArray(arg)) list = arg.map(String);
  else if (typeof arg === "object" && "select" in arg) list = String((arg as { select: unknown }).select).split(",");
  else throw new StandInError("InvalidArgument", "load() accepts a string, an array of strings or { select }.");
  return list.map((p) => p.trim()).filter((p) => p !== "").map((p) => p.split("/"));
}

/**
 * Base of every proxy. Subclasses list their loadable scalars and say how to
 * read them from the state; navigation properties capture recursively.
 */
export abstract class ClientObject {
  private loaded = new Map<string, unknown>();
  protected abstract readonly scalars: readonly string[];

  constructor(protected readonly ctx: StandInContext) {}

  /** The state behind this proxy, or undefined for a null object. Called only while a sync runs. */
  protected abstract target(): unknown;

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg);
    this.ctx.enqueue(undefined, () => this.capture(paths));
    return this;
  }

  /** Takes the current values of the requested properties (runs inside sync, in queue order). */
  capture(paths: Paths | "all"): void {
    const exists = this.target() !== undefined;
    this.take("isNullObject", !exists, OBJECT_OVERHEAD);
    if (!exists) return;
    if (paths === "all") {
      for (const s of this.scalars) this.take(s, this.readState(s));
      return;
    }
    const byHead = new Map<string, Paths>();
    for (const p of paths) {
      const [head, ...rest] = p;
      if (head === undefined) continue;
      const list = byHead.get(head) ?? [];
      if (rest.length > 0) list.push(rest);
      byHead.set(head, list);
    }
    for (const [head, rest] of byHead) {
      if (head === "isNullObject") continue;
      if (this.scalars.includes(head)) {
        this.take(head, this.readState(head));
      } else {
        const nav = this.navigation(head);
        if (!nav) throw new StandInError("InvalidArgument", `Cannot load "${head}" on ${this.constructor.name}.`);
        nav.capture(rest.length > 0 ? rest : "all");
      }
    }
  }

  /** Sets a loaded property, counted in the sync's response; forgotten again if the response is refused. */
  private take(name: string, value: unknown, overhead = 0): void {
    const had = this.loaded.has(name);
    const before = this.loaded.get(name);
    this.loaded.set(name, value);
    this.ctx.loaded(overhead + responseBytes(value) + name.length + 3, () => {
      if (had) this.loaded.set(name, before);
      else this.loaded.delete(name);
    });
  }

  /** A navigation property by name (for load paths like "worksheet/name"). */
  protected navigation(_name: string): ClientObject | undefined {
    return undefined;
  }

  protected abstract readState(name: string): unknown;

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new StandInError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as T;
  }

  /** Queues a change to apply at sync; skipped on a null object, as Excel ignores it. */
  protected write(data: unknown, apply: (target: never) => void): void {
    this.ctx.enqueue(data, () => {
      const t = this.target();
      if (t !== undefined) apply(t as never);
    });
  }

  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

/** Throws an Excel-shaped error for a missing item (used inside sync). */
export function notFound(what: string): never {
  throw new StandInError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}
