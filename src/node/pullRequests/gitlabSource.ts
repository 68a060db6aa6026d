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
import { fetchInBatches } from './batches';
import { JsonAnswer, requestJson } from './http';

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

  fetch(numbers: readonly number[], signal?: AbortSignal): Promise<FetchOutcome> {
    return fetchInBatches(numbers, GITLAB_BATCH, this.host, async (batch) => {
      const answer = await this.get(gitlabMergeRequestsPath(this.repository, batch), signal);
      if ('stopped' in answer) return { facts: [], requests: 1, stopped: answer.stopped, remaining: null };
      const facts: PullRequestFacts[] = [];
      let requests = 1;
      // Review times: each merge request's notes (GitLab has no batch for them), oldest first.
      for (const f of readGitlabAnswer(answer.json, batch)) {
        requests++;
        const notes = await this.get(gitlabNotesPath(this.repository, f.number), signal);
        if ('stopped' in notes) return { facts, requests, stopped: notes.stopped, remaining: null };
        const times = readGitlabNotes(notes.json, readGitlabAuthor(answer.json, f.number));
        facts.push({
          ...f,
          firstReviewAt: times.firstReviewAt,
          approvedAt: times.approvedAt,
          reviewers: [...new Set([...f.reviewers, ...times.reviewers])],
        });
      }
      return { facts, requests, stopped: null, remaining: answer.remaining };
    });
  }

  /** A GET of `path` under the API, with the token (to this host only). */
  private get(path: string, signal?: AbortSignal): Promise<JsonAnswer> {
    return requestJson(
      `${this.target.api}${path}`,
      { method: 'GET', headers: { authorization: `Bearer ${this.token}` } },
      this.host,
      signal,
    );
  }

  async reviewsGiven(since: string, until: string, signal?: AbortSignal): Promise<ReviewsOutcome> {
    const me = await this.get('/user', signal);
    if ('stopped' in me) return { reviews: [], requests: 1, stopped: me.stopped };
    const reviewer = readGitlabUser(me.json);
    if (!reviewer) return { reviews: [], requests: 1, stopped: `${this.host} did not say who the token's user is` };
    const reviews: ReviewGiven[] = [];
    let requests = 1;
    for (let page: number | null = 1; page !== null && page <= MAX_GITLAB_PAGES;) {
      const path = gitlabReviewedPath(this.repository, reviewer, since, page);
      if (!path) break;
      requests++;
      const answer = await this.get(path, signal);
      if ('stopped' in answer) return { reviews, requests, stopped: answer.stopped };
      reviews.push(...readGitlabReviews(answer.json, reviewer, since, until, this.target.webHost));
      page = answer.nextPage;
    }
    return { reviews, requests, stopped: null };
  }
}
