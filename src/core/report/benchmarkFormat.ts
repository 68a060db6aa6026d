import { countOf, isEvidenceKind } from '../evidence/kinds';
import { printable } from './text';
import { Benchmark } from './benchmark';
import { Receipt } from './receipts';
import { distinctTags } from './forms';

/** Receipts listed per form in Markdown and HTML before "… and N more" (JSON always has them all). */
export const RECEIPTS_SHOWN = 20;

/** The five forms' titles, as DOMAIN.md names them. */
export const FORM_TITLES: Readonly<Record<keyof Benchmark['forms'], string>> = {
  ownership: 'Ownership events',
  designArtifacts: 'Design artifacts',
  reviewLatency: 'Review latency',
  complexityExposure: 'Complexity exposure',
  interviewStories: 'Interview stories',
};

/** One line per form: its figure as the summary shows it. */
export function formFigures(b: Benchmark): [keyof Benchmark['forms'], string][] {
  const f = b.forms;
  const hours = (h: number | null) => (h === null ? 'n/a' : `${h} h`);
  const kinds = Object.entries(f.designArtifacts.byKind).map(([k, n]) => (isEvidenceKind(k) ? countOf(k, n) : `${n} ${k}`));
  const tags = Object.entries(f.complexityExposure.byTag).filter(([, n]) => n > 0);
  return [
    ['ownership', `${f.ownership.count}`],
    ['designArtifacts', `${f.designArtifacts.count}${kinds.length ? `: ${kinds.join(', ')}` : ''}`],
    [
      'reviewLatency',
      `median ${hours(f.reviewLatency.medianHours)}, p90 ${hours(f.reviewLatency.p90Hours)} over ${f.reviewLatency.count} merged change${f.reviewLatency.count === 1 ? '' : 's'}${f.reviewLatency.estimated ? ` (${f.reviewLatency.estimated} estimated)` : ''}${f.reviewLatency.medianHoursToFirstReview !== undefined ? `; first review after ${hours(f.reviewLatency.medianHoursToFirstReview)} (median)` : ''}`,
    ],
    [
      'complexityExposure',
      `${tags.length} of ${Object.keys(f.complexityExposure.byTag).length} areas${tags.length ? `: ${tags.map(([t, n]) => `${t} ${n}`).join(', ')}` : ''}`,
    ],
    ['interviewStories', `${f.interviewStories.ready} ready, ${f.interviewStories.incomplete} incomplete`],
  ];
}

/** One short figure per form, for a narrow view (the Evidence view's rows); {@link formFigures} has the whole. */
export function shortFigures(b: Benchmark): Record<keyof Benchmark['forms'], string> {
  const f = b.forms;
  const median = f.reviewLatency.medianHours;
  const touched = distinctTags(f.complexityExposure);
  return {
    ownership: `${f.ownership.count}`,
    designArtifacts: `${f.designArtifacts.count}`,
    reviewLatency: median === null ? `n/a · ${f.reviewLatency.count}` : `${median} h median · ${f.reviewLatency.count}`,
    complexityExposure: `${touched} of ${Object.keys(f.complexityExposure.byTag).length} areas`,
    interviewStories: `${f.interviewStories.ready} ready of ${b.targets.interviewStories}`,
  };
}

