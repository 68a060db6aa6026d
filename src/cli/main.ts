import * as path from 'path';
import { parseArgs } from 'util';
import { isIsoDate } from '../core/evidence/dates';
import { ScanReport, SuggestReport, formatScan, formatSuggestions } from '../core/report/text';
import { SuggestionFilter } from '../core/git/suggestions';
import { UserError } from '../node/errors';
import { configValue, mineSuggestions, openRepository } from '../node/git';
import { scanEvidence } from '../node/scanEvidence';

const USAGE = `Usage: career-evidence <command> [DIR] [options]

Commands:
  overview [DIR]            decision records and your merged work, at a glance (default)
  scan [DIR] [--json]       every evidence document under DIR
  suggest [DIR] [--since YYYY-MM-DD] [--until YYYY-MM-DD]
          [--author EMAIL]... [--all-authors] [--json]
                            brag-document suggestions from merged work on the
                            first-parent line (default author: git config user.email)

DIR defaults to the directory the command was started from.
Exit codes: 0 ok, 1 bad input, 2 unexpected failure.`;

/** Where the command was started: npm sets INIT_CWD for `npm start -- …`, which runs in the package folder. */
function startDir(): string {
  return process.env.INIT_CWD || process.cwd();
}

function write(text: string): void {
  process.stdout.write(text);
}

async function scanCommand(dir: string, json: boolean): Promise<void> {
  const { root, items, problems } = await scanEvidence(dir);
  const report: ScanReport = { root, items, problems };
  write(json ? JSON.stringify(report, null, 2) + '\n' : formatScan(report));
}

interface SuggestOptions {
  since?: string;
  until?: string;
  authors: string[];
  allAuthors: boolean;
}

async function resolveFilter(dir: string, o: SuggestOptions) {
  for (const [flag, value] of [['--since', o.since], ['--until', o.until]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new UserError(`${flag} wants a date YYYY-MM-DD, got "${value}"`);
  }
  if (o.since && o.until && o.since > o.until) throw new UserError(`--since ${o.since} is after --until ${o.until}`);
  const repo = await openRepository(dir);
  let authors: SuggestionFilter['authors'] = 'all';
  let who = 'all authors';
  if (!o.allAuthors) {
    authors = o.authors;
    if (authors.length === 0) {
      const email = await configValue(repo, 'user.email');
      if (!email) throw new UserError('git config user.email is not set in this repository; pass --author EMAIL or --all-authors');
      authors = [email];
    }
    who = authors.join(', ');
  }
  return { repo, filter: { authors, since: o.since, until: o.until } as SuggestionFilter, who };
}

async function suggestCommand(dir: string, o: SuggestOptions, json: boolean): Promise<void> {
  const { repo, filter, who } = await resolveFilter(dir, o);
  const suggestions = await mineSuggestions(repo, filter);
  const report: SuggestReport = { repo: repo.root, suggestions };
  write(json ? JSON.stringify(report, null, 2) + '\n' : formatSuggestions(report, who));
}

async function overviewCommand(dir: string): Promise<void> {
  const scan = await scanEvidence(dir);
  write(formatScan({ root: scan.root, items: scan.items, problems: scan.problems }));
  write('\n');
  try {
    const { repo, filter, who } = await resolveFilter(dir, { authors: [], allAuthors: false });
    const suggestions = await mineSuggestions(repo, filter);
    write(formatSuggestions({ repo: repo.root, suggestions }, who, 10));
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    write(`Merged work: ${err.message}\n`);
  }
}

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
        since: { type: 'string' },
        until: { type: 'string' },
        author: { type: 'string', multiple: true, default: [] },
        'all-authors': { type: 'boolean', default: false },
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
  const [command = 'overview', dirArg, ...extra] = positionals;
  if (extra.length > 0) {
    process.stderr.write(`career-evidence: unexpected argument "${extra[0]}"\n`);
    return 1;
  }
  const dir = path.resolve(startDir(), dirArg ?? '.');
  try {
    switch (command) {
      case 'overview':
        await overviewCommand(dir);
        return 0;
      case 'scan':
        await scanCommand(dir, values.json);
        return 0;
      case 'suggest':
        await suggestCommand(dir, { since: values.since, until: values.until, authors: values.author, allAuthors: values['all-authors'] }, values.json);
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

declare const CAREER_EVIDENCE_VERSION: string | undefined;
const VERSION = typeof CAREER_EVIDENCE_VERSION === 'string' ? CAREER_EVIDENCE_VERSION : 'dev';

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
