import { Suggestion } from '../../core/git/suggestions';
import { ApiTarget, PullRequestSource, apiTarget, withPullRequest } from '../../core/pullRequests/model';
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
  return {
    suggestions: suggestions.map((s) => {
      const facts = s.pr && s.pr.provider === provider ? known.get(s.pr.number) : undefined;
      return facts ? withPullRequest(s, facts) : s;
    }),
    report,
  };
}

/** The adapter for `target`'s hosting service. */
export function pullRequestSource(target: ApiTarget, token: string): PullRequestSource {
  return target.provider === 'gitlab' ? new GitlabSource(target, token) : new GithubSource(target, token);
}

/**
 * `suggestions` with the facts of their pull requests already in `cache` (fetched before, with
 * the user's consent) — nothing is fetched: for reports, which never connect. `apiUrl`: the
 * user's override of the API, as when the facts were fetched.
 */
export async function withCachedPullRequests(
  repo: Repository,
  suggestions: Suggestion[],
  cache: PullRequestCache,
  apiUrl?: string,
): Promise<Suggestion[]> {
  const remote = await originWeb(repo);
  const target = remote && apiTarget(remote, apiUrl);
  if (!target) return suggestions;
  const known = await cache.read(new URL(target.api).host, `${target.owner}/${target.name}`);
  if (known.size === 0) return suggestions;
  return suggestions.map((s) => {
    const facts = s.pr && s.pr.provider === target.provider ? known.get(s.pr.number) : undefined;
    return facts ? withPullRequest(s, facts) : s;
  });
}
