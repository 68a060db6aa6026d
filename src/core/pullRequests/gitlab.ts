import { PullRequestFacts, ReviewGiven } from './model';
import { isObject, isoDate, printableText, webUrl } from './validate';

// GitLab's REST API v4 (https://docs.gitlab.com/ee/api/merge_requests.html): merge requests by
// iid, a page of up to 100 per request, and the validation of the answer (as for GitHub: text only).

/** Merge requests asked for in one request (`iids[]`, `per_page`). */
export const GITLAB_BATCH = 100;

const USERNAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;

const username = (v: unknown): string | null =>
  isObject(v) && typeof v.username === 'string' && USERNAME.test(v.username) ? v.username : null;

/** The path of a request for merge requests `iids` of project `owner/name` (URL-encoded), below the API base. */
export function gitlabMergeRequestsPath(project: string, iids: readonly number[]): string {
  const query = iids
    .filter((n) => Number.isSafeInteger(n) && n > 0)
    .map((n) => `iids[]=${n}`)
    .join('&');
  return `/projects/${encodeURIComponent(project)}/merge_requests?${query}&per_page=${GITLAB_BATCH}`;
}

/**
 * Reads an answer (an array of merge requests) for `iids`: the facts of each one asked for and well
 * formed — description, opened and merged times, reviewers (review times come from each merge
 * request's notes: see {@link readGitlabNotes}).
 */
export function readGitlabAnswer(json: unknown, iids: readonly number[]): PullRequestFacts[] {
  if (!Array.isArray(json)) return [];
  const wanted = new Set(iids);
  const out: PullRequestFacts[] = [];
  for (const mr of json) {
    if (!isObject(mr) || typeof mr.iid !== 'number' || !wanted.has(mr.iid)) continue;
    wanted.delete(mr.iid);
    const author = username(mr.author);
    const reviewers = (Array.isArray(mr.reviewers) ? mr.reviewers : [])
      .map(username)
      .filter((u): u is string => u !== null && u !== author);
    out.push({
      number: mr.iid,
      body: typeof mr.description === 'string' && mr.description.trim() ? printableText(mr.description) : null,
      openedAt: isoDate(mr.created_at),
      readyAt: null,
      firstReviewAt: null,
      approvedAt: null,
      mergedAt: isoDate(mr.merged_at),
      reviewers: [...new Set(reviewers)],
    });
  }
  return out;
}

/** Pages of merge requests followed at most when looking for reviews given. */
export const MAX_GITLAB_PAGES = 10;

/** The path of page `page` of project `owner/name`'s merged merge requests that `reviewer` was asked to review, updated since `since`. */
export function gitlabReviewedPath(project: string, reviewer: string, since: string, page: number): string | null {
  if (!USERNAME.test(reviewer) || !/^\d{4}-\d{2}-\d{2}$/.test(since)) return null;
  return `/projects/${encodeURIComponent(project)}/merge_requests?state=merged&reviewer_username=${encodeURIComponent(reviewer)}&updated_after=${since}T00:00:00Z&per_page=${GITLAB_BATCH}&page=${page}`;
}

/** The username of `GET /user`'s answer, or null. */
export function readGitlabUser(json: unknown): string | null {
  return username(json);
}

/** Reviews given in a page of merge requests: others' ones (not `reviewer`'s) merged from `since` to `until` (days, inclusive). */
export function readGitlabReviews(json: unknown, reviewer: string, since: string, until: string, webHost: string): ReviewGiven[] {
  if (!Array.isArray(json)) return [];
  const out: ReviewGiven[] = [];
  for (const mr of json) {
    if (!isObject(mr) || typeof mr.iid !== 'number' || !Number.isSafeInteger(mr.iid) || typeof mr.title !== 'string') continue;
    const mergedAt = isoDate(mr.merged_at);
    const author = username(mr.author);
    if (!mergedAt || author === reviewer || mergedAt.slice(0, 10) < since || mergedAt.slice(0, 10) > until) continue;
    out.push({ number: mr.iid, title: printableText(mr.title).slice(0, 300), mergedAt, url: webUrl(mr.web_url, webHost), author });
  }
  return out;
}

/** The path of merge request `iid`'s first 100 notes, oldest first. */
export function gitlabNotesPath(project: string, iid: number): string {
  return `/projects/${encodeURIComponent(project)}/merge_requests/${Math.trunc(iid)}/notes?sort=asc&order_by=created_at&per_page=${GITLAB_BATCH}`;
}

/**
 * The review times of a merge request from its notes (oldest first): the first review — a note,
 * or an approval, by someone other than `author` — and the first approval (GitLab's system note
 * "approved this merge request"). Reviewers who only approved are added to `reviewers`.
 */
export function readGitlabNotes(
  json: unknown,
  author: string | null,
): { firstReviewAt: string | null; approvedAt: string | null; reviewers: string[] } {
  let firstReviewAt: string | null = null;
  let approvedAt: string | null = null;
  const reviewers: string[] = [];
  for (const note of Array.isArray(json) ? json : []) {
    if (!isObject(note)) continue;
    const who = username(note.author);
    const at = isoDate(note.created_at);
    if (!who || !at || who === author) continue;
    const approval = note.system === true && typeof note.body === 'string' && /^approved this merge request/i.test(note.body);
    if (note.system === true && !approval) continue; // "added 2 commits", label changes: not a review
    if (!firstReviewAt || at < firstReviewAt) firstReviewAt = at;
    if (approval && (!approvedAt || at < approvedAt)) approvedAt = at;
    if (!reviewers.includes(who)) reviewers.push(who);
  }
  return { firstReviewAt, approvedAt, reviewers };
}

/** The author's username of merge request `iid` in a list answer (null when it is not there or malformed). */
export function readGitlabAuthor(json: unknown, iid: number): string | null {
  const mr = Array.isArray(json) ? json.find((m) => isObject(m) && m.iid === iid) : undefined;
  return isObject(mr) ? username(mr.author) : null;
}
