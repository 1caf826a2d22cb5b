/** Keys of task rows: stable across re-imports as long as the task's indicator and wording stay. */

const normalise = (text: string): string => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * A key for each task of an indicator: indicator key + normalised text, with
 * "#2", "#3" for the same text repeated under one indicator.
 */
export function taskKeys(indicatorKey: string, texts: string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = `${indicatorKey}|${normalise(text)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** Makes keys unique in order of appearance ("k", "k#2"), so a faulty source never makes two rows share a key. */
export function uniqueKeys(keys: string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((k) => {
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}
