import { promises as fs } from 'fs';
import * as path from 'path';
import { Problem } from '../../core/evidence/model';
import { DEFAULT_EXPOSURE_RULES, ExposureRule, readExposureRules } from '../../core/git/exposure';
import { GitLogParser, LOG_FORMAT, LogCommit } from '../../core/git/logFormat';
import { BranchInfo, Person, Suggestion, SuggestionFilter, buildSuggestions, matchesFilter } from '../../core/git/suggestions';
import { streamGit } from './logStream';
import { Repository, SHA, defaultBranch, firstParentRange, headCommit, isAncestor, isShallow, mergeBase, originWeb } from './repository';

/** What one mining run found. */
export interface MiningResult {
  repoRoot: string;
  /** HEAD's commit, or null in an empty repository. */
  head: string | null;
  /** Default branch used (`origin/main`, `main` …), or null when none was found. */
  defaultBranch: string | null;
  /** Commits whose first-parent history was read: the default branch's and HEAD's. */
  tips: string[];
  /** True for a shallow clone: only the history that exists was read. */
  shallow: boolean;
  /** Matching suggestions, newest first. */
  suggestions: Suggestion[];
  /** Problems with `.career-evidence/exposure.yml`. */
  problems: Problem[];
  /** True when only the commits since `previous` were read. */
  incremental: boolean;
}

/** How to mine. */
export interface MineOptions {
  filter: SuggestionFilter;
  /** Setting `careerEvidence.defaultBranch`; empty = detect. */
  defaultBranch?: string;
  /** A previous result of the same filter: only new history is read, a rewritten one re-mined from the fork point. */
  previous?: Pick<MiningResult, 'tips' | 'suggestions'>;
  signal?: AbortSignal;
}

/** Days of extra history read for merged branches when a start date is given (a branch starts before it lands). */
const BRANCH_SLACK_DAYS = 120;
/** Longest merged branch walked for its first commit and authors. */
const MAX_BRANCH_WALK = 10_000;

/**
 * Mines brag-document suggestions from the first-parent history of the default branch and of HEAD.
 * Two streamed `git log` passes: the first-parent line with numstat (the merged changes), and, when
 * there are merge commits, the merged branches' commits (first authored date, authors, co-authors).
 * With `previous`, reads only what is new; a rewritten history (force-push, rebase) drops the
 * suggestions above the fork point and re-mines from there.
 * @throws UserError when git fails; AbortError when `signal` aborts.
 */
export async function mine(repo: Repository, opts: MineOptions): Promise<MiningResult> {
  const [head, branch, shallow, remote, exposure] = await Promise.all([
    headCommit(repo),
    defaultBranch(repo, opts.defaultBranch),
    isShallow(repo),
    originWeb(repo),
    loadExposureRules(repo.root),
  ]);
  const tips = [...new Set([branch?.sha, head].filter((s): s is string => !!s && SHA.test(s)))];
  const result: MiningResult = { repoRoot: repo.root, head, defaultBranch: branch?.ref ?? null, tips, shallow, suggestions: [], problems: exposure.problems, incremental: false };
  if (tips.length === 0) return result;

  let exclude: string[] = [];
  let kept: Suggestion[] = [];
  if (opts.previous) {
    const plan = await incrementalPlan(repo, opts.previous, tips);
    if (plan) {
      ({ exclude, kept } = plan);
      result.incremental = true;
      if (exclude.length === tips.length && tips.every((t) => exclude.includes(t))) {
        result.suggestions = kept;
        return result; // nothing new
      }
    }
  }

  const commits = await readFirstParent(repo, tips, exclude, opts.filter.since, opts.signal);
  const merges = commits.filter((c) => c.parents.length > 1);
  const branches = merges.length > 0 ? await readBranches(repo, tips, exclude, commits, opts.filter.since, opts.signal) : new Map<string, BranchInfo>();
  const fresh = buildSuggestions(commits, { branches, remote, rules: exposure.rules }).filter((s) => matchesFilter(s, opts.filter));
  const seen = new Set(fresh.map((s) => s.sha));
  result.suggestions = [...fresh, ...kept.filter((s) => !seen.has(s.sha))].sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt));
  return result;
}

/** Which commits to exclude and which old suggestions to keep, or null to mine everything again. */
async function incrementalPlan(repo: Repository, previous: NonNullable<MineOptions['previous']>, tips: string[]): Promise<{ exclude: string[]; kept: Suggestion[] } | null> {
  const exclude = new Set<string>();
  const dropped = new Set<string>();
  for (const old of previous.tips) {
    if (tips.includes(old)) {
      exclude.add(old);
      continue;
    }
    let handled = false;
    for (const tip of tips) {
      if (await isAncestor(repo, old, tip)) {
        exclude.add(old);
        handled = true;
        break;
      }
    }
    if (handled) continue;
    // History was rewritten: keep what is below the fork point, mine again above it.
    const fork = await mergeBase(repo, old, tips[tips.length - 1]);
    if (!fork) return null;
    exclude.add(fork);
    for (const sha of await firstParentRange(repo, fork, old)) dropped.add(sha);
  }
  const kept = previous.suggestions.filter((s) => !s.commits.some((c) => dropped.has(c)));
  return { exclude: [...exclude], kept };
}

