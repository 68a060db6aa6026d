import { Benchmark } from './benchmark';
import { FORM_TITLES as TITLES, RECEIPTS_SHOWN, formFigures, trendOf } from './benchmarkFormat';
import { escapeHtml as esc } from './escapeHtml';
import { Receipt } from './receipts';

/**
 * The benchmark as one self-contained HTML page: inline styles only, no script, and a
 * Content-Security-Policy that lets it load nothing from anywhere. Every value is escaped.
 */
export function benchmarkHtml(b: Benchmark): string {
  const rows = formFigures(b)
    .map(
      ([form, figure]) =>
        `<tr><th scope="row">${TITLES[form]}</th><td>${esc(figure)}</td><td>${b.gaps.some((g) => g.form === form) ? '⚠ below target' : ''}</td></tr>`,
    )
    .join('\n');
  const gaps = b.gaps
    .map((g) => `<li><strong>${TITLES[g.form]}</strong>: ${esc(g.message)} <em>Next: ${esc(g.action.title)}.</em></li>`)
    .join('\n');
  const trend = [...b.trend, { label: b.period.label, ...trendOf(b) }]
    .map(
      (t) =>
        `<tr><th scope="row">${esc(t.label)}</th><td>${t.ownership}</td><td>${t.designArtifacts}</td><td>${t.reviewLatencyMedianHours ?? 'n/a'}</td><td>${t.complexityExposure}</td><td>${t.interviewStories}</td></tr>`,
    )
    .join('\n');
  const receipts = (Object.keys(TITLES) as (keyof Benchmark['forms'])[])
    .map((form) => {
      const items = b.forms[form].items;
      const list = items
        .slice(0, RECEIPTS_SHOWN)
        .map((r) => `<li>${receipt(r)}</li>`)
        .join('\n');
      const more = items.length > RECEIPTS_SHOWN ? `<li>… and ${items.length - RECEIPTS_SHOWN} more</li>` : '';
      return `<h2>${TITLES[form]} (${items.length})</h2>\n<ul>${list || '<li><em>None in this period.</em></li>'}${more}</ul>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Quarterly evidence benchmark ${esc(b.period.label)}</title>
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse}th,td{border:1px solid #8884;padding:.3em .6em;text-align:left}</style>
</head><body>
<h1>Quarterly evidence benchmark — ${esc(b.period.label)}</h1>
<p>${esc(b.period.from)} to ${esc(b.period.to)} · ${esc(b.authors.join(', '))} · ${b.repositories.length} repositories</p>
<table><thead><tr><th>Form</th><th>This period</th><th>Gap</th></tr></thead><tbody>
${rows}
</tbody></table>
${gaps ? `<h2>Gaps and next steps</h2>\n<ul>${gaps}</ul>` : ''}
<h2>Trend</h2>
<table><thead><tr><th>Quarter</th><th>Ownership</th><th>Design artifacts</th><th>Review latency median (h)</th><th>Exposure areas</th><th>Ready stories</th></tr></thead><tbody>
${trend}
</tbody></table>
${receipts}
</body></html>
`;
}

function receipt(r: Receipt): string {
  const title = r.url && /^https:\/\//.test(r.url) ? `<a href="${esc(r.url)}">${esc(r.title)}</a>` : esc(r.title);
  const where = [
    r.pr ? `PR #${r.pr}` : '',
    r.sha ? `<code>${esc(r.sha.slice(0, 10))}</code>` : '',
    r.path ? `<code>${esc(r.path)}</code>` : '',
  ].filter(Boolean);
  return `${title} — ${esc(r.date)} · ${where.join(' · ')}`;
}
