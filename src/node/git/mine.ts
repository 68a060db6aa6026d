import { promises as fs } from 'fs';
import * as path from 'path';
import { addDays } from '../../core/evidence/dates';
import { Problem } from '../../core/evidence/model';
import { DEFAULT_EXPOSURE_RULES, ExposureRule, readExposureRules } from '../../core/git/exposure';
import { GitLogParser, LOG_FORMAT } from '../../core/git/logFormat';
import { Person, readPerson } from '../../core/evidence/person';
import { BranchInfo, Suggestion, SuggestionBuilder, SuggestionFilter, isBot, matchesFilter } from '../../core/git/suggestions';
import { MAX_BRANCH_COMMITS } from '../../core/git/branchDescription';
import { BranchDescriber } from './branchDescriptions';
import { streamGit } from './logStream';
import { Repository, SHA, defaultBranch, firstParentRange, headCommit, isAncestor, isShallow, mergeBase, originWeb } from './repository';

/** What is known before the history is read. */
export interface MiningMeta {
  repoRoot: string;
  /** HEAD's commit, or null in an empty repository. */
  head: string | null;
  /** Default branch used (`origin/main`, `main` …), or null when none was found. */
  defaultBranch: string | null;
  /** Commits whose first-parent history was read: the default branch's and HEAD's. */
  tips: string[];
  /** True for a shallow clone: only the history that exists was read. */
  shallow: boolean;
  /** Problems with `.career-evidence/exposure.yml`. */
  problems: Problem[];
}

/** What one mining run found. */
export interface MiningResult extends MiningMeta {
  /** Matching suggestions, newest first (empty when a `sink` took them). */
  suggestions: Suggestion[];
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
  /**
   * Receives the metadata, then each suggestion as it is found (newest first), instead of collecting
   * them: memory stays flat however long the history (the CLI streams its output this way).
   */
  sink?: { start(meta: MiningMeta): void; suggestion(s: Suggestion): void };
  signal?: AbortSignal;
}

/** Days of extra history read for merged branches when a start date is given (a branch starts before it lands). */
const BRANCH_SLACK_DAYS = 120;
/** Options every history read passes: never run external diff drivers, textconv filters or gpg. */
const SAFE_LOG = ['--no-ext-diff', '--no-textconv', '--no-show-signature', '--no-color', '--encoding=UTF-8'];
/** `git log` format of the commit graph pass: id, parents, author date, author, Co-authored-by values. */
const GRAPH_FORMAT = '%H%x00%P%x00%aI%x00%aN%x00%aE%x00%(trailers:key=Co-authored-by,valueonly=true,separator=%x1f)';

/**
 * The commits whose first-parent history is mined: the default branch's tip (`branch`: setting
 * `careerEvidence.defaultBranch`; empty = detect) and HEAD's, without duplicates. Comparing them
 * with an earlier look tells whether there is new work to read.
 */
export async function firstParentTips(repo: Repository, branch?: string): Promise<string[]> {
  const [head, found] = await Promise.all([headCommit(repo), defaultBranch(repo, branch)]);
  return tipsOf(found?.sha, head);
}

function tipsOf(branchSha: string | undefined, head: string | null): string[] {
  return [...new Set([branchSha, head].filter((s): s is string => !!s && SHA.test(s)))];
}

