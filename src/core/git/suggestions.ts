import { LogCommit } from './logFormat';
import { ChangeKind, PrProvider, readMergedChange } from './mergeShapes';

/** A person as git records them (after `.mailmap`). */
export interface Person {
  name: string;
  email: string;
}

/**
 * A brag-document suggestion: one piece of merged work on the first-parent line.
 * This is the `suggestions[]` element of `career-evidence suggest --json` (a stable contract).
 */
export interface Suggestion {
  /** The first-parent commit: the merge, the squash or the plain commit; 40 hex digits. */
  sha: string;
  kind: ChangeKind;
  title: string;
  description: string;
  pr: { number: number; provider: PrProvider } | null;
  /** Who did the work: for a merge commit, the author of the merged branch's tip; else the commit's author. */
  author: Person;
  /** When it landed: committer date, ISO 8601 with the committer's offset. */
  mergedAt: string;
  /** Size of the merged change against the first parent (git numstat). */
  files: number;
  insertions: number;
  deletions: number;
}

/** Which suggestions to keep. */
export interface SuggestionFilter {
  /** E-mail addresses whose work counts (case-insensitive), or `all`. */
  authors: readonly string[] | 'all';
  /** Keep work merged on or after this calendar date (`YYYY-MM-DD`, in the committer's offset). */
  since?: string;
  /** Keep work merged on or before this calendar date (`YYYY-MM-DD`, inclusive). */
  until?: string;
}

/**
 * Turns a first-parent commit into a suggestion. `branchTip` is the author of the merged branch's
 * tip (second parent) for merge commits, when known.
 */
export function toSuggestion(c: LogCommit, branchTip?: Person): Suggestion {
  const change = readMergedChange(c);
  const author = c.parents.length > 1 && branchTip ? branchTip : { name: c.authorName, email: c.authorEmail };
  return {
    sha: c.sha,
    kind: change.kind,
    title: change.title,
    description: change.description,
    pr: change.pr,
    author,
    mergedAt: c.committerDate,
    files: c.files,
    insertions: c.insertions,
    deletions: c.deletions,
  };
}

/** True when the suggestion passes the filter's author and date bounds. */
export function matchesFilter(s: Suggestion, f: SuggestionFilter): boolean {
  const day = s.mergedAt.slice(0, 10);
  if (f.since && day < f.since) return false;
  if (f.until && day > f.until) return false;
  if (f.authors === 'all') return true;
  const email = s.author.email.toLowerCase();
  return f.authors.some((a) => a.toLowerCase() === email);
}
