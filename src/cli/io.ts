/** What a CLI command may touch; tests pass their own to capture output or simulate a failing disk. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes the whole file (callers write a temporary file and rename it: see ./_lib/files). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** What is at `path`, following symbolic links; null when nothing is there. */
  stat(path: string): Promise<PathFacts | null>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; nothing happens when it is already gone. */
  remove(path: string): Promise<void>;
  /** The names in a folder (to find temporary files a killed run left); absent where listing is not possible. */
  list?(dir: string): Promise<string[]>;
  /** "Today" for rules that depend on it (deadlines passed); injectable for tests. */
  today(): Date;
}

export interface PathFacts {
  kind: "file" | "directory" | "other";
  size: number;
  /** The canonical path (symbolic links, "." and ".." resolved), so two spellings of one file compare equal. */
  realPath: string;
  /** Device and inode ("dev:ino"): equal for hard links too. Null where the platform gives none. */
  id: string | null;
  /** Nobody may write it (mode 444, Windows' read-only attribute): replacing it would undo what its owner chose. */
  readOnly?: boolean;
}

/**
 * A failure the user can act on: one line in Vietnamese, one in English, and
 * a stable code (`output.exists`, `input.tooLarge`…) scripts can match. Exit
 * code 2 unless given.
 */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 2,
    readonly code: string | null = null,
  ) {
    super(`${vi} / ${en}`);
  }
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