/**
 * Mines brag-document suggestions from the first-parent history of the default branch and of HEAD,
 * in two streamed `git log` passes: the commit graph (to find each merged branch's first commit,
 * authors and co-authors), then the first-parent line with numstat, turned into suggestions as it
 * arrives. With `previous`, reads only what is new; a rewritten history (force-push, rebase) drops
 * the suggestions above the fork point and re-mines from there.
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
  const tips = tipsOf(branch?.sha, head);
  const meta: MiningMeta = { repoRoot: repo.root, head, defaultBranch: branch?.ref ?? null, tips, shallow, problems: exposure.problems };
  const result: MiningResult = { ...meta, suggestions: [], incremental: false };
  opts.sink?.start(meta);
  if (tips.length === 0) return result;

  let exclude: string[] = [];
  let kept: Suggestion[] = [];
  if (opts.previous) {
    const plan = await incrementalPlan(repo, opts.previous, tips);
    if (plan) {
      ({ exclude, kept } = plan);
      result.incremental = true;
    }
  }

  const fresh: Suggestion[] = [];
  const emit = opts.sink ? (s: Suggestion) => opts.sink!.suggestion(s) : (s: Suggestion) => fresh.push(s);
  const nothingNew = result.incremental && tips.every((t) => exclude.includes(t));
  if (!nothingNew) {
    const branches = await readBranches(repo, tips, exclude, opts.filter.since, opts.signal);
    const builder = new SuggestionBuilder({ branches, remote, rules: exposure.rules });
    // Merges that say nothing beyond their title are described from their branch's commits, in
    // batches, without changing the order suggestions are emitted in.
    const describer = new BranchDescriber(repo.root, branches, SAFE_LOG, emit, opts.signal);
    const keep = (list: Suggestion[]) => {
      for (const s of list) if (matchesFilter(s, opts.filter)) describer.push(s);
    };
    const args = ['log', ...SAFE_LOG, '--first-parent', '--diff-merges=first-parent', '--numstat', '-z', `--format=${LOG_FORMAT}`];
    if (opts.filter.since) args.push(`--since=${addDays(opts.filter.since, -1)}T00:00:00Z`);
    args.push(...tips, ...exclude.map((e) => `^${e}`), '--');
    const parser = new GitLogParser();
    await streamGit(repo.root, args, (text) => parser.push(text).forEach((c) => keep(builder.push(c))), opts.signal);
    parser.end().forEach((c) => keep(builder.push(c)));
    keep(builder.end());
    await describer.end();
  }
  if (opts.sink) kept.forEach(emit);
  else result.suggestions = mergeNewestFirst(fresh, kept);
  return result;
}

/** Merges two lists that are each newest first (by `mergedAt`), dropping ids already seen. */
function mergeNewestFirst(a: Suggestion[], b: Suggestion[]): Suggestion[] {
  if (a.length === 0) return b;
  const seen = new Set(a.map((s) => s.sha));
  const rest = b.filter((s) => !seen.has(s.sha));
  if (rest.length === 0) return a;
  // Usually everything new is newer than everything kept: no interleaving needed.
  if (Date.parse(a[a.length - 1].mergedAt) >= Date.parse(rest[0].mergedAt)) return a.concat(rest);
  const out: Suggestion[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < rest.length) out.push(Date.parse(a[i].mergedAt) >= Date.parse(rest[j].mergedAt) ? a[i++] : rest[j++]);
  return out.concat(a.slice(i), rest.slice(j));
}

/** Which commits to exclude and which old suggestions to keep, or null to mine everything again. */
async function incrementalPlan(
  repo: Repository,
  previous: NonNullable<MineOptions['previous']>,
  tips: string[],
): Promise<{ exclude: string[]; kept: Suggestion[] } | null> {
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
  const kept = dropped.size === 0 ? previous.suggestions : previous.suggestions.filter((s) => !s.commits.some((c) => dropped.has(c)));
  return { exclude: [...exclude], kept };
}

interface GraphCommit {
  parents: string[];
  authoredAt: string;
  author: Person;
  coAuthors: Person[];
}

/**
 * Reads the commit graph (no diffs) and summarises, for each merge commit on the first-parent line,
 * its merged branch: the commits reachable from its second parent that are not on the line and
 * that no older merge of the line brought in. Linear in the size of the graph.
 * The graph is dropped afterwards; only the per-merge summaries are kept.
 */
