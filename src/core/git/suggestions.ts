import { Category, readConventionalTitle } from './conventional';
import { cleanDescription } from './description';
import { ExposureRule, exposureTags } from './exposure';
import { LogCommit } from './logFormat';
import { ChangeKind, PrProvider, readMergedChange } from './mergeShapes';
import { RemoteWeb, pullRequestUrl } from './remote';
import { readTrailers } from './trailers';
import { Person } from '../evidence/person';

/** How a suggestion's change landed: the merge shapes plus a folded rebase-merged series. */
export type SuggestionKind = ChangeKind | 'rebase';

/** At most this many changed paths are kept on a suggestion (the counts cover all of them). */
export const MAX_PATHS = 100;

/**
 * A brag-document suggestion: one piece of merged work on the first-parent line.
 * This is the `suggestions[]` element of `career-evidence suggest --json` (a stable contract:
 * fields are only ever added).
 */
export interface Suggestion {
  /** The first-parent commit (the newest of a rebase-merged series); 40 hex digits. */
  sha: string;
  kind: SuggestionKind;
  /** Cleaned title: no PR number, no conventional-commit prefix. */
  title: string;
  /** PR description or commit body without template boilerplate, bullet lists of squashed commits or trailers. */
  description: string;
  /**
   * Where {@link description} comes from: the change's own `message`, or — for a merge commit that
   * says nothing beyond its title — the merged branch's commit messages (`branch-commits`, see
   * `branchDescription.ts`), or the pull request's own as fetched with the user's consent
   * (`pull-request`, see `pullRequests/model.ts`).
   */
  descriptionSource: 'message' | 'branch-commits' | 'pull-request';
  /** `url` is built from the `origin` remote (no network), or null when the host is unknown. */
  pr: { number: number; provider: PrProvider; url: string | null } | null;
  /** From the conventional-commit type (`feat` → `feature` …), else `other`. */
  category: Category;
  /** Who did the work: for a merge commit, the author of the merged branch's tip; else the commit's author. */
  author: Person;
  /** `Co-authored-by` trailers of the change (and other authors of a merged branch). */
  coAuthors: Person[];
  /**
   * Who landed it: the committer, unless that is a hosting platform (GitHub's merge button commits
   * as `GitHub <noreply@github.com>`) or a bot; then, for a merge commit, its author (the person who
   * pressed the button); else null (a platform's squash or rebase does not say who merged).
   */
  mergedBy: Person | null;
  /** `Reviewed-by:` and `Acked-by:` trailers of the change. */
  reviewers: Person[];
  /** `Helped-by:` and `Mentored-by:` trailers of the change. */
  helpers: Person[];
  /** When it landed: committer date, ISO 8601 with the committer's offset. */
  mergedAt: string;
  /** When its first commit was authored: ISO 8601 with the author's offset. */
  authoredAt: string;
  /** Hours (one decimal) from `authoredAt` to `mergedAt`; null for a direct commit (no review). */
  reviewLatencyHours: number | null;
  /** True when the latency comes only from squash/rebase metadata, not from the branch's commits. */
  latencyEstimated: boolean;
  /** Complexity exposure tags (see `exposure.ts`). */
  tags: string[];
  /** Size of the merged change against the first parent (git numstat). */
  files: number;
  insertions: number;
  deletions: number;
  /** Up to {@link MAX_PATHS} changed paths. */
  paths: string[];
  /** First-parent commits this suggestion covers (more than one for a rebase-merged series), newest first. */
  commits: string[];
  /** Gerrit `Change-Id`, or null. */
  changeId: string | null;
  /** Fetched with the user's consent (absent otherwise): when the pull request was opened, marked ready, first reviewed, approved (ISO 8601 UTC, or null). */
  openedAt?: string | null;
  readyAt?: string | null;
  firstReviewAt?: string | null;
  approvedAt?: string | null;
  /** Fetched with the user's consent: hours from ready for review (else opened) to the first review, and from it to the merge. */
  waitingForFirstReviewHours?: number | null;
  reviewToMergeHours?: number | null;
  /** Fetched with the user's consent: the reviewers' logins on the hosting service. */
  reviewerLogins?: string[];
}

/** What is known about a merged branch from the commits between a merge's first and second parent. */
export interface BranchInfo {
  /** Earliest author date among the branch's commits (ISO 8601). */
  firstAuthoredAt: string;
  /** Author of the branch's tip (the merge's second parent). */
  tipAuthor: Person;
  /** The author of the branch's most recently authored commit that is not a bot's, or null when every commit is a bot's. */
  latestHuman?: Person | null;
  /** Every author and co-author of the branch's commits. */
  people: Person[];
  /** The branch's own commits (merges of other branches left out), oldest first: at most `MAX_BRANCH_COMMITS`. */
  commits?: string[];
  /** How many such commits the branch has (more than {@link commits} holds when it is long). */
  commitCount?: number;
}

