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
 * formed — description, opened and merged times, reviewers (GitLab does not give review times
 * here: `firstReviewAt` and `approvedAt` stay null).
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
