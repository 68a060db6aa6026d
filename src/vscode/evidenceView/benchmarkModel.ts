import { Benchmark, BenchmarkView } from '../../core/report/benchmark';
import { FORM_TITLES, formFigures, shortFigures } from '../../core/report/benchmarkFormat';
import { Receipt } from '../../core/report/receipts';
import { Translate } from '../shared/translate';
import { BenchmarkFormRow, CHANGE_ICONS, IdentityRow, MessageRow, ReceiptRow } from './rowsModel';

// The Benchmark group's rows, computed without VS Code from the benchmark the Reports service
// publishes: one row per form with its figure (a warning icon when below target), glue work, and
// each form's receipts as children. `EvidenceTreeProvider` maps them to `TreeItem`s.

/** Receipts listed under a form before "… and N more" (the report commands list them all). */
export const RECEIPT_ROWS_MAX = 50;

const FORM_ICONS: Readonly<Record<string, string>> = {
  ownership: 'target',
  designArtifacts: 'law',
  reviewLatency: 'watch',
  complexityExposure: 'pulse',
  interviewStories: 'mortar-board',
  glue: 'heart',
};

const RECEIPT_ICONS: Readonly<Record<Receipt['kind'], string>> = {
  ...CHANGE_ICONS,
  document: 'file-text',
  brag: 'star-full',
  story: 'mortar-board',
  tag: 'tag',
  codeowners: 'shield',
  followup: 'history',
  review: 'eye',
};

/** The children of the Benchmark group: the five forms and glue work, or why there is no benchmark. */
export function benchmarkRows(view: BenchmarkView, t: Translate): (BenchmarkFormRow | MessageRow)[] {
  if (view.state === 'unavailable')
    return [{ type: 'message', id: 'benchmark:why', label: view.reason, collapsible: 'none', contextValue: 'message' }];
  const b = view.benchmark;
  const short = shortFigures(b);
  const rows: BenchmarkFormRow[] = formFigures(b).map(([form, figure]) => {
    const gap = b.gaps.find((g) => g.form === form);
    const tooltip = gap ? `${figure}\n${gap.message} ${t('Next')}: ${gap.action.title}.` : figure;
    return formRow(b, t, { form, label: t(FORM_TITLES[form]), figure: short[form], tooltip, gap: !!gap }, b.forms[form].items);
  });
  const g = b.glue;
  const glue = t(
    '{0} merged for others · {1} reviews · {2} co-authored · {3} documentation',
    g.mergesForOthers,
    g.reviewTrailers + g.reviewsGiven,
    g.coAuthored,
    g.documentation,
  );
  rows.push(formRow(b, t, { form: 'glue', label: t('Glue work'), figure: String(g.count), tooltip: glue, gap: false }, g.items));
  if (b.otherIdentities.length > 0) rows.push(identitiesRow(b, t));
  return rows;
}

/** A form row: its short figure as description, the whole figure and the gap as tooltip. */
function formRow(
  b: Benchmark,
  t: Translate,
  f: { form: string; label: string; figure: string; tooltip: string; gap: boolean },
  items: readonly Receipt[],
): BenchmarkFormRow {
  const shown = items.slice(0, RECEIPT_ROWS_MAX).map((r, i) => receiptRow(b, t, f.form, r, i));
  if (items.length > RECEIPT_ROWS_MAX)
    shown.push({
      type: 'receipt',
      id: `benchmark:${b.period.label}:${f.form}:more`,
      label: t('… {0} more', items.length - RECEIPT_ROWS_MAX),
      description: t('Show Quarterly Benchmark lists them all'),
      collapsible: 'none',
      contextValue: 'receipt',
      tooltip: '',
    });
  return {
    type: 'benchmarkForm',
    id: `benchmark:${b.period.label}:${f.form}`,
    form: f.form,
    label: f.label,
    description: f.figure,
    icon: f.gap ? 'warning' : FORM_ICONS[f.form],
    collapsible: items.length > 0 ? 'collapsed' : 'none',
    contextValue: f.gap ? 'benchmarkForm.gap' : 'benchmarkForm',
    tooltip: f.tooltip,
    receipts: shown,
  };
}

function receiptRow(b: Benchmark, t: Translate, form: string, r: Receipt, i: number): ReceiptRow {
  const repo = r.repo.split('/').pop() ?? r.repo;
  const extra =
    r.hours !== undefined ? (r.hours === null ? t('no review') : `${r.hours} h`) : (r.story ?? r.role ?? (r.tags?.join(', ') || undefined));
  const where = [r.pr ? `#${r.pr}` : r.sha?.slice(0, 7), r.path].filter(Boolean).join(' ');
  return {
    type: 'receipt',
    id: `benchmark:${b.period.label}:${form}:${i}:${r.sha ?? r.path ?? r.title}`,
    label: r.title,
    description: [r.date, extra, repo].filter(Boolean).join(' · '),
    icon: RECEIPT_ICONS[r.kind],
    collapsible: 'none',
    contextValue: r.url ? 'receipt.pr' : 'receipt',
    ...(r.path ? { file: `${r.repo}/${r.path}` } : {}),
    ...(r.url ? { url: r.url } : {}),
    tooltip: [r.title, `${r.kind} · ${r.date} · ${repo}`, where, r.missing?.length ? t('missing: {0}', r.missing.join(', ')) : '']
      .filter(Boolean)
      .join('\n'),
  };
}

/** "Other addresses that look like you": each with its commits, and the action that adds it to the user's identities. */
function identitiesRow(b: Benchmark, t: Translate): BenchmarkFormRow {
  const rows: IdentityRow[] = b.otherIdentities.map((o) => ({
    type: 'identity',
    id: `benchmark:${b.period.label}:identity:${o.email}`,
    label: o.email,
    description: o.commits === 1 ? t('{0} · 1 commit', o.name) : t('{0} · {1} commits', o.name, o.commits),
    icon: 'account',
    collapsible: 'none',
    contextValue: 'identity',
    email: o.email,
  }));
  return {
    type: 'benchmarkForm',
    id: `benchmark:${b.period.label}:identities`,
    form: 'identities',
    label: t('Other addresses that look like you'),
    description: String(rows.length),
    icon: 'person-add',
    collapsible: 'collapsed',
    contextValue: 'benchmarkForm',
    tooltip: t(
      'Not counted until you add them: your own addresses on another machine or account count once added to careerEvidence.identities',
    ),
    receipts: rows,
  };
}
