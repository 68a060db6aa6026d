/**
 * The `git log` output format we read, and its streaming parser.
 *
 * Each record is `\x1e` + nine NUL-terminated fields (`%H %P %aN %aE %aI %cI %cN %cE %B`), then, with
 * `--numstat -z`, NUL-terminated numstat entries (`added\tdeleted\tpath`, or `added\tdeleted\t`
 * followed by the old and new path for a rename; `-` for binary files). Fields are taken by
 * position and numstat entries by their shape, so no message or path content can be mistaken for
 * a record boundary.
 */

/** Pass as `--format=${LOG_FORMAT}` together with `-z --numstat`. Author and committer fields honour `.mailmap`. */
export const LOG_FORMAT = '%x1e%H%x00%P%x00%aN%x00%aE%x00%aI%x00%cI%x00%cN%x00%cE%x00%B';

/** One commit as read from `git log`. */
export interface LogCommit {
  /** 40 hex digits. */
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** Strict ISO 8601 with the author's offset, e.g. `2024-09-09T21:11:23-05:00`. */
  authorDate: string;
  /** Strict ISO 8601 with the committer's offset. */
  committerDate: string;
  /** Who committed it: for a merge made locally, the person who merged; on a hosting platform's button, the platform (`GitHub`). */
  committerName: string;
  committerEmail: string;
  /** Full message: subject, blank line, body (trailing newline removed). */
  message: string;
  /** Files changed against the first parent (numstat); 0 when the log had no `--numstat`. */
  files: number;
  /** Changed paths (POSIX, repository-relative; the new path of a rename), all of them. */
  paths: string[];
  insertions: number;
  deletions: number;
}

const HEADER_FIELDS = 9;
const NUMSTAT = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/;

/**
 * Incremental parser: feed decoded chunks of `git log` output with {@link push}, then call
 * {@link end}. Holds only the current, unfinished record in memory.
 */
export class GitLogParser {
  private rest = '';
  private current: LogCommit | null = null;
  private header: string[] = [];
  /** Rename entries are followed by two path tokens: old, then new. */
  private pendingRenamePaths = 0;

  /** Parses what `chunk` completes; returns the commits finished by it, in log order. */
  push(chunk: string): LogCommit[] {
    const done: LogCommit[] = [];
    const tokens = (this.rest + chunk).split('\0');
    this.rest = tokens.pop() ?? '';
    for (const t of tokens) this.token(t, done);
    return done;
  }

  /** Flushes the last record. */
  end(): LogCommit[] {
    const done: LogCommit[] = [];
    if (this.rest) this.token(this.rest, done);
    this.rest = '';
    if (this.header.length > 0) this.finishHeader();
    if (this.current) done.push(this.current);
    this.current = null;
    return done;
  }

  private token(raw: string, done: LogCommit[]): void {
    if (this.header.length > 0) {
      this.header.push(raw);
      if (this.header.length === HEADER_FIELDS) this.finishHeader();
      return;
    }
    if (this.pendingRenamePaths > 0) {
      this.pendingRenamePaths--;
      if (this.pendingRenamePaths === 0 && this.current) this.current.paths.push(raw);
      return;
    }
    const t = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (t.startsWith('\x1e')) {
      if (this.current) done.push(this.current);
      this.current = null;
      this.header = [t.slice(1)];
      return;
    }
    if (t === '') return;
    const m = NUMSTAT.exec(t);
    if (m && this.current) {
      this.current.files++;
      if (m[1] !== '-') this.current.insertions += Number(m[1]);
      if (m[2] !== '-') this.current.deletions += Number(m[2]);
      if (m[3] === '') this.pendingRenamePaths = 2;
      else this.current.paths.push(m[3]);
      return;
    }
    // Anything else (cannot happen with this format) is skipped.
  }

  private finishHeader(): void {
    const [sha, parents, authorName, authorEmail, authorDate, committerDate, committerName, committerEmail, message] = this.header;
    this.header = [];
    this.current = {
      sha,
      parents: parents ? parents.split(' ').filter(Boolean) : [],
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      authorDate: authorDate ?? '',
      committerDate: committerDate ?? '',
      committerName: committerName ?? '',
      committerEmail: committerEmail ?? '',
      message: (message ?? '').replace(/\n+$/, ''),
      files: 0,
      paths: [],
      insertions: 0,
      deletions: 0,
    };
  }
}

/** Parses a whole `git log` output at once (see {@link GitLogParser}). */
export function parseGitLog(output: string): LogCommit[] {
  const p = new GitLogParser();
  return [...p.push(output), ...p.end()];
}
