// The dashboard page (bundled by esbuild.js into dist/dashboard.js): in VS Code's webview it talks
// to the extension through the typed messages of core/report/dashboardProtocol.ts; in the page the
// CLI writes (`report benchmark --format html`) it reads the dashboard embedded in the page and has
// no host. Everything is built with DOM calls and `textContent` (no HTML from data); charts are
// Chart.js canvases, each with an aria-label and a visually hidden table of the same figures.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  ChartConfiguration,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { Dashboard, DashboardCard, DashboardReceipt } from '../core/report/dashboard';
import type { DashboardRequest, DashboardState, DashboardUpdate } from '../core/report/dashboardProtocol';
import * as l10n from '@vscode/l10n';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

interface VsCodeApi {
  postMessage(message: DashboardRequest): void;
  getState(): DashboardState | undefined;
  setState(state: DashboardState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const embedded = document.getElementById('dashboard-data');
const host: VsCodeApi | null = embedded ? null : acquireVsCodeApi();
const app = document.getElementById('app')!;
let charts: Chart[] = [];
let translated = false;

/** What clicking a receipt does, said as its tooltip. */
const OPENS: Record<DashboardReceipt['opens'], () => string> = {
  document: () => l10n.t('Open the document'),
  link: () => l10n.t('Open the pull request'),
  commit: () => l10n.t('Copy the commit id'),
};

type Child = Node | string | null | undefined | false;
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Theme colours, read from the CSS variables media/dashboard.css maps VS Code's theme onto. */
function palette() {
  const css = getComputedStyle(document.body);
  const v = (name: string) => css.getPropertyValue(name).trim() || '#888';
  return {
    fg: v('--ce-foreground'),
    muted: v('--ce-muted'),
    grid: v('--ce-grid'),
    series: [v('--ce-blue'), v('--ce-green'), v('--ce-orange'), v('--ce-purple')],
    mark: v('--ce-red'),
    font: css.getPropertyValue('--ce-font-family').trim() || 'sans-serif',
  };
}

function render(d: Dashboard): void {
  for (const c of charts) c.destroy();
  charts = [];
  app.replaceChildren();
  app.setAttribute('aria-busy', 'false');
  const receiptsPanel = el('section', { class: 'receipts', id: 'receipts', 'aria-labelledby': 'receipts-title', tabindex: '-1' });
  const show = (title: string, ids: readonly number[]) => showReceipts(receiptsPanel, d.receipts, title, ids);
  const quarterButton = host ? el('button', { type: 'button', class: 'secondary', id: 'pick-quarter' }, l10n.t('Other Quarter…')) : null;
  quarterButton?.addEventListener('click', () => host!.postMessage({ type: 'pickQuarter' }));
  app.append(
    el(
      'header',
      {},
      el('h1', {}, l10n.t('Evidence dashboard — {0}', d.period.label)),
      el(
        'p',
        { class: 'muted' },
        d.repositories === 1
          ? l10n.t('{0} to {1} · 1 repository · {2}', d.period.from, d.period.to, d.authors.join(', '))
          : l10n.t('{0} to {1} · {2} repositories · {3}', d.period.from, d.period.to, d.repositories, d.authors.join(', ')),
      ),
      quarterButton,
    ),
  );
  if (d.problems > 0)
    app.append(
      el('p', { class: 'warning', role: 'note' }, l10n.t('{0} sources could not be read: see the benchmark report for which.', d.problems)),
    );
  app.append(el('section', { class: 'cards', 'aria-label': l10n.t('The five forms of evidence') }, ...d.cards.map((c) => card(c, show))));
  const latencyLabels = d.latency.bins.map((b) => b.label);
  app.append(
    chartSection(l10n.t('Complexity exposure'), 'exposure', {
      labels: d.exposure.map((e) => e.tag),
      series: [{ label: l10n.t('Merged changes'), values: d.exposure.map((e) => e.count) }],
      receipts: d.exposure.map((e) => e.receipts),
      horizontal: true,
      onPick: (i) => show(l10n.t('Complexity exposure: {0}', d.exposure[i]!.tag), d.exposure[i]!.receipts),
    }),
    chartSection(
      l10n.t('Review latency'),
      'latency',
      {
        labels: latencyLabels,
        series: [{ label: l10n.t('Merged changes'), values: d.latency.bins.map((b) => b.receipts.length) }],
        receipts: d.latency.bins.map((b) => b.receipts),
        marks: marks(d),
        onPick: (i) => show(l10n.t('Review latency {0}', latencyLabels[i]!), d.latency.bins[i]!.receipts),
      },
      el(
        'p',
        { class: 'muted' },
        l10n.t(
          'First commit to merge: median {0}, p90 {1}, over {2} merged changes.',
          hours(d.latency.medianHours),
          hours(d.latency.p90Hours),
          d.latency.measured,
        ),
      ),
      d.latency.slowest.length
        ? el(
            'div',
            {},
            el('h3', {}, l10n.t('Slowest changes')),
            el('ol', { class: 'receipt-list' }, ...d.latency.slowest.map((id) => el('li', {}, receiptItem(d.receipts[id]!, id)))),
          )
        : null,
    ),
    chartSection(l10n.t('Evidence by week'), 'timeline', {
      labels: d.timeline.map((w) => w.week.slice(5)),
      series: [
        { label: l10n.t('Merged work'), values: d.timeline.map((w) => w.merged.length) },
        { label: l10n.t('Documents'), values: d.timeline.map((w) => w.documents.length) },
        { label: l10n.t('Brag entries'), values: d.timeline.map((w) => w.brag.length) },
      ],
      receipts: d.timeline.map((w) => [...w.merged, ...w.documents, ...w.brag]),
      stacked: true,
      onPick: (i) => {
        const w = d.timeline[i]!;
        show(l10n.t('Week of {0}', w.week), [...w.merged, ...w.documents, ...w.brag]);
      },
    }),
    receiptsPanel,
  );
  show('', []);
}

function card(c: DashboardCard, show: (title: string, ids: readonly number[]) => void): HTMLElement {
  const target = c.lowerIsBetter ? l10n.t('Target: at most {0} h', c.target) : l10n.t('Target: at least {0}', c.target);
  const trendText = c.trend.map((t) => `${t.label}: ${t.value ?? l10n.t('n/a')}`).join(', ');
  const canvas = el('canvas', { role: 'img', 'aria-label': l10n.t('{0}, last five quarters: {1}', c.title, trendText) });
  const open = el(
    'button',
    { type: 'button', class: 'card-open', 'aria-label': l10n.t('{0}: {1}. Show its {2} receipts', c.title, c.figure, c.receipts.length) },
    el('span', { class: 'card-title' }, c.title),
    el('span', { class: 'figure' }, c.figure),
  );
  open.addEventListener('click', () => show(c.title, c.receipts));
  const gap = c.gap
    ? el('p', { class: 'gap' }, el('span', { class: 'codicon-warning', 'aria-hidden': 'true' }, '⚠ '), c.gap.message, ' ', gapButton(c))
    : el('p', { class: 'met' }, l10n.t('On target'));
  const article = el(
    'article',
    { class: `card${c.gap ? ' below' : ''}` },
    open,
    c.detail ? el('p', { class: 'muted' }, c.detail) : null,
    el('p', { class: 'muted' }, target),
    gap,
    el('div', { class: 'sparkline' }, canvas),
    dataTable(
      l10n.t('{0}, last five quarters', c.title),
      [l10n.t('Quarter'), c.title],
      c.trend.map((t) => [t.label, String(t.value ?? l10n.t('n/a'))]),
    ),
  );
  const p = palette();
  charts.push(
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: c.trend.map((t) => t.label),
        datasets: [
          { data: c.trend.map((t) => t.value), borderColor: p.series[0], backgroundColor: p.series[0], pointRadius: 2, spanGaps: true },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } },
      },
    }),
  );
  return article;
}

