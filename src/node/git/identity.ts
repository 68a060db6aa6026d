import { promises as fs } from 'fs';
import * as path from 'path';
import { Repository, configList } from './repository';

/**
 * The user's e-mail identities in a repository, lower-cased: `git config user.email`, the given
 * aliases (setting `careerEvidence.identities`), and the `.mailmap` canonical address of each
 * (history is read with mailmap applied; trailers are not, so both forms are kept).
 */
export async function userIdentities(repo: Repository, aliases: readonly string[] = []): Promise<string[]> {
  return (await userIdentity(repo, aliases)).emails;
}

/**
 * {@link userIdentities} and `git config user.name` (null when unset), from one `git config --list`;
 * `git check-mailmap` runs only when the repository has a `.mailmap` or `mailmap.file`/`mailmap.blob` is set.
 */
export async function userIdentity(repo: Repository, aliases: readonly string[] = []): Promise<{ emails: string[]; name: string | null }> {
  const config = await configList(repo);
  const raw = [config.get('user.email'), ...aliases].filter((e): e is string => !!e && /^[^<>\s]+$/.test(e.trim())).map((e) => e.trim());
  const out = new Set(raw.map((e) => e.toLowerCase()));
  const mailmap =
    config.has('mailmap.file') ||
    config.has('mailmap.blob') ||
    (await fs.access(path.join(repo.root, '.mailmap')).then(
      () => true,
      () => false,
    ));
  if (raw.length > 0 && mailmap) {
    try {
      // Each argument is `<email>`: it starts with `<`, so git never reads it as an option.
      const mapped = await repo.git.raw(['check-mailmap', ...raw.map((e) => `<${e}>`)]);
      for (const m of mapped.matchAll(/<([^<>\s]+)>/g)) out.add(m[1].toLowerCase());
    } catch {
      /* an old git without check-mailmap: raw addresses only */
    }
  }
  return { emails: [...out], name: config.get('user.name')?.trim() || null };
}
