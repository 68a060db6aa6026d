import * as path from 'path';
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import { Suggestion } from '../../core/git/suggestions';
import { ApiTarget, apiHost, apiTarget } from '../../core/pullRequests/model';
import { Repository, originWeb } from '../../node/git/repository';
import { PullRequestCache } from '../../node/pullRequests/cache';
import { EnrichReport, cachedPullRequests, fetchPullRequestEvidence, pullRequestSource } from '../../node/pullRequests/enrich';
import { localToday } from '../../core/evidence/dates';
import { ReviewGiven } from '../../core/pullRequests/model';
import { settings } from '../settings/settings';

/** What fetching pull requests means for one repository, now. */
export type PullRequestState =
  /** Nothing is fetched: setting `off`, the answer "Never", no GitHub or GitLab origin, Restricted Mode. */
  | { readonly state: 'off' }
  /** Setting `ask` and no answer yet for this host and repository: the view offers it (once). */
  | { readonly state: 'ask'; readonly host: string; readonly repository: string }
  /** Consent given: fetched (or from the cache), with what happened. */
  | { readonly state: 'fetched'; readonly host: string; readonly report: EnrichReport }
  /** Consent given, but no token: the view offers to sign in. */
  | { readonly state: 'signIn'; readonly host: string };

/** The user's answer for one host and repository. */
export type Consent = 'yes' | 'never';

const CONSENT_KEY = 'careerEvidence.pullRequests.consent';

/** Gives the token for a host, or undefined. `interactive`: the user just said yes (a sign-in may be asked for). */
export type TokenSupplier = (target: ApiTarget, interactive: boolean) => Promise<string | undefined>;

/**
 * The one owner of what is fetched from GitHub or GitLab, and only with the user's yes: the consent per host
 * and repository (global storage), setting `careerEvidence.pullRequests.fetch` (`ask`, `off`,
 * `on`) and `careerEvidence.pullRequests.apiUrl` (User settings only: a workspace can never send the
 * user's token elsewhere), the token (VS Code's GitHub sign-in; a GitLab token in SecretStorage), and the cache of fetched pull
 * requests (global storage, never a repository). Nothing here runs without a yes.
 */
