import { Benchmark } from './benchmark';
import { md } from './benchmarkFormat';

/**
 * The stories report as Markdown: the STAR stories of the journal up to the period's end, ready
 * ones first, each incomplete one with what it lacks (the parts still to write, a number in the
 * result), and how many more the target asks for.
 */
export function storiesMarkdown(b: Benchmark): string {
  const s = b.forms.interviewStories;
  const out = [
    `# Interview stories — ${b.period.label}`,
    '',
    `${s.ready} ready, ${s.incomplete} incomplete (target: ${b.targets.interviewStories} ready).`,
    '',
  ];
  const ready = s.items.filter((r) => r.story === 'ready');
  const incomplete = s.items.filter((r) => r.story !== 'ready');
  out.push('## Ready', '');
  if (ready.length === 0) out.push('_None yet._');
  for (const r of ready) out.push(`- **${md(r.title)}** — ${r.date} · \`${md(r.path ?? '')}\``);
  out.push('', '## Incomplete', '');
  if (incomplete.length === 0) out.push('_None._');
  for (const r of incomplete) out.push(`- **${md(r.title)}** — lacks ${md((r.missing ?? []).join(', '))} · \`${md(r.path ?? '')}\``);
  const more = Math.max(0, b.targets.interviewStories - s.ready);
  if (more > 0)
    out.push(
      '',
      `${more} more ready ${more === 1 ? 'story' : 'stories'} to reach the target: start one from a brag entry, a postmortem, a decision record or a suggestion (New STAR Story from This), and give each Result a number.`,
    );
  out.push('');
  return out.join('\n');
}