function gapButton(c: DashboardCard): Child {
  if (!host || !c.gap) return c.gap ? l10n.t('Next: {0}', c.gap.action) : null;
  const b = el('button', { type: 'button', class: 'link' }, l10n.t('Next: {0}', c.gap.action));
  b.addEventListener('click', () => host.postMessage({ type: 'closeGap', form: c.form }));
  return b;
}

interface ChartSpec {
  labels: string[];
  series: { label: string; values: number[] }[];
  receipts: number[][];
  onPick: (index: number) => void;
  horizontal?: boolean;
  stacked?: boolean;
  marks?: { at: number; label: string }[];
}

/** A bar chart with its heading, hidden table and keyboard access (arrows move, Enter lists the receipts). */
function chartSection(title: string, id: string, spec: ChartSpec, ...extra: Child[]): HTMLElement {
  const summary = spec.labels.map((l, i) => `${l}: ${spec.series.map((s) => s.values[i]).join(' / ')}`).join(', ');
  const canvas = el('canvas', {
    role: 'img',
    tabindex: '0',
    id: `${id}-chart`,
    'aria-label': l10n.t(
      '{0} ({1}): {2}. Arrow keys move between bars, Enter lists the receipts.',
      title,
      spec.series.map((s) => s.label).join(' / '),
      summary,
    ),
  });
  const section = el(
    'section',
    { class: 'chart-section', 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title),
    el('div', { class: `chart ${spec.horizontal ? 'horizontal' : ''}` }, canvas),
    dataTable(
      title,
      ['', ...spec.series.map((s) => s.label)],
      spec.labels.map((l, i) => [l, ...spec.series.map((s) => String(s.values[i]))]),
    ),
    ...extra,
  );
  const p = palette();
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: p.series[i % p.series.length] })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      layout: { padding: { top: spec.marks?.length ? 16 * spec.marks.length : 0 } },
      onClick: (_e, elements) => elements[0] && spec.onPick(elements[0].index),
      plugins: { legend: { display: spec.series.length > 1, labels: { color: p.fg } } },
      scales: {
        x: { stacked: spec.stacked, ticks: { color: p.fg, precision: 0 }, grid: { color: p.grid } },
        y: { stacked: spec.stacked, ticks: { color: p.fg, precision: 0 }, grid: { color: p.grid }, beginAtZero: true },
      },
    },
    plugins: spec.marks ? [markers(spec.marks)] : [],
  };
  const chart = new Chart(canvas, config);
  charts.push(chart);
  let active = -1;
  canvas.addEventListener('keydown', (e) => {
    const n = spec.labels.length;
    if (n === 0) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') active = (active + 1) % n;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') active = (active - 1 + n) % n;
    else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
      spec.onPick(active);
      e.preventDefault();
      return;
    } else return;
    e.preventDefault();
    const els = spec.series.map((_s, i) => ({ datasetIndex: i, index: active }));
    chart.setActiveElements(els);
    chart.tooltip?.setActiveElements(els, { x: 0, y: 0 });
    chart.update();
  });
  return section;
}

