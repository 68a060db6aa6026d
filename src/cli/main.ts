import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { Suggestion, SuggestionFilter } from '../core/git/suggestions';
import { formatBragList } from '../core/journal/bragEntry';
import { ScanReport, SuggestReport, columns, formatScan, formatSuggestions, printable } from '../core/report/text';
import { checkDocuments } from '../core/diagnostics/checks';
import { createDocument } from '../node/createDocument';
import { localToday } from '../core/evidence/dates';
import { findDocument, planLink, planStatusChange, planSupersede, writeEdits } from '../node/lifecycle';
import { parseKind } from '../core/evidence/kinds';
import { CANONICAL_STATUSES, StatusAliases, isCanonicalStatus } from '../core/evidence/status';
import { CanonicalStatus, EvidenceItem } from '../core/evidence/model';
import { UserError } from '../node/errors';
import { readDayOptions } from './dayOptions';
import { reportCommand } from './reportCommand';
import { userIdentities } from '../node/git/identity';
import { MiningMeta, MiningResult, mine } from '../node/git/mine';
import { Repository, configValue, openRepository, originWeb } from '../node/git/repository';
import { apiTarget, isApiUrl } from '../core/pullRequests/model';
import { PullRequestCache } from '../node/pullRequests/cache';
import { fetchPullRequestEvidence, pullRequestSource } from '../node/pullRequests/enrich';
import { cliToken } from '../node/pullRequests/token';
import { defaultJournalDir, writeBragEntry } from '../node/journal';
import { ScanResult, scanEvidence } from '../node/scanEvidence';
import { readJournalStatusAliases } from '../node/statusVocabulary';

const USAGE = `Usage: career-evidence <command> [DIR] [options]

Commands:
  overview [DIR]            decision records and your merged work, at a glance (default)
  scan [DIR] [--json]       every evidence document under DIR
  suggest [DIR] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--range R]
          [--author EMAIL]... [--all-authors] [--json | --format text|md|json]
          [--fetch-prs [--api-url URL]]
                            brag-document suggestions from merged work on the first-parent
                            line of the default branch and HEAD (default author: git config
                            user.email and its .mailmap identity); R: this-quarter,
                            last-quarter or YYYY-Qn; --fetch-prs (the only network use,
                            never by default): descriptions and review times of the pull
                            requests from the origin's GitHub or GitLab, token from
                            GH_TOKEN, GITHUB_TOKEN, gh auth token (GitLab: GITLAB_TOKEN,
                            glab auth token)
  new KIND "TITLE" [--dir DIR] [--supersedes ID] [--status S] [--json]
                            a design document in the repository's convention, next number;
                            KIND: adr, rfc, design, tradeoff, postmortem, log, growth
  status ID STATUS [--dir DIR]
                            change a document's status in its own format
                            (proposed → accepted | rejected; accepted → deprecated)
  link ID RELATION ID [--dir DIR]
                            link two documents both ways; RELATION: supersedes, amends,
                            relates-to, or "Forward:Reverse" as adr-tools -l takes it
  check [DIR] [--json]      problems in the evidence documents (exit 1 when there are any):
                            unreadable headers, unknown statuses, broken links, numbers
                            used twice, supersede cycles, dates that are not dates, stale
                            proposals
  report benchmark|brag|stories|packet [DIR...] [--repos-under DIR]... [--range R | --since D --until D]
          [--author EMAIL]... [--handle H]... [--target FORM=N]...
          [--format text|md|json|html] [--json] [--out FILE]
                            the quarterly evidence benchmark of your work across repositories
                            (default DIR: the current one; default range: this quarter): ownership,
                            design artifacts, review latency, complexity exposure, interview
                            stories, glue work, gaps and trend, each figure with its receipts;
                            settings from the journal's career-evidence.yml; brag: the brag
                            document; stories: ready and incomplete STAR stories and what each
                            lacks; packet: the promotion packet ([--level-current L]
                            [--level-target L]); both md or json; --out writes a new file (never
                            replaces one); pull requests fetched before with suggest
                            --fetch-prs are used (with the same --api-url), never fetched
  accept SHA [DIR] [--journal DIR]
                            write the brag entry of a suggestion into the journal
                            (default ${defaultJournalDir()})

DIR defaults to the directory the command was started from. Documents are read with the status
words of the repository's .career-evidence/statuses.yml and of the journal's career-evidence.yml
(--journal DIR names the journal for every command).
Exit codes: 0 ok, 1 bad input (or, for check, problems found), 2 unexpected failure.`;

