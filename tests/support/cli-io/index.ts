/**
 * CliIo doubles for tests. `diskIo`: the real disk (nodeIo) with output
 * captured and a fixed "today"; override any member to simulate a failure
 * (a full disk: `writeFile` rejecting with ENOSPC). `memoryIo`: files in a map,
 * for commands whose output a test reads back from memory.
 */
import type { CliIo, PathFacts } from "../../../src/cli/io";
import { nodeIo } from "../../../src/cli/nodeIo";

export type CapturingIo = CliIo & { lines: string[]; stdout: string[]; stderr: string[] };

export function diskIo(today = new Date("2025-07-01T00:00:00Z"), overrides: Partial<CliIo> = {}): CapturingIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines: string[] = [];
  return {
    ...nodeIo,
    lines,
    stdout,
    stderr,
    out: (l) => void (stdout.push(l), lines.push(l)),
    err: (l) => void (stderr.push(l), lines.push(l)),
    today: () => today,
    ...overrides,
  };
}

const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT", path });

/** Files in memory; the folders that exist are ".", those holding a file, and `folders`. */
export function memoryIo(
  files: Record<string, Uint8Array> = {},
  today = new Date("2025-06-01T00:00:00Z"),
  folders: string[] = [],
): CapturingIo & { written: Map<string, Uint8Array> } {
  const written = new Map<string, Uint8Array>(Object.entries(files));
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines: string[] = [];
  const facts = (path: string): PathFacts | null => {
    const f = written.get(path);
    if (f) return { kind: "file", size: f.length, realPath: path.replace(/^\.\//, ""), id: null };
    return path === "." || folders.includes(path) || [...written.keys()].some((k) => k.startsWith(`${path}/`)) ? { kind: "directory", size: 0, realPath: path, id: null } : null;
  };
  return {
    written,
    lines,
    stdout,
    stderr,
    out: (l) => void (stdout.push(l), lines.push(l)),
    err: (l) => void (stderr.push(l), lines.push(l)),
    readFile: async (path) => {
      const f = written.get(path);
      if (!f) throw enoent(path);
      return f;
    },
    writeFile: async (path, data) => void written.set(path, data),
    stat: async (path) => facts(path),
    rename: async (from, to) => {
      const f = written.get(from);
      if (!f) throw enoent(from);
      written.delete(from);
      written.set(to, f);
    },
    remove: async (path) => void written.delete(path),
    today: () => today,
  };
}
