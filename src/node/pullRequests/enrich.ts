import { Suggestion } from '../../core/git/suggestions';
import {
  ApiTarget,
  PullRequestFacts,
  PullRequestSource,
  ReviewGiven,
  ReviewsOutcome,
  apiHost,
  apiTarget,
  withPullRequest,
} from '../../core/pullRequests/model';
import { Period, periodOf, quartersBefore, readRange } from '../../core/evidence/quarters';
import { TREND_QUARTERS } from '../../core/report/benchmark';
import { Repository, originWeb } from '../git/repository';
import { GithubSource } from './githubSource';
import { GitlabSource } from './gitlabSource';
import { PullRequestCache } from './cache';

/** What {@link enrichWithPullRequests} did: how many came from the cache, were fetched, and why fetching stopped. */
export interface EnrichReport {
  fromCache: number;
  fetched: number;
  requests: number;
  /** Why fetching stopped early (a sentence to show), or null. */
  stopped: string | null;
}

/**
 * The suggestions with their pull requests' descriptions and review times: each suggestion that
 * has a pull request of `source`'s provider, from the cache when it was fetched before, else from
 * `source` (the rest in one batched fetch), which the cache then keeps. Suggestions without a pull
 * request, and those whose fetch failed, are returned as they were.
 */
export async function enrichWithPullRequests(
  suggestions: readonly Suggestion[],
  source: PullRequestSource,
  provider: 'github' | 'gitlab',
  cache: PullRequestCache,
  signal?: AbortSignal,
): Promise<{ suggestions: Suggestion[]; report: EnrichReport }> {
  const known = await cache.read(source.host, source.repository);
  const wanted = [...new Set(suggestions.flatMap((s) => (s.pr && s.pr.provider === provider ? [s.pr.number] : [])))];
  const missing = wanted.filter((n) => !known.has(n));
  const fromCache = wanted.length - missing.length;
  let report: EnrichReport = { fromCache, fetched: 0, requests: 0, stopped: null };
  if (missing.length > 0) {
    const outcome = await source.fetch(missing, signal);
    await cache.add(source.host, source.repository, outcome.facts);
    for (const f of outcome.facts) known.set(f.number, f);
    report = { fromCache, fetched: outcome.facts.length, requests: outcome.requests, stopped: outcome.stopped };
  }
  return { suggestions: applyFacts(suggestions, known, provider), report };
}

/** Each suggestion whose pull request of `provider` has facts in `known`, with them. */
function applyFacts(
  suggestions: readonly Suggestion[],
  known: ReadonlyMap<number, PullRequestFacts>,
  provider: ApiTarget['provider'],
): Suggestion[] {
  return suggestions.map((s) => {
    const facts = s.pr && s.pr.provider === provider ? known.get(s.pr.number) : undefined;
    return facts ? withPullRequest(s, facts) : s;
  });
}

/** The adapter for `target`'s hosting service. */
export function pullRequestSource(target: ApiTarget, token: string): PullRequestSource {
  return target.provider === 'gitlab' ? new GitlabSource(target, token) : new GithubSource(target, token);
}

/**
 * What `cache` holds for `repo` (fetched before, with the user's consent) — nothing is fetched: for
 * reports, which never connect. `changes` with their pull requests' facts, and the reviews the user
 * gave to others (each pull request once). `apiUrl`: the user's override of the API, as when fetched.
 * One look at the origin and one read of the cache file.
 */
export async function cachedPullRequests(
  repo: Repository,
  changes: Suggestion[],
  cache: PullRequestCache,
  apiUrl?: string,
): Promise<{ changes: Suggestion[]; reviewsGiven: ReviewGiven[] }> {
  const remote = await originWeb(repo);
  const target = remote && apiTarget(remote, apiUrl);
  if (!target) return { changes, reviewsGiven: [] };
  const { facts, reviews } = await cache.readAll(apiHost(target), `${target.owner}/${target.name}`);
  const seen = new Set<number>();
  return {
    changes: facts.size === 0 ? changes : applyFacts(changes, facts, target.provider),
    reviewsGiven: Object.values(reviews)
      .flatMap((e) => e.reviews)
      .filter((r) => !seen.has(r.number) && (seen.add(r.number), true)),
  };
}

/**
 * Everything fetched with the user's consent, as the extension and `suggest --fetch-prs` do it:
 * the suggestions' pull requests ({@link enrichWithPullRequests}), then — unless that stopped — the
 * reviews the user gave to others in the reports' window ({@link fetchReviewsGiven}; null when not
 * searched). `today`: `YYYY-MM-DD`, local.
 */
export async function fetchPullRequestEvidence(
  suggestions: readonly Suggestion[],
  source: PullRequestSource,
  provider: ApiTarget['provider'],
  cache: PullRequestCache,
  today: string,
  signal?: AbortSignal,
): Promise<{ suggestions: Suggestion[]; report: EnrichReport; reviews: ReviewsOutcome | null }> {
  const r = await enrichWithPullRequests(suggestions, source, provider, cache, signal);
  const reviews = r.report.stopped ? null : await fetchReviewsGiven(source, cache, reviewPeriods(today), today, signal);
  return { ...r, reviews };
}

/** The quarters reviews given are searched in: the current one and the four before (a report's period and its trend). */
export function reviewPeriods(today: string): Period[] {
  const current = periodOf(readRange('this-quarter', today)!);
  return [...quartersBefore(today, TREND_QUARTERS), current];
}

/**
 * The reviews `source`'s user gave to others' merged pull requests in `periods`: one search per
 * period, except a period already searched after it ended, or searched today (from the cache).
 * A search that stops early is not cached; what it found is still given.
 * @param today `YYYY-MM-DD`, local.
 */
export async function fetchReviewsGiven(
  source: PullRequestSource,
  cache: PullRequestCache,
  periods: readonly Period[],
  today: string,
  signal?: AbortSignal,
): Promise<ReviewsOutcome> {
  const known = await cache.reviews(source.host, source.repository);
  const reviews: ReviewGiven[] = [];
  let requests = 0;
  for (const p of periods) {
    const hit = known[p.label];
    if (hit && (p.to < hit.fetchedOn || hit.fetchedOn === today)) {
      reviews.push(...hit.reviews);
      continue;
    }
    const r = await source.reviewsGiven(p.from, p.to < today ? p.to : today, signal);
    requests += r.requests;
    reviews.push(...r.reviews);
    if (r.stopped) return { reviews, requests, stopped: r.stopped };
    await cache.addReviews(source.host, source.repository, p.label, { fetchedOn: today, reviews: r.reviews });
  }
  return { reviews, requests, stopped: null };
}