/** Where the command was started: npm sets INIT_CWD for `npm start -- …`, which runs in the package folder. */
function startDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

function write(text: string): void {
  process.stdout.write(text);
}

/** Scans a folder with the user's status words (the journal's `career-evidence.yml`). */
type Scan = (dir: string) => Promise<ScanResult>;

/** A {@link Scan} reading the status words of the journal at `journalDir` once; a problem of that file is printed as a warning. */
function scanner(journalDir: string): Scan {
  let vocabulary: Promise<StatusAliases> | undefined;
  const words = () =>
    (vocabulary ??= readJournalStatusAliases(journalDir).then(({ aliases, problems }) => {
      for (const p of problems) process.stderr.write(`career-evidence: ${path.join(journalDir, p.path)}: ${p.message}\n`);
      return aliases;
    }));
  return async (dir) => scanEvidence(dir, { statusAliases: await words() });
}

async function scanCommand(dir: string, json: boolean, scanDir: Scan): Promise<void> {
  const { root, items, problems } = await scanDir(dir);
  const report: ScanReport = { root, items, problems };
  write(json ? JSON.stringify(report, null, 2) + '\n' : formatScan(report));
}

interface SuggestOptions {
  since?: string;
  until?: string;
  range?: string;
  authors: string[];
  allAuthors: boolean;
  /** Fetch the pull requests' descriptions and review times from the origin's host (only when asked). */
  fetchPrs?: boolean;
  apiUrl?: string;
}

/** Validates the options and opens the repository; resolves with the filter and who it counts. */
async function resolveFilter(dir: string, o: SuggestOptions): Promise<{ repo: Repository; filter: SuggestionFilter; who: string }> {
  const { since, until } = readDayOptions(o);
  const repo = await openRepository(dir);
  let authors: SuggestionFilter['authors'] = 'all';
  let who = 'all authors';
  if (!o.allAuthors) {
    authors = o.authors.length > 0 ? o.authors : await userIdentities(repo);
    if (authors.length === 0)
      throw new UserError('git config user.email is not set in this repository; pass --author EMAIL or --all-authors');
    who = authors.join(', ');
  }
  return { repo, filter: { authors, since, until }, who };
}

function suggestReport(r: MiningResult): SuggestReport {
  return { repo: r.repoRoot, defaultBranch: r.defaultBranch, shallow: r.shallow, suggestions: r.suggestions };
}

function warnShallow(r: MiningMeta): void {
  if (r.shallow)
    process.stderr.write(
      'career-evidence: this is a shallow clone: only the history it holds was read (git fetch --unshallow for all of it)\n',
    );
  for (const p of r.problems) process.stderr.write(`career-evidence: ${p.path}: ${p.message}\n`);
}

/**
 * Writes `suggest --json` as the suggestions arrive: byte for byte what `JSON.stringify(report,
 * null, 2)` gives, without holding the whole report (memory stays flat on long histories).
 */
function jsonSink() {
  let buffer = '';
  let count = 0;
  const flush = (force = false) => {
    if (force || buffer.length > 65_536) {
      write(buffer);
      buffer = '';
    }
  };
  return {
    start(meta: MiningMeta) {
      const head = JSON.stringify({ repo: meta.repoRoot, defaultBranch: meta.defaultBranch, shallow: meta.shallow }, null, 2);
      buffer += `${head.slice(0, -2)},\n  "suggestions": [`;
    },
    suggestion(s: Suggestion) {
      buffer += `${count++ === 0 ? '\n' : ',\n'}    ${JSON.stringify(s, null, 2).replace(/\n/g, '\n    ')}`;
      flush();
    },
    end() {
      buffer += count === 0 ? ']\n}\n' : '\n  ]\n}\n';
      flush(true);
    },
  };
}

