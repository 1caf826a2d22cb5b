/** What a CLI command may touch; tests pass their own to capture output. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(path: string): Promise<Uint8Array>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** "Today" for rules that depend on it (deadlines passed); injectable for tests. */
  today(): Date;
}

/** A failure the user can act on: one line in Vietnamese, one in English. Exit code 2 unless given. */
export class CliError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
    readonly exitCode = 2,
  ) {
    super(`${vi} / ${en}`);
  }
}

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;
