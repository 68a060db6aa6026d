import { Repository, configValue } from './repository';

/**
 * The user's e-mail identities in a repository, lower-cased: `git config user.email`, the given
 * aliases (setting `careerEvidence.identities`), and the `.mailmap` canonical address of each
 * (history is read with mailmap applied; trailers are not, so both forms are kept).
 */
export async function userIdentities(repo: Repository, aliases: readonly string[] = []): Promise<string[]> {
  const email = await configValue(repo, 'user.email');
  const raw = [email, ...aliases].filter((e): e is string => !!e && /^[^<>\s]+$/.test(e.trim())).map((e) => e.trim());
  const out = new Set(raw.map((e) => e.toLowerCase()));
  if (raw.length > 0) {
    try {
      // Each argument is `<email>`: it starts with `<`, so git never reads it as an option.
      const mapped = await repo.git.raw(['check-mailmap', ...raw.map((e) => `<${e}>`)]);
      for (const m of mapped.matchAll(/<([^<>\s]+)>/g)) out.add(m[1].toLowerCase());
    } catch {
      /* an old git without check-mailmap: raw addresses only */
    }
  }
  return [...out];
}
