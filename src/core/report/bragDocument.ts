import { Period } from '../evidence/quarters';
import { CATEGORY_LABELS } from '../journal/bragEntry';
import { Category } from '../git/conventional';
import { Benchmark } from './benchmark';
import { ChangeOf, DocumentOf, ReportContext, within } from './context';
import { EvidenceSet } from './evidenceSet';
import { designArtifacts, glueWork } from './forms';
import { ReportPerson } from './person';
import { Receipt, changeReceipt, documentReceipt, newestFirst } from './receipts';

/** The brag document's sections, in DOMAIN.md's order. */
export const BRAG_SECTIONS = [
  'Projects',
  'Design and architecture',
  'Mentoring and team building',
  'Operational excellence',
  'Learning and growth',
  'Glue work',
  'What I want to do next',
] as const;
export type BragSection = (typeof BRAG_SECTIONS)[number];

/** One line of the brag document: what it is, what it changed, and its receipts. */
export interface BragLine {
  title: string;
  /** `role:` of a journal entry (owner, lead…), when given. */
  role?: string;
  /** The entry's impact text; absent for evidence not yet written up. */
  impact?: string;
  /** True for a brag entry whose impact states no number yet: shown `(impact needs a number)`. */
  needsNumber?: boolean;
  receipts: Receipt[];
}

/** A project: the brag entries, changes and documents sharing a `project:` field or a design document. */
export interface BragProject {
  name: string;
  lines: BragLine[];
}

/** The brag document of a period (`career-evidence report brag --format json`; fields only ever added). */
export interface BragDocument {
  period: Period;
  authors: string[];
  projects: BragProject[];
  sections: Record<Exclude<BragSection, 'Projects'>, BragLine[]>;
  /** Merged changes of the period that no brag entry records yet, per category, newest first. */
  notRecorded: { category: Category; label: string; changes: Receipt[] }[];
}

/** Journal categories that belong in a section of their own rather than under Projects. */
const SECTION_OF_CATEGORY: Readonly<Record<string, Exclude<BragSection, 'Projects'>>> = {
  design: 'Design and architecture',
  mentoring: 'Mentoring and team building',
  onboarding: 'Mentoring and team building',
  operations: 'Operational excellence',
  oncall: 'Operational excellence',
  incident: 'Operational excellence',
  reliability: 'Operational excellence',
  learning: 'Learning and growth',
  glue: 'Glue work',
};

/**
 * Builds the brag document of `period` from the same evidence as the benchmark: brag entries by
 * project (`project:`, else the design document they were made from, else their own title) or in
 * the section their `category` names; design artifacts, each with the entries made from it (`source:`)
 * or recording the change that added it (`commit:`); help
 * and co-authored work; postmortems and production or failure-handling work; growth cards and
 * engineering-log entries; glue work; the benchmark's gaps as next steps. A brag entry and the
 * change it records are one line (the entry's impact wins). Pure.
 */
