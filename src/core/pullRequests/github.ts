import { PullRequestFacts, ReviewGiven } from './model';
import { isObject, isoDate, printableText, webUrl } from './validate';

// GitHub's GraphQL API (https://docs.github.com/en/graphql): the query for a batch of pull requests
// and the validation of its answer. Nothing of the answer is used unchecked: a hostile or broken
// server can give at most wrong text, never a path, a command or markup we would render raw.

/** Pull requests asked for in one GraphQL request. */
export const GITHUB_BATCH = 100;

/** The GraphQL query for pull requests `numbers` (positive integers: put in as literals) of `$owner/$name`. */
export function githubQuery(numbers: readonly number[]): string {
  const fields = (n: number) =>
    `pr${n}: pullRequest(number: ${n}) { number body createdAt mergedAt author { login } ` +
    `timelineItems(itemTypes: [READY_FOR_REVIEW_EVENT], first: 1) { nodes { ... on ReadyForReviewEvent { createdAt } } } ` +
    `reviews(first: 100) { nodes { author { login } submittedAt state } } }`;
  const safe = numbers.filter((n) => Number.isSafeInteger(n) && n > 0);
  return `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { ${safe.map(fields).join(' ')} } }`;
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\[bot\])?$/;

const login = (v: unknown): string | null => (isObject(v) && typeof v.login === 'string' && LOGIN.test(v.login) ? v.login : null);
const nodes = (v: unknown): unknown[] => (isObject(v) && Array.isArray(v.nodes) ? v.nodes : []);

/**
 * Reads a GraphQL answer for `numbers`: the facts of each pull request that is there and well
 * formed (others are left out), and the API's error message when it gave one (printable, short).
 */
export function readGithubAnswer(json: unknown, numbers: readonly number[]): { facts: PullRequestFacts[]; error: string | null } {
  const error =
    isObject(json) && Array.isArray(json.errors) && json.errors.length > 0
      ? printableText(String(isObject(json.errors[0]) ? (json.errors[0].message ?? 'error') : 'error')).slice(0, 200)
      : null;
  const repository = isObject(json) && isObject(json.data) && isObject(json.data.repository) ? json.data.repository : undefined;
  const facts: PullRequestFacts[] = [];
  for (const n of numbers) {
    const pr = repository?.[`pr${n}`];
    if (!isObject(pr) || pr.number !== n) continue;
    const author = login(pr.author);
    const reviews = nodes(pr.reviews)
      .filter(isObject)
      .map((r) => ({ who: login(r.author), at: isoDate(r.submittedAt), state: typeof r.state === 'string' ? r.state : '' }))
      .filter(
        (r): r is { who: string; at: string; state: string } =>
          r.who !== null && r.at !== null && r.who !== author && r.state !== 'PENDING',
      )
      .sort((a, b) => a.at.localeCompare(b.at));
    const ready = nodes(pr.timelineItems).find(isObject);
    facts.push({
      number: n,
      body: typeof pr.body === 'string' && pr.body.trim() ? printableText(pr.body) : null,
      openedAt: isoDate(pr.createdAt),
      readyAt: ready ? isoDate(ready.createdAt) : null,
      firstReviewAt: reviews[0]?.at ?? null,
      approvedAt: reviews.find((r) => r.state === 'APPROVED')?.at ?? null,
      mergedAt: isoDate(pr.mergedAt),
      reviewers: [...new Set(reviews.map((r) => r.who))],
    });
  }
  return { facts, error };
}

/** Pages of a search followed at most (GitHub's search gives 1,000 results at most). */
export const MAX_SEARCH_PAGES = 10;

/** The GraphQL search for others' merged pull requests of `owner/name` the viewer reviewed, merged from `since` to `until`. */
export function githubReviewsQuery(): string {
  return (
    'query($q: String!, $after: String) { search(query: $q, type: ISSUE, first: 100, after: $after) { ' +
    'pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { number title mergedAt url author { login } } } } }'
  );
}

/** The search string (owner and name are checked to be plain names: nothing can add a qualifier). */
export function githubReviewsSearch(owner: string, name: string, since: string, until: string): string | null {
  const plain = /^[A-Za-z0-9_.-]+$/;
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!plain.test(owner) || !plain.test(name) || !day.test(since) || !day.test(until)) return null;
  return `repo:${owner}/${name} is:pr is:merged reviewed-by:@me -author:@me merged:${since}..${until}`;
}

/** Reads a page of the reviews search: the reviews in it, and the cursor of the next page (null: the last). */
export function readGithubReviews(json: unknown, webHost: string): { reviews: ReviewGiven[]; next: string | null; error: string | null } {
  const error =
    isObject(json) && Array.isArray(json.errors) && json.errors.length > 0
      ? printableText(String(isObject(json.errors[0]) ? (json.errors[0].message ?? 'error') : 'error')).slice(0, 200)
      : null;
  const search = isObject(json) && isObject(json.data) && isObject(json.data.search) ? json.data.search : undefined;
  const reviews: ReviewGiven[] = [];
  for (const n of Array.isArray(search?.nodes) ? search.nodes : []) {
    if (!isObject(n) || typeof n.number !== 'number' || !Number.isSafeInteger(n.number) || typeof n.title !== 'string') continue;
    const mergedAt = isoDate(n.mergedAt);
    if (!mergedAt) continue;
    reviews.push({
      number: n.number,
      title: printableText(n.title).slice(0, 300),
      mergedAt,
      url: webUrl(n.url, webHost),
      author: login(n.author),
    });
  }
  const info = isObject(search?.pageInfo) ? search.pageInfo : undefined;
  const next = info?.hasNextPage === true && typeof info.endCursor === 'string' && info.endCursor.length < 200 ? info.endCursor : null;
  return { reviews, next, error };
}
