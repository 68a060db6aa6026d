import { promises as fs } from 'fs';
import * as path from 'path';
import { CanonicalStatus, StatusAliases } from '../core/evidence/status';
import { JOURNAL_SETTINGS_FILE, TEAM_STATUS_FILE, readStatusAliasFile, withStatusAliasInFile } from '../core/evidence/statusAliases';
import { Problem } from '../core/evidence/model';
import { UserError } from './errors';
import { createExclusive, replaceAtomic } from './fsAtomic';

/** Status words read from a file, with the problems of the file (paths relative to the folder read). */
export interface StatusAliasRead {
  aliases: StatusAliases;
  problems: Problem[];
}

/** Files larger than this are not read as status vocabularies (bytes). */
const MAX_BYTES = 256 * 1024;

async function readAliasFile(dir: string, rel: string): Promise<StatusAliasRead> {
  const file = path.join(dir, ...rel.split('/'));
  const st = await fs.stat(file).catch(() => null);
  if (!st) return { aliases: new Map(), problems: [] };
  if (!st.isFile() || st.size > MAX_BYTES)
    return { aliases: new Map(), problems: [{ path: rel, line: null, message: 'not a regular file under 256 KB: not read' }] };
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { aliases: new Map(), problems: [{ path: rel, line: null, message: 'cannot be read' }] };
  return readStatusAliasFile(text, rel);
}

/**
 * A repository's shared status words (`.career-evidence/statuses.yml` under `root`, an absolute
 * path); none when the file is missing. Never throws: a bad file gives a problem.
 */
export function readTeamStatusAliases(root: string): Promise<StatusAliasRead> {
  return readAliasFile(root, TEAM_STATUS_FILE);
}

/**
 * The user's status words in the journal's `career-evidence.yml` (`journalDir` absolute); none when
 * the file is missing. Never throws: a bad file gives a problem.
 */
export function readJournalStatusAliases(journalDir: string): Promise<StatusAliasRead> {
  return readAliasFile(journalDir, JOURNAL_SETTINGS_FILE);
}

/**
 * Records `word` as `status` in the repository's shared `.career-evidence/statuses.yml` (created
 * when missing; otherwise edited in place keeping comments, atomically, refusing when another
 * program changed it meanwhile). Resolves with the file's absolute path.
 * @throws UserError when the file is not valid YAML, the word is not one or two words, or the folder cannot be written.
 */
export async function addTeamStatusAlias(root: string, word: string, status: CanonicalStatus): Promise<string> {
  const file = path.join(root, ...TEAM_STATUS_FILE.split('/'));
  const before = await fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new UserError(`cannot read ${TEAM_STATUS_FILE}: ${err.code ?? err.message}`);
  });
  let text: string;
  try {
    text = withStatusAliasInFile(before ?? '', word, status);
  } catch (err) {
    throw new UserError(`${TEAM_STATUS_FILE}: ${(err as Error).message}; nothing written`);
  }
  if (before === undefined) {
    await fs.mkdir(path.dirname(file), { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw new UserError(`cannot create ${path.dirname(file)}: ${err.code ?? err.message}`);
    });
    if (!(await createExclusive(file, text)))
      throw new UserError(`${TEAM_STATUS_FILE} was created by another program meanwhile; nothing written`);
  } else {
    await replaceAtomic(file, text, { expected: before });
  }
  return file;
}
