import { Benchmark, BenchmarkView } from '../../core/report/benchmark';
import { FORM_TITLES, formFigures } from '../../core/report/benchmarkFormat';
import { Receipt } from '../../core/report/receipts';
import { Translate } from '../shared/translate';
import { BenchmarkFormRow, MessageRow, ReceiptRow } from './rowsModel';

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
  merge: 'git-merge',
  squash: 'git-pull-request',
  rebase: 'git-pull-request',
  commit: 'git-commit',
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
  const rows: BenchmarkFormRow[] = formFigures(b).map(([form, figure]) => {
    const gap = b.gaps.find((g) => g.form === form);
    return formRow(
      b,
      form,
      t(FORM_TITLES[form]),
      figure,
      b.forms[form].items,
      gap ? `${gap.message} ${t('Next')}: ${gap.action.title}.` : undefined,
    );
  });
  const g = b.glue;
  rows.push(
    formRow(
      b,
      'glue',
      t('Glue work'),
      `${g.mergesForOthers} merged for others · ${g.reviewTrailers} reviews · ${g.coAuthored} co-authored · ${g.documentation} docs`,
      g.items,
      undefined,
    ),
  );
  return rows;
}

function formRow(
  b: Benchmark,
  form: string,
  label: string,
  figure: string,
  items: readonly Receipt[],
  gap: string | undefined,
): BenchmarkFormRow {
  const shown = items.slice(0, RECEIPT_ROWS_MAX).map((r, i) => receiptRow(b, form, r, i));
  if (items.length > RECEIPT_ROWS_MAX)
    shown.push({
      type: 'receipt',
      id: `benchmark:${b.period.label}:${form}:more`,
      label: `… ${items.length - RECEIPT_ROWS_MAX} more`,
      description: 'Show Quarterly Benchmark lists them all',
      collapsible: 'none',
      contextValue: 'receipt',
      tooltip: '',
    });
  return {
    type: 'benchmarkForm',
    id: `benchmark:${b.period.label}:${form}`,
    form,
    label,
    description: figure,
    icon: gap ? 'warning' : FORM_ICONS[form],
    collapsible: items.length > 0 ? 'collapsed' : 'none',
    contextValue: gap ? 'benchmarkForm.gap' : 'benchmarkForm',
    ...(gap ? { gap } : {}),
    receipts: shown,
  };
}

function receiptRow(b: Benchmark, form: string, r: Receipt, i: number): ReceiptRow {
  const repo = r.repo.split('/').pop() ?? r.repo;
  const extra =
    r.hours !== undefined ? (r.hours === null ? 'no review' : `${r.hours} h`) : (r.story ?? r.role ?? (r.tags?.join(', ') || undefined));
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
    tooltip: [r.title, `${r.kind} · ${r.date} · ${repo}`, where, r.missing?.length ? `missing: ${r.missing.join(', ')}` : '']
      .filter(Boolean)
      .join('\n'),
  };
}
