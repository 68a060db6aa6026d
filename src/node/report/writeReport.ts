import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeJournalEntry } from '../journal';
import { replaceAtomic } from '../fsAtomic';

/** The first line of a written report: what makes an edit by the user recognisable. */
const STAMP = /^<!-- career-evidence report sha256:([0-9a-f]{64}) .*-->\n/;

function stamped(text: string): string {
  const hash = createHash('sha256').update(text).digest('hex');
  return `<!-- career-evidence report sha256:${hash} (written by Career Evidence; edit freely: a later run then writes beside this file) -->\n${text}`;
}

/**
 * Writes a report into the journal at `rel` (POSIX, e.g. `reports/2026-Q2-benchmark.md`) and
 * resolves with its absolute path. A report as we wrote it (its stamp matches its text) is replaced
 * atomically by the new one; a report the user has edited, or any other file of that name, is never
 * replaced: the new report takes the next name (`-2`, `-3`…) that is free or holds an unedited report.
 * @throws UserError when the journal cannot be written.
 */
export async function writeReport(journalDir: string, rel: string, text: string): Promise<string> {
  const body = stamped(text);
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? rel : rel.replace(/\.md$/, `-${n}.md`);
    const target = path.join(journalDir, ...name.split('/'));
    const existing = await fs.readFile(target, 'utf8').catch(() => undefined);
    if (existing === undefined) return writeJournalEntry(journalDir, { path: name, text: body });
    if (existing === body) return target;
    const m = STAMP.exec(existing);
    if (m && createHash('sha256').update(existing.slice(m[0].length)).digest('hex') === m[1]) {
      await replaceAtomic(target, body, { expected: existing });
      return target;
    }
  }
  return writeJournalEntry(journalDir, { path: rel, text: body });
}
