import { Suggestion } from './suggestions';
import { maintenanceKind } from '../report/maintenance';
import { cleanDescription } from './description';

// A description for a merged pull request whose merge commit says nothing but its title (GitHub's
// merge button: "Merge pull request #N from …" and the PR title), built offline from the merged
// branch's own commit messages.

/** At most this many of a branch's commits are described (the oldest first); the rest are counted. */
export const MAX_BRANCH_COMMITS = 30;

/**
 * True for a merge whose message gives no description beyond its title — worth describing from its
 * branch — unless it is upkeep (a sync merge or a release merge: see `maintenanceKind`).
 */
export function needsBranchDescription(s: Suggestion): boolean {
  return s.kind === 'merge' && s.description.trim() === '' && maintenanceKind(s) === null;
}

/** Subjects that are noise in a description: fix-ups folded away by an interactive rebase, merges of other branches into the branch. */
const NOISE = /^(fixup!|squash!|amend!)\s|^Merge (branch|remote-tracking branch|pull request|tag) /i;

const folded = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The description of a merged branch from its commits' messages (raw `%B`, oldest first): each
 * commit as a list item, its subject then its body indented under it, cleaned as a PR description
 * is (trailers, HTML comments, unchecked checklist items removed); `fixup!`/`squash!`/`amend!`
 * commits and merges of other branches left out, and subjects that repeat the title or an earlier
 * subject (case and spacing folded) dropped — a commit titled like the PR gives its body alone. `more` commits not given are counted on a last line.
 * Empty when nothing is left.
 */
export function branchDescription(title: string, messages: readonly string[], more = 0): string {
  const seen = new Set([folded(title)]);
  const items: string[] = [];
  for (const message of messages) {
    // Cleaned whole: a trailers block is one only below the subject's paragraph.
    const [subject = '', ...rest] = cleanDescription(message.replace(/\r\n/g, '\n')).split('\n');
    if (!subject.trim() || NOISE.test(subject.trim())) continue;
    const body = rest.join('\n').trim();
    if (seen.has(folded(subject))) {
      // The title again (a one-commit pull request): its body is the description.
      if (body) items.push(body);
      continue;
    }
    seen.add(folded(subject));
    const indented = body
      ? `\n${body
          .split('\n')
          .map((l) => (l ? `  ${l}` : ''))
          .join('\n')}`
      : '';
    items.push(`- ${subject.trim()}${indented}`);
  }
  if (items.length === 0) return '';
  if (more > 0) items.push(`- … and ${more} more commit${more === 1 ? '' : 's'}`);
  return items.join('\n');
}
