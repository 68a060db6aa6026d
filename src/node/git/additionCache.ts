import { isRecord, readVersionedJson, writeVersionedJson } from '../jsonFile';
import { FileAddition, Repository, fileAdditions, headBlobs } from './repository';

/** Above this many unknown files one `git log` walks the whole folders instead of naming each file. */
const MAX_NAMED_PATHS = 100;
const CACHE_VERSION = 1;
/**
 * How long after a change the cache file is written (ms): git answers while the first index is still
 * reading documents, and serialising thousands of entries should not land in the middle of it.
 */
const SAVE_DELAY_MS = 5000;

/** What `git log` said of one file version: who added the file, or null (no adding commit found). */
type Entry = FileAddition | null;

/**
 * Who added each evidence file, cached by blob id: `git ls-tree` gives the id of every file in
 * HEAD (cheap), and only files whose `<blob id> <path>` is not known yet go to one `git log
 * --diff-filter=A` per call — none at all after a commit that touched no evidence document. Keyed by
 * path too: two files with the same content were not necessarily added by the same person. With a
 * `file`, the cache survives reloads (JSON, written atomically; a missing or damaged file starts
 * empty). Entries of files no longer in HEAD are dropped when the cache is saved.
 */
export class AdditionCache {
  private entries = new Map<string, Entry>();
  private loaded: Promise<void> | undefined;
  private saving: Promise<void> = Promise.resolve();

  /**
   * @param file where to keep the cache between sessions (e.g. the workspace's storage folder); none: memory only.
   * @param saveDelayMs how long after a change the file is written (ms).
   */
  constructor(
    private readonly file?: string,
    private readonly saveDelayMs = SAVE_DELAY_MS,
  ) {}

  /**
   * Who added each file under `folders` (repository-relative POSIX paths), by repository-relative
   * path; files not in HEAD (new, uncommitted) are absent.
   * @throws what simple-git throws when git cannot read the repository.
   */
  async additions(repo: Repository, folders: readonly string[]): Promise<Map<string, FileAddition>> {
    await (this.loaded ??= this.load());
    const blobs = await headBlobs(repo, folders);
    const missing = [...blobs].filter(([p, blob]) => !this.entries.has(`${blob} ${p}`)).map(([p]) => p);
    if (missing.length > 0) {
      const found = await fileAdditions(repo, missing.length > MAX_NAMED_PATHS ? folders.map((f) => `${f}/`) : missing);
      const next = new Map<string, Entry>();
      for (const [p, blob] of blobs) {
        const key = `${blob} ${p}`;
        next.set(key, this.entries.get(key) ?? found.get(p) ?? null);
      }
      this.entries = next;
      // Written a moment later, not waited for: the answer is ready, and serialising is not free.
      this.saving = new Promise((resolve) => setTimeout(resolve, this.saveDelayMs)).then(() => this.save());
    }
    const out = new Map<string, FileAddition>();
    for (const [p, blob] of blobs) {
      const e = this.entries.get(`${blob} ${p}`);
      if (e) out.set(p, e);
    }
    return out;
  }

  /** Settles when the last change has been written to the cache file. */
  whenSaved(): Promise<void> {
    return this.saving;
  }

  private async load(): Promise<void> {
    if (!this.file) return;
    const entries = await readVersionedJson(this.file, CACHE_VERSION, (data) =>
      isRecord(data.entries) ? (data.entries as Record<string, Entry>) : undefined,
    );
    if (entries) this.entries = new Map(Object.entries(entries));
  }

  private async save(): Promise<void> {
    if (!this.file) return;
    await writeVersionedJson(this.file, CACHE_VERSION, { entries: Object.fromEntries(this.entries) }).catch(() => undefined); // a cache: losing it only costs a git log
  }
}
