import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Suggestion } from '../../core/git/suggestions';
import { MineOptions, MiningResult, mine } from '../git/mine';
import { Repository } from '../git/repository';
import { readVersionedJson, writeVersionedJson } from '../jsonFile';

/** Bumped when what is cached changes shape (with the program's version, see {@link MiningCache}). */
const SCHEMA = 1;

/** Files whose change makes the mined suggestions of a repository different (tags, identities). */
const INPUT_FILES = ['.career-evidence/exposure.yml', '.mailmap'];

/**
 * Mining results of reports, one file per repository and filter, outside every repository (the
 * CLI's `~/.cache/career-evidence/mining`, the extension's global storage): a later report reads
 * only the history added since (`mine`'s `previous`), and a rewritten history from its fork point.
 * A missing, damaged or other-version file is mined again; a failure to write costs only speed.
 */
export class MiningCache {
  /** @param dir the cache folder; @param version the program's version (results of another are not used). */
  constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {}

  /** `~/.cache/career-evidence/mining` (or under `$XDG_CACHE_HOME`), for the CLI. */
  static defaultDir(): string {
    return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'career-evidence', 'mining');
  }

  /**
   * {@link mine} with `opts`, starting from this repository's cached result of the same filter and
   * inputs when there is one; the new result is cached.
   * @throws what `mine` throws.
   */
  async mine(repo: Repository, opts: Omit<MineOptions, 'previous' | 'sink'>): Promise<MiningResult> {
    const inputs = await Promise.all(INPUT_FILES.map((f) => fs.readFile(path.join(repo.root, f), 'utf8').catch(() => '')));
    const key = createHash('sha256')
      .update(JSON.stringify([repo.root, opts.filter, opts.defaultBranch ?? '', inputs]))
      .digest('hex')
      .slice(0, 32);
    const file = path.join(this.dir, `${key}.json`);
    const version = `${this.version} ${SCHEMA}`;
    const previous = await readVersionedJson(file, version, (d) =>
      Array.isArray(d.tips) && Array.isArray(d.suggestions)
        ? { tips: d.tips as string[], suggestions: d.suggestions as Suggestion[] }
        : undefined,
    );
    const result = await mine(repo, { ...opts, previous });
    const unchanged = previous && result.incremental && previous.tips.join() === result.tips.join();
    if (!unchanged)
      await writeVersionedJson(file, version, { root: repo.root, tips: result.tips, suggestions: result.suggestions }).catch(
        () => undefined,
      );
    return result;
  }
}
