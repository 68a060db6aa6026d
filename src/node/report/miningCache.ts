import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Suggestion } from '../../core/git/suggestions';
import { CodeownersAddition, TagRecord } from '../../core/report/evidenceSet';
import { MineOptions, mine } from '../git/mine';
import { codeownersAdditions, readTags } from '../git/reportRefs';
import { Repository } from '../git/repository';
import { readVersionedJson, writeVersionedJson } from '../jsonFile';

/** Bumped when what is cached changes shape (with the program's version, see {@link MiningCache}). */
const SCHEMA = 3;

/** Files whose change makes the mined suggestions of a repository different (tags, identities). */
const INPUT_FILES = [
  '.career-evidence/exposure.yml',
  '.mailmap',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
  '.gitlab/CODEOWNERS',
];

/** What a report reads from a repository's history: merged work (others' included), tags, CODEOWNERS lines. */
export interface HistoryEvidence {
  suggestions: Suggestion[];
  tags: TagRecord[];
  codeowners: CodeownersAddition[];
  /** True when nothing of the history had to be read again (the refs are as they were). */
  fromCache: boolean;
  /** True when only the history added since the cached result was mined. */
  incremental: boolean;
}

interface Cached {
  /** `git show-ref --head` as it was: any new commit, branch or tag changes it. */
  refs: string;
  tips: string[];
  suggestions: Suggestion[];
  tags: TagRecord[];
  codeowners: CodeownersAddition[];
}

/**
 * What reports read of each repository's history, one file per repository and filter, outside
 * every repository (the CLI's `~/.cache/career-evidence/mining`, the extension's global storage).
 * While the repository's refs are as they were (one `git show-ref --head`), nothing else is run; after
 * new work, only the history added since is mined (`mine`'s `previous`), a rewritten history from its
 * fork point. A missing, damaged or other-version file is read again whole; a failure to write
 * costs only speed.
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
   * The repository's history evidence for `opts` (mined since `opts.filter.since`; CODEOWNERS lines
   * from then on), from the cache when its refs did not move.
   * @throws what `mine` throws.
   */
  async history(repo: Repository, opts: Omit<MineOptions, 'previous' | 'sink'>): Promise<HistoryEvidence> {
    const [inputs, refs] = await Promise.all([
      Promise.all(INPUT_FILES.map((f) => fs.readFile(path.join(repo.root, f), 'utf8').catch(() => null))),
      repo.git.raw(['show-ref', '--head']).catch(() => ''), // exits 1 in a repository with no refs yet
    ]);
    const key = createHash('sha256')
      .update(JSON.stringify([repo.root, opts.filter, opts.defaultBranch ?? '', inputs]))
      .digest('hex')
      .slice(0, 32);
    const file = path.join(this.dir, `${key}.json`);
    const version = `${this.version} ${SCHEMA}`;
    const cached = await readVersionedJson(file, version, (d) =>
      typeof d.refs === 'string' &&
      Array.isArray(d.tips) &&
      Array.isArray(d.suggestions) &&
      Array.isArray(d.tags) &&
      Array.isArray(d.codeowners)
        ? (d as unknown as Cached)
        : undefined,
    );
    if (cached && refs && cached.refs === refs)
      return { suggestions: cached.suggestions, tags: cached.tags, codeowners: cached.codeowners, fromCache: true, incremental: true };
    const [result, tags, codeowners] = await Promise.all([
      mine(repo, { ...opts, previous: cached }),
      readTags(repo),
      codeownersAdditions(repo, opts.filter.since ?? '0001-01-01'),
    ]);
    const fresh: Cached = { refs, tips: result.tips, suggestions: result.suggestions, tags, codeowners };
    await writeVersionedJson(file, version, { root: repo.root, ...fresh }).catch(() => undefined);
    return { suggestions: result.suggestions, tags, codeowners, fromCache: false, incremental: result.incremental };
  }
}

/** {@link MiningCache.history} without a cache: everything read every time. */
export async function historyEvidence(repo: Repository, opts: Omit<MineOptions, 'previous' | 'sink'>): Promise<HistoryEvidence> {
  const [result, tags, codeowners] = await Promise.all([
    mine(repo, opts),
    readTags(repo),
    codeownersAdditions(repo, opts.filter.since ?? '0001-01-01'),
  ]);
  return { suggestions: result.suggestions, tags, codeowners, fromCache: false, incremental: false };
}
