/**
 * Turns an AgencyDirectory (plain data) into lookup structures once, cached
 * per directory object, so parsing thousands of cells stays cheap.
 */
import { AgencyDirectorySchema, type AgencyDirectory, type AgencyEntry } from "../directory";
import { compactKey, exactKey, tokenize, type Token } from "./text";

/** How a name may end with a province: see `matchAt`. */
export type Slot = "explicit" | "implicit" | "none";

export interface CompiledForm {
  entry: AgencyEntry;
  /** The directory text this form came from ("Ban QL các KCN"). */
  text: string;
  /** Folded comparison words, abbreviations expanded, "và" and a trailing "tỉnh" removed. */
  keys: string[];
  /**
   * explicit: the form ends in "tỉnh", which may be written "tỉnh", "tỉnh Bắc
   * Giang", "Bắc Giang" or left out at the end of an item; implicit: an agency
   * that may be followed by "tỉnh X" ("Sở Y tế tỉnh Bình Dương"); none: groups.
   */
  slot: Slot;
  /** exactKey of the text without its trailing "tỉnh". */
  exact: string;
}

export interface CompiledDirectory {
  dir: AgencyDirectory;
  forms: CompiledForm[];
  byFirstKey: Map<string, CompiledForm[]>;
  words: Map<string, string[]>;
  heads: string[][];
  roles: Set<string>;
  distributors: { keys: string[]; head: string }[];
  byId: Map<string, AgencyEntry>;
  /** Memos for matchAgency and suggestAgency: plans repeat the same few names thousands of times. */
  matchMemo: Map<string, unknown>;
  suggestMemo: Map<string, unknown>;
}

const cache = new WeakMap<AgencyDirectory, CompiledDirectory>();

/** Folded words of a plain phrase (no abbreviation expansion): "Chi cục" → ["chi", "cuc"]. */
export function phraseKeys(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind === "word")
    .map((t) => t.key);
}

/** Comparison units of one word: an abbreviation written in capitals expands ("UBND" → uy ban nhan dan). */
export function unitsOf(tok: Token, words: Map<string, string[]>): string[] {
  if (tok.caps) {
    const expanded = words.get(tok.key);
    if (expanded) return expanded;
  }
  return [tok.key];
}

function compileForm(entry: AgencyEntry, text: string, words: Map<string, string[]>): CompiledForm | null {
  const tokens = tokenize(text).filter((t) => t.kind === "word");
  const keys = tokens.flatMap((t) => unitsOf(t, words));
  if (keys.length === 0) return null;
  const last = tokens[tokens.length - 1];
  const endsWithTinh = last !== undefined && last.key === "tinh" && tokens.length > 1;
  let slot: Slot = entry.kind === "group" ? "none" : "implicit";
  let exactText = text;
  if (endsWithTinh && last) {
    keys.pop();
    slot = "explicit";
    exactText = text.slice(0, last.start);
  }
  return { entry, text, keys, slot, exact: exactKey(exactText) };
}

/**
 * Validate and compile a directory. A malformed directory is a caller's
 * mistake, so it throws with what to fix.
 */
export function compileDirectory(dir: AgencyDirectory): CompiledDirectory {
  const hit = cache.get(dir);
  if (hit) return hit;
  const parsed = AgencyDirectorySchema.safeParse(dir);
  if (!parsed.success) {
    throw new TypeError(`Invalid agency directory: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const byId = new Map<string, AgencyEntry>();
  for (const e of dir.entries) {
    if (byId.has(e.id)) throw new TypeError(`Invalid agency directory: duplicate entry id "${e.id}"`);
    byId.set(e.id, e);
  }
  const words = new Map<string, string[]>();
  for (const [abbr, full] of Object.entries(dir.words)) {
    words.set(compactKey(abbr), phraseKeys(full).filter((k) => k !== "va"));
  }
  const forms: CompiledForm[] = [];
  for (const entry of dir.entries) {
    const texts = [entry.name, ...entry.aliases, ...entry.abbreviations, ...entry.short];
    // "Sở KH&ĐT" is as correct as "KH&ĐT" for a department.
    if (entry.short.length > 0) {
      for (const a of entry.abbreviations) if (!/^Sở\s/u.test(a)) texts.push(`Sở ${a}`);
    }
    const seen = new Set<string>();
    for (const text of texts) {
      const form = compileForm(entry, text, words);
      if (!form) continue;
      const sig = `${form.keys.join(" ")}|${form.exact}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      forms.push(form);
    }
  }
  const byFirstKey = new Map<string, CompiledForm[]>();
  for (const f of forms) {
    const k = f.keys[0] ?? "";
    const list = byFirstKey.get(k) ?? [];
    list.push(f);
    byFirstKey.set(k, list);
  }
  const compiled: CompiledDirectory = {
    dir,
    forms,
    byFirstKey,
    words,
    heads: dir.heads.map(phraseKeys).filter((k) => k.length > 0),
    roles: new Set(dir.roles.map((r) => phraseKeys(r)[0] ?? "").filter((k) => k !== "")),
    distributors: dir.distributors.map((d) => ({ keys: phraseKeys(d.prefix).filter((k) => k !== "va"), head: d.head })),
    byId,
    matchMemo: new Map(),
    suggestMemo: new Map(),
  };
  cache.set(dir, compiled);
  return compiled;
}

/** Remember a result, forgetting everything once the memo is large (names are user data: unbounded). */
export function remember<T>(memo: Map<string, unknown>, key: string, value: T): T {
  if (memo.size >= 20000) memo.clear();
  memo.set(key, value);
  return value;
}

/** Folded comparison key of free text (for unknown names): words joined, "và" dropped, abbreviations expanded. */
export function looseKey(text: string, c: CompiledDirectory): string {
  return tokenize(text)
    .filter((t) => t.kind === "word")
    .flatMap((t) => unitsOf(t, c.words))
    .join(" ");
}