async function readBranches(
  repo: Repository,
  tips: string[],
  exclude: string[],
  since: string | undefined,
  signal?: AbortSignal,
): Promise<Map<string, BranchInfo>> {
  const args = ['log', ...SAFE_LOG, '-z', `--format=${GRAPH_FORMAT}`];
  if (since) args.push(`--since=${addDays(since, -BRANCH_SLACK_DAYS)}T00:00:00Z`);
  args.push(...tips, ...exclude.map((e) => `^${e}`), '--');
  const graph = new Map<string, GraphCommit>();
  const FIELDS = 6; // each NUL-terminated with -z
  let pending: string[] = [];
  let partial = '';
  const drain = () => {
    let i = 0;
    for (; i + FIELDS <= pending.length; i += FIELDS) {
      graph.set(pending[i].replace(/^\n/, ''), {
        parents: pending[i + 1].split(' ').filter(Boolean),
        authoredAt: pending[i + 2],
        author: { name: pending[i + 3], email: pending[i + 4] },
        coAuthors: pending[i + 5] ? parsePeople(pending[i + 5]) : [],
      });
    }
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

  // The first-parent line from each tip, as far as the graph reaches: the default branch's first,
  // then what HEAD adds to it.
  const mainline = new Set<string>();
  const lines: string[][] = [];
  for (const tip of tips) {
    const line: string[] = [];
    for (let sha: string | undefined = tip; sha && graph.has(sha) && !mainline.has(sha); sha = graph.get(sha)!.parents[0]) {
      mainline.add(sha);
      line.push(sha);
    }
    lines.push(line);
  }
  // One pass over the graph: each branch commit is claimed by the oldest merge on the line that
  // brings it in, so a long-lived branch merged again and again is walked once, not once per merge
  // (history shaped like git/git's or the kernel's would cost merges × branch length).
  const claimed = new Set<string>();
  const out = new Map<string, BranchInfo>();
  for (const line of lines) {
    for (let i = line.length - 1; i >= 0; i--) {
      const sha = line[i];
      const merge = graph.get(sha)!;
      if (merge.parents.length < 2) continue;
      const tip = graph.get(merge.parents[1]);
      if (!tip) continue;
      let first = tip.authoredAt;
      let firstMs = Date.parse(first);
      let latestHuman: { author: Person; ms: number } | null = null;
      const people = new Map<string, Person>();
      const own: { id: string; ms: number }[] = [];
      const stack = merge.parents.slice(1);
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (claimed.has(id) || mainline.has(id)) continue;
        const c = graph.get(id);
        if (!c) continue;
        claimed.add(id);
        const ms = Date.parse(c.authoredAt);
        if (ms < firstMs) [first, firstMs] = [c.authoredAt, ms];
        if (!isBot(c.author) && (!latestHuman || ms > latestHuman.ms)) latestHuman = { author: c.author, ms };
        for (const p of [c.author, ...c.coAuthors]) people.set(p.email.toLowerCase(), p);
        if (c.parents.length < 2) own.push({ id, ms });
        for (const parent of c.parents) stack.push(parent);
      }
      // Oldest first (stable for equal dates: git lists newer commits first, the walk reverses them).
      own.sort((a, b) => a.ms - b.ms);
      out.set(sha, {
        firstAuthoredAt: first,
        tipAuthor: tip.author,
        latestHuman: latestHuman?.author ?? null,
        people: [...people.values()],
        commits: own.slice(0, MAX_BRANCH_COMMITS).map((o) => o.id),
        commitCount: own.length,
      });
    }
  }
  return out;
}

/** `Co-authored-by` values (`Name <email>`, separated by \x1f or new lines); the ones without an address are left out. */
function parsePeople(values: string): Person[] {
  return values.split(/[\x1f\n]/).flatMap((v) => {
    const p = readPerson(v);
    return p && p.email ? [p] : [];
  });
}

/** Exposure rules of a repository: built-in, merged with `.career-evidence/exposure.yml` when present. */
export async function loadExposureRules(root: string): Promise<{ rules: ExposureRule[]; problems: Problem[] }> {
  const text = await fs.readFile(path.join(root, '.career-evidence', 'exposure.yml'), 'utf8').catch(() => undefined);
  return text === undefined ? { rules: [...DEFAULT_EXPOSURE_RULES], problems: [] } : readExposureRules(text);
}
