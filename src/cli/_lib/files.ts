/**
 * The CLI's file safety: inputs are checked by size before they are read;
 * an output never replaces an existing file unless the user asked (`--update`
 * for the Chỉ tiêu workbook being updated, `--force` for anything else), is
 * never one of the inputs under another spelling, and is written to a
 * temporary file beside it and renamed, so a failed write leaves the previous
 * file as it was and no temporary file behind. Every failure is a CliError
 * with a stable code, both languages and what to do (exit 2).
 */
import { basename, dirname } from "node:path";
import type { CliIo, PathFacts } from "../io";
import { CliError } from "../io";
import { MAX_IMPORT_BYTES } from "../../import";
import { windowsNameProblem } from "../../core/_lib/fileName";

/** Reads an input file, refusing a folder, a missing file or one too large before reading a byte of it. */
export async function readInput(io: CliIo, file: string, maxBytes: number = MAX_IMPORT_BYTES): Promise<Uint8Array> {
  let facts: PathFacts | null;
  try {
    facts = await io.stat(file);
  } catch (e) {
    throw fsError(e, file, "read");
  }
  if (!facts) throw new CliError(`Không tìm thấy tệp: ${file}`, `File not found: ${file}`, 2, "input.notFound");
  if (facts.kind === "directory") throw new CliError(`Đây là thư mục, không phải tệp: ${file}`, `This is a folder, not a file: ${file}`, 2, "input.isDirectory");
  if (facts.kind === "file" && facts.size > maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);
    throw new CliError(
      `${file}: tệp quá lớn (${mb(facts.size)} MB, tối đa ${mb(maxBytes)} MB), chưa đọc: hãy kiểm tra đã chọn đúng tệp, hoặc tách phụ lục ra tệp riêng.`,
      `${file}: the file is too large (${mb(facts.size)} MB, at most ${mb(maxBytes)} MB) and was not read: check it is the right file, or save the appendix on its own.`,
      2,
      "input.tooLarge",
    );
  }
  try {
    return await io.readFile(file);
  } catch (e) {
    throw fsError(e, file, "read");
  }
}

export interface OutputRequest {
  out: string;
  /** Files this command reads: the output may never be one of them (except `updating`). */
  inputs: string[];
  /** The workbook `--update` names: writing over it is what the user asked for. */
  updating?: string | null;
  force: boolean;
  /** Tells whether an existing file is a Chỉ tiêu workbook (only asked when it exists and nothing allows replacing it). */
  isChiTieuWorkbook?: (path: string) => Promise<boolean>;
}

const sameFile = (a: PathFacts, b: PathFacts): boolean => a.realPath === b.realPath || (a.id !== null && a.id === b.id);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Refuses, before any work, an output that would destroy something the user did not ask to replace. */
export async function guardOutput(io: CliIo, req: OutputRequest): Promise<void> {
  const { out } = req;
  // Checked on every platform: the planning office's files end up on Windows PCs and shares.
  const nameProblem = windowsNameProblem(basename(out));
  if (nameProblem) {
    throw new CliError(
      `-o ${out}: ${nameProblem.message} Hãy chọn tên khác; chưa ghi gì.`,
      `-o ${out}: ${nameProblem.messageEn} Choose another name; nothing was written.`,
      2,
      `output.${nameProblem.code}`,
    );
  }
  const facts = await statOrFail(io, out, "write");
  if (facts?.kind === "directory") {
    throw new CliError(
      `-o ${out} là một thư mục: hãy ghi tên tệp, ví dụ -o ${joinName(out, "theo-doi.xlsx")}.`,
      `-o ${out} is a folder: give a file name, e.g. -o ${joinName(out, "theo-doi.xlsx")}.`,
      2,
      "output.isDirectory",
    );
  }
  const dir = dirname(out);
  const dirFacts = await statOrFail(io, dir, "write");
  if (!dirFacts || dirFacts.kind !== "directory") {
    throw new CliError(
      `Thư mục ${dir} không tồn tại: hãy tạo thư mục trước (mkdir -p ${dir}) hoặc chọn nơi ghi khác với -o.`,
      `The folder ${dir} does not exist: create it first (mkdir -p ${dir}) or choose another place with -o.`,
      2,
      "output.folderMissing",
    );
  }
  if (!facts) return;
  for (const input of req.inputs) {
    if (input === req.updating) continue;
    const inFacts = await statOrFail(io, input, "read");
    if (inFacts && sameFile(facts, inFacts)) {
      throw new CliError(
        `-o ${out} là chính tệp đầu vào ${input}: ghi vào đó sẽ xóa mất tệp gốc. Hãy chọn tên tệp khác.`,
        `-o ${out} is the input file ${input} itself: writing there would destroy the original. Choose another file name.`,
        2,
        "output.isInput",
      );
    }
  }
  if (req.updating) {
    const upd = await statOrFail(io, req.updating, "read");
    if (upd && sameFile(facts, upd)) return;
  }
  if (req.force) return;
  if (req.isChiTieuWorkbook && (await req.isChiTieuWorkbook(out).catch(() => false))) {
    throw new CliError(
      `${out} đã là sổ theo dõi Chỉ tiêu (có thể có số liệu đã nhập): dùng --update ${out} để cập nhật mà giữ số liệu, hoặc --force để thay hẳn.`,
      `${out} is already a Chỉ tiêu workbook (it may hold typed results): use --update ${out} to update it keeping them, or --force to replace it.`,
      2,
      "output.isWorkbook",
    );
  }
  throw new CliError(
    `${out} đã tồn tại và không bị ghi đè: chọn tên khác, hoặc thêm --force để thay tệp đó.`,
    `${out} already exists and was not overwritten: choose another name, or add --force to replace it.`,
    2,
    "output.exists",
  );
}