/** Context for turning commits into suggestions. */
export interface BuildContext {
  /** Branch information per merge commit id. */
  branches: ReadonlyMap<string, BranchInfo>;
  remote: RemoteWeb | null;
  rules: readonly ExposureRule[];
}

/** Committers that are a hosting platform acting for the person who merged, not a person. */
const PLATFORM_COMMITTER = /^(noreply@github\.com|noreply@gitlab\.com)$/i;
const PLATFORM_NAME = /^(GitHub|GitHub Enterprise|GitLab|Gerrit Code Review)$/i;

const BOT = /\[bot\]|^dependabot|^renovate|dependabot\[bot\]|renovate\[bot\]|^github-actions/i;

/** True for automation accounts (`[bot]` suffix, dependabot, renovate, GitHub Actions). */
export function isBot(p: Person): boolean {
  return BOT.test(p.name) || BOT.test(p.email) || (/noreply@github\.com$/i.test(p.email) && /action/i.test(p.name));
}

/** {@link Suggestion.mergedBy} of a first-parent commit landed as `kind`. */
function landedBy(c: LogCommit, kind: ChangeKind): Person | null {
  const committer = { name: c.committerName, email: c.committerEmail };
  if (committer.email && !PLATFORM_COMMITTER.test(committer.email) && !PLATFORM_NAME.test(committer.name) && !isBot(committer))
    return committer;
  const author = { name: c.authorName, email: c.authorEmail };
  return kind === 'merge' && author.email && !isBot(author) ? author : null;
}

function hoursBetween(fromIso: string, toIso: string): number | null {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  return Number.isFinite(ms) ? Math.round(ms / 360_000) / 10 : null;
}

/** Turns one first-parent commit into a suggestion (see {@link buildSuggestions}). */
export function toSuggestion(c: LogCommit, ctx: BuildContext): Suggestion {
  const change = readMergedChange(c);
  const trailers = readTrailers(c.message);
  const branch = c.parents.length > 1 ? ctx.branches.get(c.sha) : undefined;
  const conventional = readConventionalTitle(change.title);
  const description = cleanDescription(change.description, change.kind === 'squash');
  const coAuthors = [...trailers.coAuthors];
  // A branch whose tip is a bot's fix-up (a formatter, a lint fix pushed on top) is the work of its
  // people: credited to the most recent human author, the others as co-authors.
  const author = branch
    ? isBot(branch.tipAuthor)
      ? (branch.latestHuman ?? branch.tipAuthor)
      : branch.tipAuthor
    : { name: c.authorName, email: c.authorEmail };
  for (const p of branch?.people ?? []) {
    if (isBot(p)) continue;
    if (p.email.toLowerCase() !== author.email.toLowerCase() && !coAuthors.some((x) => x.email.toLowerCase() === p.email.toLowerCase()))
      coAuthors.push(p);
  }
  const authoredAt = branch?.firstAuthoredAt ?? c.authorDate;
  const reviewed = change.kind !== 'commit';
  return {
    sha: c.sha,
    kind: change.kind,
    title: conventional.title,
    description,
    descriptionSource: 'message',
    pr: change.pr ? { ...change.pr, url: ctx.remote ? pullRequestUrl(ctx.remote, change.pr.number) : null } : null,
    category: conventional.category,
    author,
    coAuthors,
    mergedBy: landedBy(c, change.kind),
    reviewers: trailers.reviewers,
    helpers: trailers.helpers,
    mergedAt: c.committerDate,
    authoredAt,
    reviewLatencyHours: reviewed ? hoursBetween(authoredAt, c.committerDate) : null,
    latencyEstimated: reviewed && !branch,
    tags: exposureTags(ctx.rules, c.paths, `${change.title}\n${description}`),
    files: c.files,
    insertions: c.insertions,
    deletions: c.deletions,
    paths: c.paths.slice(0, MAX_PATHS),
    commits: [c.sha],
    changeId: trailers.changeId,
  };
}

/**
 * Streaming form of {@link buildSuggestions}: feed first-parent commits newest first with
 * {@link push}; each call returns the suggestions it completed (a suggestion is complete once the
 * next commit does not continue its rebase-merged series); {@link end} returns the last one.
 */
export class SuggestionBuilder {
  private open: Suggestion | null = null;

  constructor(private readonly ctx: BuildContext) {}

  push(c: LogCommit): Suggestion[] {
    const s = toSuggestion(c, this.ctx);
    const prev = this.open;
    if (
      prev &&
      s.pr &&
      prev.pr &&
      s.kind !== 'merge' &&
      prev.kind !== 'merge' &&
      prev.pr.number === s.pr.number &&
      prev.pr.provider === s.pr.provider
    ) {
      this.open = foldSeries(prev, s);
      return [];
    }
    this.open = s;
    return prev ? [prev] : [];
  }

  end(): Suggestion[] {
    const last = this.open;
    this.open = null;
    return last ? [last] : [];
  }
}

