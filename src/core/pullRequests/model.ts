import { RemoteWeb } from '../git/remote';
import { Suggestion } from '../git/suggestions';
import { cleanDescription } from '../git/description';

// What a hosting service says about a pull request, fetched only with the user's consent, and what
// it changes in a suggestion. No I/O here: the adapters (src/node/pullRequests) fetch.

/** A pull request as fetched: its description and the times of its review (ISO 8601, UTC), validated. */
export interface PullRequestFacts {
  number: number;
  /** The description as written (Markdown), or null when empty. */
  body: string | null;
  openedAt: string | null;
  /** When it was marked ready for review (a draft's), else null. */
  readyAt: string | null;
  firstReviewAt: string | null;
  approvedAt: string | null;
  mergedAt: string | null;
  /** Logins of the people who reviewed it (the author's own comments left out), in the order they first did. */
  reviewers: string[];
}

/** A merged pull request of someone else that the user reviewed (glue work), as the host's search found it. */
export interface ReviewGiven {
  number: number;
  title: string;
  /** ISO 8601, UTC. */
  mergedAt: string;
  /** Its web page (validated: `https://` or `http://` on the host's own name), or null. */
  url: string | null;
  /** The author's login. */
  author: string | null;
}

/** What one search for reviews given gave, and why it stopped early (a sentence), if it did. */
export interface ReviewsOutcome {
  reviews: ReviewGiven[];
  requests: number;
  stopped: string | null;
}

/** What one fetch gave: the facts it could read, and why it stopped early, if it did (a sentence to show). */
export interface FetchOutcome {
  facts: PullRequestFacts[];
  /** Requests sent (a cache hit sends none). */
  requests: number;
  stopped: string | null;
}

/** A hosting service's pull requests for one repository (an adapter: GitHub, GitLab). */
export interface PullRequestSource {
  /** The host the requests go to, e.g. `api.github.com` (for messages and the cache key). */
  readonly host: string;
  /** `owner/name` of the repository. */
  readonly repository: string;
  /** The facts of pull requests `numbers` (batched; stops at a rate limit or an error and says so, keeping what it read). */
  fetch(numbers: readonly number[], signal?: AbortSignal): Promise<FetchOutcome>;
  /** Others' pull requests merged from `since` to `until` (`YYYY-MM-DD`, inclusive) that the token's user reviewed: one search, its pages followed. */
  reviewsGiven(since: string, until: string, signal?: AbortSignal): Promise<ReviewsOutcome>;
}

/** Where a repository's pull requests are asked for: the API's base URL, and the repository's owner and name. */
export interface ApiTarget {
  provider: 'github' | 'gitlab';
  /** e.g. `https://api.github.com`, `https://github.example.com/api/v3`, `https://gitlab.com/api/v4`. */
  api: string;
  owner: string;
  name: string;
  /** The repository's web host (`github.com`, `gitlab.example.com`): links to its pull requests are kept only on it. */
  webHost: string;
}

/** True for an API base the user may name (`pullRequests.apiUrl`, `--api-url`): an http(s) address with a host. */
export function isApiUrl(text: string): boolean {
  return /^https?:\/\/[^\s/]+(\/\S*)?$/.test(text);
}

/**
 * The API of a repository's origin: github.com → `https://api.github.com`; another GitHub host
 * (Enterprise) → `https://HOST/api/v3`; a GitLab host → `https://HOST/api/v4`. `override` (the
 * user's `pullRequests.apiUrl`, never a workspace's) replaces the base. Null for other providers.
 */
export function apiTarget(remote: RemoteWeb, override?: string): ApiTarget | null {
  if (remote.provider !== 'github' && remote.provider !== 'gitlab') return null;
  const m = /^https:\/\/([^/]+)\/(.+)$/.exec(remote.base);
  if (!m) return null;
  const [host, path] = [m[1], m[2]];
  const parts = path.split('/');
  const name = parts.pop()!;
  const owner = parts.join('/');
  if (!owner || !name) return null;
  const api =
    override?.replace(/\/+$/, '') ??
    (remote.provider === 'gitlab' ? `https://${host}/api/v4` : host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`);
  return { provider: remote.provider, api, owner, name, webHost: host };
}

/** The host requests for `target` go to (`api.github.com`, an Enterprise or GitLab host, the override's): the cache's and the consent's key. */
export function apiHost(target: ApiTarget): string {
  return new URL(target.api).host;
}

const hoursBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;

/**
 * The suggestion with its pull request's facts: the PR's description (cleaned as any description;
 * `descriptionSource: 'pull-request'`) when it has one, the opened / ready / first review /
 * approved times, the hours waiting for the first review (from ready for review, else opened) and
 * from the first review to the merge, the reviewers' logins, and `latencyEstimated: false` (the
 * review times are the host's own). `reviewLatencyHours` keeps its meaning: first commit → merge.
 * A new object; `s` is not changed.
 */
export function withPullRequest(s: Suggestion, f: PullRequestFacts): Suggestion {
  const description = f.body ? cleanDescription(f.body) : '';
  const start = f.readyAt ?? f.openedAt;
  return {
    ...s,
    ...(description ? { description, descriptionSource: 'pull-request' as const } : {}),
    openedAt: f.openedAt,
    readyAt: f.readyAt,
    firstReviewAt: f.firstReviewAt,
    approvedAt: f.approvedAt,
    waitingForFirstReviewHours: start && f.firstReviewAt ? hoursBetween(start, f.firstReviewAt) : null,
    reviewToMergeHours: f.firstReviewAt ? hoursBetween(f.firstReviewAt, s.mergedAt) : null,
    latencyEstimated: false,
    reviewerLogins: f.reviewers,
  };
}