/** Vertical lines at the median and p90 on the latency chart's bins (a value's place within its bin). */
function markers(list: { at: number; label: string }[]): Plugin<'bar'> {
  return {
    id: 'latencyMarks',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x!;
      const band = x.width / Math.max(1, chart.data.labels!.length);
      const { ctx, chartArea } = chart;
      const p = palette();
      ctx.save();
      ctx.strokeStyle = p.mark;
      ctx.fillStyle = p.mark;
      ctx.setLineDash([4, 3]);
      ctx.font = `11px ${p.font}`;
      list.forEach((m, i) => {
        const px = x.getPixelForValue(Math.floor(m.at)) + (m.at - Math.floor(m.at) - 0.5) * band;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top - 14 * (list.length - i));
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
        ctx.fillText(m.label, px + 3, chartArea.top - 4 - (list.length - 1 - i) * 14);
      });
      ctx.restore();
    },
  };
}

/** Where the median and p90 fall on the bins: bin index + fraction within it. */
function marks(d: Dashboard): { at: number; label: string }[] {
  const place = (h: number) => {
    const i = d.latency.bins.findIndex((b) => h >= b.fromHours && (b.toHours === null || h < b.toHours));
    const b = d.latency.bins[i]!;
    return i + (b.toHours === null ? 0.5 : (h - b.fromHours) / (b.toHours - b.fromHours));
  };
  const out: { at: number; label: string }[] = [];
  if (d.latency.medianHours !== null)
    out.push({ at: place(d.latency.medianHours), label: l10n.t('median {0}', hours(d.latency.medianHours)) });
  if (d.latency.p90Hours !== null) out.push({ at: place(d.latency.p90Hours), label: l10n.t('p90 {0}', hours(d.latency.p90Hours)) });
  return out;
}

