/** Base of the stand-in's collections. */
import { ClientObject } from "./context";

/** Base for collections: `items` loads as proxies bound to the items present at sync time. */
export abstract class Collection<Item extends ClientObject, T> extends ClientObject {
  protected readonly scalars = ["count"] as const;
  protected abstract list(): T[] | undefined;
  protected abstract wrap(item: T): Item;
  protected target(): unknown {
    return this.list();
  }
  protected readState(name: string): unknown {
    return name === "count" ? this.list()?.length : undefined;
  }
  override capture(paths: string[][] | "all"): void {
    if (paths === "all") return super.capture(paths);
    const itemPaths = paths.filter((p) => p[0] === "items").map((p) => p.slice(1));
    const others = paths.filter((p) => p[0] !== "items");
    super.capture(others);
    if (paths.some((p) => p[0] === "items")) {
      const proxies = (this.list() ?? []).map((t) => this.wrap(t));
      const rest = itemPaths.filter((p) => p.length > 0);
      for (const proxy of proxies) proxy.capture(rest.length > 0 ? rest : "all");
      this.setLoaded("items", proxies);
    }
  }
  get items(): Item[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
}

