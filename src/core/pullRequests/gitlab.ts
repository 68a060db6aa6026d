import { PullRequestFacts } from './model';
import { isObject, isoDate, printableText } from './validate';

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
