import { md, receiptLine } from './benchmarkFormat';
import { PromotionPacket } from './promotionPacket';

/** Receipts listed per project or section before "… and N more". */
const SHOWN = 10;

/** The promotion packet as Markdown, in DOMAIN.md's order: levels, projects, influence, mentoring, growth areas, level dimensions. */
export function promotionPacketMarkdown(p: PromotionPacket): string {
  const out = [`# Promotion packet — ${p.period.label}`, '', `${p.period.from} to ${p.period.to} · ${p.authors.join(', ')}`, ''];
  out.push(
    '## Levels',
    '',
    `- Current level: ${p.level.current ? md(p.level.current) : '_not set (`level.current` in the journal’s career-evidence.yml)_'}`,
  );
  out.push(`- Target level: ${p.level.target ? md(p.level.target) : '_not set (`level.target`)_'}`, '');
  out.push('## Projects at the target scope', '');
  if (p.projects.length === 0) out.push('_No project in this period yet._', '');
  for (const pr of p.projects) {
    const s = pr.scoreParts;
    out.push(
      `### ${md(pr.name)}`,
      '',
      `Score ${pr.score}: size ${s.size}, exposure ${s.exposure}, design documents ${s.documents}, repositories ${s.repositories}, people ${s.people}.${pr.tags.length ? ` Complexity: ${pr.tags.join(', ')}.` : ''}`,
      '',
    );
    out.push(
      pr.impact.length > 0
        ? `Impact: ${pr.impact.map((i) => md(i.replace(/\s*\n\s*/g, ' '))).join(' ')}`
        : '_Impact: not written yet — record it in a brag entry with a number._',
      '',
    );
    for (const r of pr.receipts.slice(0, SHOWN)) out.push(`- ${receiptLine(r)}`);
    if (pr.receipts.length > SHOWN) out.push(`- … and ${pr.receipts.length - SHOWN} more`);
    out.push('');
  }
  const section = (title: string, items: PromotionPacket['influence'], none: string) => {
    out.push(`## ${title} (${items.length})`, '');
    if (items.length === 0) out.push(`_${none}_`);
    for (const r of items.slice(0, SHOWN)) out.push(`- ${r.role ? `${r.role}: ` : ''}${receiptLine(r)}`);
    if (items.length > SHOWN) out.push(`- … and ${items.length - SHOWN} more`);
    out.push('');
  };
  section('Influence beyond the team', p.influence, 'No reviews or merges for others, and no work in other repositories, in this period.');
  section('Mentoring and multiplier effects', p.mentoring, 'No glue work found in this period.');
  out.push('## Growth areas', '');
  if (p.growthAreas.length === 0) out.push('_Every form of the benchmark is at its target._');
  for (const g of p.growthAreas) out.push(`- ${md(g.message)} Being addressed by: ${md(g.action.title)}.`);
  out.push('', '## Level dimensions', '', '| Dimension | Evidence found |', '| --- | --- |');
  for (const d of p.dimensions) out.push(`| ${d.dimension} | ${d.evidence.map(md).join('; ')} |`);
  out.push('');
  return out.join('\n');
}