async function suggestCommand(dir: string, o: SuggestOptions, format: string): Promise<void> {
  if (!['text', 'md', 'json'].includes(format)) throw new UserError(`--format wants text, md or json, got "${format}"`);
  const { repo, filter, who } = await resolveFilter(dir, o);
  if (o.apiUrl !== undefined && !isApiUrl(o.apiUrl))
    throw new UserError(`--api-url wants an http(s) address, e.g. https://github.example.com/api/v3, got "${printable(o.apiUrl)}"`);
  if (format === 'json' && !o.fetchPrs) {
    const sink = jsonSink();
    warnShallow(await mine(repo, { filter, sink }));
    sink.end();
    return;
  }
  const result = await mine(repo, { filter });
  warnShallow(result);
  if (o.fetchPrs) result.suggestions = await fetchPullRequests(repo, result.suggestions, o.apiUrl);
  if (format === 'json') {
    const sink = jsonSink();
    sink.start(result);
    result.suggestions.forEach((s) => sink.suggestion(s));
    sink.end();
    return;
  }
  if (format === 'md')
    write(
      formatBragList(
        result.suggestions,
        `Brag list: ${path.basename(result.repoRoot)}${filter.since ? `, ${filter.since} to ${filter.until ?? 'today'}` : ''}`,
      ),
    );
  else write(formatSuggestions(suggestReport(result), who));
}

/**
 * `--fetch-prs`: the suggestions with their pull requests' descriptions and review times, from the
 * origin's GitHub or GitLab (or `--api-url`) with the token of `GH_TOKEN`/`GITHUB_TOKEN` or `gh auth
 * token` (GitLab: `GITLAB_TOKEN` or `glab auth token`),
 * cached in `~/.cache/career-evidence/pull-requests`. What went wrong is said on stderr, and the
 * suggestions are kept as mined.
 */
async function fetchPullRequests(repo: Repository, suggestions: Suggestion[], apiUrl: string | undefined): Promise<Suggestion[]> {
  const say = (text: string) => process.stderr.write(`career-evidence: ${text}\n`);
  const remote = await originWeb(repo);
  const target = remote && apiTarget(remote, apiUrl);
  if (!target) {
    say('--fetch-prs: the origin remote is not on GitHub or GitLab; nothing fetched');
    return suggestions;
  }
  const token = await cliToken(target.provider);
  if (!token) {
    say(
      target.provider === 'github'
        ? '--fetch-prs: no GitHub token (set GH_TOKEN, or sign in with `gh auth login`); nothing fetched'
        : '--fetch-prs: no GitLab token (set GITLAB_TOKEN, or sign in with `glab auth login`); nothing fetched',
    );
    return suggestions;
  }
  const source = pullRequestSource(target, token);
  // With, for reports' glue work, the reviews given to others (one search per quarter of the reports' window).
  const r = await fetchPullRequestEvidence(suggestions, source, target.provider, PullRequestCache.forCli(), localToday());
  say(
    `${r.report.fetched} pull request(s) fetched from ${source.host} in ${r.report.requests} request(s), ${r.report.fromCache} from the cache`,
  );
  if (r.report.stopped) say(r.report.stopped);
  if (r.reviews) say(`${r.reviews.reviews.length} review(s) you gave to others' pull requests, ${r.reviews.requests} request(s)`);
  if (r.reviews?.stopped) say(r.reviews.stopped);
  return r.suggestions;
}

async function acceptCommand(sha: string | undefined, dir: string, journal: string): Promise<void> {
  if (!sha || !/^[0-9a-f]{7,40}$/i.test(sha))
    throw new UserError('accept wants a commit id (7 to 40 hex digits), e.g. career-evidence accept 1fa12b3');
  const repo = await openRepository(dir);
  const result = await mine(repo, { filter: { authors: 'all' } });
  const matches = result.suggestions.filter((s) => s.commits.some((c) => c.startsWith(sha.toLowerCase())));
  if (matches.length === 0)
    throw new UserError(`no merged work with commit ${sha} on the first-parent line of ${result.defaultBranch ?? 'HEAD'}`);
  if (matches.length > 1) throw new UserError(`commit id ${sha} is ambiguous; give more digits`);
  const file = await writeBragEntry(journal, matches[0], path.basename(repo.root));
  write(`${file}\n`);
}

function statusArg(text: string | undefined): CanonicalStatus {
  const word = text?.trim().toLowerCase() ?? '';
  if (!isCanonicalStatus(word)) throw new UserError(`status wants ${CANONICAL_STATUSES.join(', ')}, got "${text ?? ''}"`);
  return word;
}