export function buildBragDocument(
  set: EvidenceSet,
  person: ReportPerson,
  period: Period,
  benchmark: Pick<Benchmark, 'gaps'>,
): BragDocument {
  const ctx = new ReportContext(set, person);
  const entries = ctx.documents.filter((d) => d.journal && d.d.item.kind === 'brag' && within(d.day, period));
  const recorded = new Set(entries.flatMap((e) => (e.d.details?.entry?.commit ? [e.d.details.entry.commit] : [])));
  const changesBySha = new Map(ctx.changes.map((c) => [c.s.sha, c]));
  const sections: BragDocument['sections'] = {
    'Design and architecture': [],
    'Mentoring and team building': [],
    'Operational excellence': [],
    'Learning and growth': [],
    'Glue work': [],
    'What I want to do next': [],
  };
  const projects = new Map<string, BragProject>();
  const designed = designArtifacts(ctx, period).items;
  const designPaths = new Set(designed.map((r) => r.path!));
  const fromDocument = new Map<string, BragLine[]>(); // entries made from a design document, by its path
  for (const e of entries) {
    const line = entryLine(e, changesBySha);
    const fields = e.d.details?.entry;
    const section = fields?.category ? SECTION_OF_CATEGORY[fields.category] : undefined;
    // Made from a design document, or recording the change that added one: shown with that document.
    const document =
      fields?.source ?? (fields?.commit ? changesBySha.get(fields.commit)?.s.paths.find((p) => designPaths.has(p)) : undefined);
    if (document && !fields?.project) {
      fromDocument.set(document, [...(fromDocument.get(document) ?? []), line]);
      continue;
    }
    if (section && !fields?.project) {
      sections[section].push(line);
      continue;
    }
    const name = fields?.project ?? line.title;
    const p = projects.get(name) ?? { name, lines: [] };
    p.lines.push(line);
    projects.set(name, p);
  }
  for (const r of designed) {
    const made = fromDocument.get(r.path!) ?? [];
    fromDocument.delete(r.path!);
    const line: BragLine = { title: r.title, receipts: [r, ...made.flatMap((m) => m.receipts)] };
    const withImpact = made.find((m) => m.impact);
    if (withImpact) Object.assign(line, { impact: withImpact.impact, needsNumber: withImpact.needsNumber });
    (r.documentKind === 'postmortem' ? sections['Operational excellence'] : sections['Design and architecture']).push(line);
  }
  for (const lines of fromDocument.values()) sections['Design and architecture'].push(...lines); // its document is outside the period or the workspace
  const glue = glueWork(ctx, period).items;
  for (const r of glue) {
    const line = { title: `${ROLE_WORDS[r.role!]}: ${r.title}`, receipts: [r] };
    (r.role === 'helped' || r.role === 'co-authored' ? sections['Mentoring and team building'] : sections['Glue work']).push(line);
  }
  const inPeriod = ctx.changesIn(period);
  for (const c of inPeriod) {
    if (recorded.has(c.s.sha) || !c.s.tags.some((t) => t === 'failure-handling' || t === 'production')) continue;
    sections['Operational excellence'].push({ title: c.s.title, receipts: [{ ...changeReceipt(c.s, c.repo), tags: c.s.tags }] });
  }
  for (const d of ctx.documents) {
    if ((d.d.item.kind === 'growth' || (d.d.item.kind === 'log' && d.journal)) && within(d.day, period))
      sections['Learning and growth'].push({ title: d.d.item.title, receipts: [documentReceipt(d.d, d.repo, d.day!)] });
    if (d.d.item.kind === 'growth' && d.d.item.status !== 'accepted' && d.d.item.status !== 'rejected')
      sections['What I want to do next'].push({
        title: `Growth card: ${d.d.item.title}`,
        receipts: [documentReceipt(d.d, d.repo, d.day ?? period.to)],
      });
  }
  for (const g of benchmark.gaps) sections['What I want to do next'].push({ title: `${g.message} Next: ${g.action.title}.`, receipts: [] });
  return {
    period,
    authors: ctx.matcher.addresses,
    projects: [...projects.values()],
    sections,
    notRecorded: notRecorded(inPeriod.filter((c) => !recorded.has(c.s.sha))),
  };
}

const ROLE_WORDS: Readonly<Record<NonNullable<Receipt['role']>, string>> = {
  merged: 'Merged for others',
  reviewed: 'Reviewed',
  'review-given': 'Reviewed',
  helped: 'Helped',
  'co-authored': 'Co-authored',
  documentation: 'Documentation',
};

/** A brag entry as a line: its title, role and impact, its own path and the change it records. */
function entryLine(e: DocumentOf, changes: ReadonlyMap<string, ChangeOf>): BragLine {
  const fields = e.d.details?.entry;
  const receipts: Receipt[] = [documentReceipt(e.d, e.repo, e.day!, 'brag')];
  const change = fields?.commit ? changes.get(fields.commit) : undefined;
  if (change) receipts.push(changeReceipt(change.s, change.repo));
  const impact = e.d.details?.impact;
  return {
    title: e.d.item.title,
    ...(fields?.role ? { role: fields.role } : {}),
    ...(impact ? { impact } : {}),
    needsNumber: e.d.details?.resultHasNumber === false,
    receipts,
  };
}

function notRecorded(changes: readonly ChangeOf[]): BragDocument['notRecorded'] {
  return (Object.entries(CATEGORY_LABELS) as [Category, string][]).flatMap(([category, label]) => {
    const list = changes.filter((c) => c.s.category === category).map((c) => changeReceipt(c.s, c.repo));
    return list.length > 0 ? [{ category, label, changes: list.sort(newestFirst) }] : [];
  });
}