function dayBefore(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Options every history read passes: never run external diff drivers, textconv filters or gpg. */
const SAFE_LOG = ['--no-ext-diff', '--no-textconv', '--no-show-signature', '--no-color', '--encoding=UTF-8'];

async function readFirstParent(repo: Repository, tips: string[], exclude: string[], since: string | undefined, signal?: AbortSignal): Promise<LogCommit[]> {
  const args = ['log', ...SAFE_LOG, '--first-parent', '--diff-merges=first-parent', '--numstat', '-z', `--format=${LOG_FORMAT}`];
  if (since) args.push(`--since=${dayBefore(since, 1)}T00:00:00Z`);
  args.push(...tips, ...exclude.map((e) => `^${e}`), '--');
  const parser = new GitLogParser();
  const commits: LogCommit[] = [];
  const keep = (batch: LogCommit[]) => {
    for (const c of batch) commits.push(c);
  };
  await streamGit(repo.root, args, (text) => keep(parser.push(text)), signal);
  keep(parser.end());
  return commits;
}

interface BranchCommit {
  parents: string[];
  authoredAt: string;
  author: Person;
  coAuthors: Person[];
}

/** Reads the commits of merged branches and summarises, per merge commit, its branch. */
async function readBranches(
  repo: Repository,
  tips: string[],
  exclude: string[],
  firstParent: readonly LogCommit[],
  since: string | undefined,
  signal?: AbortSignal,
): Promise<Map<string, BranchInfo>> {
  const args = ['log', ...SAFE_LOG, '-z', '--format=%H%x00%P%x00%aI%x00%aN%x00%aE%x00%(trailers:key=Co-authored-by,valueonly=true,separator=%x1f)'];
  if (since) args.push(`--since=${dayBefore(since, BRANCH_SLACK_DAYS)}T00:00:00Z`);
  args.push(...tips, ...exclude.map((e) => `^${e}`), '--');
  const graph = new Map<string, BranchCommit>();
  const FIELDS = 6; // %H %P %aI %aN %aE trailers, each NUL-terminated with -z
  let pending: string[] = [];
  let partial = '';
  const add = (t: string[], i: number) => {
    graph.set(t[i].replace(/^\n/, ''), {
      parents: t[i + 1].split(' ').filter(Boolean),
      authoredAt: t[i + 2],
      author: { name: t[i + 3], email: t[i + 4] },
      coAuthors: t[i + 5].split(/[\x1f\n]/).flatMap((v) => {
        const m = /^(.*?)\s*<([^<>]+)>\s*$/.exec(v.trim());
        return m ? [{ name: m[1], email: m[2] }] : [];
      }),
    });
  };
  const drain = () => {
    let i = 0;
    for (; i + FIELDS <= pending.length; i += FIELDS) add(pending, i);
    pending = pending.slice(i);
  };
  await streamGit(
    repo.root,
    args,
    (text) => {
      const parts = (partial + text).split('\0');
      partial = parts.pop() ?? '';
      for (const p of parts) pending.push(p);
      drain();
    },
    signal,
  );
  if (partial) pending.push(partial);
  drain();

  const mainline = new Set(firstParent.map((c) => c.sha));
  const out = new Map<string, BranchInfo>();
  for (const merge of firstParent) {
    if (merge.parents.length < 2) continue;
    const tip = graph.get(merge.parents[1]);
    if (!tip) continue;
    let first = tip.authoredAt;
    const people = new Map<string, Person>();
    const stack = merge.parents.slice(1);
    const visited = new Set<string>();
    while (stack.length > 0 && visited.size < MAX_BRANCH_WALK) {
      const sha = stack.pop()!;
      if (visited.has(sha) || mainline.has(sha)) continue;
      const c = graph.get(sha);
      if (!c) continue;
      visited.add(sha);
      if (Date.parse(c.authoredAt) < Date.parse(first)) first = c.authoredAt;
      for (const p of [c.author, ...c.coAuthors]) people.set(p.email.toLowerCase(), p);
      stack.push(...c.parents);
    }
    out.set(merge.sha, { firstAuthoredAt: first, tipAuthor: tip.author, people: [...people.values()] });
  }
  return out;
}

/** Exposure rules of a repository: built-in, merged with `.career-evidence/exposure.yml` when present. */
export async function loadExposureRules(root: string): Promise<{ rules: ExposureRule[]; problems: Problem[] }> {
  const text = await fs.readFile(path.join(root, '.career-evidence', 'exposure.yml'), 'utf8').catch(() => undefined);
  return text === undefined ? { rules: [...DEFAULT_EXPOSURE_RULES], problems: [] } : readExposureRules(text);
}