async function newCommand(
  dir: string,
  [kindArg, title]: string[],
  o: { supersedes?: string; status?: string; json: boolean },
  scanDir: Scan,
): Promise<void> {
  const kind = parseKind(kindArg ?? '');
  if (!kind) throw new UserError(`new wants a kind (adr, rfc, design, tradeoff, postmortem, log, growth), got "${kindArg ?? ''}"`);
  if (title === undefined) throw new UserError('new wants a title: career-evidence new adr "Use PostgreSQL"');
  const status = o.status === undefined ? undefined : statusArg(o.status);
  const repo = await openRepository(dir).catch(() => null);
  let older: EvidenceItem | undefined;
  if (o.supersedes !== undefined) {
    older = findDocument(await scanDir(dir), o.supersedes);
    if (older.status === 'superseded') throw new UserError(`${older.path} is already superseded (${older.statusText ?? 'superseded'})`);
  }
  const author = repo ? await configValue(repo, 'user.name') : null;
  const created = await createDocument(dir, kind, title, localToday(), author, { repo });
  for (const w of created.warnings) process.stderr.write(`career-evidence: ${w}\n`);
  if (status || older) {
    let scan = await scanDir(dir);
    const item = findDocument(scan, created.path);
    if (status && status !== item.status) {
      await writeEdits([await planStatusChange(scan, item, status)]);
      scan = await scanDir(dir);
    }
    if (older) await writeEdits(await planSupersede(scan, findDocument(scan, created.path), findDocument(scan, older.path)));
  }
  write(
    o.json
      ? JSON.stringify(
          {
            path: created.path,
            absolutePath: created.absolutePath,
            number: created.number,
            kind,
            format: created.format,
            template: created.template ?? null,
          },
          null,
          2,
        ) + '\n'
      : `${created.absolutePath}\n`,
  );
}

async function statusCommand(dir: string, [ref, statusText]: string[], scanDir: Scan): Promise<void> {
  if (!ref) throw new UserError('status wants a document and a status: career-evidence status 7 accepted');
  const status = statusArg(statusText);
  const scan = await scanDir(dir);
  const edit = await planStatusChange(scan, findDocument(scan, ref), status);
  await writeEdits([edit]);
  write(`${edit.path}: ${status}\n`);
}

async function linkCommand(dir: string, [fromRef, relation, toRef]: string[], scanDir: Scan): Promise<void> {
  if (!fromRef || !relation || !toRef) throw new UserError('link wants two documents and a relation: career-evidence link 9 amends 5');
  const scan = await scanDir(dir);
  const edits = await planLink(scan, findDocument(scan, fromRef), relation, findDocument(scan, toRef));
  await writeEdits(edits);
  for (const e of edits) write(`${e.path}\n`);
}

/** The days after which a proposed decision is flagged (the extension's setting default). */
const PROPOSED_MAX_DAYS = 30;

async function checkCommand(dir: string, json: boolean, scanDir: Scan): Promise<number> {
  const scan = await scanDir(dir);
  const findings = checkDocuments(
    scan.items.map((item) => ({ item, details: scan.details[item.path] })),
    scan.problems,
    { today: localToday(), proposedMaxDays: PROPOSED_MAX_DAYS },
  );
  if (json) {
    write(
      JSON.stringify(
        {
          root: scan.root,
          problems: findings.map(({ path: p, line, code, severity, message }) => ({ path: p, line, code, severity, message })),
        },
        null,
        2,
      ) + '\n',
    );
  } else if (findings.length === 0) {
    write(`No problems in ${scan.items.length} evidence document${scan.items.length === 1 ? '' : 's'} under ${scan.root}\n`);
  } else {
    write(`${findings.length} problem${findings.length === 1 ? '' : 's'} in ${scan.root}\n\n`);
    write(
      columns(findings.map((f) => [`${f.path}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : ''}`, f.severity, f.message])).join(
        '\n',
      ) + '\n',
    );
  }
  return findings.length > 0 ? 1 : 0;
}

async function overviewCommand(dir: string, scanDir: Scan): Promise<void> {
  const scan = await scanDir(dir);
  write(formatScan({ root: scan.root, items: scan.items, problems: scan.problems }));
  write('\n');
  try {
    const { repo, filter, who } = await resolveFilter(dir, { authors: [], allAuthors: false });
    const result = await mine(repo, { filter });
    warnShallow(result);
    write(formatSuggestions(suggestReport(result), who, 10));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    write(`Merged work: ${err.message}\n`);
  }
}

