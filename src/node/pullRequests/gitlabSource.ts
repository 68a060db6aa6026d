import {
  GITLAB_BATCH,
  MAX_GITLAB_PAGES,
  gitlabMergeRequestsPath,
  gitlabNotesPath,
  gitlabReviewedPath,
  readGitlabAnswer,
  readGitlabAuthor,
  readGitlabNotes,
  readGitlabReviews,
  readGitlabUser,
} from '../../core/pullRequests/gitlab';
import {
  ApiTarget,
  apiHost,
  FetchOutcome,
  PullRequestFacts,
  PullRequestSource,
  ReviewGiven,
  ReviewsOutcome,
} from '../../core/pullRequests/model';
import { requestJson } from './http';

/**
 * GitLab (gitlab.com and self-managed) through its REST API v4: {@link GITLAB_BATCH} merge
 * requests a request, by iid — description, opened and merged times, reviewers — then each one's
 * notes (one request each: GitLab has no batch for them) for the first review and the approval. The token goes to
 * `target.api`'s host only. Stops at the first refusal and says why, keeping what it read.
 */
export class GitlabSource implements PullRequestSource {
  readonly host: string;
  readonly repository: string;

  constructor(
    private readonly target: ApiTarget,
    private readonly token: string,
  ) {
    this.host = apiHost(target);
    this.repository = `${target.owner}/${target.name}`;
  }

  async fetch(numbers: readonly number[], signal?: AbortSignal): Promise<FetchOutcome> {
    const facts: PullRequestFacts[] = [];
    let requests = 0;
    for (let i = 0; i < numbers.length; i += GITLAB_BATCH) {
      const batch = numbers.slice(i, i + GITLAB_BATCH);
      requests++;
      const answer = await requestJson(
        `${this.target.api}${gitlabMergeRequestsPath(this.repository, batch)}`,
        { method: 'GET', headers: { authorization: `Bearer ${this.token}` } },
        this.host,
        signal,
      );
      if ('stopped' in answer) return { facts, requests, stopped: answer.stopped };
      const read = readGitlabAnswer(answer.json, batch);
      // Review times: each merge request's notes (GitLab has no batch for them), oldest first.
      for (const f of read) {
        requests++;
        const notes = await requestJson(
          `${this.target.api}${gitlabNotesPath(this.repository, f.number)}`,
          { method: 'GET', headers: { authorization: `Bearer ${this.token}` } },
          this.host,
          signal,
        );
        if ('stopped' in notes) return { facts, requests, stopped: notes.stopped };
        const times = readGitlabNotes(notes.json, readGitlabAuthor(answer.json, f.number));
        facts.push({
          ...f,
          firstReviewAt: times.firstReviewAt,
          approvedAt: times.approvedAt,
          reviewers: [...new Set([...f.reviewers, ...times.reviewers])],
        });
      }
      if (answer.remaining === 0 && i + GITLAB_BATCH < numbers.length)
        return { facts, requests, stopped: `${this.host}'s rate limit is used up: the rest is fetched on a later run` };
    }
    return { facts, requests, stopped: null };
  }

  async reviewsGiven(since: string, until: string, signal?: AbortSignal): Promise<ReviewsOutcome> {
    const headers = { authorization: `Bearer ${this.token}` };
    const me = await requestJson(`${this.target.api}/user`, { method: 'GET', headers }, this.host, signal);
    if ('stopped' in me) return { reviews: [], requests: 1, stopped: me.stopped };
    const reviewer = readGitlabUser(me.json);
    if (!reviewer) return { reviews: [], requests: 1, stopped: `${this.host} did not say who the token's user is` };
    const reviews: ReviewGiven[] = [];
    let requests = 1;
    for (let page: number | null = 1; page !== null && page <= MAX_GITLAB_PAGES;) {
      const path = gitlabReviewedPath(this.repository, reviewer, since, page);
      if (!path) break;
      requests++;
      const answer = await requestJson(`${this.target.api}${path}`, { method: 'GET', headers }, this.host, signal);
      if ('stopped' in answer) return { reviews, requests, stopped: answer.stopped };
      reviews.push(...readGitlabReviews(answer.json, reviewer, since, until, this.target.webHost));
      page = answer.nextPage;
    }
    return { reviews, requests, stopped: null };
  }
}
