import { stringify } from 'yaml';
import { slugify } from '../naming/fileName';
import { Category } from '../git/conventional';
import { Suggestion } from '../git/suggestions';

/** Labels of categories in brag lists, in the order they are listed. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  feature: 'Features',
  fix: 'Fixes',
  performance: 'Performance',
  refactor: 'Refactoring',
  docs: 'Documentation',
  ci: 'CI',
  build: 'Build and dependencies',
  chore: 'Chores',
  test: 'Tests',
  other: 'Other work',
};

/** A brag entry ready to write into the journal. */
export interface BragEntry {
  /** Path inside the journal folder, POSIX: `brag/YYYY/YYYY-MM-DD-slug.md`. */
  path: string;
  text: string;
}

/**
 * Renders a brag-document entry for an accepted suggestion: our front matter (`career-kind: brag`,
 * `career-schema: 1`, date merged, category, PR link, commit, review latency, exposure tags, size)
 * and a body to complete with the impact — the numbers.
 * @param repoName the repository's folder name, for the receipt.
 */
export function renderBragEntry(s: Suggestion, repoName: string): BragEntry {
  const day = s.mergedAt.slice(0, 10);
  const fm: Record<string, unknown> = {
    'career-kind': 'brag',
    'career-schema': 1,
    date: day,
    category: s.category,
    repo: repoName,
    commit: s.sha,
  };
  if (s.pr) {
    fm['pr'] = s.pr.url ?? `#${s.pr.number}`;
    fm['pr-number'] = s.pr.number;
  }
  if (s.reviewLatencyHours !== null) {
    fm['review-latency-hours'] = s.reviewLatencyHours;
    fm['review-latency-estimated'] = s.latencyEstimated;
  }
  fm['exposure'] = s.tags;
  fm['size'] = { files: s.files, insertions: s.insertions, deletions: s.deletions };
  const receipt = s.pr ? (s.pr.url ? `[PR #${s.pr.number}](${s.pr.url})` : `PR #${s.pr.number}`) : `commit \`${s.sha.slice(0, 12)}\``;
  const text = `---\n${stringify(fm, { lineWidth: 0 })}---\n\n# ${s.title}\n\n## What I did\n\n${s.description || s.title}\n\nReceipt: ${receipt} in ${repoName}, merged ${day}.\n\n## Impact\n\n{What changed because of this work? Give the number: time saved, errors avoided, users reached, latency cut.}\n`;
  return { path: `brag/${day.slice(0, 4)}/${day}-${slugify(s.title)}.md`, text };
}

/** A ready-to-paste Markdown brag list, grouped by category, newest first within each. */
export function formatBragList(suggestions: readonly Suggestion[], heading: string): string {
  const out = [`# ${heading}`, ''];
  for (const [category, label] of Object.entries(CATEGORY_LABELS) as [Category, string][]) {
    const list = suggestions.filter((s) => s.category === category);
    if (list.length === 0) continue;
    out.push(`## ${label}`, '');
    for (const s of list) {
      const ref = s.pr ? (s.pr.url ? `[#${s.pr.number}](${s.pr.url})` : `#${s.pr.number}`) : `\`${s.sha.slice(0, 7)}\``;
      const extras = [
        s.mergedAt.slice(0, 10),
        ref,
        s.reviewLatencyHours !== null ? `review ${s.reviewLatencyHours} h${s.latencyEstimated ? ' (est.)' : ''}` : null,
        s.tags.length ? s.tags.join(', ') : null,
      ].filter(Boolean);
      out.push(`- ${s.title} — ${extras.join(' · ')}`);
    }
    out.push('');
  }
  if (suggestions.length === 0) out.push('_No merged work in this range._', '');
  return out.join('\n');
}

/**
 * A brag entry for a design artifact the user wrote or decided (an ADR, RFC, postmortem…): our
 * front matter with the document as the receipt, and a body to complete with the impact.
 * @param link Markdown link target of the document (repository-relative path), @param today `YYYY-MM-DD`.
 */
export function renderPromotedEntry(
  doc: { title: string; kind: string; status: string | null; path: string },
  repoName: string,
  today: string,
): BragEntry {
  const fm = {
    'career-kind': 'brag',
    'career-schema': 1,
    date: today,
    category: 'design',
    repo: repoName,
    source: doc.path,
    'source-kind': doc.kind,
    exposure: [] as string[],
  };
  const text = `---\n${stringify(fm, { lineWidth: 0 })}---\n\n# ${doc.title}\n\n## What I did\n\n{What you led, decided or wrote: the ${doc.kind}${doc.status ? ` (${doc.status})` : ''}.}\n\nReceipt: \`${doc.path}\` in ${repoName}.\n\n## Impact\n\n{What changed because of it? Give the number.}\n`;
  return { path: `brag/${today.slice(0, 4)}/${today}-${slugify(doc.title)}.md`, text };
}
