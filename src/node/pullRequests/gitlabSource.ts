import { GITLAB_BATCH, gitlabMergeRequestsPath, readGitlabAnswer } from '../../core/pullRequests/gitlab';
import { ApiTarget, FetchOutcome, PullRequestFacts, PullRequestSource } from '../../core/pullRequests/model';
import { requestJson } from './http';

/**
 * GitLab (gitlab.com and self-managed) through its REST API v4: {@link GITLAB_BATCH} merge
 * requests a request, by iid — description, opened and merged times, reviewers. The token goes to
 * `target.api`'s host only. Stops at the first refusal and says why, keeping what it read.
 */
export class GitlabSource implements PullRequestSource {
  readonly host: string;
  readonly repository: string;

  constructor(
    private readonly target: ApiTarget,
    private readonly token: string,
  ) {
    this.host = new URL(target.api).host;
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
      facts.push(...readGitlabAnswer(answer.json, batch));
      if (answer.remaining === 0 && i + GITLAB_BATCH < numbers.length)
        return { facts, requests, stopped: `${this.host}'s rate limit is used up: the rest is fetched on a later run` };
    }
    return { facts, requests, stopped: null };
  }
}
