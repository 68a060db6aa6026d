import { promises as fs } from 'fs';
import * as path from 'path';
import { simpleGit, SimpleGit } from 'simple-git';
import { RemoteWeb, readRemoteUrl } from '../../core/git/remote';
import { UserError } from '../errors';
import { allowedGitVariables, gitEnvironment } from './environment';

/**
 * A git work tree read through simple-git. Every call passes fixed options as an argument array;
 * no value read from the workspace is ever placed where git reads an option, and no shell is used.
 * Only history, refs and config are read: nothing refreshes the index, so neither a configured
 * `core.fsmonitor` nor any hook is ever started by us.
 */
export interface Repository {
  /** Absolute path of the work tree's top level. */
  root: string;
  git: SimpleGit;
}

/** A full commit id: 40 hex digits. */
export const SHA = /^[0-9a-f]{40}$/;

/** A simple-git client in `baseDir`, with the environment every git process of ours gets (`gitEnvironment`). */
function client(baseDir: string): SimpleGit {
  const git = simpleGit({
    baseDir,
    binary: 'git',
    maxConcurrentProcesses: 4,
    trimmed: false,
    config: ['color.ui=false'],
    allowEnvironment: allowedGitVariables(),
  });
  return git.env(gitEnvironment());
}

/**
 * Opens the repository containing `dir`.
 * @throws UserError when `dir` is not a directory, git is not installed, or `dir` is not in a git work tree.
 */
export async function openRepository(dir: string): Promise<Repository> {
  const abs = path.resolve(dir);
  const st = await fs.stat(abs).catch(() => null);
  if (!st?.isDirectory()) throw new UserError(`not a directory: ${abs}`);
  const git = client(abs);
  let top: string;
  try {
    top = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  } catch (err) {
    const msg = String((err as Error).message);
    if (/ENOENT|spawn git/i.test(msg)) throw new UserError('git is not installed or not on PATH');
    if (/not a git repository/i.test(msg)) throw new UserError(`not a git repository: ${abs}`);
    throw new UserError(`git cannot read ${abs}: ${msg.trim().split('\n')[0]}`);
  }
  if (!top) throw new UserError(`not a git work tree: ${abs}`);
  return { root: top, git: client(top) };
}

/** A git config value of the repository (local, then global), or null when unset. */
export async function configValue(repo: Repository, key: 'user.email' | 'user.name' | 'remote.origin.url'): Promise<string | null> {
  try {
    // --default: an unset key exits 0 with an empty line. (simple-git waits a fixed while before it
    // settles a command that fails without stderr, which an unset key would be.)
    const v = (await repo.git.raw(['config', '--default', '', '--get', key])).trim();
    return v || null;
  } catch {
    return null;
  }
}

/**
 * Every git config value the repository sees (system, global, local; a later one wins), keys lower
 * case as git prints them, from one `git config -z --list`. Never throws: none on failure.
 */
export async function configList(repo: Repository): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    for (const entry of (await repo.git.raw(['config', '-z', '--list'])).split('\0')) {
      const nl = entry.indexOf('\n');
      if (nl > 0) out.set(entry.slice(0, nl), entry.slice(nl + 1));
      else if (entry) out.set(entry, 'true'); // a key with no value
    }
  } catch {
    /* no config can be read: none */
  }
  return out;
}

/** The commit HEAD points at, or null in a repository with no commits yet. Works on a detached HEAD. */
export async function headCommit(repo: Repository): Promise<string | null> {
  try {
    // Not --quiet: simple-git only rejects a failed command that wrote to stderr.
    const sha = (await repo.git.raw(['rev-parse', '--verify', 'HEAD^{commit}'])).trim();
    return SHA.test(sha) ? sha : null;
  } catch {
    return null;
  }
}

/**
 * Runs a git command that reads HEAD; in a repository with no commit yet (where it fails) resolves
 * with '' instead. HEAD is checked only after a failure: the usual case costs one process, not two.
 * @throws what the command threw, when HEAD exists.
 */
export async function unlessUnborn(repo: Repository, command: () => Promise<string>): Promise<string> {
  try {
    return await command();
  } catch (err) {
    if (!(await headCommit(repo))) return '';
    throw err;
  }
}

