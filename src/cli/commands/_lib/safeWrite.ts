/**
 * Writes a file so that a failure never leaves it half-written: the bytes go
 * to a temporary file beside it, which is then renamed over it. With
 * `backup`, the previous file is kept as FILE.bak first.
 */
import { access, copyFile, rename, rm } from "node:fs/promises";
import type { CliIo } from "../../io";
import { CliError } from "../../io";

/** Refuses, before any work, to replace files that already exist unless --force was given. */
export async function refuseExisting(paths: string[], force: boolean): Promise<void> {
  if (force) return;
  const taken: string[] = [];
  for (const p of paths) if (await access(p).then(() => true, () => false)) taken.push(p);
  if (taken.length === 0) return;
  const list = taken.slice(0, 3).join(", ") + (taken.length > 3 ? ` (+${taken.length - 3})` : "");
  throw new CliError(
    `Đã có tệp ${list}: không ghi đè. Hãy chọn nơi ghi khác, hoặc thêm --force để thay tệp cũ.`,
    `${list} already exists: not replaced. Choose another place, or add --force to replace it.`,
  );
}

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
