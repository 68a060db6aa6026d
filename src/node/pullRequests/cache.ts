import { createHash } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import { PullRequestFacts, ReviewGiven } from '../../core/pullRequests/model';
import { isRecord, readVersionedJson, writeVersionedJson } from '../jsonFile';

const VERSION = 2;

/** The reviews given in one period, and the day they were searched for (a period still running is searched again the next day). */
export interface CachedReviews {
  /** `YYYY-MM-DD`, local. */
  fetchedOn: string;
  reviews: ReviewGiven[];
}

interface CacheFile {
  host: string;
  repository: string;
  pullRequests: Record<string, PullRequestFacts>;
  /** By period label (`2026-Q3`). */
  reviewsGiven: Record<string, CachedReviews>;
}

/**
 * Fetched pull requests and reviews given, one JSON file per host and repository, outside every
 * repository (the extension's global storage, or the CLI's `~/.cache/career-evidence/pull-requests`):
 * a second run sends nothing for what was fetched. Deleting the folder forgets them all. Never a token.
 */
export class PullRequestCache {
  constructor(private readonly dir: string) {}

  /** `~/.cache/career-evidence/pull-requests` (or under `$XDG_CACHE_HOME`), for the CLI. */
  static forCli(): PullRequestCache {
    return new PullRequestCache(
      path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'career-evidence', 'pull-requests'),
    );
  }

  private file(host: string, repository: string): string {
    return path.join(this.dir, `prs-${createHash('sha256').update(`${host}\n${repository}`).digest('hex').slice(0, 16)}.json`);
  }

  private async load(host: string, repository: string): Promise<CacheFile> {
    const data = await readVersionedJson(this.file(host, repository), VERSION, (d) =>
      d.host === host && d.repository === repository && isRecord(d.pullRequests) && isRecord(d.reviewsGiven)
        ? (d as unknown as CacheFile)
        : undefined,
    );
    return data ?? { host, repository, pullRequests: {}, reviewsGiven: {} };
  }

  /** Everything cached for `host`'s `repository`: facts by number, reviews given by period label (one read). */
  async readAll(
    host: string,
    repository: string,
  ): Promise<{ facts: Map<number, PullRequestFacts>; reviews: Record<string, CachedReviews> }> {
    const data = await this.load(host, repository);
    return { facts: new Map(Object.entries(data.pullRequests).map(([n, f]) => [Number(n), f])), reviews: data.reviewsGiven };
  }

  /** The cached facts of `host`'s `repository`, by number. */
  async read(host: string, repository: string): Promise<Map<number, PullRequestFacts>> {
    return (await this.readAll(host, repository)).facts;
  }

  /** Adds `facts` to the cache of `host`'s `repository` (written atomically). */
  async add(host: string, repository: string, facts: readonly PullRequestFacts[]): Promise<void> {
    if (facts.length === 0) return;
    const data = await this.load(host, repository);
    for (const f of facts) data.pullRequests[String(f.number)] = f;
    await writeVersionedJson(this.file(host, repository), VERSION, data);
  }

  /** The reviews given cached for `host`'s `repository`, by period label. */
  async reviews(host: string, repository: string): Promise<Record<string, CachedReviews>> {
    return (await this.load(host, repository)).reviewsGiven;
  }

  /** Keeps the reviews given in period `label`, searched on `fetchedOn`. */
  async addReviews(host: string, repository: string, label: string, entry: CachedReviews): Promise<void> {
    const data = await this.load(host, repository);
    data.reviewsGiven[label] = entry;
    await writeVersionedJson(this.file(host, repository), VERSION, data);
  }
}
