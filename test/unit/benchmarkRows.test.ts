import * as assert from 'assert';
import { periodOf, quarterDays } from '../../src/core/evidence/quarters';
import { buildBenchmark } from '../../src/core/report/benchmark';
import { RECEIPT_ROWS_MAX, benchmarkRows } from '../../src/vscode/evidenceView/benchmarkModel';
import { BenchmarkFormRow, ReceiptRow } from '../../src/vscode/evidenceView/rowsModel';
import { suggestion } from '../support/suggestion';

const DANA = { name: 'Dana Developer', email: 'dana@example.com' };
import { english } from '../../src/vscode/shared/translate';

describe('Benchmark group rows (plain Node)', () => {
  const changes = Array.from({ length: RECEIPT_ROWS_MAX + 5 }, (_, i) => {
    const sha = i.toString(16).padStart(40, 'b');
    return suggestion({
      sha,
      commits: [sha],
      author: DANA,
      mergedAt: `2026-04-${String(1 + (i % 28)).padStart(2, '0')}T12:00:00Z`,
      tags: ['security'],
    });
  });
  const benchmark = buildBenchmark(
    { repositories: [{ root: '/r/shop', changes, documents: [], tags: [], codeowners: [] }], journal: null, problems: [] },
    { person: { emails: [DANA.email], names: [DANA.name], handles: [] }, period: periodOf(quarterDays(2026, 2)) },
  );
  const rows = benchmarkRows({ state: 'ready', benchmark }, english) as BenchmarkFormRow[];

  it('shows the five forms and glue work, a warning icon on each gap, and the figure as description', () => {
    assert.deepStrictEqual(
      rows.map((r) => [r.label, r.icon]),
      [
        ['Ownership events', 'target'], // follow-ups on the same files: no gap
        ['Design artifacts', 'warning'],
        ['Review latency', 'warning'],
        ['Complexity exposure', 'warning'],
        ['Interview stories', 'warning'],
        ['Glue work', 'heart'],
      ],
    );
    assert.strictEqual(rows[2].description, '98.5 h median · 55');
    assert.match(rows[2].tooltip, /median 98\.5 h, p90 98\.5 h over 55 merged changes\n.*above 72 h.*Next: /);
  });

  it('lists a form’s receipts (at most 50, then how many more) that open their pull request', () => {
    const receipts = rows[2].receipts as ReceiptRow[];
    assert.strictEqual(receipts.length, RECEIPT_ROWS_MAX + 1);
    assert.strictEqual(receipts[0].url, 'https://github.com/acme/shop/pull/12');
    assert.match(receipts[RECEIPT_ROWS_MAX].label, /… 5 more/);
    assert.strictEqual(new Set(receipts.map((r) => r.id)).size, receipts.length, 'ids are unique');
  });

  it('says why there is no benchmark', () => {
    assert.deepStrictEqual(
      benchmarkRows({ state: 'unavailable', reason: 'Restricted Mode' }, english).map((r) => [r.type, r.label]),
      [['message', 'Restricted Mode']],
    );
  });
});