/** Positional operands before the optional DIR (documents commands take DIR as --dir). */
const OPERANDS: Readonly<Record<string, number>> = { accept: 1, new: 2, status: 2, link: 3, report: 1 };

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        format: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        range: { type: 'string' },
        author: { type: 'string', multiple: true, default: [] },
        'all-authors': { type: 'boolean', default: false },
        journal: { type: 'string' },
        'repos-under': { type: 'string', multiple: true, default: [] },
        handle: { type: 'string', multiple: true, default: [] },
        target: { type: 'string', multiple: true, default: [] },
        out: { type: 'string' },
        'level-current': { type: 'string' },
        'level-target': { type: 'string' },
        dir: { type: 'string' },
        supersedes: { type: 'string' },
        status: { type: 'string' },
        'fetch-prs': { type: 'boolean', default: false },
        'api-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`career-evidence: ${(err as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    write(`${VERSION}\n`);
    return 0;
  }
  const [command = 'overview', ...args] = positionals;
  const documentCommand = ['new', 'status', 'link'].includes(command);
  const operands = args.splice(0, OPERANDS[command] ?? 0);
  const reportDirs = command === 'report' ? args.splice(0) : [];
  const [dirArg, ...extra] = documentCommand ? [values.dir, ...args] : args;
  if (extra.length > 0) {
    process.stderr.write(`career-evidence: unexpected argument "${extra[0]}"\n`);
    return 1;
  }
  const dir = path.resolve(startDir(), dirArg ?? '.');
  const journalDir = path.resolve(startDir(), values.journal ?? defaultJournalDir());
  if (values.journal !== undefined && isNonFolder(journalDir)) {
    process.stderr.write(`career-evidence: --journal ${printable(values.journal)} is a file, not a folder\n`);
    return 1;
  }
  const scanDir = scanner(journalDir);
  const shaArg = operands[0];
  try {
    switch (command) {
      case 'new':
        await newCommand(dir, operands, { supersedes: values.supersedes, status: values.status, json: values.json }, scanDir);
        return 0;
      case 'status':
        await statusCommand(dir, operands, scanDir);
        return 0;
      case 'link':
        await linkCommand(dir, operands, scanDir);
        return 0;
      case 'overview':
        await overviewCommand(dir, scanDir);
        return 0;
      case 'scan':
        await scanCommand(dir, values.json || values.format === 'json', scanDir);
        return 0;
      case 'check':
        return await checkCommand(dir, values.json || values.format === 'json', scanDir);
      case 'suggest': {
        const opts = {
          since: values.since,
          until: values.until,
          range: values.range,
          authors: values.author,
          allAuthors: values['all-authors'],
          fetchPrs: values['fetch-prs'],
          apiUrl: values['api-url'],
        };
        await suggestCommand(dir, opts, values.json ? 'json' : (values.format ?? 'text'));
        return 0;
      }
      case 'report':
        write(
          await reportCommand(operands[0], {
            dirs: reportDirs.map((d) => path.resolve(startDir(), d)),
            reposUnder: values['repos-under'].map((d) => path.resolve(startDir(), d)),
            since: values.since,
            until: values.until,
            range: values.range,
            authors: values.author,
            handles: values.handle,
            targets: values.target,
            format: values.json ? 'json' : (values.format ?? 'text'),
            out: values.out === undefined ? undefined : path.resolve(startDir(), values.out),
            journalDir,
            apiUrl: values['api-url'],
            statusAliases: (await readJournalStatusAliases(journalDir)).aliases,
            version: VERSION,
            levelCurrent: values['level-current'],
            levelTarget: values['level-target'],
          }),
        );
        return 0;
      case 'accept':
        await acceptCommand(shaArg, dir, journalDir);
        return 0;
      default:
        process.stderr.write(`career-evidence: unknown command "${command}" (try --help)\n`);
        return 1;
    }
  } catch (err) {
    if (err instanceof UserError) {
      process.stderr.write(`career-evidence: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`career-evidence: unexpected failure: ${String((err as Error)?.message ?? err).split('\n')[0]}\n`);
    return 2;
  }
}

/** True when `p` exists and is not a folder (a missing journal folder is made when first written). */
function isNonFolder(p: string): boolean {
  try {
    return !fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

declare const CAREER_EVIDENCE_VERSION: string | undefined;
const VERSION = typeof CAREER_EVIDENCE_VERSION === 'string' ? CAREER_EVIDENCE_VERSION : 'dev';

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