/** The temporary name a write of `path` goes through (beside it, hidden, named for this process). */
function tempName(path: string): string {
  return joinName(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}

/**
 * Writes `data` to `out` through a temporary file in the same folder and a
 * rename (atomic on one file system). On failure the temporary file is
 * removed and `out`, if it existed, is untouched. With `backup` (the bytes
 * `out` held when it was read), those bytes become OUT.bak first, by the same
 * write-and-rename: a kill at any moment leaves the previous OUT.bak whole
 * until the new one is complete, and OUT either old or new.
 */
export async function writeOutput(io: CliIo, out: string, data: Uint8Array, options: { backup?: Uint8Array } = {}): Promise<void> {
  if (options.backup) {
    // Someone saved OUT while this run worked on its earlier bytes: replacing it would silently drop what they
    // typed (a lost update). Refuse; the next run starts from what is there now.
    const now = await io.readFile(out).catch(() => null);
    if (now !== null && !sameBytes(now, options.backup)) {
      throw new CliError(
        `${out} đã được lưu lại trong lúc đang xử lý: không ghi đè để không mất những gì vừa sửa. Hãy chạy lại.`,
        `${out} was saved again while this run was working: not replaced, so the new edits are not lost. Run again.`,
        1,
        "output.changed",
      );
    }
    await writeOutput(io, `${out}.bak`, options.backup);
  }
  const tmp = tempName(out);
  try {
    await io.writeFile(tmp, data);
    await io.rename(tmp, out);
  } catch (e) {
    await io.remove(tmp).catch(() => undefined);
    throw fsError(e, out, "write");
  }
}

/** Refuses, before any work, to replace files that already exist unless --force was given. */
export async function refuseExisting(io: CliIo, paths: string[], force: boolean): Promise<void> {
  if (force) return;
  const taken: string[] = [];
  for (const p of paths) if (await statOrFail(io, p, "write")) taken.push(p);
  if (taken.length === 0) return;
  const list = taken.slice(0, 3).join(", ") + (taken.length > 3 ? ` (+${taken.length - 3})` : "");
  throw new CliError(
    `Đã có tệp ${list}: không ghi đè. Hãy chọn nơi ghi khác, hoặc thêm --force để thay tệp cũ.`,
    `${list} already exists: not replaced. Choose another place, or add --force to replace it.`,
    2,
    "output.exists",
  );
}

/**
 * Refuses, before any work, to replace a file its owner keeps: one marked read-only, or one open in
 * LibreOffice (lock file ".~lock.W.xlsx#") or Excel (owner file "~$W.xlsx"), whose unsaved edits would
 * otherwise be lost on their next save, or would overwrite what we write.
 */
export async function guardReplace(io: CliIo, path: string): Promise<void> {
  const facts = await statOrFail(io, path, "write");
  if (facts?.readOnly) {
    throw new CliError(
      `${path} được đặt chỉ đọc (read-only): không ghi đè. Nếu muốn cập nhật, hãy bỏ thuộc tính chỉ đọc (chmod u+w ${basename(path)}, hoặc trên Windows: Properties › bỏ chọn Read-only), hoặc ghi sang tệp khác với -o.`,
      `${path} is read-only: not replaced. To update it, make it writable (chmod u+w ${basename(path)}, or on Windows: Properties › untick Read-only), or write to another file with -o.`,
      2,
      "output.readOnly",
    );
  }
  const dir = dirname(path);
  const base = basename(path);
  const locks: Array<{ file: string; app: string }> = [
    { file: `.~lock.${base}#`, app: "LibreOffice" },
    { file: `~$${base}`, app: "Excel" },
    // Excel shortens the owner file of a long name: "~$" takes the place of the name's first two characters.
    ...(base.length > 2 ? [{ file: `~$${base.slice(2)}`, app: "Excel" }] : []),
  ];
  for (const lock of locks) {
    const at = joinName(dir, lock.file);
    if (!(await statOrFail(io, at, "read"))) continue;
    throw new CliError(
      `${path} đang được mở trong ${lock.app} (có tệp khóa ${lock.file}): không ghi để không mất những gì đang sửa dở. Hãy lưu và đóng tệp trong ${lock.app} rồi chạy lại; nếu chắc không còn ai mở tệp (máy bị tắt đột ngột), hãy xóa tệp khóa ${at}.`,
      `${path} is open in ${lock.app} (lock file ${lock.file}): not written, so unsaved edits are not lost. Save and close it in ${lock.app}, then run again; if you are sure nobody has it open (the computer was switched off), delete the lock file ${at}.`,
      2,
      "output.open",
    );
  }
}

/**
 * Temporary files a killed run left beside `path` (".W.xlsx.tmp-PID-…", ".W.xlsx.bak.tmp-PID-…", and the
 * older "W.xlsx.tmp-PID"), from processes no longer running: removed, and their names returned so the run
 * can say so.
 */
export async function cleanStaleTemps(io: CliIo, path: string): Promise<string[]> {
  if (!io.list) return [];
  const dir = dirname(path);
  const base = basename(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^\\.?${base}(?:\\.bak)?\\.tmp-(\\d+)(?:-[a-z0-9]+)?$`);
  const names = await io.list(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || running(Number(m[1]))) continue;
    await io.remove(joinName(dir, name)).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/** The line a run prints about the temporary files it cleaned up. */
export function staleTempsLine(removed: string[], dir: string): string | null {
  if (removed.length === 0) return null;
  const list = removed.slice(0, 5).join(", ") + (removed.length > 5 ? ` (+${removed.length - 5})` : "");
  return `Lưu ý: đã xóa ${removed.length} tệp tạm do một lần chạy bị ngắt để lại trong ${dir}: ${list}. / Note: removed ${removed.length} temporary file(s) an interrupted run left in ${dir}: ${list}.`;
}

function joinName(dir: string, name: string): string {
  return dir === "." ? name : `${dir.replace(/\/+$/, "")}/${name}`;
}

async function statOrFail(io: CliIo, path: string, mode: "read" | "write"): Promise<PathFacts | null> {
  try {
    return await io.stat(path);
  } catch (e) {
    throw fsError(e, path, mode);
  }
}

/** A Node file-system error as a CliError that says what to do; anything else is passed on. */
export function fsError(e: unknown, path: string, mode: "read" | "write"): unknown {
  if (e instanceof CliError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return e;
  const dir = dirname(path);
  const make = (vi: string, en: string, c: string): CliError => new CliError(vi, en, 2, c);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return mode === "write"
        ? make(`Thư mục ${dir} không tồn tại: hãy tạo thư mục trước (mkdir -p ${dir}) hoặc chọn nơi ghi khác với -o.`, `The folder ${dir} does not exist: create it first (mkdir -p ${dir}) or choose another place with -o.`, "output.folderMissing")
        : make(`Không tìm thấy tệp: ${path}`, `File not found: ${path}`, "input.notFound");
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return mode === "write"
        ? make(`Không có quyền ghi vào ${dir}: chọn thư mục khác với -o (ví dụ thư mục nhà của bạn), hoặc xin quyền ghi.`, `No permission to write in ${dir}: choose another folder with -o (your home folder, say), or ask for write access.`, "output.noPermission")
        : make(`Không có quyền đọc ${path}: hãy chép tệp sang thư mục của bạn rồi thử lại.`, `No permission to read ${path}: copy the file into your own folder and retry.`, "input.noPermission");
    case "EISDIR":
      return mode === "write"
        ? make(`-o ${path} là một thư mục: hãy ghi tên tệp, ví dụ -o ${joinName(path, "theo-doi.xlsx")}.`, `-o ${path} is a folder: give a file name, e.g. -o ${joinName(path, "theo-doi.xlsx")}.`, "output.isDirectory")
        : make(`Đây là thư mục, không phải tệp: ${path}`, `This is a folder, not a file: ${path}`, "input.isDirectory");
    case "ENOSPC":
    case "EDQUOT":
      return make(`Đĩa đầy, không ghi được ${path}; tệp cũ (nếu có) vẫn nguyên. Hãy giải phóng dung lượng hoặc ghi sang ổ khác với -o.`, `The disk is full, ${path} was not written; the previous file (if any) is intact. Free some space or write to another drive with -o.`, "output.diskFull");
    case "EMFILE":
    case "ENFILE":
    case "EBUSY":
    case "ETXTBSY":
      return make(`Tệp ${path} đang bận (${code}): đóng chương trình đang mở nó rồi thử lại.`, `${path} is busy (${code}): close the program holding it and retry.`, mode === "write" ? "output.busy" : "input.busy");
    default:
      return make(
        mode === "write" ? `Không ghi được ${path} (${code}); tệp cũ (nếu có) vẫn nguyên.` : `Không đọc được ${path} (${code}).`,
        mode === "write" ? `Could not write ${path} (${code}); the previous file (if any) is intact.` : `Could not read ${path} (${code}).`,
        mode === "write" ? "output.failed" : "input.failed",
      );
  }
}