/**
 * Turns first-parent commits (newest first, as `git log` gives them) into suggestions, folding a
 * rebase-merged series — consecutive single-parent commits carrying the same PR number — into one
 * suggestion of kind `rebase` (titled by its oldest commit; latency estimated from its dates).
 */
export function buildSuggestions(commits: readonly LogCommit[], ctx: BuildContext): Suggestion[] {
  const builder = new SuggestionBuilder(ctx);
  return [...commits.flatMap((c) => builder.push(c)), ...builder.end()];
}

/** Folds an older commit of a rebase-merged series into the newer suggestion. */
function foldSeries(newer: Suggestion, older: Suggestion): Suggestion {
  const firstTitles = newer.kind === 'rebase' ? [] : [newer.title];
  const lines = newer.kind === 'rebase' ? newer.description : `* ${firstTitles[0]}`;
  const coAuthors = [...newer.coAuthors];
  for (const p of [older.author, ...older.coAuthors]) {
    if (
      p.email.toLowerCase() !== newer.author.email.toLowerCase() &&
      !coAuthors.some((x) => x.email.toLowerCase() === p.email.toLowerCase())
    )
      coAuthors.push(p);
  }
  const paths = [...newer.paths, ...older.paths.filter((p) => !newer.paths.includes(p))].slice(0, MAX_PATHS);
  return {
    ...newer,
    kind: 'rebase',
    title: older.title,
    description: `${lines}\n* ${older.title}`,
    coAuthors,
    reviewers: unionOfPeople(newer.reviewers, older.reviewers),
    helpers: unionOfPeople(newer.helpers, older.helpers),
    authoredAt: older.authoredAt,
    reviewLatencyHours: hoursBetween(older.authoredAt, newer.mergedAt),
    latencyEstimated: true,
    tags: [...new Set([...newer.tags, ...older.tags])],
    files: newer.files + older.files,
    insertions: newer.insertions + older.insertions,
    deletions: newer.deletions + older.deletions,
    paths,
    commits: [...newer.commits, ...older.commits],
    category: older.category !== 'other' ? older.category : newer.category,
  };
}

/** Which suggestions to keep. */
export interface SuggestionFilter {
  /** E-mail addresses whose work counts (case-insensitive; author or co-author), or `all`. */
  authors: readonly string[] | 'all';
  /**
   * Also keep other people's work — a bot's dependency update included — that one of `authors`
   * merged or reviewed ({@link suggestionRole} `merged`/`reviewed`): the reviews and merges done for
   * others that the reports count as glue work. Default false: suggestions are the user's own work.
   */
  othersWork?: boolean;
  /** Keep work merged on or after this calendar date (`YYYY-MM-DD`, in the committer's offset). */
  since?: string;
  /** Keep work merged on or before this calendar date (`YYYY-MM-DD`, inclusive). */
  until?: string;
}

/**
 * True when the suggestion passes the filter: merged within the dates, done by a listed identity
 * (as author or co-author), and not a bot's work (a bot's change is kept only as others' work,
 * with `othersWork`, when someone merged it).
 */
export function matchesFilter(s: Suggestion, f: SuggestionFilter): boolean {
  const day = s.mergedAt.slice(0, 10);
  if (f.since && day < f.since) return false;
  if (f.until && day > f.until) return false;
  if (f.authors === 'all') return !isBot(s.author) || (!!f.othersWork && s.mergedBy !== null);
  const role = suggestionRole(s, f.authors);
  return role === 'author' || role === 'co-author' || (!!f.othersWork && role !== null);
}

/** What one of `emails` did for a suggestion, most direct first. */
export type SuggestionRole = 'author' | 'co-author' | 'merged' | 'reviewed' | 'helped';

/**
 * The part one of `emails` (case-insensitive; a Set must hold them lower case) had in a suggestion: its `author` (never a bot's
 * work), a `co-author`, the person who `merged` someone else's change, one of its `reviewed`
 * (Reviewed-by, Acked-by) or `helped` (Helped-by, Mentored-by) trailers; null when none.
 */
export function suggestionRole(s: Suggestion, emails: readonly string[] | ReadonlySet<string>): SuggestionRole | null {
  const wanted = emails instanceof Set ? emails : new Set([...emails].map((a) => a.toLowerCase()));
  const is = (p: Person | null) => p !== null && wanted.has(p.email.toLowerCase());
  if (is(s.author)) return isBot(s.author) ? null : 'author';
  if (s.coAuthors.some(is)) return 'co-author';
  if (is(s.mergedBy)) return 'merged';
  if (s.reviewers.some(is)) return 'reviewed';
  if (s.helpers.some(is)) return 'helped';
  return null;
}

/** `a`, then the people of `b` not in it (by address, case-insensitive). */
function unionOfPeople(a: readonly Person[], b: readonly Person[]): Person[] {
  return [...a, ...b.filter((p) => !a.some((x) => x.email.toLowerCase() === p.email.toLowerCase()))];
}
