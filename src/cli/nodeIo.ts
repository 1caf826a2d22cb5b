/** The CLI's real input and output: this process's streams and the local disk. */
import { promises as fs } from "node:fs";
import type { CliIo, PathFacts } from "./io";

async function stat(path: string): Promise<PathFacts | null> {
  try {
    const s = await fs.stat(path);
    return {
      kind: s.isFile() ? "file" : s.isDirectory() ? "directory" : "other",
      size: s.size,
      realPath: await fs.realpath(path),
      id: s.ino > 0 ? `${s.dev}:${s.ino}` : null,
      // From the mode, not access(): root may write anything, but a 444 file says "do not replace me".
      readOnly: s.isFile() && (s.mode & 0o222) === 0,
    };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw e;
  }
}

/** Writes and flushes to disk before returning, so a rename after it never publishes a file the disk has not taken. */
async function writeFile(path: string, data: Uint8Array): Promise<void> {
  const handle = await fs.open(path, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeIo: CliIo = {
  out: (line) => void process.stdout.write(line + "\n"),
  err: (line) => void process.stderr.write(line + "\n"),
  readFile: async (path) => new Uint8Array(await fs.readFile(path)),
  writeFile,
  stat,
  rename: (from, to) => fs.rename(from, to),
  remove: (path) => fs.rm(path, { force: true }),
  list: (dir) => fs.readdir(dir),
  today: () => new Date(),
};