export class PullRequests implements vscode.Disposable {
  private readonly cache: PullRequestCache;
  /** "Not now" answers of this session, by consent key. */
  private readonly notNow = new Set<string>();
  private tokenSupplier: TokenSupplier = (target, interactive) =>
    target.provider === 'github' ? githubSession(target, interactive) : this.gitlabToken(target, interactive);
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an answer was given (the merged work is read again). */
  readonly onDidChangeConsent = this.changed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly globalState: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly storageDir: string,
  ) {
    this.cache = new PullRequestCache(path.join(storageDir, 'pull-requests'));
  }

  /** Replaces how tokens are found (tests: a fake sign-in). */
  setTokenSupplier(supplier: TokenSupplier): void {
    this.tokenSupplier = supplier;
  }

  /**
   * `suggestions` of `repo` with their pull requests' facts when the user said yes (from the cache,
   * else fetched), and what that means for the view. Never throws: a failure is a sentence in the
   * report, and the suggestions stay as mined.
   */
  async enrich(
    repo: Repository,
    suggestions: readonly Suggestion[],
    options: { interactive?: boolean; signal?: AbortSignal } = {},
  ): Promise<{ suggestions: readonly Suggestion[]; state: PullRequestState }> {
    const target = await this.targetOf(repo);
    const mode = settings.pullRequestsFetch();
    if (!target || mode === 'off') return { suggestions, state: { state: 'off' } };
    const key = consentKey(target);
    // Where the requests go, as the user knows it (api.github.com is github.com's).
    const requestsTo = apiHost(target);
    const host = requestsTo === 'api.github.com' ? 'github.com' : requestsTo;
    const consent = mode === 'on' ? 'yes' : this.globalState.get<Record<string, Consent>>(CONSENT_KEY)?.[key];
    if (consent === 'never') return { suggestions, state: { state: 'off' } };
    if (consent !== 'yes')
      return {
        suggestions,
        state: this.notNow.has(key) ? { state: 'off' } : { state: 'ask', host, repository: `${target.owner}/${target.name}` },
      };
    const token = await this.tokenSupplier(target, options.interactive ?? false).catch(() => undefined);
    if (!token) return { suggestions, state: { state: 'signIn', host } };
    try {
      const source = pullRequestSource(target, token);
      // Their facts, and (glue work) the reviews the user gave to others, one search per quarter of the reports' window (cached).
      const r = await fetchPullRequestEvidence(suggestions, source, target.provider, this.cache, localToday(), options.signal);
      const given = r.reviews;
      if (given) this.log.info(`reviews given in ${target.owner}/${target.name}: ${given.reviews.length} (${given.requests} request(s))`);
      const report: EnrichReport = given?.stopped ? { ...r.report, stopped: given.stopped } : r.report;
      this.log.info(
        `pull requests of ${target.owner}/${target.name}: ${report.fetched} fetched in ${report.requests} request(s), ${report.fromCache} from the cache`,
      );
      if (report.stopped) this.log.warn(`pull requests of ${target.owner}/${target.name}: ${report.stopped}`);
      return { suggestions: r.suggestions, state: { state: 'fetched', host, report } };
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      this.log.error('fetching pull requests failed', err);
      return {
        suggestions,
        state: { state: 'fetched', host, report: { fromCache: 0, fetched: 0, requests: 0, stopped: (err as Error).message } },
      };
    }
  }

  /** Records the user's answer for `repo`'s host and repository: yes, not now (this session), never. */
  async answer(repo: Repository, answer: Consent | 'not-now'): Promise<void> {
    const target = await this.targetOf(repo);
    if (!target) return;
    const key = consentKey(target);
    if (answer === 'not-now') this.notNow.add(key);
    else await this.globalState.update(CONSENT_KEY, { ...this.globalState.get<Record<string, Consent>>(CONSENT_KEY), [key]: answer });
    this.changed.fire();
  }

  /**
   * A GitLab host's token, kept in VS Code's SecretStorage (the OS keychain); when `interactive`
   * and there is none, asked for (a personal access token with `read_api`).
   */
  private async gitlabToken(target: ApiTarget, interactive: boolean): Promise<string | undefined> {
    const key = `careerEvidence.gitlabToken:${apiHost(target)}`;
    const known = await this.secrets.get(key);
    if (known || !interactive) return known;
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('GitLab token for {0}', apiHost(target)),
      prompt: vscode.l10n.t('A personal access token with the read_api scope: kept in your system keychain, sent to this host only'),
      password: true,
      ignoreFocusOut: true,
    });
    if (!typed?.trim()) return undefined;
    await this.secrets.store(key, typed.trim());
    return typed.trim();
  }

  /** What was fetched before for `repo` (the cache only: for reports, which never connect): `changes` with their facts, and the reviews given. */
  cached(repo: Repository, changes: Suggestion[]): Promise<{ changes: Suggestion[]; reviewsGiven: ReviewGiven[] }> {
    return cachedPullRequests(repo, changes, this.cache, settings.pullRequestsApiUrl());
  }

  /** Forgets every fetched pull request (the cache folder is removed; answers are kept). */
  async forget(): Promise<void> {
    await fs.rm(path.join(this.storageDir, 'pull-requests'), { recursive: true, force: true });
  }

  private async targetOf(repo: Repository): Promise<ApiTarget | null> {
    const remote = await originWeb(repo);
    return remote && apiTarget(remote, settings.pullRequestsApiUrl());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function consentKey(t: ApiTarget): string {
  return `${apiHost(t)}/${t.owner}/${t.name}`;
}

/** VS Code's GitHub sign-in (github.com; GitHub Enterprise through its own provider), asked for only when `interactive`. */
async function githubSession(target: ApiTarget, interactive: boolean): Promise<string | undefined> {
  const provider = apiHost(target) === 'api.github.com' ? 'github' : 'github-enterprise';
  const session = await vscode.authentication.getSession(provider, ['repo'], interactive ? { createIfNone: true } : { silent: true });
  return session?.accessToken;
}