function hours(h: number | null): string {
  return h === null ? l10n.t('n/a') : `${h} h`;
}

function dataTable(caption: string, head: string[], rows: string[][]): HTMLElement {
  return el(
    'table',
    { class: 'visually-hidden' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, c) : el('td', {}, c)))))),
  );
}

function showReceipts(panel: HTMLElement, all: readonly DashboardReceipt[], title: string, ids: readonly number[]): void {
  const sorted = [...new Set(ids)];
  panel.replaceChildren(
    el('h2', { id: 'receipts-title' }, ids.length ? l10n.t('Receipts: {0} ({1})', title, sorted.length) : l10n.t('Receipts')),
    ids.length
      ? el('ul', { class: 'receipt-list' }, ...sorted.map((id) => el('li', {}, receiptItem(all[id]!, id))))
      : el('p', { class: 'muted' }, l10n.t('Choose a card, a bar or a week to list the evidence behind it.')),
  );
  if (ids.length) panel.focus();
}

function receiptItem(r: DashboardReceipt, id: number): HTMLElement {
  const text = [
    el('span', { class: 'receipt-title' }, r.title),
    el('span', { class: 'muted' }, ` — ${r.date}${r.detail ? ` · ${r.detail}` : ''}`),
  ];
  if (host) {
    const b = el('button', { type: 'button', class: 'receipt', title: OPENS[r.opens]() }, ...text);
    b.addEventListener('click', () => host.postMessage({ type: 'openReceipt', id }));
    return b;
  }
  if (r.opens === 'link' && r.url) return el('a', { href: r.url, target: '_blank', rel: 'noopener noreferrer' }, ...text);
  return el('span', {}, ...text);
}

function status(text: string): void {
  for (const c of charts) c.destroy();
  charts = [];
  app.setAttribute('aria-busy', 'true');
  const again = host ? el('button', { type: 'button', class: 'secondary' }, l10n.t('Other Quarter…')) : null;
  again?.addEventListener('click', () => host!.postMessage({ type: 'pickQuarter' }));
  app.replaceChildren(el('p', { class: 'status', role: 'status' }, text), ...(again ? [again] : []));
}

function receive(u: DashboardUpdate): void {
  if (u.type === 'loading') status(l10n.t('Reading the evidence of {0}…', u.quarter));
  else if (u.type === 'unavailable') {
    status(l10n.t('No dashboard for {0}: {1}', u.quarter, u.reason));
    app.setAttribute('aria-busy', 'false');
  } else {
    if (u.strings && !translated) {
      l10n.config({ contents: u.strings });
      translated = true;
    }
    host?.setState({ quarter: u.dashboard.period.label });
    render(u.dashboard);
    host?.postMessage({ type: 'rendered', charts: charts.length });
  }
}

// Canvas charts take their colours at drawing time: redraw when VS Code changes the theme (body class).
new MutationObserver(() => {
  const p = palette();
  for (const c of charts) {
    const sparkline = c.canvas.parentElement?.classList.contains('sparkline');
    c.data.datasets.forEach((ds, i) => {
      ds.backgroundColor = p.series[i % p.series.length];
      if (sparkline) ds.borderColor = p.series[0];
    });
    for (const axis of Object.values(c.options.scales ?? {})) {
      if (axis?.ticks) axis.ticks.color = p.fg;
      if (axis?.grid) axis.grid.color = p.grid;
    }
    if (c.options.plugins?.legend?.labels) c.options.plugins.legend.labels.color = p.fg;
    c.update();
  }
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

document.addEventListener('securitypolicyviolation', (e) => host?.postMessage({ type: 'cspViolation', directive: e.effectiveDirective }));

if (embedded) receive({ type: 'dashboard', dashboard: JSON.parse(embedded.textContent ?? '{}') as Dashboard });
else {
  window.addEventListener('message', (e: MessageEvent<DashboardUpdate>) => {
    const u = e.data;
    if (u && typeof u === 'object' && (u.type === 'loading' || u.type === 'dashboard' || u.type === 'unavailable')) receive(u);
  });
  host!.postMessage({ type: 'ready', ...(host!.getState()?.quarter ? { quarter: host!.getState()!.quarter } : {}) });
}
