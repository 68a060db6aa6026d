import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BragEntry, renderBragEntry } from '../core/journal/bragEntry';
import { Suggestion } from '../core/git/suggestions';
import { readFrontMatter } from '../core/documents/frontMatter';
import { toLines } from '../core/documents/markdown';
import { UserError } from './errors';
import { createExclusive } from './fsAtomic';

/**
 * The personal journal folder: outside any repository by default, so brag entries never land in a
 * work repository by accident. `~/CareerEvidence/journal` unless configured.
 */
export function defaultJournalDir(): string {
  return path.join(os.homedir(), 'CareerEvidence', 'journal');
}

/**
 * Writes the brag entry of an accepted suggestion into `journalDir` (`brag/YYYY/YYYY-MM-DD-slug.md`,
 * `-2`, `-3`… when the name is taken; never overwriting). Resolves with the absolute path.
 * @throws UserError when the journal folder cannot be written.
 */
export async function writeBragEntry(journalDir: string, s: Suggestion, repoName: string): Promise<string> {
  return writeJournalEntry(journalDir, renderBragEntry(s, repoName));
}

/**
 * Writes a rendered entry into `journalDir` under its path (`-2`, `-3`… when taken; never overwriting).
 * @throws UserError when the journal folder cannot be written.
 */
export async function writeJournalEntry(journalDir: string, entry: BragEntry): Promise<string> {
  const target = path.join(journalDir, ...entry.path.split('/'));
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
  } catch (err) {
    throw new UserError(
      `cannot create the journal folder ${path.dirname(target)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? target : target.replace(/\.md$/, `-${n}.md`);
    if (await createExclusive(candidate, entry.text)) return candidate;
  }
  throw new UserError(`could not find a free file name for ${entry.path}`);
}

/** Commit ids recorded (`commit:` front matter) by brag entries already in the journal. */
export async function journaledCommits(journalDir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const root = path.join(journalDir, 'brag');
  const years = await fs.readdir(root).catch(() => [] as string[]);
  for (const year of years) {
    const files = await fs.readdir(path.join(root, year)).catch(() => [] as string[]);
    await Promise.all(
      files
        .filter((f) => f.endsWith('.md'))
        .map(async (f) => {
          const text = await fs.readFile(path.join(root, year, f), 'utf8').catch(() => '');
          const commit = readFrontMatter(toLines(text.slice(0, 4096))).data?.['commit'];
          if (typeof commit === 'string') out.add(commit);
        }),
    );
  }
  return out;
}
