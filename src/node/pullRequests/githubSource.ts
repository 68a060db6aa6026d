import { ApiTarget, apiHost, FetchOutcome, PullRequestSource, ReviewGiven, ReviewsOutcome } from '../../core/pullRequests/model';
import {
  GITHUB_BATCH,
  MAX_SEARCH_PAGES,
  githubQuery,
  githubReviewsQuery,
  githubReviewsSearch,
  readGithubAnswer,
  readGithubReviews,
} from '../../core/pullRequests/github';
import { fetchInBatches } from './batches';
import { JsonAnswer, requestJson } from './http';

/**
 * GitHub (github.com and Enterprise) through its GraphQL API: {@link GITHUB_BATCH} pull requests a
 * request, by number. The token goes to `target.api`'s host only (the repository's own, or the
 * user's override). Stops at the first refusal — 401/403/404, a rate limit (`Retry-After`,
 * `X-RateLimit-Remaining: 0`), a malformed answer, a network error — and says why, keeping what
 * it read. Never throws for the server's answers; rejects only when `signal` aborts.
 */
export class GithubSource implements PullRequestSource {
  readonly host: string;
  readonly repository: string;
  private readonly endpoint: string;

  constructor(
    private readonly target: ApiTarget,
    private readonly token: string,
  ) {
    // github.com: api.github.com/graphql; Enterprise: HOST/api/graphql beside HOST/api/v3.
    this.endpoint = /\/api\/v3$/.test(target.api) ? target.api.replace(/\/api\/v3$/, '/api/graphql') : `${target.api}/graphql`;
    this.host = apiHost(target); // the same host as the endpoint's
    this.repository = `${target.owner}/${target.name}`;
  }

  fetch(numbers: readonly number[], signal?: AbortSignal): Promise<FetchOutcome> {
    return fetchInBatches(numbers, GITHUB_BATCH, this.host, async (batch) => {
      const answer = await this.post(batch, signal);
      if ('stopped' in answer) return { facts: [], requests: 1, stopped: answer.stopped, remaining: null };
      const read = readGithubAnswer(answer.json, batch);
      const stopped = read.error && read.facts.length === 0 ? `${this.host} answered: ${read.error}` : null;
      return { facts: read.facts, requests: 1, stopped, remaining: answer.remaining };
    });
  }

  async reviewsGiven(since: string, until: string, signal?: AbortSignal): Promise<ReviewsOutcome> {
    const reviews: ReviewGiven[] = [];
    const q = githubReviewsSearch(this.target.owner, this.target.name, since, until);
    if (!q) return { reviews, requests: 0, stopped: null };
    let after: string | null = null;
    let requests = 0;
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      requests++;
      const answer = await requestJson(
        this.endpoint,
        { method: 'POST', headers: this.headers(), body: JSON.stringify({ query: githubReviewsQuery(), variables: { q, after } }) },
        this.host,
        signal,
      );
      if ('stopped' in answer) return { reviews, requests, stopped: answer.stopped };
      const read = readGithubReviews(answer.json, this.target.webHost);
      reviews.push(...read.reviews);
      if (read.error && read.reviews.length === 0) return { reviews, requests, stopped: `${this.host} answered: ${read.error}` };
      if (!read.next) break;
      after = read.next;
    }
    return { reviews, requests, stopped: null };
  }

  private headers(): Record<string, string> {
    return { authorization: `bearer ${this.token}`, 'content-type': 'application/json' };
  }

  private post(batch: readonly number[], signal?: AbortSignal): Promise<JsonAnswer> {
    const body = JSON.stringify({ query: githubQuery(batch), variables: { owner: this.target.owner, name: this.target.name } });
    return requestJson(this.endpoint, { method: 'POST', headers: this.headers(), body }, this.host, signal);
  }
}
