import { promises as fs } from 'fs';
import * as path from 'path';
import { Problem } from '../../core/evidence/model';
import { StatusAliases } from '../../core/evidence/status';
import { JOURNAL_SETTINGS_FILE } from '../../core/evidence/statusAliases';
import { IndexedDocument } from '../../core/index/snapshot';
import { EvidenceSet, JournalEvidence, RepositoryEvidence } from '../../core/report/evidenceSet';
import { ReportPerson } from '../../core/report/person';
import { NO_REPORT_SETTINGS, ReportSettings, readReportSettings } from '../../core/report/reportSettings';
import { UserError } from '../errors';
import { expandHome } from '../homePath';
import { userIdentity } from '../git/identity';
import { Repository } from '../git/repository';
import { Suggestion } from '../../core/git/suggestions';
import { ReviewGiven } from '../../core/pullRequests/model';
import { MiningCache, historyEvidence } from './miningCache';
import { fileAdditions, openRepository } from '../git/repository';
import { JOURNAL_FOLDERS, scanEvidence } from '../scanEvidence';

/** Repositories read at once. */
const REPOSITORIES_AT_ONCE = 6;

/** How deep under a `repositoriesRoot` git repositories are looked for (`~/code/org/repo`). */
const REPOSITORIES_ROOT_DEPTH = 2;

/** What to gather. */
export interface GatherOptions {
  /** Repository folders (absolute or relative to the working directory). */
  folders: readonly string[];
  /** Folders searched {@link REPOSITORIES_ROOT_DEPTH} levels deep for more repositories. */
  roots: readonly string[];
  /** The journal folder (absolute). */
  journalDir: string;
  /** First day of merged work to read, `YYYY-MM-DD` (the trend's oldest quarter). */
  since: string;
  /** More e-mail addresses of the person (`--author`, settings). */
  identities: readonly string[];
  /** Hosting handles of the person. */
  handles: readonly string[];
  /** The user's status words (journal, settings). */
  statusAliases?: StatusAliases;
  /**
   * Documents already read (the extension's index), by repository top folder: used instead of
   * scanning that repository again. Absent: the repository's documents are scanned.
   */
  documentsOf?: (root: string) => readonly IndexedDocument[] | undefined;
  /** The journal as already read; absent: `journalDir` is scanned. */
  journal?: JournalEvidence | null;
  /** Where mining results are kept between reports; without one, every report mines all of its period. */
  miningCache?: MiningCache;
  /**
   * Pull requests fetched before, with the user's consent (their cache: a report itself never
   * connects): their descriptions and review times are applied to the repository's merged work.
   */
  pullRequests?: (repo: Repository, changes: Suggestion[]) => Promise<{ changes: Suggestion[]; reviewsGiven: ReviewGiven[] }>;
  /** Told of each repository as it is read, for progress. */
  onRepository?: (root: string, index: number, total: number) => void;
  signal?: AbortSignal;
}

/** The evidence, the person it is for, and the journal's report settings. */
export interface Gathered {
  set: EvidenceSet;
  person: ReportPerson;
  settings: ReportSettings;
}

/**
 * Gathers a report's evidence: each repository's merged work (others' work included), documents
 * with who added them, tags and CODEOWNERS lines, and the journal. A repository that is gone or is
 * not a git repository becomes a problem and the others are read. Reads only; writes nothing.
 * @throws UserError when no identity at all is known (no `user.email`, none given).
 */
