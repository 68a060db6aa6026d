import { ReadResult } from '../core/evidence/model';
import { isRecord, readVersionedJson, writeVersionedJson } from './jsonFile';

/** One cached document: the file's size (bytes) and modification time (ms since the epoch) when read. */
type Entry = [size: number, mtimeMs: number, result: ReadResult];

/**
 * Parsed evidence documents kept between sessions, so that reopening a workspace re-reads only the
 * files changed since (by size and modification time) instead of parsing every document again.
 * Keyed by the caller (how a file is read, and its path); stamped with `version` (the extension's version: a
 * new parser never trusts an old cache). A missing, damaged or other-version file starts empty.
 * {@link save} keeps only the documents seen since {@link load}, so deleted files leave the cache.
 */
export class ParsedDocuments {
  private seen = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly version: string,
    private entries: Map<string, Entry>,
  ) {}

  /** Reads the cache at `file` (JSON); never throws. */
  static async load(file: string, version: string): Promise<ParsedDocuments> {
    const entries = await readVersionedJson(file, version, (data) =>
      isRecord(data.entries) ? (data.entries as Record<string, Entry>) : undefined,
    );
    return new ParsedDocuments(file, version, new Map(Object.entries(entries ?? {})));
  }

  /** Whether `key` is cached at all. */
  knows(key: string): boolean {
    return this.entries.has(key);
  }

  /** Whether `key` is cached as read at this size and modification time. */
  has(key: string, size: number, mtimeMs: number): boolean {
    const e = this.entries.get(key);
    return !!e && e[0] === size && e[1] === mtimeMs;
  }

  /** The cached result of `key` (marking it seen), if any. */
  get(key: string): ReadResult | undefined {
    const e = this.entries.get(key);
    if (e) this.seen.add(key);
    return e?.[2];
  }

  /** Records a fresh result; without a `stat` (the file could not be read) nothing is kept. */
  set(key: string, result: ReadResult, stat: { size: number; mtimeMs: number } | undefined): void {
    this.seen.add(key);
    this.changed = true;
    if (stat) this.entries.set(key, [stat.size, stat.mtimeMs, result]);
    else this.entries.delete(key);
  }

  /** Writes the cache (atomically) when anything changed; documents not seen since loading are dropped. */
  async save(): Promise<void> {
    const gone = [...this.entries.keys()].filter((key) => !this.seen.has(key));
    if (!this.changed && gone.length === 0) return;
    for (const key of gone) this.entries.delete(key);
    await writeVersionedJson(this.file, this.version, { entries: Object.fromEntries(this.entries) }).catch(() => undefined); // a cache: losing it costs one slower start
    this.changed = false;
    this.seen = new Set();
  }
}
