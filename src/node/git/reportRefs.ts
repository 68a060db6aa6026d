import { promises as fs } from 'fs';
import * as path from 'path';
import { CodeownersAddition, TagRecord } from '../../core/report/evidenceSet';
import { Repository, SHA, unlessUnborn } from './repository';

/** Where GitHub and GitLab look for a CODEOWNERS file. */
const CODEOWNERS_PATHS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

/**
 * The repository's tags, in one `git for-each-ref`: each with the commit it points at (peeled) and,
 * for an annotated tag, its tagger and date (ISO 8601 with offset). Tags of other objects than
 * commits are left out.
 */
export async function readTags(repo: Repository): Promise<TagRecord[]> {
  const format =
    '%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(objectname)%00%(taggername)%00%(taggeremail)%00%(taggerdate:iso-strict)';
  const text = await repo.git.raw(['for-each-ref', '--format', format, 'refs/tags']);
  const out: TagRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [name, type, peeled, object, taggerName, taggerEmail, taggerDate] = line.split('\0');
    const annotated = type === 'tag';
    const sha = annotated ? peeled : object;
    if (!SHA.test(sha ?? '')) continue;
    const email = (taggerEmail ?? '').replace(/^<|>$/g, '');
    out.push({ name, sha, tagger: annotated && email && taggerDate ? { name: taggerName, email, date: taggerDate } : null });
  }
  return out;
}

/**
 * Lines added to the repository's CODEOWNERS files by commits authored on or after `since`
 * (`YYYY-MM-DD`), from one `git log -p --unified=0` over those files; comments and blank lines
 * are left out. Newest first. Nothing is read when the work tree has no CODEOWNERS file.
 */
export async function codeownersAdditions(repo: Repository, since: string): Promise<CodeownersAddition[]> {
  // Most repositories have none: then no history is read (a CODEOWNERS file since deleted is not looked for).
  const present = await Promise.all(
    CODEOWNERS_PATHS.map((p) =>
      fs.access(path.join(repo.root, ...p.split('/'))).then(
        () => true,
        () => false,
      ),
    ),
  );
  if (!present.some(Boolean)) return [];
  const text = await unlessUnborn(repo, () =>
    repo.git.raw([
      'log',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '-p',
      '--unified=0',
      '--format=%x1e%H%x00%aI%x00',
      `--since=${since}T00:00:00Z`,
      'HEAD',
      '--',
      ...CODEOWNERS_PATHS,
    ]),
  );
  const out: CodeownersAddition[] = [];
  for (const record of text.split('\x1e').slice(1)) {
    const [sha, date, diff = ''] = record.split('\0');
    let file = '';
    for (const line of diff.split('\n')) {
      if (line.startsWith('+++ ')) file = line.slice(4).replace(/^b\//, '');
      else if (line.startsWith('+') && !line.startsWith('+++')) {
        const added = line.slice(1).trim();
        if (added && !added.startsWith('#') && file) out.push({ sha, date, path: file, line: added });
      }
    }
  }
  return out;
}
