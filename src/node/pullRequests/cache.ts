import { createHash } from 'crypto';
import * as os from 'os';
import * as path from 'path';
import { PullRequestFacts } from '../../core/pullRequests/model';
import { isRecord, readVersionedJson, writeVersionedJson } from '../jsonFile';

const VERSION = 1;

/**
 * Fetched pull requests, one JSON file per host and repository, outside every repository (the
 * extension's global storage, or the CLI's `~/.cache/career-evidence/pull-requests`): a second run
 * sends nothing for pull requests already fetched. Deleting the folder forgets them all.
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

  /** The cached facts of `host`'s `repository`, by number. */
  async read(host: string, repository: string): Promise<Map<number, PullRequestFacts>> {
    const data = await readVersionedJson(this.file(host, repository), VERSION, (d) =>
      d.host === host && d.repository === repository && isRecord(d.pullRequests)
        ? (d.pullRequests as Record<string, PullRequestFacts>)
        : undefined,
    );
    return new Map(Object.entries(data ?? {}).map(([n, f]) => [Number(n), f]));
  }

  /** Adds `facts` to the cache of `host`'s `repository` (written atomically). */
  async add(host: string, repository: string, facts: readonly PullRequestFacts[]): Promise<void> {
    if (facts.length === 0) return;
    const known = await this.read(host, repository);
    for (const f of facts) known.set(f.number, f);
    await writeVersionedJson(this.file(host, repository), VERSION, { host, repository, pullRequests: Object.fromEntries(known) });
  }
}