/** True when the repository is a shallow clone (its history is cut). */
export async function isShallow(repo: Repository): Promise<boolean> {
  return (await repo.git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/**
 * The default branch: `name` when given (setting `careerEvidence.defaultBranch`, looked up as a
 * local then an `origin` branch), else `origin/HEAD`, else a local `main`, `master` or `trunk`.
 * The name is only ever used inside a `refs/…` pattern, never where git reads an option.
 */
export async function defaultBranch(repo: Repository, name?: string): Promise<{ ref: string; sha: string } | null> {
  const wanted = name?.trim()
    ? [`refs/heads/${name.trim()}`, `refs/remotes/origin/${name.trim()}`]
    : ['refs/remotes/origin/HEAD', 'refs/heads/main', 'refs/heads/master', 'refs/heads/trunk'];
  const out = await repo.git.raw(['for-each-ref', '--format=%(refname)%00%(objectname)%00%(symref)', ...wanted]).catch(() => '');
  const found = new Map<string, { ref: string; sha: string }>();
  for (const line of out.split('\n')) {
    const [ref, sha, symref] = line.split('\0');
    if (ref && SHA.test(sha ?? '')) found.set(ref, { ref: symref || ref, sha });
  }
  for (const ref of wanted) {
    const f = found.get(ref);
    if (f) return { ref: f.ref.replace(/^refs\/(heads|remotes)\//, ''), sha: f.sha };
  }
  return null;
}

/** Web address of the `origin` remote's hosting service, or null. */
export async function originWeb(repo: Repository): Promise<RemoteWeb | null> {
  const url = await configValue(repo, 'remote.origin.url');
  return url ? readRemoteUrl(url) : null;
}

/** True when commit `a` is an ancestor of (or equal to) commit `b`; both 40-hex ids. */
export async function isAncestor(repo: Repository, a: string, b: string): Promise<boolean> {
  if (!SHA.test(a) || !SHA.test(b)) return false;
  // exit 1 (not an ancestor) writes nothing to stderr, so simple-git resolves; compare with merge-base instead.
  const base = await mergeBase(repo, a, b);
  return base === a;
}

/** The best common ancestor of two commits, or null (unrelated histories, missing objects). */
export async function mergeBase(repo: Repository, a: string, b: string): Promise<string | null> {
  if (!SHA.test(a) || !SHA.test(b)) return null;
  try {
    const base = (await repo.git.raw(['merge-base', a, b])).trim();
    return SHA.test(base) ? base : null;
  } catch {
    return null;
  }
}

/** First-parent commits in `from..to` (ids), newest first; [] when either is unknown. */
export async function firstParentRange(repo: Repository, from: string, to: string): Promise<string[]> {
  if (!SHA.test(from) || !SHA.test(to)) return [];
  try {
    return (await repo.git.raw(['rev-list', '--first-parent', `${from}..${to}`])).split('\n').filter((s) => SHA.test(s));
  } catch {
    return [];
  }
}

/** Absolute path of the repository's git directory (`.git`, or a worktree's own git dir). */
export async function gitDirectory(repo: Repository): Promise<string> {
  return (await repo.git.raw(['rev-parse', '--absolute-git-dir'])).trim();
}

/** Most refs looked at for numbering; repositories with more have their newest 200 read. */
const MAX_REFS = 200;

/**
 * File names in `folder` (repository-relative, POSIX) on every local branch and remote-tracking
 * ref, read through git without a checkout, so a number taken on another branch or in an open pull
 * request is seen. The folder is passed after `--`, as a pathspec only.
 */
export async function namesOnAllRefs(repo: Repository, folder: string): Promise<string[]> {
  const refs = await repo.git
    .raw(['for-each-ref', '--sort=-committerdate', '--format=%(objectname)', 'refs/heads', 'refs/remotes'])
    .catch(() => '');
  const commits = [...new Set(refs.split('\n').filter((s) => SHA.test(s)))].slice(0, MAX_REFS);
  const names = new Set<string>();
  await Promise.all(
    commits.map(async (sha) => {
      const out = await repo.git.raw(['ls-tree', '--name-only', sha, '--', `${folder.replace(/\/+$/, '')}/`]).catch(() => '');
      for (const line of out.split('\n')) if (line) names.add(line.split('/').pop()!);
    }),
  );
  return [...names];
}

/** Who added a file to the repository, and when (the oldest commit that added it, `.mailmap` applied). */
export interface FileAddition {
  author: { name: string; email: string };
  /** ISO 8601 with the author's offset. */
  date: string;
}

/**
 * The commit that added each file under `paths` (repository-relative POSIX paths: folders, named
 * with a trailing `/`, or files), in one `git log --diff-filter=A` over them. The paths are passed
 * after `--` with `--literal-pathspecs`: a name with `*` or `:(` in it is only a name.
 * Keys are repository-relative paths.
 */
export async function fileAdditions(repo: Repository, paths: readonly string[]): Promise<Map<string, FileAddition>> {
  const out = new Map<string, FileAddition>();
  if (paths.length === 0) return out;
  const text = await unlessUnborn(repo, () =>
    repo.git.raw([
      '--literal-pathspecs',
      'log',
      '--no-color',
      '--diff-filter=A',
      '--no-renames',
      '-z',
      '--name-only',
      '--format=%x1e%aN%x00%aE%x00%aI',
      'HEAD',
      '--',
      ...paths,
    ]),
  );
  // Records: \x1e name \0 email \0 date \0 (\n)? path \0 path \0 … ; newest first, so the last seen is the oldest.
  for (const record of text.split('\x1e').slice(1)) {
    const [name, email, date, ...files] = record.split('\0');
    for (const p of files) {
      const file = p.replace(/^\n/, '');
      if (file) out.set(file, { author: { name, email }, date });
    }
  }
  return out;
}

/**
 * The blob id of each file under `folders` (repository-relative POSIX paths) in HEAD's tree, from
 * `git ls-tree -r -z HEAD`; empty when there is no commit yet. Keys are repository-relative paths.
 */
export async function headBlobs(repo: Repository, folders: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (folders.length === 0) return out;
  const text = await unlessUnborn(repo, () =>
    repo.git.raw(['--literal-pathspecs', 'ls-tree', '-r', '-z', '--full-tree', 'HEAD', '--', ...folders.map((f) => `${f}/`)]),
  );
  // Entries: "<mode> <type> <blob>\t<path>\0"
  for (const entry of text.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, blob] = entry.slice(0, tab).split(' ');
    if (type === 'blob') out.set(entry.slice(tab + 1), blob);
  }
  return out;
}
