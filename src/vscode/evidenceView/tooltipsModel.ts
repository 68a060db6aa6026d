import { KINDS } from '../../core/evidence/kinds';
import { DocumentDetails, EvidenceItem } from '../../core/evidence/model';
import { Suggestion } from '../../core/git/suggestions';
import { Translate } from '../shared/translate';

// The rich tooltips of the Evidence view's rows, as Markdown text (the provider wraps it in a
// `MarkdownString` when a row is hovered).

/**
 * Markdown-escapes text shown in a tooltip: only the characters that start Markdown inline syntax
 * (and a block marker at the start), so that a title or status reads as written (`0006-use-helm`,
 * not `0006\-use\-helm` where a renderer shows escapes).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^(\s*)([#+\-=>]|\d+[.)])/, '$1\\$2');
}

/** A document row's tooltip. */
export function documentTooltip(t: Translate, item: EvidenceItem, details: DocumentDetails | undefined): string {
  const lines: string[] = [
    `**${escapeMarkdown(item.title)}**`,
    `${t(KINDS[item.kind].label)} · ${item.format}${item.id ? ` · \`${item.id.replace(/`/g, "'")}\`` : ''}`,
  ];
  if (item.statusText) lines.push(t('Status: {0}', escapeMarkdown(item.statusText)));
  if (item.date) lines.push(t('Date: {0}', item.date));
  if (details?.people.length) lines.push(t('People: {0}', escapeMarkdown(details.people.join(', '))));
  if (details?.added) lines.push(t('Added by {0} on {1}', escapeMarkdown(details.added.name), details.added.date.slice(0, 10)));
  if (details?.tags.length) lines.push(t('Tags: {0}', escapeMarkdown(details.tags.join(', '))));
  for (const l of details?.links ?? [])
    lines.push(`${escapeMarkdown(t(l.relation.replace(/-/g, ' ')))}: \`${l.target.replace(/`/g, "'")}\``);
  lines.push(`\`${item.path.replace(/`/g, "'")}\``);
  return lines.join('\n\n');
}

/** A suggestion row's tooltip. */
export function suggestionTooltip(t: Translate, s: Suggestion): string {
  const lines: string[] = [`**${escapeMarkdown(s.title)}**`];
  const size =
    s.files === 1
      ? t('merged {0} · 1 file, +{1} −{2}', s.mergedAt.slice(0, 10), s.insertions, s.deletions)
      : t('merged {0} · {1} files, +{2} −{3}', s.mergedAt.slice(0, 10), s.files, s.insertions, s.deletions);
  lines.push(`${s.pr ? `${t('PR #{0} ({1})', s.pr.number, s.pr.provider)} · ` : ''}${size}`);
  if (s.reviewLatencyHours !== null)
    lines.push(`${t('Review latency: {0} h', s.reviewLatencyHours)}${s.latencyEstimated ? ` ${t('(estimated)')}` : ''}`);
  if (s.tags.length > 0) lines.push(t('Exposure: {0}', s.tags.join(', ')));
  lines.push(`${escapeMarkdown(s.author.name)} · \`${s.sha.slice(0, 12)}\``);
  return lines.join('\n\n');
}
