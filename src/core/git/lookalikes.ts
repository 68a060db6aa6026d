import { foldName } from '../report/person';
import { isBot } from './suggestions';

/** An author of a repository's history (mailmap applied) and how many commits they made. */
export interface AuthorCount {
  name: string;
  email: string;
  commits: number;
}

/**
 * Addresses that look like the user's but are not among their identities: authors whose name
 * (case, accents and spacing folded) is one of `names` or a name the user's own addresses commit
 * under, with another address — the same engineer on another machine or account. Bots and GitHub's
 * noreply addresses are left out. Most commits first.
 * @param emails the user's identities (any case).
 * @param names the user's names (git `user.name`), any case.
 */
export function addressesLikeYou(authors: readonly AuthorCount[], emails: readonly string[], names: readonly string[]): AuthorCount[] {
  const mine = new Set(emails.map((e) => e.toLowerCase()));
  const wanted = new Set(names.map(foldName).filter(Boolean));
  for (const a of authors) if (mine.has(a.email.toLowerCase())) wanted.add(foldName(a.name));
  return authors
    .filter((a) => wanted.has(foldName(a.name)) && !mine.has(a.email.toLowerCase()) && !isBot(a) && !/noreply@github\.com$/i.test(a.email))
    .sort((a, b) => b.commits - a.commits || (a.email < b.email ? -1 : 1));
}

/**
 * Reads `git shortlog -sne` output: lines `<count>\t<name> <<email>>`. Lines of another shape are skipped.
 */
export function parseShortlog(text: string): AuthorCount[] {
  const out: AuthorCount[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+)\t(.*?)\s*<([^<>]*)>\s*$/.exec(line);
    if (m) out.push({ commits: Number(m[1]), name: m[2], email: m[3] });
  }
  return out;
}