/** The benchmark as Markdown: summary table, gaps with their next steps, trend, each form's receipts, glue work. */
export function benchmarkMarkdown(b: Benchmark): string {
  const out: string[] = [`# Quarterly evidence benchmark — ${b.period.label}`, ''];
  out.push(
    `${b.period.from} to ${b.period.to} · ${b.authors.join(', ')} · ${b.repositories.length} repositor${b.repositories.length === 1 ? 'y' : 'ies'}`,
    '',
  );
  out.push('| Form | This period | Gap |', '| --- | --- | --- |');
  for (const [form, figure] of formFigures(b)) {
    const gap = b.gaps.find((g) => g.form === form);
    out.push(`| ${FORM_TITLES[form]} | ${cell(figure)} | ${gap ? '⚠ below target' : ''} |`);
  }
  out.push('');
  if (b.gaps.length > 0) {
    out.push('## Gaps and next steps', '');
    for (const g of b.gaps) out.push(`- **${FORM_TITLES[g.form]}**: ${md(g.message)} Next: ${md(g.action.title)}.`);
    out.push('');
  }
  out.push(
    '## Trend',
    '',
    '| Quarter | Ownership | Design artifacts | Review latency median | Exposure areas | Ready stories |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const t of [...b.trend, { label: `**${b.period.label}**`, ...trendOf(b) }])
    out.push(
      `| ${t.label} | ${t.ownership} | ${t.designArtifacts} | ${t.reviewLatencyMedianHours === null ? 'n/a' : `${t.reviewLatencyMedianHours} h`} | ${t.complexityExposure} | ${t.interviewStories} |`,
    );
  out.push('');
  for (const form of Object.keys(FORM_TITLES) as (keyof Benchmark['forms'])[]) {
    const items = b.forms[form].items;
    out.push(`## ${FORM_TITLES[form]} (${items.length})`, '');
    if (items.length === 0) out.push('_None in this period._');
    for (const r of items.slice(0, RECEIPTS_SHOWN)) out.push(`- ${receiptLine(r)}`);
    if (items.length > RECEIPTS_SHOWN) out.push(`- … and ${items.length - RECEIPTS_SHOWN} more (\`--format json\` lists them all)`);
    out.push('');
  }
  const g = b.glue;
  out.push(
    `## Glue work (${g.count})`,
    '',
    `${g.mergesForOthers} merges for others · ${g.reviewTrailers} reviews and help${g.reviewsGiven ? ` · ${g.reviewsGiven} reviews given on the hosting service` : ''} · ${g.coAuthored} co-authored · ${g.documentation} documentation changes`,
    '',
  );
  for (const r of g.items.slice(0, RECEIPTS_SHOWN)) out.push(`- ${r.role}: ${receiptLine(r)}`);
  if (g.items.length > RECEIPTS_SHOWN) out.push(`- … and ${g.items.length - RECEIPTS_SHOWN} more`);
  out.push('');
  if (b.otherIdentities.length > 0) {
    out.push(
      '## Other addresses that look like you',
      '',
      'Not counted. Add the ones that are yours to `identities` in the journal’s `career-evidence.yml`, or pass `--author`.',
      '',
    );
    for (const o of b.otherIdentities) out.push(`- ${md(o.name)} <${md(o.email)}>: ${o.commits} commit${o.commits === 1 ? '' : 's'}`);
    out.push('');
  }
  if (b.problems.length > 0) {
    out.push('## Problems', '');
    for (const p of b.problems) out.push(`- \`${md(p.path)}\`: ${md(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}

/** The benchmark for a terminal: the figures, gaps and where to read more; control characters made visible. */
export function benchmarkText(b: Benchmark): string {
  const out = [`Quarterly evidence benchmark ${b.period.label} (${b.period.from} to ${b.period.to}) for ${b.authors.join(', ')}`, ''];
  for (const [form, figure] of formFigures(b))
    out.push(`  ${b.gaps.some((g) => g.form === form) ? '!' : ' '} ${FORM_TITLES[form].padEnd(20)} ${figure}`);
  out.push(
    `    ${'Glue work'.padEnd(20)} ${b.glue.mergesForOthers} merges for others, ${b.glue.reviewTrailers + b.glue.reviewsGiven} reviews, ${b.glue.coAuthored} co-authored, ${b.glue.documentation} docs`,
  );
  if (b.gaps.length > 0) {
    out.push('', 'Gaps:');
    for (const g of b.gaps) out.push(`  ${FORM_TITLES[g.form]}: ${g.message}`, `    next: ${g.action.title}`);
  }
  if (b.otherIdentities.length > 0)
    out.push(
      '',
      `Other addresses that look like you (not counted; add with --author): ${b.otherIdentities.map((o) => `${o.email} (${o.commits})`).join(', ')}`,
    );
  for (const p of b.problems) out.push(`problem: ${p.path}: ${p.message}`);
  out.push('', 'Receipts: --format md or --format json.');
  return out.map(printable).join('\n') + '\n';
}

/** The period's own figures, as a trend row. */
export function trendOf(b: Benchmark): Omit<Benchmark['trend'][number], 'label'> {
  return {
    ownership: b.forms.ownership.count,
    designArtifacts: b.forms.designArtifacts.count,
    reviewLatencyMedianHours: b.forms.reviewLatency.medianHours,
    complexityExposure: distinctTags(b.forms.complexityExposure),
    interviewStories: b.forms.interviewStories.ready,
  };
}

/** A receipt as one Markdown line: title (linked to its PR when known), day, and where to find it. */
export function receiptLine(r: Receipt): string {
  const title = r.url ? `[${md(r.title)}](${r.url})` : md(r.title);
  const where = [r.pr ? `PR #${r.pr}` : null, r.sha ? `\`${r.sha.slice(0, 10)}\`` : null, r.path ? `\`${md(r.path)}\`` : null].filter(
    Boolean,
  );
  const extra = [
    r.hours !== undefined ? (r.hours === null ? 'no review' : `${r.hours} h${r.estimated ? ' (est.)' : ''}`) : null,
    r.tags?.length ? r.tags.join(', ') : null,
    r.reviewers?.length ? `reviewed by ${md(r.reviewers.map((l) => `@${l}`).join(', '))}` : null,
    r.story ? (r.story === 'ready' ? 'ready' : `incomplete: ${r.missing?.join(', ')}`) : null,
    r.documentKind && r.status ? md(r.status) : null,
  ].filter(Boolean);
  return `${title} — ${r.date} · ${where.join(' · ')}${extra.length ? ` · ${extra.join(' · ')}` : ''} · ${md(r.repo.split('/').pop() ?? r.repo)}`;
}

/** Text safe inside Markdown: control characters visible, no HTML, no table or link syntax taken from the data. */
export function md(text: string): string {
  return printable(text)
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
    .replace(/([\\`*_[\]|])/g, '\\$1');
}

function cell(text: string): string {
  return md(text);
}
