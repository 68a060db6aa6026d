import { promises as fs } from 'fs';
import * as path from 'path';
import { simpleGit, SimpleGit } from 'simple-git';
import { GitLogParser, LOG_FORMAT, LogCommit } from '../core/git/logFormat';
import { Person, Suggestion, SuggestionFilter, matchesFilter, toSuggestion } from '../core/git/suggestions';
import { UserError } from './errors';

/**
 * A git work tree read through simple-git. Every call passes fixed options as an argument array;
 * no value read from the workspace is ever placed where git reads an option, and no shell is used.
 */
export interface Repository {
  /** Absolute path of the work tree's top level. */
  root: string;
  git: SimpleGit;
}

const SHA = /^[0-9a-f]{40}$/;

function client(baseDir: string): SimpleGit {
  // Only history and config are read (log, rev-parse, config): none of these refresh the index, so
  // a user-configured core.fsmonitor hook or any git hook is never started by us.
  return simpleGit({ baseDir, binary: 'git', maxConcurrentProcesses: 2, trimmed: false, config: ['color.ui=false'] });
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
  return { root: top, git: client(top) };
}

/** `git config user.email` of the repository (local, then global), or null when unset. */
export async function configValue(repo: Repository, key: 'user.email' | 'user.name'): Promise<string | null> {
  try {
    const v = (await repo.git.raw(['config', '--get', key])).trim();
    return v || null;
  } catch {
    return null; // exit 1: unset
  }
}

/** True when HEAD points at a commit (false in a repository with no commits yet). */
export async function hasCommits(repo: Repository): Promise<boolean> {
  try {
    // Not --quiet: simple-git only rejects a failed command that wrote to stderr.
    await repo.git.raw(['rev-parse', '--verify', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the first-parent history of HEAD with numstat of each merged change (merges diffed against
 * their first parent). `sinceDay` (`YYYY-MM-DD`) bounds the walk with a day of slack; callers filter
 * precisely. Returns [] for a repository without commits.
 */
export async function readFirstParentLog(repo: Repository, sinceDay?: string): Promise<LogCommit[]> {
  if (!(await hasCommits(repo))) return [];
  const args = ['log', '--first-parent', '--diff-merges=first-parent', '--numstat', '-z', '--no-color', `--format=${LOG_FORMAT}`];
  if (sinceDay) args.push(`--since=${dayBefore(sinceDay)}T00:00:00Z`);
  args.push('HEAD', '--');
  const parser = new GitLogParser();
  const out = await repo.git.raw(args);
  return [...parser.push(out), ...parser.end()];
}

/** Authors of the given commits (40-hex ids only), looked up in batches of 500. */
export async function authorsOf(repo: Repository, shas: readonly string[]): Promise<Map<string, Person>> {
  const map = new Map<string, Person>();
  const ids = [...new Set(shas)].filter((s) => SHA.test(s));
  for (let i = 0; i < ids.length; i += 500) {
    const out = await repo.git.raw(['log', '--no-walk=unsorted', '-z', '--format=%H%x00%aN%x00%aE', ...ids.slice(i, i + 500), '--']);
    const t = out.split('\0');
    for (let j = 0; j + 2 < t.length; j += 3) map.set(t[j].replace(/^\n/, ''), { name: t[j + 1], email: t[j + 2] });
  }
  return map;
}

/**
 * Brag-entry suggestions from the merged work on HEAD's first-parent line, newest first.
 * A merge commit is attributed to the author of the merged branch's tip.
 */
export async function mineSuggestions(repo: Repository, filter: SuggestionFilter): Promise<Suggestion[]> {
  const commits = await readFirstParentLog(repo, filter.since);
  const tips = await authorsOf(repo, commits.filter((c) => c.parents.length > 1).map((c) => c.parents[1]));
  return commits.map((c) => toSuggestion(c, c.parents.length > 1 ? tips.get(c.parents[1]) : undefined)).filter((s) => matchesFilter(s, filter));
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
