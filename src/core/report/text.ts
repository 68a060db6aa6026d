import { EVIDENCE_KINDS, KINDS } from '../evidence/kinds';
import { EvidenceItem, EvidenceKind, Problem } from '../evidence/model';
import { Suggestion, SuggestionKind } from '../git/suggestions';

/** `career-evidence scan --json` output (a stable contract). */
export interface ScanReport {
  /** Absolute path of the scanned folder. */
  root: string;
  items: EvidenceItem[];
  problems: Problem[];
}

/** `career-evidence suggest --json` output (a stable contract: fields are only ever added). */
export interface SuggestReport {
  /** Absolute path of the repository's work tree. */
  repo: string;
  /** The default branch whose first-parent history was read with HEAD's (`origin/main` …), or null. */
  defaultBranch: string | null;
  /** True for a shallow clone: only the history it holds was read. */
  shallow: boolean;
  suggestions: Suggestion[];
}

/** Plural group labels for evidence kinds, as shown in the tree and reports. */
export const KIND_LABELS = Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, KINDS[k].plural])) as Readonly<Record<EvidenceKind, string>>;

const CHANGE_LABELS: Readonly<Record<SuggestionKind, string>> = {
  merge: 'Merged pull requests and branches',
  squash: 'Squash-merged pull requests',
  rebase: 'Rebase-merged pull requests',
  commit: 'Commits',
};

/**
 * `text` fit for a terminal: control characters (C0, DEL, C1 — the escape sequences a title or a
 * commit subject could carry) shown as `\u{…}` instead of being sent to the terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}

/** Renders rows as left-aligned columns separated by two spaces; the last column is not padded. Cells are made {@link printable}. */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const safe = rows.map((r) => r.map(printable));
  const widths: number[] = [];
  for (const r of safe) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return safe.map(
    (r) =>
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i])))
        .join('  ')
        .trimEnd(),
  );
}

/** Human-readable `scan` output: documents grouped by kind, then problems. */
export function formatScan(report: ScanReport): string {
  const out: string[] = [`Evidence in ${printable(report.root)}`];
  if (report.items.length === 0)
    out.push(
      '',
      '  No evidence documents found (looked in doc/adr, docs/decisions, docs/adr, docs/architecture/decisions, docs/rfcs, rfcs, docs/tradeoffs and folders named by .adr-dir / .log4brains.yml).',
    );
  for (const kind of EVIDENCE_KINDS) {
    const items = report.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    out.push('', `${KIND_LABELS[kind]} (${items.length})`);
    out.push(...columns(items.map((i) => [i.id, i.title, i.status ?? i.statusText ?? '—', i.date ?? '—', i.path])));
  }
  if (report.problems.length > 0) {
    out.push('', `Problems (${report.problems.length})`);
    out.push(...report.problems.map((p) => `  ${printable(p.path)}${p.line ? `:${p.line}` : ''}  ${printable(p.message)}`));
  }
  return out.join('\n') + '\n';
}

/** Human-readable `suggest` output: suggestions grouped by how they were merged, newest first. */
export function formatSuggestions(report: SuggestReport, who: string, limit = Infinity): string {
  const out: string[] = [
    `Merged work in ${report.repo} (${who}): ${report.suggestions.length} suggestion${report.suggestions.length === 1 ? '' : 's'}`,
  ];
  for (const kind of ['merge', 'squash', 'rebase', 'commit'] as const) {
    const list = report.suggestions.filter((s) => s.kind === kind);
    if (list.length === 0) continue;
    const shown = list.slice(0, limit);
    out.push('', `${CHANGE_LABELS[kind]} (${list.length})`);
    out.push(
      ...columns(
        shown.map((s) => [
          s.mergedAt.slice(0, 10),
          s.pr ? `#${s.pr.number}` : s.sha.slice(0, 8),
          s.title,
          `+${s.insertions} −${s.deletions} in ${s.files} file${s.files === 1 ? '' : 's'}`,
        ]),
      ),
    );
    if (list.length > shown.length) out.push(`  … and ${list.length - shown.length} more (career-evidence suggest)`);
  }
  return out.join('\n') + '\n';
}

/** Markdown details of one suggestion, as shown when it is opened (title, receipts, description). */
export function formatSuggestionDetails(s: Suggestion): string {
  const how = { merge: 'merge commit', squash: 'squash merge', rebase: 'rebase-merged series', commit: 'commit' }[s.kind];
  const lines = [`# ${s.title}`, ''];
  lines.push(`- **Merged:** ${s.mergedAt}`);
  lines.push(
    `- **How:** ${how}${s.pr ? ` of pull request ${s.pr.url ? `[#${s.pr.number}](${s.pr.url})` : `#${s.pr.number}`} (${s.pr.provider})` : ''}`,
  );
  lines.push(`- **Category:** ${s.category}`);
  lines.push(`- **Commit${s.commits.length > 1 ? 's' : ''}:** ${s.commits.map((c) => `\`${c}\``).join(', ')}`);
  lines.push(
    `- **Author:** ${s.author.name} <${s.author.email}>${s.coAuthors.length ? `; with ${s.coAuthors.map((p) => p.name || p.email).join(', ')}` : ''}`,
  );
  if (s.reviewLatencyHours !== null)
    lines.push(
      `- **Review latency:** ${s.reviewLatencyHours} h (first commit ${s.authoredAt})${s.latencyEstimated ? ', estimated from squash/rebase metadata' : ''}`,
    );
  lines.push(`- **Size:** ${s.files} file${s.files === 1 ? '' : 's'}, +${s.insertions} −${s.deletions}`);
  if (s.tags.length) lines.push(`- **Complexity exposure:** ${s.tags.join(', ')}`);
  lines.push(
    '',
    s.descriptionSource === 'branch-commits' ? "## Description (from the merged branch's commits)" : '## Description',
    '',
    s.description.trim() || '_No description._',
    '',
  );
  if (s.paths.length)
    lines.push(
      '## Files',
      '',
      ...s.paths.map((p) => `- \`${p}\``),
      ...(s.files > s.paths.length ? [`- … and ${s.files - s.paths.length} more`] : []),
      '',
    );
  lines.push(
    '## For your brag document',
    '',
    '_What changed because of this work? Add the result, with a number (time saved, errors avoided, users reached)._',
    '',
  );
  return lines.join('\n');
}
