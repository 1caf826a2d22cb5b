/**
 * Writes a file so that a failure never leaves it half-written: the bytes go
 * to a temporary file beside it, which is then renamed over it. With
 * `backup`, the previous file is kept as FILE.bak first.
 */
import { copyFile, rename, rm } from "node:fs/promises";
import type { CliIo } from "../../io";

export async function safeWrite(io: CliIo, path: string, bytes: Uint8Array, options: { backup?: boolean } = {}): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    await io.writeFile(tmp, bytes);
    if (options.backup) await copyFile(path, `${path}.bak`);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
