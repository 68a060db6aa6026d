import { isUtf8 } from 'buffer';
import * as path from 'path';
import { EvidenceFolder } from '../core/documents/layout';
import { idFromPath, readDocument, titleFromPath } from '../core/documents/readDocument';
import { ReadResult } from '../core/evidence/model';
import { ParsedDocuments } from './parsedDocuments';
import { FileBytes, Unchanged, readBoundedFileSync, readBoundedFiles } from './readFiles';

/** Files larger than this are listed by name only, with a problem (bytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Files read and parsed between yields to the event loop (see `readDocuments`). */
const READ_BATCH = 128;
/** Files in flight at once when reading through libuv's thread pool. */
const READ_CONCURRENCY = 32;
/**
 * Median cost of a synchronous read in a batch (ms per file) above which the files are taken to come
 * from the disk rather than the page cache, and the rest are read through the thread pool: from the
 * page cache a synchronous read is several times cheaper than the pool (whose cost is mostly its
 * callbacks on this thread), from the disk the pool wins by reading several files at once. The
 * threshold sits between the two per-file costs; `npm run bench` shows the index on either path.
 */
const SYNC_READ_MAX_MS = 0.04;

/** A file to read: its path relative to the scanned root (POSIX) and the evidence folder it is in. */
export interface DocumentFile {
  rel: string;
  folder: EvidenceFolder;
}

/**
 * Reads and parses evidence files under `root` (an absolute path), in input order; never throws (an
 * unreadable file is listed by name with a problem). Files are taken in batches of READ_BATCH,
 * yielding to the event loop after each, so each blocking slice stays a few milliseconds. A batch
 * is read synchronously while that is cheap (files in the page cache: no callback per system call);
 * once a batch's median file reads slowly (files coming from the disk), the rest go through a
 * bounded pool on libuv's thread pool (READ_CONCURRENCY in flight), the next batch being read while
 * the current one is parsed. With `cache`, a file unchanged since it was parsed (same size and
 * modification time, same folder kind and convention) is only stat'ed.
 */
export async function readDocuments(root: string, files: readonly DocumentFile[], cache?: ParsedDocuments): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  const batchOf = (i: number) => files.slice(i, i + READ_BATCH);
  // Only files the cache holds are stat'ed first; the others are read at once.
  const knownBy = (f: DocumentFile): Unchanged | undefined => {
    const key = cacheKey(f);
    return cache?.knows(key) ? (size, mtimeMs) => cache.has(key, size, mtimeMs) : undefined;
  };
  const readPooled = (i: number) => {
    const batch = batchOf(i);
    return readBoundedFiles(
      batch.map((f) => absolutePath(root, f.rel)),
      MAX_DOCUMENT_BYTES,
      READ_CONCURRENCY,
      (k) => knownBy(batch[k]),
    );
  };
  let fromDisk = false; // once a synchronous batch was slow, the pool reads the rest
  const took = new Float64Array(READ_BATCH); // ms per file of the last synchronous batch
  let next: Promise<FileBytes[]> | undefined; // the pool's read of the batch about to be parsed
  for (let i = 0; i < files.length; i += READ_BATCH) {
    const batch = batchOf(i);
    let bytes: FileBytes[];
    if (next) bytes = await next;
    else {
      bytes = batch.map((f, k) => {
        const started = performance.now();
        const r = readBoundedFileSync(absolutePath(root, f.rel), MAX_DOCUMENT_BYTES, knownBy(f));
        took[k] = performance.now() - started;
        return r;
      });
      // The median, not the mean: one garbage collection or preemption inside a batch is no disk.
      fromDisk = median(took.subarray(0, batch.length)) > SYNC_READ_MAX_MS;
    }
    next = fromDisk && i + READ_BATCH < files.length ? readPooled(i + READ_BATCH) : undefined;
    batch.forEach((f, k) => {
      const r = bytes[k];
      const known = !r.ok && r.reason === 'unchanged' ? cache?.get(cacheKey(f)) : undefined;
      const result = known ?? documentFromBytes(f.rel, f.folder, r);
      if (!known) cache?.set(cacheKey(f), result, r.ok ? r.stat : undefined);
      out.push(result);
    });
    if (!next) await new Promise<void>((resolve) => setImmediate(resolve)); // else awaiting `next` yields
  }
  return out;
}

function median(xs: Float64Array): number {
  const sorted = Float64Array.from(xs).sort();
  return sorted[sorted.length >> 1];
}

/** `root` joined with a normal POSIX `rel` from our own listing (no `path.join` normalising per file). */
function absolutePath(root: string, rel: string): string {
  return `${root}${path.sep}${path.sep === '/' ? rel : rel.split('/').join(path.sep)}`;
}

/** How a file is known to the cache: what it is read as (the folder's kind and convention) and its path. */
function cacheKey(f: DocumentFile): string {
  return `${f.folder.kind} ${f.folder.convention} ${f.rel}`;
}

/** A document that could not be read, listed by its name with the reason as a problem. */
export function listedByName(rel: string, folder: EvidenceFolder, message: string): ReadResult {
  return {
    item: {
      kind: folder.kind,
      format: 'markdown',
      id: idFromPath(rel),
      title: titleFromPath(rel),
      status: null,
      statusText: null,
      date: null,
      path: rel,
    },
    problems: [{ path: rel, line: null, message }],
  };
}

/**
 * Parses what reading `rel` gave; binary content (a NUL in the first 8 KiB) is not parsed, and text
 * that is not UTF-8 is read with a problem saying so.
 */
function documentFromBytes(rel: string, folder: EvidenceFolder, read: FileBytes): ReadResult {
  if (!read.ok) {
    if (read.reason === 'not-a-file') return listedByName(rel, folder, 'not a regular file');
    if (read.reason === 'too-large')
      return listedByName(rel, folder, `file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; not read`);
    if (read.reason === 'unchanged') return listedByName(rel, folder, 'could not be read: no cached copy'); // not asked without a cache
    return listedByName(rel, folder, `could not be read: ${read.code}`);
  }
  const nul = read.bytes.indexOf(0);
  if (nul >= 0 && nul < 8192) return listedByName(rel, folder, 'binary file (NUL bytes); not read');
  const text = read.bytes.toString('utf8');
  const result = readDocument({ path: rel, text, kind: folder.kind, convention: folder.convention });
  if (isUtf8(read.bytes)) return result;
  // Read anyway (most of such a file is ASCII) and say why some characters show as U+FFFD.
  const line = text.slice(0, Math.max(0, text.indexOf('\uFFFD'))).split('\n').length;
  const problem = {
    path: rel,
    line,
    message: 'not valid UTF-8 text (Latin-1 or another encoding?): some characters are shown as \uFFFD; save the file as UTF-8',
  };
  return { ...result, problems: [...result.problems, problem] };
}

/**
 * Reads one evidence file (repository-relative `rel`) of `folder` under `root`, synchronously (one
 * file, after a watcher event). Never throws: an unreadable, binary or oversized file is listed by
 * name with a problem.
 */
export function readFileNow(root: string, rel: string, folder: EvidenceFolder): ReadResult {
  return documentFromBytes(rel, folder, readBoundedFileSync(absolutePath(root, rel), MAX_DOCUMENT_BYTES));
}