export async function gatherEvidence(opts: GatherOptions): Promise<Gathered> {
  const settingsRead = await readJournalReportSettings(opts.journalDir);
  const settings = settingsRead.settings;
  const problems: Problem[] = [...settingsRead.problems];
  const candidates = [
    ...opts.folders.map((f) => path.resolve(f)),
    ...settings.repositories.map(expandHome),
    ...(await repositoriesUnder([
      ...opts.roots.map((r) => path.resolve(r)),
      ...(settings.repositoriesRoot ? [expandHome(settings.repositoriesRoot)] : []),
    ])),
  ];
  const identities = [...opts.identities, ...settings.identities];
  const repositories: RepositoryEvidence[] = [];
  const emails = new Set<string>(identities.map((e) => e.toLowerCase()));
  const names = new Set<string>();
  const seenRoots = new Set<string>();
  let done = 0;
  const read = async (folder: string): Promise<RepositoryEvidence | Problem | null> => {
    opts.signal?.throwIfAborted();
    try {
      const repo = await openRepository(folder);
      if (seenRoots.has(repo.root)) return null;
      seenRoots.add(repo.root);
      const { emails: mine, name } = await userIdentity(repo, identities);
      for (const e of mine) emails.add(e);
      if (name) names.add(name);
      return await readRepository(repo, opts);
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return { path: folder, line: null, message: err.message };
    } finally {
      opts.onRepository?.(folder, done++, candidates.length);
    }
  };
  // A few repositories at once: each is mostly waiting on git processes. Results keep the order given.
  const results: (RepositoryEvidence | Problem | null)[] = new Array(candidates.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const i = next++;
      results[i] = await read(candidates[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REPOSITORIES_AT_ONCE, candidates.length) }, worker));
  for (const r of results) {
    if (r && 'root' in r) repositories.push(r);
    else if (r) problems.push(r);
  }
  if (emails.size === 0)
    throw new UserError(
      'no identity to report on: set git config user.email, add identities to the journal’s career-evidence.yml, or pass --author EMAIL',
    );
  const journal = opts.journal !== undefined ? opts.journal : await readJournal(opts.journalDir, opts.statusAliases);
  return {
    set: { repositories, journal, problems },
    person: { emails: [...emails], names: [...names], handles: [...opts.handles, ...settings.handles] },
    settings,
  };
}

async function readRepository(repo: Awaited<ReturnType<typeof openRepository>>, opts: GatherOptions): Promise<RepositoryEvidence> {
  const known = opts.documentsOf?.(repo.root);
  const mineOpts = { filter: { authors: 'all' as const, othersWork: true, since: opts.since }, signal: opts.signal };
  const [history, documents] = await Promise.all([
    opts.miningCache ? opts.miningCache.history(repo, mineOpts) : historyEvidence(repo, mineOpts),
    known ? [...known] : readDocuments(repo, opts),
  ]);
  const { changes, reviewsGiven } = opts.pullRequests
    ? await opts.pullRequests(repo, history.suggestions)
    : { changes: history.suggestions, reviewsGiven: [] };
  return {
    root: repo.root,
    changes,
    documents,
    tags: history.tags,
    codeowners: history.codeowners,
    ...(reviewsGiven.length ? { reviewsGiven } : {}),
  };
}

/** A repository's documents, scanned, with who added each file. */
async function readDocuments(repo: Awaited<ReturnType<typeof openRepository>>, opts: GatherOptions): Promise<IndexedDocument[]> {
  const scan = await scanEvidence(repo.root, { statusAliases: opts.statusAliases });
  const folders = scan.folders.filter((f) => !f.outside).map((f) => `${f.path}/`);
  const added = await fileAdditions(repo, folders);
  return scan.items.map((item) => {
    const details = scan.details[item.path];
    const a = added.get(item.path);
    return { item, details: details && a ? { ...details, added: { name: a.author.name, email: a.author.email, date: a.date } } : details };
  });
}

/** The journal's documents, or null when the journal folder does not exist yet. */
async function readJournal(dir: string, statusAliases?: StatusAliases): Promise<JournalEvidence | null> {
  const exists = await fs.stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return null;
  const scan = await scanEvidence(dir, { folders: [...JOURNAL_FOLDERS], statusAliases });
  const documents = scan.items.map((item) => ({ item, details: scan.details[item.path] }));
  return { root: scan.root, documents, problems: scan.problems };
}

/** The report settings of the journal's `career-evidence.yml`; none when it is missing. Never throws. */
export async function readJournalReportSettings(journalDir: string): Promise<{ settings: ReportSettings; problems: Problem[] }> {
  const file = path.join(journalDir, JOURNAL_SETTINGS_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { settings: NO_REPORT_SETTINGS, problems: [] };
  const read = readReportSettings(text, file);
  return read;
}

/** Git work trees at most {@link REPOSITORIES_ROOT_DEPTH} levels under each root (a folder holding `.git`), sorted. */
export async function repositoriesUnder(roots: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    if (entries.some((e) => e.name === '.git')) {
      out.push(dir);
      return;
    }
    if (depth === REPOSITORIES_ROOT_DEPTH) return;
    for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.') && x.name !== 'node_modules'))
      await walk(path.join(dir, e.name), depth + 1);
  };
  for (const root of roots) await walk(root, 0);
  return out.sort();
}
