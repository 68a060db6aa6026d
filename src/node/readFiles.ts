import * as fs from 'fs';

/** What reading one file gave: its bytes, or why there are none. */
export type FileBytes =
  | { ok: true; bytes: Buffer; stat: { size: number; mtimeMs: number } }
  | { ok: false; reason: 'not-a-file' }
  | { ok: false; reason: 'too-large'; size: number }
  | { ok: false; reason: 'unchanged' }
  | { ok: false; reason: 'error'; code: string };

// O_NONBLOCK: opening a named pipe must not wait for a writer (regular files ignore the flag).
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/**
 * Reads one file of at most `maxBytes` bytes: open, fstat, read, close on libuv's thread pool
 * (callbacks, not `fs.promises`: a FileHandle per file costs several times more for small files).
 * A directory, pipe or device is not read (`not-a-file`), nor a file over `maxBytes` (`too-large`).
 * With `unchanged`, the file is stat'ed first, and not read when `unchanged` recognises it by
 * size and modification time (`unchanged`).
 * Never rejects; I/O errors come back as `{ reason: 'error', code }` (e.g. `ENOENT`, `ELOOP`).
 */
export function readBoundedFile(file: string, maxBytes: number, unchanged?: Unchanged): Promise<FileBytes> {
  if (unchanged) {
    // One stat settles a known file; only a changed one is opened.
    return new Promise((resolve) => {
      fs.stat(file, (err, st) => {
        if (!err && st.isFile() && unchanged(st.size, st.mtimeMs)) resolve({ ok: false, reason: 'unchanged' });
        else resolve(readBoundedFile(file, maxBytes));
      });
    });
  }
  return new Promise((resolve) => {
    const fail = (err: NodeJS.ErrnoException) => resolve({ ok: false, reason: 'error', code: err.code ?? err.message });
    fs.open(file, OPEN_FLAGS, (err, fd) => {
      if (err) return fail(err);
      const finish = (result: FileBytes) => fs.close(fd, () => resolve(result));
      fs.fstat(fd, (err, st) => {
        if (err) return finish({ ok: false, reason: 'error', code: err.code ?? err.message });
        const refused = refusal(st, maxBytes);
        if (refused) return finish(refused);
        const bytes = Buffer.allocUnsafe(st.size);
        const stat = { size: st.size, mtimeMs: st.mtimeMs };
        const readFrom = (offset: number): void => {
          if (offset >= bytes.length) return finish({ ok: true, bytes, stat });
          fs.read(fd, bytes, offset, bytes.length - offset, offset, (err, n) => {
            if (err) return finish({ ok: false, reason: 'error', code: err.code ?? err.message });
            // A file that shrank while being read: keep what is there.
            if (n === 0) return finish({ ok: true, bytes: bytes.subarray(0, offset), stat: { ...stat, size: offset } });
            readFrom(offset + n);
          });
        };
        readFrom(0);
      });
    });
  });
}

/**
 * {@link readBoundedFile}, synchronously: the same outcomes, with the same checks, without a trip
 * through libuv's thread pool — for a file in the page cache several times cheaper on this thread
 * than four callbacks (open, fstat, read, close). Never throws.
 */
export function readBoundedFileSync(file: string, maxBytes: number, unchanged?: Unchanged): FileBytes {
  let fd: number | undefined;
  try {
    if (unchanged) {
      const st = fs.statSync(file);
      if (st.isFile() && unchanged(st.size, st.mtimeMs)) return { ok: false, reason: 'unchanged' };
    }
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    const refused = refusal(st, maxBytes);
    if (refused) return refused;
    const bytes = Buffer.allocUnsafe(st.size);
    let offset = 0;
    while (offset < bytes.length) {
      const n = fs.readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (n === 0) break; // shrank while being read: keep what is there
      offset += n;
    }
    return { ok: true, bytes: offset < bytes.length ? bytes.subarray(0, offset) : bytes, stat: { size: offset, mtimeMs: st.mtimeMs } };
  } catch (err) {
    return { ok: false, reason: 'error', code: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/** Why an opened file is not read (not a regular file, or over `maxBytes`), or undefined: read it. */
function refusal(st: fs.Stats, maxBytes: number): FileBytes | undefined {
  if (!st.isFile()) return { ok: false, reason: 'not-a-file' };
  if (st.size > maxBytes) return { ok: false, reason: 'too-large', size: st.size };
  return undefined;
}

/** Closes a descriptor we opened for reading; a failure to close loses nothing, so it is not reported. */
function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // EBADF/EIO on close of a read-only descriptor: the bytes are already read.
  }
}

/** Whether a file of `size` bytes modified at `mtimeMs` (ms since the epoch) is already known. */
export type Unchanged = (size: number, mtimeMs: number) => boolean;

/**
 * Reads `files` (absolute paths) with at most `concurrency` files in flight, resolving with the
 * outcomes in input order. A bounded pool: thousands of files never mean thousands of open handles.
 */
export function readBoundedFiles(
  files: readonly string[],
  maxBytes: number,
  concurrency: number,
  unchanged?: (index: number) => Unchanged | undefined,
): Promise<FileBytes[]> {
  const out = new Array<FileBytes>(files.length);
  if (files.length === 0) return Promise.resolve(out);
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    const start = (): void => {
      const i = next++;
      if (i >= files.length) return;
      void readBoundedFile(files[i], maxBytes, unchanged?.(i)).then((r) => {
        out[i] = r;
        if (++done === files.length) resolve(out);
        else start();
      });
    };
    for (let k = 0; k < Math.min(concurrency, files.length); k++) start();
  });
}
