import { EVIDENCE_KINDS, EvidenceItem, EvidenceKind, Problem } from '../evidence/model';
import { ChangeKind } from '../git/mergeShapes';
import { Suggestion } from '../git/suggestions';

/** `career-evidence scan --json` output (a stable contract). */
export interface ScanReport {
  /** Absolute path of the scanned folder. */
  root: string;
  items: EvidenceItem[];
  problems: Problem[];
}

/** `career-evidence suggest --json` output (a stable contract). */
export interface SuggestReport {
  /** Absolute path of the repository's work tree. */
  repo: string;
  suggestions: Suggestion[];
}

/** Plural group labels for evidence kinds, as shown in the tree and reports. */
export const KIND_LABELS: Readonly<Record<EvidenceKind, string>> = {
  decision: 'Decisions',
  rfc: 'RFCs',
  tradeoff: 'Tradeoff notes',
};

const CHANGE_LABELS: Readonly<Record<ChangeKind, string>> = {
  merge: 'Merged pull requests and branches',
  squash: 'Squash-merged pull requests',
  commit: 'Commits',
};

/** Renders rows as left-aligned columns separated by two spaces; the last column is not padded. */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

/** Human-readable `scan` output: documents grouped by kind, then problems. */
export function formatScan(report: ScanReport): string {
  const out: string[] = [`Evidence in ${report.root}`];
  if (report.items.length === 0) out.push('', '  No evidence documents found (looked in doc/adr, docs/decisions, docs/adr, docs/architecture/decisions, docs/rfcs, rfcs, docs/tradeoffs and folders named by .adr-dir / .log4brains.yml).');
  for (const kind of EVIDENCE_KINDS) {
    const items = report.items.filter((i) => i.kind === kind);
    if (items.length === 0) continue;
    out.push('', `${KIND_LABELS[kind]} (${items.length})`);
    out.push(...columns(items.map((i) => [i.id, i.title, i.status ?? i.statusText ?? '—', i.date ?? '—', i.path])));
  }
  if (report.problems.length > 0) {
    out.push('', `Problems (${report.problems.length})`);
    out.push(...report.problems.map((p) => `  ${p.path}${p.line ? `:${p.line}` : ''}  ${p.message}`));
  }
  return out.join('\n') + '\n';
}

/** Human-readable `suggest` output: suggestions grouped by how they were merged, newest first. */
export function formatSuggestions(report: SuggestReport, who: string, limit = Infinity): string {
  const out: string[] = [`Merged work in ${report.repo} (${who}): ${report.suggestions.length} suggestion${report.suggestions.length === 1 ? '' : 's'}`];
  for (const kind of ['merge', 'squash', 'commit'] as const) {
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
  const lines = [`# ${s.title}`, ''];
  lines.push(`- **Merged:** ${s.mergedAt}`);
  lines.push(`- **How:** ${s.kind === 'merge' ? 'merge commit' : s.kind === 'squash' ? 'squash merge' : 'commit'}${s.pr ? ` of pull request #${s.pr.number} (${s.pr.provider})` : ''}`);
  lines.push(`- **Commit:** \`${s.sha}\``);
  lines.push(`- **Author:** ${s.author.name} <${s.author.email}>`);
  lines.push(`- **Size:** ${s.files} file${s.files === 1 ? '' : 's'}, +${s.insertions} −${s.deletions}`);
  lines.push('', '## Description', '', s.description.trim() || '_No description._', '');
  lines.push('## For your brag document', '', '_What changed because of this work? Add the result, with a number (time saved, errors avoided, users reached)._', '');
  return lines.join('\n');
}
