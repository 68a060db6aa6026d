import { IndexedDocument } from '../index/snapshot';
import { Suggestion, SuggestionKind } from '../git/suggestions';

/** What a receipt points at: a merged change (its kind), a document, a journal entry, a tag, a CODEOWNERS line, a follow-up, a review. */
export type ReceiptKind = SuggestionKind | 'document' | 'brag' | 'story' | 'tag' | 'codeowners' | 'followup' | 'review';

/**
 * One piece of evidence behind a figure: what a third person can open to check it. The `items[]`
 * element of `career-evidence report benchmark --json` (fields are only ever added).
 */
export interface Receipt {
  title: string;
  /** The day it counts on, `YYYY-MM-DD` (a change's merge day in the committer's offset; a document's own date, else the day git added it). */
  date: string;
  kind: ReceiptKind;
  /** Absolute path of the repository (or of the journal) it is in. */
  repo: string;
  /** The commit (40 hex digits): a merged change, a tag's commit, the commit that added a CODEOWNERS line. */
  sha?: string;
  /** The pull request's number. */
  pr?: number;
  /** A document or journal entry, relative to `repo` (POSIX). */
  path?: string;
  /** The pull request's web address, when the remote's host is known (built offline). */
  url?: string;
  /** Review latency in hours (one decimal), or null when there is none to measure. */
  hours?: number | null;
  /** True when `hours` comes from squash or rebase metadata only. */
  estimated?: boolean;
  /** Complexity exposure tags. */
  tags?: string[];
  /** Who reviewed the change: their logins on the hosting service (when its pull request was fetched, with consent). */
  reviewers?: string[];
  /** A document's kind (`decision`, `rfc`, `postmortem`…) and status as written. */
  documentKind?: string;
  status?: string | null;
  /** A STAR story: `ready`, or `incomplete` with the parts still to write. */
  story?: 'ready' | 'incomplete';
  missing?: string[];
  /** For glue work: what the person did for others (`review-given`: a review on the hosting service, fetched with consent). */
  role?: 'merged' | 'reviewed' | 'review-given' | 'helped' | 'co-authored' | 'documentation';
}

/** A person's merged change as a receipt, with `extra` fields (latency, tags, role…). */
export function changeReceipt(s: Suggestion, repo: string, extra?: Partial<Receipt>): Receipt {
  const r: Receipt = { title: s.title, date: s.mergedAt.slice(0, 10), kind: s.kind, repo, sha: s.sha, ...extra };
  if (s.pr) {
    r.pr = s.pr.number;
    if (s.pr.url) r.url = s.pr.url;
  }
  if (s.reviewerLogins?.length) r.reviewers = [...s.reviewerLogins];
  return r;
}

/** A document as a receipt, counted on `date`. */
export function documentReceipt(d: IndexedDocument, repo: string, date: string, kind: ReceiptKind = 'document'): Receipt {
  return { title: d.item.title, date, kind, repo, path: d.item.path, documentKind: d.item.kind, status: d.item.statusText };
}

/** Newest first, then by title: the order receipts are listed in (review latency lists the slowest first instead). */
export function newestFirst(a: Receipt, b: Receipt): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}
