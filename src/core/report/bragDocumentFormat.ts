import { BRAG_SECTIONS, BragDocument, BragLine } from './bragDocument';
import { md, receiptLine } from './benchmarkFormat';

/** Changes listed under "not yet recorded" per category before "… and N more". */
const NOT_RECORDED_SHOWN = 10;

/**
 * The brag document as Markdown, in DOMAIN.md's sections and order; an entry whose impact has no
 * number is marked `(impact needs a number)`; merged work not yet recorded is counted per category.
 */
export function bragDocumentMarkdown(doc: BragDocument): string {
  const out = [`# Brag document — ${doc.period.label}`, '', `${doc.period.from} to ${doc.period.to} · ${doc.authors.join(', ')}`, ''];
  for (const section of BRAG_SECTIONS) {
    out.push(`## ${section}`, '');
    if (section === 'Projects') {
      if (doc.projects.length === 0) out.push('_No brag entry in this period yet._', '');
      for (const p of doc.projects) {
        if (p.lines.length > 1 || p.lines[0].title !== p.name) out.push(`### ${md(p.name)}`, '');
        for (const l of p.lines) out.push(...lineOf(l));
        out.push('');
      }
      continue;
    }
    const lines = doc.sections[section];
    if (lines.length === 0) out.push('_Nothing in this period._');
    for (const l of lines) out.push(...lineOf(l));
    out.push('');
  }
  const total = doc.notRecorded.reduce((n, c) => n + c.changes.length, 0);
  if (total > 0) {
    out.push(
      `## Not yet recorded`,
      '',
      `${total} merged change${total === 1 ? '' : 's'} not yet recorded: accept them from the Suggestions, or \`career-evidence accept SHA\`.`,
      '',
    );
    for (const c of doc.notRecorded) {
      out.push(`- **${c.label}** (${c.changes.length})`);
      for (const r of c.changes.slice(0, NOT_RECORDED_SHOWN)) out.push(`  - ${receiptLine(r)}`);
      if (c.changes.length > NOT_RECORDED_SHOWN) out.push(`  - … and ${c.changes.length - NOT_RECORDED_SHOWN} more`);
    }
    out.push('');
  }
  return out.join('\n');
}

function lineOf(l: BragLine): string[] {
  const head = `- **${md(l.title)}**${l.role ? ` (${md(l.role)})` : ''}${l.needsNumber ? ' (impact needs a number)' : ''}`;
  const out = [head];
  if (l.impact) out.push(`  ${md(l.impact.replace(/\s*\n\s*/g, ' '))}`);
  for (const r of l.receipts) out.push(`  - ${receiptLine(r)}`);
  return out;
}
